package pl.krakow.agora.translation;

import org.jspecify.annotations.Nullable;


/**
 * A text as a reader is shown it: either the original, or a translation with who made it and
 * whether it was reviewed; the original is always kept beside it (issue 8, item 7).
 *
 * @param language             the language of {@code text}, for the HTML {@code lang} attribute
 * @param translatedBy         null when {@code text} is the original
 * @param translationPending   the original is shown because no translation into the reader's language exists yet
 */
public record LocalizedText(String text, String language, String original, String originalLanguage,
        @Nullable TranslatorKind translatedBy, boolean reviewed, boolean translationPending) {

    public static LocalizedText original(String text, String language, boolean translationPending) {
        return new LocalizedText(text, language, text, language, null, false, translationPending);
    }

    public boolean isTranslation() {
        return translatedBy != null;
    }
}
