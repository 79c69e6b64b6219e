package pl.krakow.agora.translation.detect;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a {@link TextLanguageDetector} is built and when its answers count as sure.
 *
 * @param languages      candidate languages as ISO 639-1 codes, at least two; each must be supported by Lingua 1.2.2
 * @param lowAccuracy    Lingua's low-accuracy mode: trigram models only, far less memory, worse on short texts
 * @param preload        load every model while building (slow start, no first-request latency) instead of lazily
 * @param minConfidence  a top confidence below this makes the answer {@code UNSURE}
 * @param minMargin      a top confidence less than this above the second one makes the answer {@code UNSURE}
 * @param minLetters     texts with fewer letters are {@code UNSURE} whatever the confidence (1–2 letters tell
 *                       little: "to" is a word in Polish, Czech, Slovak and English)
 * @param mixedMinLength texts at least this many chars long are also checked sentence by sentence for a
 *                       second language; shorter texts rarely hold two full sentences
 */
public record DetectionSettings(Set<String> languages, boolean lowAccuracy, boolean preload,
                                double minConfidence, double minMargin, int minLetters, int mixedMinLength) {

    /**
     * The platform's languages: the four UI languages first, then the languages of Kraków's minorities and
     * migrants that Lingua 1.2.2 supports (architecture.md, "Languages"); all of them are supported, Georgian
     * and Armenian included.
     */
    public static final List<String> DEFAULT_LANGUAGES = List.of(
            "pl", "uk", "ru", "en",
            "be", "vi", "ka", "hy", "ro", "cs", "sk", "lt", "de", "fr", "es", "it", "he", "ar", "tr", "zh", "hi");

    public DetectionSettings {
        if (languages == null || languages.size() < 2) {
            throw new IllegalArgumentException("at least two languages are required (Lingua compares candidates)");
        }
        var normalised = new LinkedHashSet<String>();
        for (String code : languages) {
            String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            LinguaLanguages.require(c);
            normalised.add(c);
        }
        if (normalised.size() < 2) {
            throw new IllegalArgumentException("at least two distinct languages are required");
        }
        languages = Set.copyOf(normalised);
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException("minConfidence outside [0, 1]: " + minConfidence);
        }
        if (!(minMargin >= 0.0 && minMargin <= 1.0)) {
            throw new IllegalArgumentException("minMargin outside [0, 1]: " + minMargin);
        }
        if (minLetters < 0 || mixedMinLength < 1) {
            throw new IllegalArgumentException("minLetters must be >= 0 and mixedMinLength >= 1");
        }
    }

    /** High accuracy, preloaded, the platform languages, unsure below 0.5 confidence or 0.1 margin. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(Set.copyOf(DEFAULT_LANGUAGES), false, true, 0.5, 0.1, 3, 200);
    }

    public DetectionSettings withLanguages(String... codes) {
        return withLanguages(Arrays.asList(codes));
    }

    public DetectionSettings withLanguages(Iterable<String> codes) {
        var set = new LinkedHashSet<String>();
        codes.forEach(set::add);
        return new DetectionSettings(set, lowAccuracy, preload, minConfidence, minMargin, minLetters, mixedMinLength);
    }

    public DetectionSettings withLowAccuracy(boolean low) {
        return new DetectionSettings(languages, low, preload, minConfidence, minMargin, minLetters, mixedMinLength);
    }

    public DetectionSettings withPreload(boolean load) {
        return new DetectionSettings(languages, lowAccuracy, load, minConfidence, minMargin, minLetters, mixedMinLength);
    }

    public DetectionSettings withThresholds(double confidence, double margin) {
        return new DetectionSettings(languages, lowAccuracy, preload, confidence, margin, minLetters, mixedMinLength);
    }

    public DetectionSettings withMinLetters(int letters) {
        return new DetectionSettings(languages, lowAccuracy, preload, minConfidence, minMargin, letters, mixedMinLength);
    }

    public DetectionSettings withMixedMinLength(int length) {
        return new DetectionSettings(languages, lowAccuracy, preload, minConfidence, minMargin, minLetters, length);
    }
}
