package pl.krakow.agora.discussion;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.platform.ContentRef;

/**
 * One comment as the current reader may see it. Its text is plain text: show it as text, never as HTML.
 *
 * @param depth          0 for a comment on the thing itself, 1 and more for replies
 * @param authorName     null for a deleted comment
 * @param text           empty for a deleted comment
 * @param hiddenReason   the moderator's reason, for a hidden comment
 * @param inHiddenBranch the comment or one of the comments it replies to is hidden (only moderators
 *                       and the hidden comment's author see such comments)
 * @param myReaction     the current reader's reaction, if any
 * @param editableUntil  until when the current reader may still edit it; null when they may not
 */
public record CommentView(long id, @Nullable Long parentId, int depth, CommentState state,
        @Nullable String authorName, boolean mine, Instant createdAt, @Nullable Instant editedAt, String text,
        @Nullable String hiddenReason, boolean inHiddenBranch, long supportCount, long opposeCount,
        @Nullable ReactionKind myReaction, @Nullable Instant editableUntil, boolean canDelete, boolean canReply,
        boolean canReact) {

    /** The comment as content (for translation and moderation): module "discussion", type "comment". */
    public ContentRef contentRef() {
        return DiscussionService.contentRef(id);
    }

    public boolean edited() {
        return editedAt != null;
    }

    public boolean canEdit() {
        return editableUntil != null;
    }

    /** A reader may flag what they may react to: visible comments of others. */
    public boolean canFlag() {
        return canReact;
    }
}
