package pl.krakow.agora.translation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.translation.internal.ReadDemand;
import pl.krakow.agora.translation.internal.TaskOpening;

/**
 * What readers are shown in their language, and the entry for texts whose language is known
 * beforehand (the report itself, written in Polish by the project team), which need no detection.
 */
@Service
public class Translations {

    private final JdbcClient jdbc;
    private final TaskOpening taskOpening;
    private final ReadDemand demand;
    private final Clock clock;

    Translations(JdbcClient jdbc, TaskOpening taskOpening, ReadDemand demand, Clock clock) {
        this.jdbc = jdbc;
        this.taskOpening = taskOpening;
        this.demand = demand;
        this.clock = clock;
    }

    /**
     * Registers an original whose language is known, opens its translation tasks, and files the
     * translations the publisher supplied as submitted work awaiting review. Idempotent: a content
     * already registered keeps its source and tasks (a loader may run again).
     *
     * @return true when the content was registered now, false when it already was
     */
    @Transactional
    public boolean registerOriginal(ContentRef content, String text, String language,
            Map<String, String> teamTranslations) {
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO translation_source (content_module, content_type, content_id, original_text,
                    author_id, author_language, detection_status, language, candidates, submitted_at)
                VALUES (:module, :type, :id, :text, NULL, :language, 'SET_BY_PERSON', :language, '', :now)""")
                .param("module", content.module()).param("type", content.type()).param("id", content.id())
                .param("text", text).param("language", language).param("now", now)
                .update(keys);
        if (inserted == 0) {
            return false;
        }
        long sourceId = Objects.requireNonNull(keys.getKey()).longValue();
        taskOpening.open(sourceId, language);
        teamTranslations.forEach((target, translation) -> jdbc.sql("""
                UPDATE translation_task SET status = 'SUBMITTED', translation = :text, translator_kind = 'PROJECT_TEAM',
                    submitted_at = :now WHERE source_id = :source AND target_language = :target AND status = 'OPEN'""")
                .param("text", translation).param("now", now).param("source", sourceId).param("target", target)
                .update());
        return true;
    }

    /**
     * Each text as the reader is to be shown it: the approved (or the project team's) translation
     * into the reader's language, or else the original, marked "translation pending" when its
     * detected language is not the reader's. Texts whose language is not known yet (not routed, or
     * unsure) are shown as they are.
     *
     * @param originals each content's original text, as its owning module holds it
     */
    @Transactional(readOnly = true)
    public Map<ContentRef, LocalizedText> display(String reader, Map<ContentRef, String> originals) {
        Map<ContentRef, ShownTranslation> shown = shownIn(reader, originals.keySet());
        Map<ContentRef, String> languages = languagesOf(originals.keySet());
        Map<ContentRef, LocalizedText> display = new HashMap<>();
        originals.forEach((content, original) -> {
            ShownTranslation t = shown.get(content);
            String language = languages.get(content);
            if (t != null) {
                display.put(content, new LocalizedText(t.text(), t.language(), original, t.sourceLanguage(),
                        t.translatorKind(), t.reviewed(), false));
            } else {
                display.put(content, LocalizedText.original(original, language == null ? "" : language,
                        language != null && !language.equals(reader)));
            }
        });
        return display;
    }

    /** The language each content is written in, where it has been detected or set. */
    @Transactional(readOnly = true)
    public Map<ContentRef, String> languagesOf(Collection<ContentRef> contents) {
        Map<ContentRef, String> languages = new HashMap<>();
        byKind(contents).forEach((kind, ids) -> jdbc.sql("""
                SELECT content_id, language FROM translation_source
                WHERE content_module = :module AND content_type = :type AND content_id IN (:ids) AND language IS NOT NULL""")
                .param("module", kind.get(0)).param("type", kind.get(1)).param("ids", ids)
                .query((rs, n) -> languages.put(new ContentRef(kind.get(0), kind.get(1), rs.getString(1)), rs.getString(2)))
                .list());
        return languages;
    }

    private static Map<List<String>, List<String>> byKind(Collection<ContentRef> contents) {
        // one query per owning module and type keeps the IN list on the unique key
        Map<List<String>, List<String>> idsByKind = new HashMap<>();
        for (ContentRef content : contents) {
            idsByKind.computeIfAbsent(List.of(content.module(), content.type()), k -> new ArrayList<>())
                    .add(content.id());
        }
        return idsByKind;
    }

    /**
     * The translations to show in {@code language} for the given contents: an approved one, or else
     * one submitted by the project team (labelled as pending review). Contents with neither are absent.
     */
    @Transactional(readOnly = true)
    public Map<ContentRef, ShownTranslation> shownIn(String language, Collection<ContentRef> contents) {
        Map<ContentRef, ShownTranslation> shown = new HashMap<>();
        if (contents.isEmpty()) {
            return shown;
        }
        List<ContentRef> wanted = new ArrayList<>();
        byKind(contents).forEach((kind, ids) -> jdbc.sql("""
                SELECT s.content_id, s.language, t.translation, t.target_language, t.translator_kind, t.status
                FROM translation_source s LEFT JOIN translation_task t ON t.source_id = s.id
                  AND t.target_language = :language AND t.translation IS NOT NULL
                  AND (t.status = 'APPROVED' OR (t.status = 'SUBMITTED' AND t.translator_kind = 'PROJECT_TEAM'))
                WHERE s.content_module = :module AND s.content_type = :type AND s.content_id IN (:ids)""")
                .param("module", kind.get(0)).param("type", kind.get(1)).param("ids", ids).param("language", language)
                .query((rs, n) -> {
                    ContentRef content = new ContentRef(kind.get(0), kind.get(1), rs.getString(1));
                    if (rs.getString(3) != null) {
                        shown.put(content, new ShownTranslation(content, rs.getString(3), rs.getString(4), rs.getString(2),
                                TranslatorKind.valueOf(rs.getString(5)), "APPROVED".equals(rs.getString(6))));
                    } else if (!language.equals(rs.getString(2))) {
                        wanted.add(content);
                    }
                    return content;
                })
                .list());
        // read without a translation into the reader's language (and not written in it): translators see the demand
        demand.wanted(language, wanted);
        return shown;
    }
}
