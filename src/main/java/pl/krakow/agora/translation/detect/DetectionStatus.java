package pl.krakow.agora.translation.detect;

/** How far a {@link LanguageDetection} can be trusted. */
public enum DetectionStatus {
    /** One language is clearly the most likely: its confidence and its margin reach the thresholds. */
    DETECTED,
    /** Letters were found but the text is too short or too ambiguous; the candidates are still reported. */
    UNSURE,
    /** No language can be told at all: no letters (empty, emoji or numbers only) or no model matched. */
    UNDETERMINED
}
