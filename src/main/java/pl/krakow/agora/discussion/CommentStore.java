package pl.krakow.agora.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of the discussion tables (V6); callers hold the transaction and decide the rules. */
@Component
class CommentStore {

    static final String MODULE = "discussion";
    static final String TYPE = "comment";

    private static final String COLUMNS = """
            id, target_module, target_type, target_id, parent_id, root_id, depth, author_id, author_name, body,
            created_at, edited_at, deleted_at, hidden_at, hidden_reason, in_hidden_branch, support_count,
            oppose_count""";

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One comment row as stored. {@code threadSize} is filled only when replies are loaded by thread. */
    record Row(long id, CommentableRef target, @Nullable Long parentId, @Nullable Long rootId, int depth,
            long authorId, String authorName, String body, Instant createdAt, @Nullable Instant editedAt,
            @Nullable Instant deletedAt, @Nullable Instant hiddenAt, @Nullable String hiddenReason,
            boolean inHiddenBranch, long supportCount, long opposeCount, int threadSize) {

        boolean deleted() {
            return deletedAt != null;
        }

        boolean hidden() {
            return hiddenAt != null;
        }

        /** A hidden comment is seen by its author and by moderators only. */
        boolean visibleTo(@Nullable Long viewer, boolean moderator) {
            return moderator || !hidden() || (viewer != null && authorId == viewer);
        }
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", 0 FROM discussion_comment WHERE id = :id")
                .param("id", id).query(CommentStore::row).optional();
    }

    List<Row> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + ", 0 FROM discussion_comment WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids)).query(CommentStore::row).list();
    }

    /** Reads the row with an exclusive lock (edit, delete, react, hide). */
    Optional<Row> lockExclusive(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", 0 FROM discussion_comment WHERE id = :id FOR UPDATE")
                .param("id", id).query(CommentStore::row).optional();
    }

    /** Reads the row with a shared lock (a reply below it). */
    Optional<Row> lockShared(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", 0 FROM discussion_comment WHERE id = :id LOCK IN SHARE MODE")
                .param("id", id).query(CommentStore::row).optional();
    }

    long insert(CommentableRef target, @Nullable Long parentId, @Nullable Long rootId, int depth,
            pl.krakow.agora.identity.UserRef author, String language, String body, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO discussion_comment (target_module, target_type, target_id, parent_id, root_id, depth,
                    author_id, author_name, author_language, body, created_at)
                VALUES (:module, :type, :id, :parent, :root, :depth, :author, :name, :language, :body, :now)""")
                .param("module", target.module()).param("type", target.type()).param("id", target.id())
                .param("parent", parentId).param("root", rootId).param("depth", depth)
                .param("author", author.id()).param("name", limit(author.displayName(), 255))
                .param("language", language).param("body", body).param("now", utc(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /**
     * Top-level comments of a thing after the cursor, in the sort order, by keyset on the indexes
     * {@code discussion_comment_newest_idx} and {@code discussion_comment_support_idx}. Non-moderators
     * see no hidden comment but their own.
     */
    List<Row> roots(CommentableRef target, pl.krakow.agora.discussion.CommentSort sort,
            DiscussionService.@Nullable Cursor cursor, @Nullable Long viewer, boolean moderator, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", 0 FROM discussion_comment"
                + " WHERE target_module = :module AND target_type = :type AND target_id = :id AND depth = 0");
        if (!moderator) {
            sql.append(" AND (hidden_at IS NULL OR author_id = :viewer)");
        }
        if (cursor != null) {
            sql.append(switch (sort) {
                case NEWEST -> " AND id < :after";
                case OLDEST -> " AND id > :after";
                case MOST_SUPPORTED -> " AND (support_count < :support OR (support_count = :support AND id < :after))";
            });
        }
        sql.append(switch (sort) {
            case NEWEST -> " ORDER BY id DESC";
            case OLDEST -> " ORDER BY id ASC";
            case MOST_SUPPORTED -> " ORDER BY support_count DESC, id DESC";
        });
        sql.append(" LIMIT :limit");
        var statement = jdbc.sql(sql.toString())
                .param("module", target.module()).param("type", target.type()).param("id", target.id())
                .param("limit", limit);
        if (!moderator) {
            statement = statement.param("viewer", viewer == null ? -1L : viewer);
        }
        if (cursor != null) {
            statement = statement.param("after", cursor.id());
            if (sort == pl.krakow.agora.discussion.CommentSort.MOST_SUPPORTED) {
                statement = statement.param("support", cursor.supportCount());
            }
        }
        return statement.query(CommentStore::row).list();
    }

    /** The first {@code cap} replies (by age) of each of these threads, with each thread's total. */
    Map<Long, List<Row>> replies(List<Long> rootIds, int cap) {
        Map<Long, List<Row>> byRoot = new HashMap<>();
        if (rootIds.isEmpty()) {
            return byRoot;
        }
        jdbc.sql("SELECT " + COLUMNS + ", total FROM (SELECT " + COLUMNS + ","
                + " ROW_NUMBER() OVER (PARTITION BY root_id ORDER BY id) AS position,"
                + " COUNT(*) OVER (PARTITION BY root_id) AS total"
                + " FROM discussion_comment WHERE root_id IN (:roots)) r WHERE position <= :cap ORDER BY root_id, id")
                .param("roots", rootIds).param("cap", cap)
                .query(CommentStore::row).list()
                .forEach(row -> byRoot.computeIfAbsent(row.rootId(), k -> new ArrayList<>()).add(row));
        return byRoot;
    }

    /** The reader's reactions to these comments. */
    Map<Long, ReactionKind> reactionsOf(long userId, List<Long> commentIds) {
        Map<Long, ReactionKind> reactions = new HashMap<>();
        if (commentIds.isEmpty()) {
            return reactions;
        }
        jdbc.sql("SELECT comment_id, kind FROM discussion_reaction WHERE user_id = :user AND comment_id IN (:ids)")
                .param("user", userId).param("ids", commentIds)
                .query(rs -> {
                    reactions.put(rs.getLong(1), ReactionKind.valueOf(rs.getString(2)));
                });
        return reactions;
    }

    /**
     * Recomputes {@code in_hidden_branch} for a whole thread after a comment in it was hidden or
     * shown again: a comment is in a hidden branch when it or a comment above it is hidden. The caller
     * holds the thread's first comment exclusively.
     */
    void recomputeHiddenBranch(long rootId) {
        record Node(long id, @Nullable Long parentId, boolean hidden, boolean flagged) {
        }
        List<Node> nodes = jdbc.sql("""
                SELECT id, parent_id, hidden_at IS NOT NULL, in_hidden_branch FROM discussion_comment
                WHERE id = :root OR root_id = :root ORDER BY id""")
                .param("root", rootId)
                .query((rs, n) -> new Node(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .list();
        Map<Long, Boolean> inHidden = new HashMap<>();
        List<Long> set = new ArrayList<>();
        List<Long> clear = new ArrayList<>();
        for (Node node : nodes) { // parents come before their replies: a reply's id is larger
            boolean value = node.hidden() || (node.parentId() != null && inHidden.getOrDefault(node.parentId(), false));
            inHidden.put(node.id(), value);
            if (value != node.flagged()) {
                (value ? set : clear).add(node.id());
            }
        }
        if (!set.isEmpty()) {
            jdbc.sql("UPDATE discussion_comment SET in_hidden_branch = TRUE WHERE id IN (:ids)").param("ids", set)
                    .update();
        }
        if (!clear.isEmpty()) {
            jdbc.sql("UPDATE discussion_comment SET in_hidden_branch = FALSE WHERE id IN (:ids)").param("ids", clear)
                    .update();
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), new CommentableRef(rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getInt(7), rs.getLong(8),
                rs.getString(9), rs.getString(10), instant(rs, 11), instantOrNull(rs, 12), instantOrNull(rs, 13),
                instantOrNull(rs, 14), rs.getString(15), rs.getBoolean(16), rs.getLong(17), rs.getLong(18),
                rs.getInt(19));
    }

    /** DATETIME columns hold UTC, whatever the JVM's or the server's time zone (like the audit log). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
