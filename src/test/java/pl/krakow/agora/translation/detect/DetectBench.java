package pl.krakow.agora.translation.detect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Figures for the report, printed, never asserted: per mode (low, then high accuracy, in one JVM; Lingua's models
 * are static, so each mode's models are unloaded after it) the load time, the heap the models retain after a full
 * GC, the accuracy per language on the shared texts, and the command's throughput on a mix of single words, word
 * pairs and sentences. Run with {@code mvn -Pbench test}.
 */
class DetectBench {

    private static final List<String> LANGUAGES = List.of("pl", "uk", "ru", "en");
    private static final int THROUGHPUT_COPIES = 20;

    @Test
    void printFigures() {
        var gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList();
        System.out.printf(Locale.ROOT, "%nDetectBench: %d processors, %s, max heap %d MB, GC %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, gc);
        List<String> mixed = mixedTexts();
        for (boolean low : new boolean[]{true, false}) {
            mode(low, mixed);
        }
    }

    private void mode(boolean low, List<String> mixed) {
        String name = low ? "low accuracy" : "high accuracy";
        long heapBefore = retainedHeap();
        long start = System.nanoTime();
        TextLanguageDetector detector = TextLanguageDetector.create(DetectionSettings.defaults().withLowAccuracy(low));
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        long heapModels = retainedHeap() - heapBefore;
        System.out.printf(Locale.ROOT, "%n== %s, %d languages: load %d ms, heap retained by models %d MB%n",
                name, detector.settings().languages().size(), loadMillis, heapModels >> 20);

        System.out.printf(Locale.ROOT, "%-4s %10s %10s %12s   (command default path, %% right of 100 lines)%n",
                "lang", "sentences", "word pairs", "single word");
        for (String language : LANGUAGES) {
            List<String> pairs = SharedData.lines("word-pairs", language);
            System.out.printf(Locale.ROOT, "%-4s %10.1f %10.1f %12.1f%n", language,
                    accuracy(detector, SharedData.lines("sentences", language), language),
                    accuracy(detector, pairs, language),
                    accuracy(detector, pairs.stream().map(p -> p.split(" ")[0]).toList(), language));
        }

        byte[] input = (String.join("\n", repeat(mixed, THROUGHPUT_COPIES)) + "\n").getBytes(StandardCharsets.UTF_8);
        int texts = mixed.size() * THROUGHPUT_COPIES;
        for (int round = 1; round <= 4; round++) {
            long t0 = System.nanoTime();
            var out = new ByteArrayOutputStream();
            DetectLanguageCommand.run(new String[0], new ByteArrayInputStream(input),
                    new PrintStream(out, false, StandardCharsets.UTF_8), System.err, settings -> detector);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "command round %d: %d texts, %.0f texts/s%n", round, texts, texts / seconds);
        }
        for (int round = 1; round <= 2; round++) {
            long t0 = System.nanoTime();
            for (String text : repeat(mixed, 5)) {
                detector.linguaDetectLanguageOf(text);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "plain Lingua detectLanguageOf, one calling thread, round %d: %.0f texts/s%n",
                    round, mixed.size() * 5 / seconds);
        }
        if (!low) {
            calibration(detector);
        }
        detector.unload();
    }

    /** How the confidence exponent trades sure answers against their precision at the default 0.5 / 0.1. */
    private void calibration(TextLanguageDetector detector) {
        System.out.println("confidence exponent calibration (default thresholds 0.5 / 0.1): "
                + "% sure, % right among sure, % right among unsure");
        for (String kind : List.of("sentences", "word-pairs", "single words")) {
            for (double exponent : new double[]{6, 9, 12, 16, 24}) {
                int sure = 0, sureRight = 0, unsure = 0, unsureRight = 0;
                for (String language : LANGUAGES) {
                    List<String> texts = kind.equals("single words")
                            ? SharedData.lines("word-pairs", language).stream().map(p -> p.split(" ")[0]).toList()
                            : SharedData.lines(kind, language);
                    for (String text : texts) {
                        var c = Confidences.normalise(detector.relativeConfidences(text), exponent);
                        if (c.isEmpty()) {
                            unsure++;
                            continue;
                        }
                        double margin = c.getFirst().confidence() - (c.size() > 1 ? c.get(1).confidence() : 0);
                        boolean right = c.getFirst().language().equals(language);
                        if (c.getFirst().confidence() >= 0.5 && margin >= 0.1) {
                            sure++;
                            sureRight += right ? 1 : 0;
                        } else {
                            unsure++;
                            unsureRight += right ? 1 : 0;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "  %-12s k=%4.0f  sure %5.1f  right|sure %5.1f  right|unsure %5.1f%n",
                        kind, exponent, 100.0 * sure / (sure + unsure), sure == 0 ? 0 : 100.0 * sureRight / sure,
                        unsure == 0 ? 0 : 100.0 * unsureRight / unsure);
            }
        }
    }

    private static double accuracy(TextLanguageDetector detector, List<String> texts, String language) {
        long right = texts.stream()
                .filter(t -> language.equals(TextLanguageDetector.mostLikely(detector.relativeConfidences(t))))
                .count();
        return 100.0 * right / texts.size();
    }

    /** Sentences, word pairs and the first words of the pairs of the four languages, shuffled. */
    static List<String> mixedTexts() {
        var texts = new ArrayList<String>();
        for (String language : LANGUAGES) {
            texts.addAll(SharedData.lines("sentences", language));
            List<String> pairs = SharedData.lines("word-pairs", language);
            texts.addAll(pairs);
            pairs.forEach(p -> texts.add(p.split(" ")[0]));
        }
        Collections.shuffle(texts, new Random(1));
        return texts;
    }

    private static List<String> repeat(List<String> texts, int copies) {
        var all = new ArrayList<String>(texts.size() * copies);
        for (int i = 0; i < copies; i++) {
            all.addAll(texts);
        }
        return all;
    }

    private static long retainedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
