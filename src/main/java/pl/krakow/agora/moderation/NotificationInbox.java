package pl.krakow.agora.moderation;

import static pl.krakow.agora.moderation.ModerationService.instant;
import static pl.krakow.agora.moderation.ModerationService.instantOrNull;
import static pl.krakow.agora.moderation.ModerationService.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AuthorNotice;
import pl.krakow.agora.platform.ContentRef;

/**
 * The signed-in user's in-app notices: an author learns here that a moderator hid or restored their
 * content, and why (issue 5, item 10).
 */
@Service
public class NotificationInbox {

    static final int EXCERPT = 200;
    /** The column's size; moderation's own reasons are limited below it, other modules' are cut with "…". */
    static final int REASON = 1000;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    NotificationInbox(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The user's notices, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<InboxNotification> mine(int limit) {
        return currentUser.get().map(user -> jdbc.sql("""
                SELECT id, kind, content_module, content_type, content_id, excerpt, reason, created_at, read_at, detail_key
                FROM moderation_notification WHERE user_id = :user ORDER BY id DESC LIMIT :limit""")
                .param("user", user.id()).param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new InboxNotification(rs.getLong(1), rs.getString(2),
                        new ContentRef(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
                        rs.getString(7), instant(rs, 8), instantOrNull(rs, 9), rs.getString(10)))
                .list()).orElse(List.of());
    }

    /** How many notices the user has not seen yet (0 for anonymous visitors). */
    @Transactional(readOnly = true)
    public long unreadCount() {
        return currentUser.get().map(user -> jdbc.sql(
                "SELECT COUNT(*) FROM moderation_notification WHERE user_id = :user AND read_at IS NULL")
                .param("user", user.id()).query(Long.class).single()).orElse(0L);
    }

    /** Marks every notice of the user as read. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markAllRead() {
        UserRef user = currentUser.get().orElseThrow();
        jdbc.sql("UPDATE moderation_notification SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
                .param("now", utc(clock.instant())).param("user", user.id()).update();
    }

    /** Called by moderation inside the deciding transaction. */
    void notify(long userId, String kind, ContentRef content, String text, String reason, Instant now) {
        store(new AuthorNotice(userId, kind, content, text, reason, null), now);
    }

    /** A notice from another module, stored after the deciding transaction committed. */
    @ApplicationModuleListener
    void on(AuthorNotice notice) {
        store(notice, clock.instant());
    }

    private void store(AuthorNotice notice, Instant now) {
        ContentRef content = notice.content();
        jdbc.sql("""
                INSERT INTO moderation_notification (user_id, kind, content_module, content_type, content_id,
                    excerpt, reason, detail_key, created_at)
                VALUES (:user, :kind, :module, :type, :id, :excerpt, :reason, :detail, :now)""")
                .param("user", notice.userId()).param("kind", notice.kind()).param("module", content.module())
                .param("type", content.type()).param("id", content.id()).param("excerpt", excerpt(notice.excerpt()))
                .param("reason", NotificationInbox.cut(notice.reason(), REASON)).param("detail", notice.detailKey())
                .param("now", utc(now)).update();
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The beginning of a text on one line, cut between code points, never inside a surrogate pair. */
    static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= EXCERPT) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, EXCERPT)) + "…";
    }
}
