package pl.krakow.agora.forum;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;

/**
 * What the forum's services share: who the acting member is, the session row under its lock, and
 * the version raise that tells every node's screens that something changed.
 */
@Component
class ForumAccess {

    /** The session row as read under its lock. */
    record SessionRow(long id, long bodyId, int number, SessionStatus status, boolean remoteAllowed,
            @Nullable Long currentItemId, long version) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ForumAccess(JdbcClient jdbc, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    UserRef user() {
        return currentUser.get().orElseThrow(() -> new AgoraException("forum.error.sign-in"));
    }

    Optional<UserRef> userIfAny() {
        return currentUser.get();
    }

    boolean admin() {
        return currentUser.hasRole(Role.ADMIN);
    }

    /** Locks the session's row: every change of a session's live state goes through this lock first. */
    SessionRow lockSession(long sessionId) {
        return jdbc.sql("""
                SELECT id, body_id, number, status, remote_allowed, current_item_id, version
                FROM forum_session WHERE id = :id FOR UPDATE""")
                .param("id", sessionId)
                .query((rs, n) -> sessionRow(rs)).optional()
                .orElseThrow(() -> new AgoraException("forum.error.no-session"));
    }

    SessionRow session(long sessionId) {
        return jdbc.sql("""
                SELECT id, body_id, number, status, remote_allowed, current_item_id, version
                FROM forum_session WHERE id = :id""")
                .param("id", sessionId)
                .query((rs, n) -> sessionRow(rs)).optional()
                .orElseThrow(() -> new AgoraException("forum.error.no-session"));
    }

    private static SessionRow sessionRow(ResultSet rs) throws SQLException {
        long item = rs.getLong(6);
        return new SessionRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), SessionStatus.valueOf(rs.getString(4)),
                rs.getBoolean(5), rs.wasNull() ? null : item, rs.getLong(7));
    }

    Statute statute(long bodyId) {
        return jdbc.sql("""
                SELECT quorum_rule, default_majority, open_votes_default, vote_change_allowed, speaking_seconds
                FROM forum_body WHERE id = :id""")
                .param("id", bodyId)
                .query((rs, n) -> new Statute(QuorumRule.valueOf(rs.getString(1)), Majority.valueOf(rs.getString(2)),
                        rs.getBoolean(3), rs.getBoolean(4), rs.getInt(5)))
                .optional().orElseThrow(() -> new AgoraException("forum.error.no-body"));
    }

    /** The signed-in user's membership of the body, if their term covers today. */
    Optional<Member> membership(long bodyId) {
        return currentUser.get().flatMap(user -> membership(bodyId, user.id()));
    }

    Optional<Member> membership(long bodyId, long userId) {
        LocalDate today = today();
        return jdbc.sql("""
                SELECT id, body_id, user_id, display_name, role, term_start, term_end
                FROM forum_member WHERE body_id = :body AND user_id = :user""")
                .param("body", bodyId).param("user", userId)
                .query((rs, n) -> member(rs)).optional()
                .filter(m -> m.servesOn(today));
    }

    static Member member(ResultSet rs) throws SQLException {
        java.sql.Date end = rs.getDate(7);
        return new Member(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                MemberRole.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(), end == null ? null : end.toLocalDate());
    }

    /** The acting member, or a translated refusal. */
    Member member(long bodyId) {
        user();
        return membership(bodyId).orElseThrow(() -> new AgoraException("forum.error.not-member"));
    }

    /** The acting chair (or vice-chair standing in), or a translated refusal. */
    Member chair(long bodyId) {
        Member member = member(bodyId);
        if (member.role() != MemberRole.CHAIR && member.role() != MemberRole.VICE_CHAIR) {
            throw new AgoraException("forum.error.not-chair");
        }
        return member;
    }

    /** The chair, or an administrator preparing the body's sessions. */
    void chairOrAdmin(long bodyId) {
        if (!admin()) {
            chair(bodyId);
        }
    }

    /** Members whose term covers today: the body's size for quorum and majorities. */
    int memberCount(long bodyId) {
        LocalDate today = today();
        return jdbc.sql("""
                SELECT COUNT(*) FROM forum_member WHERE body_id = :body AND term_start <= :today
                  AND (term_end IS NULL OR term_end >= :today)""")
                .param("body", bodyId).param("today", today).query(Integer.class).single();
    }

    int presentCount(long sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM forum_attendance WHERE session_id = :s AND left_at IS NULL")
                .param("s", sessionId).query(Integer.class).single();
    }

    /**
     * Raises the session's version in the caller's transaction (which holds the session's lock) and
     * publishes {@link SessionChanged}, delivered to this node's screens after commit; the other
     * nodes see the version when they poll.
     */
    long changed(long sessionId) {
        jdbc.sql("UPDATE forum_session SET version = version + 1 WHERE id = :id").param("id", sessionId).update();
        long version = jdbc.sql("SELECT version FROM forum_session WHERE id = :id").param("id", sessionId)
                .query(Long.class).single();
        SessionChanged change = new SessionChanged(sessionId, version);
        // published only once committed (a plain event, not the publication registry: a lost local
        // event costs nothing, the poll of the version delivers it anyway)
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(change);
                }
            });
        } else {
            events.publishEvent(change);
        }
        return version;
    }

    /** The hex SHA-256 of the bytes (receipts, attachments). */
    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
