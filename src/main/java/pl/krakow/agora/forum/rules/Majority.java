package pl.krakow.agora.forum.rules;

/**
 * The majority a motion needs (domain.md "Forum session procedure"; the terms follow Polish council
 * practice, ustawa o samorządzie gminnym art. 14 and the statutes of Kraków's city council).
 */
public enum Majority {
    /**
     * Simple majority of the votes cast ("zwykła większość głosów"): more yes than no. Abstentions
     * are cast but count neither way; a tie is not adopted.
     */
    SIMPLE,
    /**
     * Absolute majority of the members ("bezwzględna większość ustawowego składu"): more yes votes
     * than half of all members of the body, whoever is present.
     */
    ABSOLUTE,
    /** Two thirds of the votes cast, abstentions included: yes at least 2/3 of yes + no + abstain. */
    TWO_THIRDS;

    /**
     * Whether a motion with these totals is adopted. Integer arithmetic only, so that the boundaries
     * (ties, exactly half, exactly two thirds) are exact.
     *
     * @param members the number of members of the body, frozen when the vote opened
     */
    public boolean adopted(int yes, int no, int abstain, int members) {
        if (yes < 0 || no < 0 || abstain < 0 || members < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        return switch (this) {
            case SIMPLE -> yes > no;
            case ABSOLUTE -> 2L * yes > members;
            case TWO_THIRDS -> {
                long cast = (long) yes + no + abstain;
                yield cast > 0 && 3L * yes >= 2L * cast;
            }
        };
    }
}
