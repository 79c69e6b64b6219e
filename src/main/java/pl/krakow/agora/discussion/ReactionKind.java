package pl.krakow.agora.discussion;

/** A reader's reaction to a comment: one per reader per comment. */
public enum ReactionKind {
    SUPPORT,
    OPPOSE
}
