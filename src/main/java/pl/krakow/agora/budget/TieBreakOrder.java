package pl.krakow.agora.budget;

import pl.krakow.agora.budget.tally.TieBreak;

/** The documented tie-break of an edition (design/domain.md "Ties"). */
public enum TieBreakOrder {
    /** The project listed first (the earliest submitted) wins. */
    FILE_ORDER("file-order"),
    /** The cheaper project wins, then the one listed first. */
    LOWER_COST("lower-cost");

    private final String code;

    TieBreakOrder(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public TieBreak tieBreak() {
        return this == FILE_ORDER ? TieBreak.fileOrder() : TieBreak.lowerCostFirst();
    }

    static TieBreakOrder ofCode(String code) {
        for (TieBreakOrder t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tie-break " + code);
    }
}
