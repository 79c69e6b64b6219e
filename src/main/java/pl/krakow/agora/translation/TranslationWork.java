package pl.krakow.agora.translation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.SqlLike;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.audit.AuditLog;

/**
 * The translators' work (issue 8, items 6 and 9): language pairs, the queue, writing beside the
 * original, submission, and four-eyes review (a second translator or a moderator approves, or sends
 * the work back with a comment). Every state change is a conditional UPDATE, so two people acting
 * on one task at once cannot both succeed.
 */
@Service
public class TranslationWork {

    public static final int MAX_TRANSLATION = 20_000;
    public static final int MAX_COMMENT = 2_000;
    private static final String WORK_COLUMNS = """
            t.id, s.content_module, s.content_type, s.content_id, s.original_text, t.source_language,
            t.target_language, t.status, t.created_at, t.translation, t.translator_kind, t.translated_by,
            t.review_comment, t.claimed_until""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final TranslationProperties properties;
    private final MachineTranslator machine;

    TranslationWork(JdbcClient jdbc, Clock clock, CurrentUser currentUser, AuditLog auditLog,
            TranslationProperties properties, MachineTranslator machine) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.properties = properties;
        this.machine = machine;
    }

    @PreAuthorize("hasRole('TRANSLATOR')")
    @Transactional(readOnly = true)
    public List<LanguagePair> myPairs() {
        return jdbc.sql("SELECT source_language, target_language FROM translation_translator_pair WHERE user_id = :u"
                + " ORDER BY source_language, target_language").param("u", me().id())
                .query((rs, n) -> new LanguagePair(rs.getString(1), rs.getString(2))).list();
    }

    @PreAuthorize("hasRole('TRANSLATOR')")
    @Transactional
    public void addPair(LanguagePair pair) {
        if (!properties.uiLanguages().contains(pair.target())) {
            throw new AgoraException("translation.error.target-not-ui", pair.target());
        }
        jdbc.sql("INSERT IGNORE INTO translation_translator_pair (user_id, source_language, target_language)"
                + " VALUES (:u, :s, :t)").param("u", me().id()).param("s", pair.source()).param("t", pair.target())
                .update();
    }

    @PreAuthorize("hasRole('TRANSLATOR')")
    @Transactional
    public void removePair(LanguagePair pair) {
        jdbc.sql("DELETE FROM translation_translator_pair WHERE user_id = :u AND source_language = :s"
                + " AND target_language = :t").param("u", me().id()).param("s", pair.source())
                .param("t", pair.target()).update();
    }

    /**
     * Open tasks in the translator's pairs (and claims that have expired): the most wanted first
     * (opened most often by readers of the target language while untranslated), then the oldest.
     *
     * @param filter empty for all; else the content's id (e.g. "8.6-3") or words of the original
     */
    @PreAuthorize("hasRole('TRANSLATOR')")
    @Transactional(readOnly = true)
    public List<WorkItem> queue(String filter, int limit) {
        String f = filter == null ? "" : filter.strip();
        return jdbc.sql("SELECT " + WORK_COLUMNS + """
                 FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                JOIN translation_translator_pair p ON p.user_id = :u AND p.source_language = t.source_language
                    AND p.target_language = t.target_language
                WHERE (t.status = 'OPEN' OR (t.status = 'CLAIMED' AND t.claimed_until < :now))
                  AND (:filter = '' OR s.content_id = :filter OR s.original_text LIKE :like)
                ORDER BY t.wanted_reads DESC, t.created_at, t.id LIMIT :limit""")
                .param("u", me().id()).param("now", Timestamp.from(clock.instant())).param("limit", limit)
                .param("filter", f).param("like", SqlLike.containing(f))
                .query((rs, n) -> item(rs)).list();
    }

    /** The tasks the translator holds now, including work sent back to them. */
    @PreAuthorize("hasRole('TRANSLATOR')")
    @Transactional(readOnly = true)
    public List<WorkItem> myClaims() {
        return jdbc.sql("SELECT " + WORK_COLUMNS + """
                 FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                WHERE t.status = 'CLAIMED' AND t.claimed_by = :u AND t.claimed_until >= :now
                ORDER BY t.claimed_until""")
                .param("u", me().id()).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> item(rs)).list();
    }

    /** A machine draft for a claimed task, if a machine translator is configured; never published by itself. */
    @PreAuthorize("hasRole('TRANSLATOR')")
    public Optional<String> machineDraft(WorkItem item) {
        return machine.draft(item.original(), item.sourceLanguage(), item.targetLanguage());
    }

    /**
     * Submits the translation of a task the translator holds. With four-eyes review it waits for a
     * second person; without, it is approved at once.
     */
    @PreAuthorize("hasRole('TRANSLATOR')")
    @Transactional
    public void submit(long taskId, String translation) {
        String text = translation == null ? "" : translation.strip();
        if (text.isEmpty()) {
            throw new AgoraException("translation.error.empty");
        }
        if (text.length() > MAX_TRANSLATION) {
            throw new AgoraException("translation.error.too-long", MAX_TRANSLATION, text.length());
        }
        Instant now = clock.instant();
        String status = properties.reviewRequired() ? "SUBMITTED" : "APPROVED";
        int updated = jdbc.sql("""
                UPDATE translation_task SET status = :status, translation = :text, translated_by = :u,
                    translator_kind = 'VOLUNTEER', submitted_at = :now, review_comment = NULL,
                    reviewed_at = CASE WHEN :status = 'APPROVED' THEN :now ELSE NULL END, version = version + 1
                WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :u AND claimed_until >= :now""")
                .param("status", status).param("text", text).param("u", me().id())
                .param("now", Timestamp.from(now)).param("id", taskId).update();
        if (updated == 0) {
            throw new AgoraException("translation.error.not-yours");
        }
        auditLog.record("translation.submitted", "translation-task:" + taskId, status);
    }

    /** Work waiting for a second pair of eyes in the reviewer's pairs (moderators see all); never their own. */
    @PreAuthorize("hasAnyRole('TRANSLATOR', 'MODERATOR')")
    @Transactional(readOnly = true)
    public List<WorkItem> reviewQueue(String filter, int limit) {
        boolean moderator = currentUser.hasRole(pl.krakow.agora.identity.Role.MODERATOR);
        String f = filter == null ? "" : filter.strip();
        return jdbc.sql("SELECT " + WORK_COLUMNS + """
                 FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                WHERE t.status = 'SUBMITTED' AND (t.translated_by IS NULL OR t.translated_by <> :u)
                  AND (:moderator OR EXISTS (SELECT 1 FROM translation_translator_pair p WHERE p.user_id = :u
                      AND p.source_language = t.source_language AND p.target_language = t.target_language))
                  AND (:filter = '' OR s.content_id = :filter OR s.original_text LIKE :like)
                ORDER BY t.submitted_at, t.id LIMIT :limit""")
                .param("u", me().id()).param("moderator", moderator).param("limit", limit)
                .param("filter", f).param("like", SqlLike.containing(f))
                .query((rs, n) -> item(rs)).list();
    }

    /** A second person approves: readers see the translation from now on. Nobody approves their own work. */
    @PreAuthorize("hasAnyRole('TRANSLATOR', 'MODERATOR')")
    @Transactional
    public void approve(long taskId) {
        int updated = jdbc.sql("""
                UPDATE translation_task SET status = 'APPROVED', reviewed_by = :u, reviewed_at = :now,
                    version = version + 1
                WHERE id = :id AND status = 'SUBMITTED' AND (translated_by IS NULL OR translated_by <> :u)""")
                .param("u", me().id()).param("now", Timestamp.from(clock.instant())).param("id", taskId).update();
        if (updated == 0) {
            throw new AgoraException("translation.error.cannot-review");
        }
        auditLog.record("translation.approved", "translation-task:" + taskId, "");
    }

    /**
     * Sends work back with a comment: to its translator, who holds the task again, or, for the
     * project team's work, to the open queue.
     */
    @PreAuthorize("hasAnyRole('TRANSLATOR', 'MODERATOR')")
    @Transactional
    public void sendBack(long taskId, String comment) {
        String why = comment == null ? "" : comment.strip();
        if (why.isEmpty()) {
            throw new AgoraException("translation.error.comment-required");
        }
        if (why.length() > MAX_COMMENT) {
            throw new AgoraException("translation.error.comment-too-long", MAX_COMMENT, why.length());
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE translation_task SET
                    status = CASE WHEN translated_by IS NULL THEN 'OPEN' ELSE 'CLAIMED' END,
                    claimed_by = translated_by,
                    claimed_until = CASE WHEN translated_by IS NULL THEN NULL ELSE :until END,
                    review_comment = :comment, reviewed_by = :u, reviewed_at = :now, version = version + 1
                WHERE id = :id AND status = 'SUBMITTED' AND (translated_by IS NULL OR translated_by <> :u)""")
                .param("until", Timestamp.from(now.plus(properties.claimFor()))).param("comment", why)
                .param("u", me().id()).param("now", Timestamp.from(now)).param("id", taskId).update();
        if (updated == 0) {
            throw new AgoraException("translation.error.cannot-review");
        }
        auditLog.record("translation.sent-back", "translation-task:" + taskId, why);
    }

    /** The coordinator's figures per language pair that has any task. */
    @PreAuthorize("hasAnyRole('TRANSLATOR', 'MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<PairStatistics> statistics() {
        record Row(String from, String to, int open, int claimed, int review, int approved, @Nullable Instant oldest,
                int translators) {
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Row> rows = jdbc.sql("""
                SELECT t.source_language, t.target_language,
                    SUM(t.status = 'OPEN' OR (t.status = 'CLAIMED' AND t.claimed_until < :now)),
                    SUM(t.status = 'CLAIMED' AND t.claimed_until >= :now),
                    SUM(t.status = 'SUBMITTED'), SUM(t.status = 'APPROVED'),
                    MIN(CASE WHEN t.status = 'OPEN' THEN t.created_at END),
                    (SELECT COUNT(*) FROM translation_translator_pair p
                        WHERE p.source_language = t.source_language AND p.target_language = t.target_language)
                FROM translation_task t GROUP BY t.source_language, t.target_language
                ORDER BY t.source_language, t.target_language""")
                .param("now", now)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getInt(8)))
                .list();
        Map<String, List<Long>> durations = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT source_language, target_language, TIMESTAMPDIFF(SECOND, created_at, submitted_at)
                FROM translation_task WHERE submitted_at IS NOT NULL AND translator_kind = 'VOLUNTEER'""")
                .query((rs, n) -> durations.computeIfAbsent(rs.getString(1) + ">" + rs.getString(2),
                        k -> new ArrayList<>()).add(rs.getLong(3)))
                .list();
        return rows.stream().map(r -> new PairStatistics(new LanguagePair(r.from(), r.to()), r.open(), r.claimed(),
                r.review(), r.approved(), median(durations.get(r.from() + ">" + r.to())), r.oldest(), r.translators()))
                .toList();
    }

    static @Nullable Duration median(@Nullable List<Long> seconds) {
        if (seconds == null || seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        long middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Duration.ofSeconds(middle);
    }

    private UserRef me() {
        return currentUser.get().orElseThrow(() -> new AgoraException("platform.error.denied"));
    }

    private static WorkItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WorkItem(rs.getLong(1), new ContentRef(rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                rs.getString(10), rs.getString(11) == null ? null : TranslatorKind.valueOf(rs.getString(11)),
                rs.getObject(12) == null ? null : rs.getLong(12), rs.getString(13),
                rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());
    }
}
