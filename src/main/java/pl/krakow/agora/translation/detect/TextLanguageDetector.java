package pl.krakow.agora.translation.detect;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Detects the language of a text among a configured set of languages.
 *
 * <p>Build one instance per application and share it: it is thread-safe, and the high-accuracy models of the
 * default 21 languages take about 5 s and 0.5 GB of heap to load. Lingua keeps its models in static maps, so a
 * second instance over the same languages costs little.
 */
public final class TextLanguageDetector {

    private final DetectionSettings settings;
    private final LanguageDetector lingua;

    private TextLanguageDetector(DetectionSettings settings, LanguageDetector lingua) {
        this.settings = settings;
        this.lingua = lingua;
    }

    /** Builds the detector; with {@link DetectionSettings#preload()} this loads all models and takes seconds. */
    public static TextLanguageDetector create(DetectionSettings settings) {
        IsoCode639_1[] codes = settings.languages().stream()
                .map(LinguaLanguages::require)
                .map(Language::getIsoCode639_1)
                .toArray(IsoCode639_1[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromIsoCodes639_1(codes);
        if (settings.lowAccuracy()) {
            builder = builder.withLowAccuracyMode();
        }
        if (settings.preload()) {
            builder = builder.withPreloadedLanguageModels();
        }
        return new TextLanguageDetector(settings, builder.build());
    }

    /** Frees Lingua's static models of this detector's languages (for measurements; the detector is unusable). */
    void unload() {
        lingua.unloadLanguageModels();
    }

    /** Lingua's own answer, for comparing costs in the benchmark. */
    String linguaDetectLanguageOf(String text) {
        Language language = lingua.detectLanguageOf(text);
        return language == Language.UNKNOWN ? null : LinguaLanguages.code(language);
    }

    public DetectionSettings settings() {
        return settings;
    }

    /**
     * Detects the language of {@code text}, applying the settings' thresholds, and for a long text also looks for
     * parts in other languages.
     */
    public LanguageDetection detect(String text) {
        LanguageDetection whole = detectWhole(text);
        if (whole.status() == DetectionStatus.UNDETERMINED || text.length() < settings.mixedMinLength()) {
            return whole;
        }
        List<LanguageSegment> segments = segments(text);
        return segments.size() > 1
                ? new LanguageDetection(whole.status(), whole.candidates(), segments)
                : whole;
    }

    /** Confidences of every remaining candidate, most likely first; empty when no language can be told. */
    public List<LanguageConfidence> confidences(String text) {
        return Confidences.normalise(relativeConfidences(text));
    }

    /**
     * Lingua's own relative values (top = 1.0), or an empty map for text without letters, checked here first
     * because it is cheaper than Lingua's regular expressions and its fork-join tasks.
     */
    SortedMap<Language, Double> relativeConfidences(String text) {
        if (!hasLetter(text)) {
            return Collections.emptySortedMap();
        }
        return lingua.computeLanguageConfidenceValues(text);
    }

    /**
     * The most likely language as Lingua's {@code detectLanguageOf} would answer it (no thresholds; a tie is no
     * answer), or {@code null}. Same cost as {@code detectLanguageOf}, which computes these values anyway.
     */
    static String mostLikely(SortedMap<Language, Double> relative) {
        if (relative.isEmpty()) {
            return null;
        }
        Iterator<Map.Entry<Language, Double>> it = relative.entrySet().iterator();
        Map.Entry<Language, Double> top = it.next();
        if (it.hasNext() && it.next().getValue().equals(top.getValue())) {
            return null;
        }
        return top.getKey() == Language.UNKNOWN ? null : LinguaLanguages.code(top.getKey());
    }

    private LanguageDetection detectWhole(String text) {
        List<LanguageConfidence> candidates = confidences(text);
        if (candidates.isEmpty()) {
            return LanguageDetection.undetermined();
        }
        return new LanguageDetection(sure(candidates, text) ? DetectionStatus.DETECTED : DetectionStatus.UNSURE,
                candidates, List.of());
    }

    private boolean sure(List<LanguageConfidence> candidates, String text) {
        double top = candidates.getFirst().confidence();
        double second = candidates.size() > 1 ? candidates.get(1).confidence() : 0.0;
        return top >= settings.minConfidence()
                && top - second >= settings.minMargin()
                && letterCount(text, settings.minLetters()) >= settings.minLetters();
    }

    /**
     * Lingua 1.2.2 has no detection of multiple languages (its {@code detectMultipleLanguagesOf} came with the later
     * Rust/Python versions), so the text is split into sentences; each sentence long enough to judge is detected,
     * the others join the part before them, and neighbouring sentences of one language are merged.
     */
    private List<LanguageSegment> segments(String text) {
        var parts = new ArrayList<LanguageSegment>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
             start = end, end = sentences.next()) {
            String sentence = text.substring(start, end);
            LanguageDetection d = letterCount(sentence, MIN_SEGMENT_LETTERS) >= MIN_SEGMENT_LETTERS
                    ? detectWhole(sentence) : null;
            if (d == null || d.status() != DetectionStatus.DETECTED) {
                continue; // too short or unsure: becomes part of the segment around it
            }
            LanguageConfidence best = d.candidates().getFirst();
            if (!parts.isEmpty() && parts.getLast().language().equals(best.language())) {
                LanguageSegment last = parts.removeLast();
                parts.add(new LanguageSegment(last.start(), end, last.language(), last.confidence()));
            } else {
                if (!parts.isEmpty()) {
                    LanguageSegment last = parts.removeLast();
                    parts.add(new LanguageSegment(last.start(), start, last.language(), last.confidence()));
                }
                parts.add(new LanguageSegment(parts.isEmpty() ? 0 : start, end,
                        best.language(), best.confidence()));
            }
        }
        if (!parts.isEmpty() && parts.getLast().end() < text.length()) {
            LanguageSegment last = parts.removeLast();
            parts.add(new LanguageSegment(last.start(), text.length(), last.language(), last.confidence()));
        }
        return parts;
    }

    /** A sentence needs about three words before its language is worth a segment of its own. */
    private static final int MIN_SEGMENT_LETTERS = 15;

    static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Letters in {@code text}, counting stops at {@code enough}. */
    static int letterCount(String text, int enough) {
        int count = 0;
        for (int i = 0; i < text.length() && count < enough; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                count++;
            }
            i += Character.charCount(cp);
        }
        return count;
    }
}
