package pl.krakow.agora.forum;

/** A session's life: agenda in preparation, agenda published, live, closed. */
public enum SessionStatus {
    PLANNED, PUBLISHED, OPEN, CLOSED
}
