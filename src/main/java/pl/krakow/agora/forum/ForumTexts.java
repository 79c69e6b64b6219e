package pl.krakow.agora.forum;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import pl.krakow.agora.forum.LiveState.Motion;
import pl.krakow.agora.forum.LiveState.Vote;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.Translations;

/**
 * Members' texts in the reader's language (issue 7: everyone sees the session "in their language"):
 * an approved translation with the original beside it, or else the original, marked "translation
 * pending" when it is in another language. Agenda items (title, description, draft resolution),
 * motions and the texts put to the vote, each under its own {@link ContentRef}.
 */
@Service
public class ForumTexts {

    private final Translations translations;

    ForumTexts(Translations translations) {
        this.translations = translations;
    }

    /** The non-empty title, description and draft resolution of each item. */
    public Map<ContentRef, LocalizedText> agenda(Collection<AgendaItem> items, UiLanguage reader) {
        Map<ContentRef, String> originals = new LinkedHashMap<>();
        for (AgendaItem item : items) {
            originals.put(ForumService.itemRef(item.id()), item.title());
            if (!item.description().isEmpty()) {
                originals.put(ForumService.descriptionRef(item.id()), item.description());
            }
            if (!item.draftText().isEmpty()) {
                originals.put(ForumService.draftRef(item.id()), item.draftText());
            }
        }
        return texts(originals, reader);
    }

    public Map<ContentRef, LocalizedText> motions(Collection<Motion> motions, UiLanguage reader) {
        Map<ContentRef, String> originals = new LinkedHashMap<>();
        motions.forEach(m -> originals.put(m.textRef(), m.text()));
        return texts(originals, reader);
    }

    /** The texts put to the vote. */
    public Map<ContentRef, LocalizedText> votes(Collection<Vote> votes, UiLanguage reader) {
        Map<ContentRef, String> originals = new LinkedHashMap<>();
        votes.forEach(v -> originals.put(v.textRef(), v.motionText()));
        return texts(originals, reader);
    }

    /** Any of the forum's texts, given by reference with its original. */
    public Map<ContentRef, LocalizedText> texts(Map<ContentRef, String> originals, UiLanguage reader) {
        return originals.isEmpty() ? Map.of() : translations.display(reader.tag(), originals);
    }
}
