package pl.krakow.agora.forum;

/** An agenda item: proposed by a member, on the agenda, rejected by the chair, being debated, done. */
public enum ItemStatus {
    PROPOSED, ACCEPTED, REJECTED, ACTIVE, DONE
}
