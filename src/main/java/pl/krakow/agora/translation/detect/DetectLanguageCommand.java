package pl.krakow.agora.translation.detect;

import com.github.pemistahl.lingua.api.Language;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code detect-language}: reads one text per line from standard input and writes one answer per line, in order.
 *
 * <pre>
 * detect-language [--languages pl,uk,…] [--low-accuracy] [--min-confidence X] [--json]
 * </pre>
 *
 * <p>An answer is the ISO 639-1 code of the most likely language, or {@code und} when no language can be told
 * (no letters, or Lingua gives no answer). Unlike {@link TextLanguageDetector#detect}, no unsure thresholds apply
 * unless {@code --min-confidence} is given; then a top confidence below it is {@code und} too.
 *
 * <p>Speed: lines are read in batches and detected on the common fork-join pool, whose parallelism is raised to the
 * number of processors (the JDK default is one less). Lingua 1.2.2 forks a task per n-gram length on that pool for
 * every text; called from a worker of the same pool, those tasks are queued locally and run by the same thread, so
 * the hand-off to another thread that a plain calling thread pays per text disappears.
 *
 * <p>Memory: the high-accuracy models of the 21 default languages retain about 0.5 GB of heap. Without flags G1
 * grows the heap to about 2.5 GB while parsing them (peak RSS about 3 GB on a 23 GB machine); recommended for
 * scripted use: {@code java -Xmx1g -jar agora.jar detect-language} (peak RSS about 1 GB, same speed), or
 * {@code -XX:+UseSerialGC} for the smallest footprint (about 0.7 GB). The system property
 * {@code agora.detect.stats=true} prints load time and throughput to standard error.
 */
public final class DetectLanguageCommand {

    static final String NAME = "detect-language";

    static final String USAGE = """
            usage: detect-language [--languages pl,uk,...] [--low-accuracy] [--min-confidence X] [--json]
              Reads one text per line (UTF-8) from standard input and writes one line per input line:
              the ISO 639-1 code of the most likely language, or 'und' if none can be told.
              --languages CODES     comma-separated ISO 639-1 codes to choose from (default: %s)
              --low-accuracy        use Lingua's low-accuracy mode (less memory, worse on short texts)
              --min-confidence X    answer 'und' when the top confidence is below X (0..1; the
                                    confidences of one text sum to 1 over its candidates)
              --json                write one JSON object per line with the confidences
              --help                show this help
            """.formatted(String.join(",", DetectionSettings.DEFAULT_LANGUAGES));

    static final String UND = "und";

    /** Lines detected per fork-join leaf task: large enough to amortise the task, small enough to balance. */
    private static final int LEAF = 16;
    /** Lines read ahead while the previous batch is detected. */
    private static final int BATCH = 4096;

    private DetectLanguageCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command; returns 0 on success, 2 on a usage error, 1 on an I/O error. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, TextLanguageDetector::create);
    }

    /** As {@link #run(String[], InputStream, PrintStream, PrintStream)}, building the detector with {@code factory}. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                   Function<DetectionSettings, TextLanguageDetector> factory) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("detect-language: " + e.getMessage());
            err.print(USAGE);
            err.flush();
            return 2;
        }
        if (options.help()) {
            out.print(USAGE);
            out.flush();
            return 0;
        }
        boolean stats = Boolean.getBoolean("agora.detect.stats");
        useAllProcessors();
        long started = System.nanoTime();
        TextLanguageDetector detector = factory.apply(options.settings());
        long loaded = System.nanoTime();
        if (stats) {
            err.printf(Locale.ROOT, "detect-language: models loaded in %d ms (%d processors, pool parallelism %d)%n",
                    (loaded - started) / 1_000_000, Runtime.getRuntime().availableProcessors(),
                    ForkJoinPool.getCommonPoolParallelism());
        }
        try {
            int lines = process(detector, options, in, out, err);
            if (stats) {
                double seconds = (System.nanoTime() - loaded) / 1e9;
                err.printf(Locale.ROOT, "detect-language: %d texts in %.3f s, %.0f texts/s%n",
                        lines, seconds, lines / seconds);
            }
            return 0;
        } catch (UncheckedIOException e) {
            err.println("detect-language: " + e.getCause().getMessage());
            return 1;
        }
    }

    /**
     * The JDK sizes the common pool at processors - 1, which on two cores leaves one worker for every text.
     * The command owns its process, so it may change that; a parallelism fixed by system property is respected.
     */
    private static void useAllProcessors() {
        int processors = Runtime.getRuntime().availableProcessors();
        if (ForkJoinPool.getCommonPoolParallelism() < processors) {
            try {
                ForkJoinPool.commonPool().setParallelism(processors);
            } catch (UnsupportedOperationException fixedBySystemProperty) {
                // java.util.concurrent.ForkJoinPool.common.parallelism was given: the operator's choice wins.
            }
        }
    }

    private static int process(TextLanguageDetector detector, Options options, InputStream in, PrintStream out,
                               PrintStream err) {
        var reader = new LineReader(in);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        var failures = new AtomicInteger();
        int count = 0;
        try {
            ForkJoinTask<String[]> previous = null;
            while (true) {
                if (previous != null && !reader.ready()) {
                    // Nothing more to read right now (an interactive caller): answer before waiting for input.
                    write(writer, previous.join());
                    writer.flush();
                    previous = null;
                }
                List<String> batch = reader.readBatch(BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                count += batch.size();
                ForkJoinTask<String[]> current = ForkJoinPool.commonPool().submit(answer(detector, options, batch, failures));
                if (previous != null) {
                    write(writer, previous.join());
                }
                previous = current;
            }
            if (previous != null) {
                write(writer, previous.join());
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (failures.get() > 0) {
            err.println("detect-language: " + failures.get() + " texts failed in Lingua and were answered 'und'");
        }
        return count;
    }

    private static void write(Writer writer, String[] answers) throws IOException {
        for (String answer : answers) {
            writer.write(answer);
            writer.write('\n');
        }
    }

    private static ForkJoinTask<String[]> answer(TextLanguageDetector detector, Options options, List<String> texts,
                                                 AtomicInteger failures) {
        String[] answers = new String[texts.size()];
        var task = new Answer(detector, options, texts, answers, failures, 0, texts.size());
        return ForkJoinTask.adapt(() -> {
            task.invoke();
            return answers;
        });
    }

    /** Splits a batch in halves down to {@link #LEAF} lines, each answered in place. */
    private static final class Answer extends RecursiveAction {
        private final TextLanguageDetector detector;
        private final Options options;
        private final List<String> texts;
        private final String[] answers;
        private final AtomicInteger failures;
        private final int from;
        private final int to;

        Answer(TextLanguageDetector detector, Options options, List<String> texts, String[] answers,
               AtomicInteger failures, int from, int to) {
            this.detector = detector;
            this.options = options;
            this.texts = texts;
            this.answers = answers;
            this.failures = failures;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from <= LEAF) {
                for (int i = from; i < to; i++) {
                    answers[i] = answerOne(texts.get(i));
                }
            } else {
                int mid = (from + to) >>> 1;
                invokeAll(new Answer(detector, options, texts, answers, failures, from, mid),
                        new Answer(detector, options, texts, answers, failures, mid, to));
            }
        }

        private String answerOne(String text) {
            SortedMap<Language, Double> relative;
            try {
                relative = detector.relativeConfidences(text);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                relative = java.util.Collections.emptySortedMap();
            }
            String code = TextLanguageDetector.mostLikely(relative);
            List<LanguageConfidence> confidences = options.json() || options.minConfidence() >= 0.0
                    ? Confidences.normalise(relative) : List.of();
            if (code != null && options.minConfidence() >= 0.0
                    && confidences.getFirst().confidence() < options.minConfidence()) {
                code = null;
            }
            String language = code == null ? UND : code;
            return options.json() ? json(text, language, confidences) : language;
        }
    }

    static String json(String text, String language, List<LanguageConfidence> confidences) {
        var sb = new StringBuilder(64 + text.length() + 40 * confidences.size());
        sb.append("{\"language\":");
        string(sb, language);
        sb.append(",\"confidence\":").append(number(confidences.isEmpty() ? 0.0 : confidences.getFirst().confidence()));
        sb.append(",\"confidences\":[");
        for (int i = 0; i < confidences.size(); i++) {
            LanguageConfidence c = confidences.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"language\":");
            string(sb, c.language());
            sb.append(",\"confidence\":").append(number(c.confidence())).append('}');
        }
        sb.append("],\"text\":");
        string(sb, text);
        return sb.append('}').toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** A JSON string literal (RFC 8259 section 7): quote, backslash and control characters escaped. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Parsed command line; {@code minConfidence} is negative when not given. */
    record Options(List<String> languages, boolean lowAccuracy, double minConfidence, boolean json, boolean help) {

        static Options parse(String[] args) {
            List<String> languages = DetectionSettings.DEFAULT_LANGUAGES;
            boolean low = false;
            boolean json = false;
            double minConfidence = -1.0;
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            if (!rest.isEmpty() && NAME.equals(rest.getFirst())) {
                rest.removeFirst(); // called with the subcommand's own name, as by the application's main
            }
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--help", "-h" -> {
                        return new Options(languages, low, minConfidence, json, true);
                    }
                    case "--low-accuracy" -> low = flag(arg, value);
                    case "--json" -> json = flag(arg, value);
                    case "--languages" -> {
                        if (value == null) {
                            value = next(rest, ++i, arg);
                        }
                        languages = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
                    }
                    case "--min-confidence" -> {
                        if (value == null) {
                            value = next(rest, ++i, arg);
                        }
                        minConfidence = confidence(value);
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            var options = new Options(languages, low, minConfidence, json, false);
            options.settings(); // rejects unsupported or too few languages now, as a usage error
            return options;
        }

        DetectionSettings settings() {
            return DetectionSettings.defaults().withLanguages(languages).withLowAccuracy(lowAccuracy).withPreload(true);
        }

        private static boolean flag(String arg, String value) {
            if (value != null) {
                throw new IllegalArgumentException(arg + " takes no value");
            }
            return true;
        }

        private static String next(List<String> args, int i, String option) {
            if (i >= args.size() || args.get(i).startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static double confidence(String value) {
            double x;
            try {
                x = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--min-confidence needs a number from 0 to 1, not '" + value + "'");
            }
            if (!(x >= 0.0 && x <= 1.0)) {
                throw new IllegalArgumentException("--min-confidence needs a number from 0 to 1, not '" + value + "'");
            }
            return x;
        }
    }
}
