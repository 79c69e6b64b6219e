package pl.krakow.agora.discussion;

import static pl.krakow.agora.discussion.CommentStore.utc;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.discussion.CommentStore.Row;
import pl.krakow.agora.moderation.ModeratableContent;
import pl.krakow.agora.moderation.ModeratedItem;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;

/**
 * Comments as moderation sees them ({@code discussion/comment/<id>}). Discussion keeps the hidden
 * state in its own rows, so that its public lists and counts need nothing from moderation; hiding
 * locks the thread's first comment exclusively (replies in the thread wait, see
 * {@link DiscussionService#reply}) and recomputes which comments of the thread are in a hidden branch.
 */
@Component
class CommentModeration implements ModeratableContent {

    private static final String MODERATORS = "hasAnyRole('MODERATOR', 'ADMIN')";
    private final CommentStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    CommentModeration(CommentStore store, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean handles(ContentRef content) {
        return CommentStore.MODULE.equals(content.module()) && CommentStore.TYPE.equals(content.type())
                && content.id().matches("[1-9][0-9]{0,18}");
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Long> flaggableAuthor(ContentRef content) {
        return store.find(id(content)).filter(row -> !row.deleted() && !row.inHiddenBranch()).map(Row::authorId);
    }

    @Override
    @PreAuthorize(MODERATORS)
    @Transactional(readOnly = true)
    public Map<ContentRef, ModeratedItem> describe(Collection<ContentRef> contents) {
        Map<ContentRef, ModeratedItem> items = new HashMap<>();
        List<Long> ids = contents.stream().filter(this::handles).map(CommentModeration::id).distinct().toList();
        for (Row row : store.findAll(ids)) {
            ContentRef content = DiscussionService.contentRef(row.id());
            items.put(content, new ModeratedItem(content, row.body(), row.authorId(), row.authorName(),
                    row.createdAt(), row.target().toString(), row.hidden(), row.hiddenReason(), row.deleted()));
        }
        return items;
    }

    @Override
    @PreAuthorize(MODERATORS)
    @Transactional
    public void hide(ContentRef content, String reason) {
        long id = id(content);
        long rootId = rootOf(id);
        store.lockExclusive(rootId);
        jdbc.sql("UPDATE discussion_comment SET hidden_at = :now, hidden_reason = :reason WHERE id = :id")
                .param("now", utc(clock.instant())).param("reason", reason).param("id", id).update();
        store.recomputeHiddenBranch(rootId);
    }

    @Override
    @PreAuthorize(MODERATORS)
    @Transactional
    public void restore(ContentRef content) {
        long id = id(content);
        long rootId = rootOf(id);
        store.lockExclusive(rootId);
        jdbc.sql("UPDATE discussion_comment SET hidden_at = NULL, hidden_reason = NULL WHERE id = :id")
                .param("id", id).update();
        store.recomputeHiddenBranch(rootId);
    }

    private long rootOf(long id) {
        Row row = store.find(id).orElseThrow(() -> new AgoraException("moderation.error.no-such-content",
                DiscussionService.contentRef(id).toString()));
        return row.rootId() == null ? row.id() : row.rootId();
    }

    private static long id(ContentRef content) {
        try {
            return Long.parseLong(content.id());
        } catch (NumberFormatException e) {
            throw new AgoraException("moderation.error.no-such-content", content.toString());
        }
    }
}
