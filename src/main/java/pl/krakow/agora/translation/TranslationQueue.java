package pl.krakow.agora.translation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.translation.internal.TaskOpening;

/**
 * The translators' side of routing: the "language unsure" queue, where a person sets the language
 * of a text in one click, and claiming tasks. A claim is one conditional UPDATE in the database,
 * so of two translators who claim the same task at the same moment exactly one gets it, on any
 * number of application nodes; an expired claim can be taken over.
 */
@Service
public class TranslationQueue {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final TranslationProperties properties;
    private final TaskOpening taskOpening;

    TranslationQueue(JdbcClient jdbc, Clock clock, CurrentUser currentUser, AuditLog auditLog,
            TranslationProperties properties, TaskOpening taskOpening) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.properties = properties;
        this.taskOpening = taskOpening;
    }

    /** Texts whose language could not be told, oldest first. */
    @PreAuthorize("hasAnyRole('TRANSLATOR', 'MODERATOR')")
    @Transactional(readOnly = true)
    public List<UnsureSource> unsure() {
        return jdbc.sql("""
                SELECT id, content_module, content_type, content_id, original_text, candidates, author_language,
                       submitted_at
                FROM translation_source WHERE language IS NULL ORDER BY submitted_at, id LIMIT 500""")
                .query((rs, n) -> new UnsureSource(rs.getLong(1),
                        new ContentRef(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** A person sets the language of an unsure text; its translation tasks open at once. */
    @PreAuthorize("hasAnyRole('TRANSLATOR', 'MODERATOR')")
    @Transactional
    public void setLanguage(long sourceId, String language) {
        String code = language.strip().toLowerCase(Locale.ROOT);
        if (!properties.detection().languages().contains(code) && !properties.uiLanguages().contains(code)) {
            throw new AgoraException("translation.error.unknown-language", language);
        }
        int updated = jdbc.sql("""
                UPDATE translation_source SET language = :language, detection_status = 'SET_BY_PERSON'
                WHERE id = :id AND language IS NULL""")
                .param("language", code).param("id", sourceId).update();
        if (updated == 0) {
            throw new AgoraException("translation.error.language-already-set", sourceId);
        }
        taskOpening.open(sourceId, code);
        auditLog.record("translation.language.set", "translation-source:" + sourceId, "language=" + code);
    }

    /** The tasks of one piece of content, for its page and for coordinators. */
    @Transactional(readOnly = true)
    public List<TranslationTaskView> tasksFor(ContentRef content) {
        return jdbc.sql("""
                SELECT t.id, t.source_id, s.content_module, s.content_type, s.content_id, t.source_language,
                       t.target_language, t.status, t.created_at, t.claimed_by, t.claimed_until
                FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                WHERE s.content_module = :module AND s.content_type = :type AND s.content_id = :id
                ORDER BY t.target_language""")
                .param("module", content.module()).param("type", content.type()).param("id", content.id())
                .query((rs, n) -> new TranslationTaskView(rs.getLong(1), rs.getLong(2),
                        new ContentRef(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getObject(10) == null ? null : rs.getLong(10),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()))
                .list();
    }

    /**
     * Claims a task for the signed-in translator. Returns false when someone else holds it; the
     * database decides, not timing in a browser.
     */
    @PreAuthorize("hasRole('TRANSLATOR')")
    @Transactional
    public boolean claim(long taskId) {
        UserRef translator = currentUser.get().orElseThrow(() -> new AgoraException("platform.error.denied"));
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                UPDATE translation_task SET status = 'CLAIMED', claimed_by = :user, claimed_until = :until,
                    version = version + 1
                WHERE id = :id AND (status = 'OPEN' OR (status = 'CLAIMED' AND claimed_until < :now))""")
                .param("user", translator.id())
                .param("until", Timestamp.from(clock.instant().plus(properties.claimFor())))
                .param("id", taskId).param("now", now)
                .update() == 1;
    }
}
