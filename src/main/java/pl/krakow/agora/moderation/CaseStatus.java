package pl.krakow.agora.moderation;

/** Where a moderation case stands: flags wait for a decision, the content is hidden, or nothing is open. */
public enum CaseStatus {
    OPEN,
    HIDDEN,
    CLOSED
}
