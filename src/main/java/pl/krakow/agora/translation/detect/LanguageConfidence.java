package pl.krakow.agora.translation.detect;

/**
 * One candidate language with its confidence.
 *
 * @param language   ISO 639-1 code, e.g. {@code "uk"}
 * @param confidence share of the candidates' total, in [0, 1]; the confidences of one text sum to 1
 */
public record LanguageConfidence(String language, double confidence) {

    public LanguageConfidence {
        if (language == null || !language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("not an ISO 639-1 code: " + language);
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
        }
    }
}
