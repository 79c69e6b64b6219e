package pl.krakow.agora.forum.rules;

/** How many members must be present for the body to decide (issue 7, item 3). */
public enum QuorumRule {
    /** More than half of the members (domain.md: "more than half of members present"). */
    MORE_THAN_HALF,
    /** At least half of the members (ustawa o samorządzie gminnym art. 14 ust. 1). */
    AT_LEAST_HALF;

    /** The smallest number of present members that makes a quorum. */
    public int required(int members) {
        if (members < 0) {
            throw new IllegalArgumentException("members must not be negative");
        }
        return switch (this) {
            case MORE_THAN_HALF -> members / 2 + 1;
            case AT_LEAST_HALF -> (members + 1) / 2;
        };
    }

    public boolean met(int present, int members) {
        return members > 0 && present >= required(members);
    }
}
