package pl.krakow.agora.forum;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import pl.krakow.agora.forum.LiveState.Motion;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.Translations;

/** Members' texts in the reader's language: an approved translation with the original beside it. */
@Service
public class ForumTexts {

    private final Translations translations;

    ForumTexts(Translations translations) {
        this.translations = translations;
    }

    /**
     * The motions' texts as the reader is to be shown them: an approved translation into the
     * reader's language with the original beside it, or else the original (marked "translation
     * pending" when it is in another language).
     */
    public Map<Long, LocalizedText> motions(List<Motion> motions, UiLanguage reader) {
        Map<ContentRef, String> originals = new LinkedHashMap<>();
        for (Motion m : motions) {
            originals.put(ForumService.motionRef(m.id()), m.text());
        }
        Map<ContentRef, LocalizedText> shown = translations.display(reader.tag(), originals);
        Map<Long, LocalizedText> byMotion = new HashMap<>();
        for (Motion m : motions) {
            byMotion.put(m.id(), shown.get(ForumService.motionRef(m.id())));
        }
        return byMotion;
    }
}
