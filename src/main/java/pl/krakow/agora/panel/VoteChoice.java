package pl.krakow.agora.panel;

/** A member's vote on a draft recommendation. */
public enum VoteChoice {
    YES, NO, ABSTAIN
}
