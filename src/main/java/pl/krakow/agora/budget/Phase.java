package pl.krakow.agora.budget;

/** Where an edition is, computed from its dates (never stored, so it cannot drift from them). */
public enum Phase {
    ANNOUNCED, SUBMISSION, REVIEW, APPEALS, VOTING, RESULTS
}
