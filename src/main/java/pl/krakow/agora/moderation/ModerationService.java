package pl.krakow.agora.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.audit.AuditLog;

/**
 * Flags, the moderators' queue and their decisions (issue 5, item 10). Every write first locks the
 * content's case row in the database (one row per flagged or moderated piece of content), so that
 * concurrent flags and decisions on the same content serialise on every application node; a
 * decision, the content's new state, the author's notice and the audit entry commit together or not
 * at all.
 */
@Service
public class ModerationService {

    /** The longest reason a moderator may give (it is shown in place of the hidden text). */
    public static final int MAX_REASON = 1000;
    /** The longest explanation a reader may add to a flag. */
    public static final int MAX_DETAILS = 1000;
    private static final String MODERATORS = "hasAnyRole('MODERATOR', 'ADMIN')";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final NotificationInbox inbox;
    private final ApplicationEventPublisher events;
    private final List<ModeratableContent> owners;

    ModerationService(JdbcClient jdbc, Clock clock, CurrentUser currentUser, AuditLog auditLog,
            NotificationInbox inbox, ApplicationEventPublisher events, List<ModeratableContent> owners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.inbox = inbox;
        this.events = events;
        this.owners = List.copyOf(owners);
    }

    /**
     * A signed-in reader flags content that is visible to the public. One flag per reader per piece
     * of content (a unique key); flagging one's own content is refused; {@link FlagReason#OTHER}
     * needs details.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void flag(ContentRef content, FlagReason reason, @Nullable String details) {
        UserRef reader = currentUser.get().orElseThrow(() -> new AgoraException("platform.error.denied"));
        String text = details == null ? "" : details.strip();
        if (reason == FlagReason.OTHER && text.isEmpty()) {
            throw new AgoraException("moderation.error.details-required");
        }
        if (text.length() > MAX_DETAILS) {
            throw new AgoraException("moderation.error.details-too-long", MAX_DETAILS);
        }
        ModeratableContent owner = owner(content);
        Instant now = clock.instant();
        long caseId = lockCase(content, now).id();
        // read after the lock: a decision that committed meanwhile is seen
        long author = owner.flaggableAuthor(content)
                .orElseThrow(() -> new AgoraException("moderation.error.not-flaggable"));
        if (author == reader.id()) {
            throw new AgoraException("moderation.error.own-content");
        }
        boolean already = jdbc.sql("SELECT COUNT(*) FROM moderation_flag WHERE case_id = :case AND user_id = :user")
                .param("case", caseId).param("user", reader.id()).query(Long.class).single() > 0;
        if (already) {
            throw new AgoraException("moderation.error.already-flagged");
        }
        jdbc.sql("""
                INSERT INTO moderation_flag (case_id, user_id, reason, details, flagged_at)
                VALUES (:case, :user, :reason, :details, :now)""")
                .param("case", caseId).param("user", reader.id()).param("reason", reason.name())
                .param("details", text.isEmpty() ? null : text).param("now", utc(now))
                .update();
        jdbc.sql("""
                UPDATE moderation_case SET open_flags = open_flags + 1, total_flags = total_flags + 1,
                    status = 'OPEN', first_flagged_at = COALESCE(first_flagged_at, :now), updated_at = :now
                WHERE id = :case""")
                .param("now", utc(now)).param("case", caseId).update();
    }

    /** Which of these the signed-in reader has flagged already (to show "flagged" instead of a button). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Set<ContentRef> flaggedByMe(Collection<ContentRef> contents) {
        Set<ContentRef> flagged = new HashSet<>();
        UserRef reader = currentUser.get().orElse(null);
        if (reader == null || contents.isEmpty()) {
            return flagged;
        }
        Set<ContentRef> wanted = Set.copyOf(contents);
        List<String> ids = wanted.stream().map(ContentRef::id).distinct().toList();
        jdbc.sql("""
                SELECT c.content_module, c.content_type, c.content_id
                FROM moderation_flag f JOIN moderation_case c ON c.id = f.case_id
                WHERE f.user_id = :user AND c.content_id IN (:ids)""")
                .param("user", reader.id()).param("ids", ids)
                .query((rs, n) -> new ContentRef(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().stream().filter(wanted::contains).forEach(flagged::add);
        return flagged;
    }

    /** Content with open flags, the most flagged first (then the longest waiting). */
    @PreAuthorize(MODERATORS)
    @Transactional(readOnly = true)
    public List<ModerationCase> queue(int limit) {
        return cases("status = 'OPEN' AND open_flags > 0 ORDER BY open_flags DESC, first_flagged_at, id", limit);
    }

    /** Content that is hidden now, the latest decision first, for moderators to restore. */
    @PreAuthorize(MODERATORS)
    @Transactional(readOnly = true)
    public List<ModerationCase> hidden(int limit) {
        return cases("status = 'HIDDEN' ORDER BY updated_at DESC, id DESC", limit);
    }

    /** Every decision on one piece of content, oldest first. */
    @PreAuthorize(MODERATORS)
    @Transactional(readOnly = true)
    public List<DecisionView> history(ContentRef content) {
        return jdbc.sql("""
                SELECT d.id, d.action, d.reason, d.moderator_name, d.decided_at
                FROM moderation_decision d JOIN moderation_case c ON c.id = d.case_id
                WHERE c.content_module = :module AND c.content_type = :type AND c.content_id = :id
                ORDER BY d.id""")
                .param("module", content.module()).param("type", content.type()).param("id", content.id())
                .query((rs, n) -> decision(rs)).list();
    }

    /**
     * Hides content from everyone but its author and moderators; the reason is shown in its place,
     * the open flags are settled, the author is notified and the decision is audited.
     */
    @PreAuthorize(MODERATORS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void hide(ContentRef content, String reason) {
        UserRef moderator = moderator();
        String why = requireReason(reason);
        ModeratableContent owner = owner(content);
        Instant now = clock.instant();
        CaseRow locked = lockCase(content, now);
        ModeratedItem item = describe(owner, content);
        if (item.hidden()) {
            throw new AgoraException("moderation.error.already-hidden");
        }
        owner.hide(content, why);
        long decision = decide(locked.id(), DecisionAction.HIDE, why, moderator, now);
        jdbc.sql("""
                UPDATE moderation_case SET status = 'HIDDEN', open_flags = 0, first_flagged_at = NULL,
                    updated_at = :now WHERE id = :case""")
                .param("now", utc(now)).param("case", locked.id()).update();
        inbox.notify(item.authorId(), "HIDDEN", content, item.text(), why, now);
        auditLog.record("moderation.content.hidden", content.toString(),
                "reason=" + why + "; settled-flags=" + locked.openFlags());
        events.publishEvent(new ModerationDecided(content, DecisionAction.HIDE, decision));
    }

    /** Shows hidden content again, with a reason; the author is notified and the decision audited. */
    @PreAuthorize(MODERATORS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void restore(ContentRef content, String reason) {
        UserRef moderator = moderator();
        String why = requireReason(reason);
        ModeratableContent owner = owner(content);
        Instant now = clock.instant();
        CaseRow locked = lockCase(content, now);
        ModeratedItem item = describe(owner, content);
        if (!item.hidden()) {
            throw new AgoraException("moderation.error.not-hidden");
        }
        owner.restore(content);
        long decision = decide(locked.id(), DecisionAction.RESTORE, why, moderator, now);
        jdbc.sql("UPDATE moderation_case SET status = 'CLOSED', updated_at = :now WHERE id = :case")
                .param("now", utc(now)).param("case", locked.id()).update();
        inbox.notify(item.authorId(), "RESTORED", content, item.text(), why, now);
        auditLog.record("moderation.content.restored", content.toString(), "reason=" + why);
        events.publishEvent(new ModerationDecided(content, DecisionAction.RESTORE, decision));
    }

    /** Keeps the content as it is and settles its open flags, with a reason; audited. */
    @PreAuthorize(MODERATORS)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void dismiss(ContentRef content, String reason) {
        UserRef moderator = moderator();
        String why = requireReason(reason);
        owner(content);
        Instant now = clock.instant();
        CaseRow locked = lockCase(content, now);
        if (locked.openFlags() == 0) {
            throw new AgoraException("moderation.error.nothing-to-dismiss");
        }
        long decision = decide(locked.id(), DecisionAction.DISMISS, why, moderator, now);
        jdbc.sql("""
                UPDATE moderation_case SET status = 'CLOSED', open_flags = 0, first_flagged_at = NULL,
                    updated_at = :now WHERE id = :case""")
                .param("now", utc(now)).param("case", locked.id()).update();
        auditLog.record("moderation.flags.dismissed", content.toString(),
                "reason=" + why + "; settled-flags=" + locked.openFlags());
        events.publishEvent(new ModerationDecided(content, DecisionAction.DISMISS, decision));
    }

    private record CaseRow(long id, CaseStatus status, int openFlags) {
    }

    /**
     * Creates the content's case when it has none and locks it. INSERT ... ON DUPLICATE KEY UPDATE
     * takes the row's exclusive lock in one statement, also for a row another node inserts at the
     * same moment.
     */
    private CaseRow lockCase(ContentRef content, Instant now) {
        jdbc.sql("""
                INSERT INTO moderation_case (content_module, content_type, content_id, status, updated_at)
                VALUES (:module, :type, :id, 'CLOSED', :now)
                ON DUPLICATE KEY UPDATE updated_at = updated_at""")
                .param("module", content.module()).param("type", content.type()).param("id", content.id())
                .param("now", utc(now)).update();
        return jdbc.sql("""
                SELECT id, status, open_flags FROM moderation_case
                WHERE content_module = :module AND content_type = :type AND content_id = :id FOR UPDATE""")
                .param("module", content.module()).param("type", content.type()).param("id", content.id())
                .query((rs, n) -> new CaseRow(rs.getLong(1), CaseStatus.valueOf(rs.getString(2)), rs.getInt(3)))
                .single();
    }

    private long decide(long caseId, DecisionAction action, String reason, UserRef moderator, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO moderation_decision (case_id, action, reason, moderator_id, moderator_name, decided_at)
                VALUES (:case, :action, :reason, :moderator, :name, :now)""")
                .param("case", caseId).param("action", action.name()).param("reason", reason)
                .param("moderator", moderator.id()).param("name", moderator.displayName())
                .param("now", utc(now)).update(keys);
        long decision = java.util.Objects.requireNonNull(keys.getKey()).longValue();
        jdbc.sql("UPDATE moderation_flag SET decision_id = :decision WHERE case_id = :case AND decision_id IS NULL")
                .param("decision", decision).param("case", caseId).update();
        return decision;
    }

    private List<ModerationCase> cases(String whereAndOrder, int limit) {
        record Row(long id, ContentRef content, CaseStatus status, int open, int total, @Nullable Instant first) {
        }
        List<Row> rows = jdbc.sql("SELECT id, content_module, content_type, content_id, status, open_flags,"
                + " total_flags, first_flagged_at FROM moderation_case WHERE " + whereAndOrder + " LIMIT :limit")
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new Row(rs.getLong(1), new ContentRef(rs.getString(2), rs.getString(3),
                        rs.getString(4)), CaseStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7),
                        instantOrNull(rs, 8)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<FlagView>> flags = new HashMap<>();
        jdbc.sql("""
                SELECT case_id, reason, details, flagged_at FROM moderation_flag
                WHERE case_id IN (:ids) AND decision_id IS NULL ORDER BY flagged_at, id""")
                .param("ids", ids)
                .query(rs -> {
                    flags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FlagView(
                            FlagReason.valueOf(rs.getString(2)), rs.getString(3), instant(rs, 4)));
                });
        Map<Long, DecisionView> lastDecisions = new HashMap<>();
        jdbc.sql("""
                SELECT d.case_id, d.id, d.action, d.reason, d.moderator_name, d.decided_at FROM moderation_decision d
                WHERE d.id IN (SELECT MAX(id) FROM moderation_decision WHERE case_id IN (:ids) GROUP BY case_id)""")
                .param("ids", ids)
                .query(rs -> {
                    lastDecisions.put(rs.getLong(1), new DecisionView(rs.getLong(2),
                            DecisionAction.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                            instant(rs, 6)));
                });
        Map<ContentRef, ModeratedItem> items = new HashMap<>();
        Map<ModeratableContent, List<ContentRef>> byOwner = new LinkedHashMap<>();
        for (Row row : rows) {
            ownerOrNull(row.content()).ifPresent(o -> byOwner.computeIfAbsent(o, k -> new ArrayList<>())
                    .add(row.content()));
        }
        byOwner.forEach((owner, refs) -> items.putAll(owner.describe(refs)));
        List<ModerationCase> result = new ArrayList<>();
        for (Row row : rows) {
            List<FlagView> open = flags.getOrDefault(row.id(), List.of());
            Map<FlagReason, Integer> reasons = new EnumMap<>(FlagReason.class);
            open.forEach(f -> reasons.merge(f.reason(), 1, Integer::sum));
            result.add(new ModerationCase(row.id(), row.content(), row.status(), row.open(), row.total(), reasons,
                    List.copyOf(open), row.first(), items.get(row.content()), lastDecisions.get(row.id())));
        }
        return result;
    }

    private ModeratedItem describe(ModeratableContent owner, ContentRef content) {
        ModeratedItem item = owner.describe(List.of(content)).get(content);
        if (item == null) {
            throw new AgoraException("moderation.error.no-such-content", content.toString());
        }
        return item;
    }

    private ModeratableContent owner(ContentRef content) {
        return ownerOrNull(content)
                .orElseThrow(() -> new AgoraException("moderation.error.no-such-content", content.toString()));
    }

    private java.util.Optional<ModeratableContent> ownerOrNull(ContentRef content) {
        return owners.stream().filter(o -> o.handles(content)).findFirst();
    }

    private UserRef moderator() {
        return currentUser.get().orElseThrow(() -> new AgoraException("platform.error.denied"));
    }

    private static String requireReason(@Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new AgoraException("moderation.error.reason-required");
        }
        if (why.length() > MAX_REASON) {
            throw new AgoraException("moderation.error.reason-too-long", MAX_REASON);
        }
        return why;
    }

    private static DecisionView decision(ResultSet rs) throws SQLException {
        return new DecisionView(rs.getLong(1), DecisionAction.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), instant(rs, 5));
    }

    /** DATETIME columns hold UTC, whatever the JVM's or the server's time zone (like the audit log). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value.toInstant(ZoneOffset.UTC);
    }

    static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
