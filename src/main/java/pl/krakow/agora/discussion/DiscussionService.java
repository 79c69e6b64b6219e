package pl.krakow.agora.discussion;

import static pl.krakow.agora.discussion.CommentStore.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.discussion.CommentStore.Row;
import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * The discussion module's door (issue 5, items 7-9). Reading is open to everyone, writing to
 * signed-in users; every write is one transaction that either saves everything (the comment, its
 * {@link ContentSubmitted} event in the publication registry) or nothing.
 *
 * <p>Concurrency is decided by the database, never by JVM locks, so that it holds on several nodes:
 * a new comment locks its author's activity row (the rate limit counts the author's comments of the
 * last minute under that lock), a reaction locks its comment's row (the counts are then recomputed
 * from the reaction rows, so they are exact), and a reply takes a shared lock on its thread's first
 * comment, which a moderator's hide takes exclusively. These write transactions run at READ
 * COMMITTED, so that each statement after a lock sees everything committed before it.
 *
 * <p>Visibility: a hidden comment and the replies below it are seen only by moderators and by the
 * hidden comment's author; everyone else, every count ({@link #visibleCount}) and every list leaves
 * them out. A deleted comment shows as "comment deleted" while its replies stay.
 */
@Service
public class DiscussionService {

    /** Replies loaded with a page, per thread; the rest with {@link #thread(long)}. */
    static final int REPLIES_PER_THREAD = 50;
    static final int MAX_REPLIES = 2000;

    private final CommentStore store;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final DiscussionProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DiscussionService(CommentStore store, JdbcClient jdbc, CurrentUser currentUser, DiscussionProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The content reference of a comment: module "discussion", type "comment", the comment's id. */
    public static ContentRef contentRef(long commentId) {
        return new ContentRef(CommentStore.MODULE, CommentStore.TYPE, Long.toString(commentId));
    }

    /** The configured limits, for forms (length counter) and help texts. */
    public DiscussionProperties limits() {
        return properties;
    }

    // ---- counts ---------------------------------------------------------------------------------

    /** How many comments of this thing the public sees: neither deleted nor hidden (nor under a hidden one). */
    @Transactional(readOnly = true)
    public long visibleCount(CommentableRef target) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM discussion_comment
                WHERE target_module = :module AND target_type = :type AND target_id = :id
                  AND in_hidden_branch = FALSE AND deleted_at IS NULL""")
                .param("module", target.module()).param("type", target.type()).param("id", target.id())
                .query(Long.class).single();
    }

    /**
     * {@link #visibleCount} of many things in one query (for lists and exports); every requested
     * thing is in the result, with 0 when nobody commented on it.
     */
    @Transactional(readOnly = true)
    public Map<CommentableRef, Long> visibleCounts(Collection<CommentableRef> targets) {
        Map<CommentableRef, Long> counts = new LinkedHashMap<>();
        targets.forEach(t -> counts.put(t, 0L));
        if (targets.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT target_module, target_type, target_id, COUNT(*) FROM discussion_comment
                WHERE target_module IN (:modules) AND target_type IN (:types) AND target_id IN (:ids)
                  AND in_hidden_branch = FALSE AND deleted_at IS NULL
                GROUP BY target_module, target_type, target_id""")
                .param("modules", targets.stream().map(CommentableRef::module).distinct().toList())
                .param("types", targets.stream().map(CommentableRef::type).distinct().toList())
                .param("ids", targets.stream().map(CommentableRef::id).distinct().toList())
                .query(rs -> {
                    CommentableRef ref = new CommentableRef(rs.getString(1), rs.getString(2), rs.getString(3));
                    counts.computeIfPresent(ref, (k, v) -> {
                        try {
                            return rs.getLong(4);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                });
        return counts;
    }

    // ---- reading --------------------------------------------------------------------------------

    /**
     * A page of threads: top-level comments in the chosen order, by keyset (so that page 100 costs
     * what page 1 costs, on the indexes of V6), each with its first replies.
     *
     * @param cursor null for the first page, else {@link CommentPage#nextCursor()} of the page before
     * @param size   top-level comments per page (1..100)
     */
    @Transactional(readOnly = true)
    public CommentPage page(CommentableRef target, CommentSort sort, @Nullable String cursor, int size) {
        Viewer viewer = viewer();
        int limit = Math.max(1, Math.min(size, 100));
        List<Row> roots = store.roots(target, sort, Cursor.parse(sort, cursor), viewer.id(), viewer.moderator(),
                limit + 1);
        boolean more = roots.size() > limit;
        if (more) {
            roots = roots.subList(0, limit);
        }
        List<CommentThread> threads = threads(roots, store.replies(roots.stream().map(Row::id).toList(),
                REPLIES_PER_THREAD), viewer, REPLIES_PER_THREAD);
        String next = more ? Cursor.of(sort, roots.getLast()) : null;
        return new CommentPage(threads, next);
    }

    /** The whole thread that contains this comment, with all its replies; empty when the reader may not see it. */
    @Transactional(readOnly = true)
    public Optional<CommentThread> thread(long commentId) {
        Viewer viewer = viewer();
        Optional<Row> comment = store.find(commentId);
        if (comment.isEmpty()) {
            return Optional.empty();
        }
        long rootId = comment.get().rootId() == null ? commentId : comment.get().rootId();
        Optional<Row> root = rootId == commentId ? comment : store.find(rootId);
        if (root.isEmpty() || !root.get().visibleTo(viewer.id(), viewer.moderator())) {
            return Optional.empty();
        }
        List<CommentThread> threads = threads(List.of(root.get()), store.replies(List.of(rootId), MAX_REPLIES),
                viewer, MAX_REPLIES);
        return threads.stream().findFirst();
    }

    // ---- writing --------------------------------------------------------------------------------

    /** A signed-in user comments on a thing. Returns the new comment's id. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public long post(CommentableRef target, String text, UiLanguage language) {
        UserRef author = signedIn();
        String body = CommentText.normalize(text, properties.maxLength());
        Instant now = clock.instant();
        enforceRateLimit(author, now);
        long id = store.insert(target, null, null, 0, author, language.tag(), body, now);
        submitted(id, body, author, language);
        return id;
    }

    /**
     * A signed-in user replies to a comment. Refused below {@code agora.discussion.max-depth}, and to
     * a deleted or hidden comment. Returns the new reply's id.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public long reply(long parentId, String text, UiLanguage language) {
        UserRef author = signedIn();
        String body = CommentText.normalize(text, properties.maxLength());
        Instant now = clock.instant();
        Row peek = store.find(parentId).orElseThrow(() -> new AgoraException("discussion.error.no-such-comment"));
        long rootId = peek.rootId() == null ? peek.id() : peek.rootId();
        // the thread's first comment first, shared: a moderator hiding in this thread waits for us, and we for them
        store.lockShared(rootId);
        Row parent = store.lockShared(parentId)
                .orElseThrow(() -> new AgoraException("discussion.error.no-such-comment"));
        if (parent.deleted()) {
            throw new AgoraException("discussion.error.reply-to-deleted");
        }
        if (parent.inHiddenBranch()) {
            throw new AgoraException("discussion.error.reply-to-hidden");
        }
        if (parent.depth() >= properties.maxDepth()) {
            throw new AgoraException("discussion.error.too-deep", properties.maxDepth());
        }
        enforceRateLimit(author, now);
        long id = store.insert(parent.target(), parent.id(), rootId, parent.depth() + 1, author, language.tag(),
                body, now);
        submitted(id, body, author, language);
        return id;
    }

    /**
     * The author changes their comment within {@code agora.discussion.edit-window} of writing it; the
     * comment then shows "edited", and its new text goes to translation like a new one.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void edit(long commentId, String text, UiLanguage language) {
        UserRef author = signedIn();
        String body = CommentText.normalize(text, properties.maxLength());
        Instant now = clock.instant();
        Row comment = ownComment(commentId, author);
        if (comment.deleted()) {
            throw new AgoraException("discussion.error.deleted");
        }
        if (comment.inHiddenBranch()) {
            throw new AgoraException("discussion.error.hidden");
        }
        if (now.isAfter(comment.createdAt().plus(properties.editWindow()))) {
            throw new AgoraException("discussion.error.edit-window-closed", properties.editWindow().toMinutes());
        }
        if (comment.body().equals(body)) {
            return;
        }
        jdbc.sql("UPDATE discussion_comment SET body = :body, edited_at = :now WHERE id = :id")
                .param("body", body).param("now", utc(now)).param("id", commentId).update();
        submitted(commentId, body, author, language);
    }

    /**
     * The author deletes their comment. It is a soft delete: the thread keeps its place and its
     * replies, and shows "comment deleted" instead of the text and the name.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void delete(long commentId) {
        UserRef author = signedIn();
        Row comment = ownComment(commentId, author);
        if (comment.deleted()) {
            return;
        }
        jdbc.sql("UPDATE discussion_comment SET deleted_at = :now WHERE id = :id")
                .param("now", utc(clock.instant())).param("id", commentId).update();
    }

    /**
     * Sets the signed-in reader's reaction to a comment: support, oppose, or none (null). One per
     * reader per comment (the primary key); choosing the other one switches it. Not on one's own
     * comment, nor on a deleted or hidden one.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void react(long commentId, @Nullable ReactionKind kind) {
        UserRef reader = signedIn();
        Row comment = store.lockExclusive(commentId)
                .orElseThrow(() -> new AgoraException("discussion.error.no-such-comment"));
        if (comment.deleted() || comment.inHiddenBranch()) {
            throw new AgoraException("discussion.error.cannot-react");
        }
        if (comment.authorId() == reader.id()) {
            throw new AgoraException("discussion.error.own-reaction");
        }
        if (kind == null) {
            jdbc.sql("DELETE FROM discussion_reaction WHERE comment_id = :id AND user_id = :user")
                    .param("id", commentId).param("user", reader.id()).update();
        } else {
            jdbc.sql("""
                    INSERT INTO discussion_reaction (comment_id, user_id, kind, reacted_at)
                    VALUES (:id, :user, :kind, :now)
                    ON DUPLICATE KEY UPDATE kind = VALUES(kind), reacted_at = VALUES(reacted_at)""")
                    .param("id", commentId).param("user", reader.id()).param("kind", kind.name())
                    .param("now", utc(clock.instant())).update();
        }
        // recounted from the rows under the comment's lock: exact, whatever happened before
        jdbc.sql("""
                UPDATE discussion_comment SET
                    support_count = (SELECT COUNT(*) FROM discussion_reaction WHERE comment_id = :id AND kind = 'SUPPORT'),
                    oppose_count = (SELECT COUNT(*) FROM discussion_reaction WHERE comment_id = :id AND kind = 'OPPOSE')
                WHERE id = :id""")
                .param("id", commentId).update();
    }

    // ---- rules ----------------------------------------------------------------------------------

    /**
     * At most {@code agora.discussion.rate-limit.max-per-minute} comments per author in any 60
     * seconds. The author's activity row is locked first (INSERT ... ON DUPLICATE KEY UPDATE takes
     * the row's exclusive lock), so two simultaneous posts of one person on two nodes are counted
     * one after the other.
     */
    private void enforceRateLimit(UserRef author, Instant now) {
        jdbc.sql("""
                INSERT INTO discussion_author_activity (user_id, last_posted_at) VALUES (:user, :now)
                ON DUPLICATE KEY UPDATE last_posted_at = VALUES(last_posted_at)""")
                .param("user", author.id()).param("now", utc(now)).update();
        long recent = jdbc.sql("""
                SELECT COUNT(*) FROM discussion_comment WHERE author_id = :user AND created_at > :since""")
                .param("user", author.id()).param("since", utc(now.minus(Duration.ofMinutes(1))))
                .query(Long.class).single();
        int max = properties.rateLimit().maxPerMinute();
        if (recent >= max) {
            throw new AgoraException("discussion.error.rate-limit", max);
        }
    }

    private Row ownComment(long commentId, UserRef author) {
        Row comment = store.lockExclusive(commentId)
                .orElseThrow(() -> new AgoraException("discussion.error.no-such-comment"));
        if (comment.authorId() != author.id()) {
            throw new AgoraException("discussion.error.not-author");
        }
        return comment;
    }

    private void submitted(long commentId, String body, UserRef author, UiLanguage language) {
        events.publishEvent(new ContentSubmitted(contentRef(commentId), body, author.id(), language.tag()));
    }

    private UserRef signedIn() {
        return currentUser.get().orElseThrow(() -> new AgoraException("platform.error.denied"));
    }

    record Viewer(@Nullable Long id, boolean moderator) {
    }

    private Viewer viewer() {
        Long id = currentUser.get().map(UserRef::id).orElse(null);
        return new Viewer(id, currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN));
    }

    // ---- threads --------------------------------------------------------------------------------

    /**
     * Builds the threads a reader sees. A comment is shown when it and every comment above it is
     * either not hidden, or written by the reader, or the reader is a moderator.
     */
    private List<CommentThread> threads(List<Row> roots, Map<Long, List<Row>> replies, Viewer viewer, int cap) {
        Instant now = clock.instant();
        List<Row> shownRows = new ArrayList<>();
        Map<Long, List<Row>> shownReplies = new HashMap<>();
        for (Row root : roots) {
            shownRows.add(root);
            Set<Long> shown = new LinkedHashSet<>();
            shown.add(root.id());
            List<Row> kept = new ArrayList<>();
            for (Row reply : replies.getOrDefault(root.id(), List.of())) {
                if (reply.parentId() != null && shown.contains(reply.parentId())
                        && reply.visibleTo(viewer.id(), viewer.moderator())) {
                    shown.add(reply.id());
                    kept.add(reply);
                }
            }
            shownReplies.put(root.id(), kept);
            shownRows.addAll(kept);
        }
        Map<Long, ReactionKind> mine = viewer.id() == null ? Map.of()
                : store.reactionsOf(viewer.id(), shownRows.stream().map(Row::id).toList());
        List<CommentThread> threads = new ArrayList<>();
        for (Row root : roots) {
            List<Row> kept = shownReplies.get(root.id());
            Map<Long, List<Row>> children = new HashMap<>();
            for (Row reply : kept) {
                children.computeIfAbsent(reply.parentId(), k -> new ArrayList<>()).add(reply);
            }
            List<CommentView> ordered = new ArrayList<>();
            walk(root.id(), children, ordered, viewer, mine, now);
            int total = replies.getOrDefault(root.id(), List.of()).stream().findFirst()
                    .map(Row::threadSize).orElse(0);
            threads.add(new CommentThread(view(root, viewer, mine, now), ordered, total, total > cap));
        }
        return threads;
    }

    private void walk(long parent, Map<Long, List<Row>> children, List<CommentView> out, Viewer viewer,
            Map<Long, ReactionKind> mine, Instant now) {
        for (Row child : children.getOrDefault(parent, List.of())) {
            out.add(view(child, viewer, mine, now));
            walk(child.id(), children, out, viewer, mine, now);
        }
    }

    private CommentView view(Row row, Viewer viewer, Map<Long, ReactionKind> mine, Instant now) {
        CommentState state = row.hidden() ? CommentState.HIDDEN
                : row.deleted() ? CommentState.DELETED : CommentState.VISIBLE;
        boolean signedIn = viewer.id() != null;
        boolean own = signedIn && row.authorId() == viewer.id();
        boolean open = state == CommentState.VISIBLE && !row.inHiddenBranch();
        Instant editableUntil = row.createdAt().plus(properties.editWindow());
        return new CommentView(row.id(), row.parentId(), row.depth(), state,
                state == CommentState.DELETED ? null : row.authorName(), own, row.createdAt(), row.editedAt(),
                state == CommentState.DELETED ? "" : row.body(), row.hiddenReason(), row.inHiddenBranch(),
                row.supportCount(), row.opposeCount(), mine.get(row.id()),
                own && open && now.isBefore(editableUntil) ? editableUntil : null,
                own && state != CommentState.DELETED,
                signedIn && open && row.depth() < properties.maxDepth(),
                signedIn && !own && open);
    }

    /** The opaque position after the last comment of a page, per sort order. */
    record Cursor(long supportCount, long id) {

        static @Nullable Cursor parse(CommentSort sort, @Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                if (sort == CommentSort.MOST_SUPPORTED) {
                    String[] parts = cursor.split("\\.", 2);
                    return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
                return new Cursor(0, Long.parseLong(cursor));
            } catch (RuntimeException e) {
                throw new AgoraException("discussion.error.bad-cursor");
            }
        }

        static String of(CommentSort sort, Row last) {
            return sort == CommentSort.MOST_SUPPORTED ? last.supportCount() + "." + last.id() : Long.toString(last.id());
        }
    }
}
