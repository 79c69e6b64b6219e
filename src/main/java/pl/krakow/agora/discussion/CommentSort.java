package pl.krakow.agora.discussion;

/** The order of the top-level comments of a discussion; replies always follow in the order they were written. */
public enum CommentSort {
    NEWEST,
    OLDEST,
    /** the most "support" reactions first; among equals the newer first */
    MOST_SUPPORTED
}
