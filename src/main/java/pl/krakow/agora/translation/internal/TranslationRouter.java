package pl.krakow.agora.translation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.translation.LanguageDetectionService;
import pl.krakow.agora.translation.detect.DetectionStatus;
import pl.krakow.agora.translation.detect.LanguageDetection;

/**
 * Routes every submitted text to translators (architecture.md "Flow of a submitted text"): after
 * the author's transaction commits, asynchronously and through Spring Modulith's event publication
 * registry (an exception leaves the publication incomplete, and it is delivered again), detect the
 * language, keep the original with its language, and open one task per UI language the text is not
 * in. A text whose language cannot be told is not guessed: it waits in the "language unsure" queue.
 * Every write is idempotent (unique keys), so a delivery that is repeated creates nothing twice.
 */
@Component
class TranslationRouter {

    private final LanguageDetectionService detection;
    private final TaskOpening taskOpening;
    private final JdbcClient jdbc;
    private final Clock clock;

    TranslationRouter(LanguageDetectionService detection, TaskOpening taskOpening, JdbcClient jdbc, Clock clock) {
        this.detection = detection;
        this.taskOpening = taskOpening;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ContentSubmitted event) {
        LanguageDetection result = detection.detect(event.text());
        String language = result.language().orElse(null);
        String status = result.status() == DetectionStatus.DETECTED ? "DETECTED" : result.status().name();
        String candidates = result.candidates().stream().limit(4)
                .map(c -> c.language() + ":" + String.format(java.util.Locale.ROOT, "%.3f", c.confidence()))
                .collect(Collectors.joining(","));
        var ref = event.content();
        Timestamp now = Timestamp.from(clock.instant());
        // INSERT IGNORE first: a new text takes only its own key's lock (a SELECT ... FOR UPDATE on a
        // missing row would take InnoDB gap locks and deadlock concurrent submissions)
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO translation_source (content_module, content_type, content_id, original_text,
                    author_id, author_language, detection_status, language, candidates, submitted_at)
                VALUES (:module, :type, :id, :text, :author, :authorLanguage, :status, :language, :candidates, :now)""")
                .param("module", ref.module()).param("type", ref.type()).param("id", ref.id())
                .param("text", event.text()).param("author", event.authorId())
                .param("authorLanguage", event.authorLanguage()).param("status", status)
                .param("language", language).param("candidates", candidates).param("now", now)
                .update(keys);
        long sourceId;
        if (inserted == 1) {
            sourceId = java.util.Objects.requireNonNull(keys.getKey()).longValue();
        } else {
            var existing = jdbc.sql("""
                    SELECT id, original_text FROM translation_source
                    WHERE content_module = :module AND content_type = :type AND content_id = :id FOR UPDATE""")
                    .param("module", ref.module()).param("type", ref.type()).param("id", ref.id())
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .single();
            sourceId = (long) existing[0];
            if (existing[1].equals(event.text())) {
                return; // the same text delivered again: nothing to do
            }
            // an edited original: detected again, and its translations so far are outdated (issue 8, item 6)
            jdbc.sql("""
                    UPDATE translation_source SET original_text = :text, detection_status = :status,
                        language = :language, candidates = :candidates, version = version + 1 WHERE id = :source""")
                    .param("text", event.text()).param("status", status).param("language", language)
                    .param("candidates", candidates).param("source", sourceId).update();
            jdbc.sql("UPDATE translation_task SET status = 'OUTDATED' WHERE source_id = :source AND status <> 'OPEN'")
                    .param("source", sourceId).update();
        }
        if (language != null) {
            taskOpening.open(sourceId, language);
        }
    }

}
