package pl.krakow.agora.translation;

import pl.krakow.agora.platform.ContentRef;

/**
 * A translation a reader may be shown in place of the original (issue 8, item 7).
 *
 * @param sourceLanguage the language of the original, so the reader can be told what it was translated from
 * @param reviewed       approved by a second person; otherwise it is the project team's translation,
 *                       shown labelled "pending review" (issue 5, item 2)
 */
public record ShownTranslation(ContentRef content, String text, String language, String sourceLanguage,
        TranslatorKind translatorKind, boolean reviewed) {
}
