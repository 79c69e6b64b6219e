package pl.krakow.agora.budget;

import pl.krakow.agora.budget.pabulib.VoteType;

/**
 * How a voter fills in the ballot (design/domain.md "Participatory budget voting rules").
 * APPROVAL: up to K projects; KNAPSACK: any projects whose costs fit in the budget; CUMULATIVE:
 * spread P points; ORDINAL: rank up to K projects, points by rank (e.g. Kraków's 3/2/1).
 */
public enum BallotFormat {
    APPROVAL(VoteType.APPROVAL),
    KNAPSACK(VoteType.APPROVAL),
    CUMULATIVE(VoteType.CUMULATIVE),
    ORDINAL(VoteType.ORDINAL);

    private final VoteType voteType;

    BallotFormat(VoteType voteType) {
        this.voteType = voteType;
    }

    /** The Pabulib vote_type the ballots are exported and tallied as. */
    public VoteType voteType() {
        return voteType;
    }

    public boolean usesPoints() {
        return this == CUMULATIVE || this == ORDINAL;
    }
}
