package pl.krakow.agora.recommendation;

import java.util.Collection;
import java.util.Map;

import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.ShownTranslation;
import pl.krakow.agora.translation.Translations;

/** Puts the reader's translation, where there is one, beside each original text. */
final class LocalizedTexts {

    static final String MODULE = "recommendation";

    private final Map<ContentRef, ShownTranslation> shown;
    private final UiLanguage reader;

    private LocalizedTexts(Map<ContentRef, ShownTranslation> shown, UiLanguage reader) {
        this.shown = shown;
        this.reader = reader;
    }

    static LocalizedTexts load(Translations translations, UiLanguage reader, Collection<ContentRef> contents) {
        return new LocalizedTexts(translations.shownIn(reader.tag(), contents), reader);
    }

    static ContentRef ref(String type, String id) {
        return new ContentRef(MODULE, type, id);
    }

    LocalizedText of(ContentRef content, String original, String originalLanguage) {
        if (original.isEmpty() || reader.tag().equals(originalLanguage)) {
            return LocalizedText.original(original, originalLanguage, false);
        }
        ShownTranslation translation = shown.get(content);
        if (translation == null) {
            return LocalizedText.original(original, originalLanguage, true);
        }
        return new LocalizedText(translation.text(), translation.language(), original, originalLanguage,
                translation.translatorKind(), translation.reviewed(), false);
    }
}
