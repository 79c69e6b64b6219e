package pl.krakow.agora.translation.detect;

/**
 * A part of a mixed-language text written in one language.
 *
 * @param start      index of the first char of the part in the analysed text
 * @param end        index after the last char (exclusive)
 * @param language   ISO 639-1 code
 * @param confidence the confidence of {@code language} for the part's first sentence that decided it
 */
public record LanguageSegment(int start, int end, String language, double confidence) {

    public LanguageSegment {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad segment bounds " + start + ".." + end);
        }
        if (language == null || !language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("not an ISO 639-1 code: " + language);
        }
    }
}
