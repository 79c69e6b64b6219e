package pl.krakow.agora.translation;

/** Who wrote a translation; shown to readers beside it. */
public enum TranslatorKind {
    /** A volunteer translator with the TRANSLATOR role. */
    VOLUNTEER,
    /** The project team that published the content (e.g. the English text of the report). */
    PROJECT_TEAM
}
