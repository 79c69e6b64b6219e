package pl.krakow.agora.panel;

/** A draft recommendation is written in versions, then voted on once; the outcome is final. */
public enum DraftStatus {
    DRAFT, VOTING, ADOPTED, REJECTED
}
