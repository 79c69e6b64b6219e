package pl.krakow.agora.discussion;

/**
 * How a comment is shown: its text, "comment deleted" (the author deleted it; its replies stay), or
 * the moderator's reason (only its author and moderators ever see a hidden comment).
 */
public enum CommentState {
    VISIBLE,
    DELETED,
    HIDDEN
}
