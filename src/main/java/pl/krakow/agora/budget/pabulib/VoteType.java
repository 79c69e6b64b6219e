package pl.krakow.agora.budget.pabulib;

import java.util.Locale;

/** Ballot formats of the Pabulib {@code vote_type} META key. */
public enum VoteType {
    APPROVAL("approval"),
    CHOOSE_1("choose-1"),
    CUMULATIVE("cumulative"),
    SCORING("scoring"),
    ORDINAL("ordinal");

    private final String code;

    VoteType(String code) {
        this.code = code;
    }

    /** The spelling used in {@code .pb} files. */
    public String code() {
        return code;
    }

    /** Parses a {@code vote_type} value; {@code null} when unknown. */
    static VoteType ofCode(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (VoteType t : values()) {
            if (t.code.equals(v)) {
                return t;
            }
        }
        return null;
    }
}
