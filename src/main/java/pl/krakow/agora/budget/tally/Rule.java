package pl.krakow.agora.budget.tally;

import java.util.Optional;

/** Outcome rules; exact definitions in shared/data/pb/README.md ("Rules"). */
public enum Rule {
    /** Highest score first, fund whatever still fits. */
    GREEDY("greedy"),
    /** Greedy over projects whose score reaches META min_project_score_threshold. */
    GREEDY_THRESHOLD("greedy-threshold"),
    /** Method of Equal Shares, cost utilities, no completion. */
    MES_COST("mes-cost"),
    /** Method of Equal Shares, approval utilities, no completion. */
    MES_APPROVAL("mes-approval"),
    /** mes-cost completed by raising every voter's budget by 1 unit at a time (Add1). */
    MES_COST_ADD1("mes-cost-add1"),
    /** Add1 that also stops at the first exhaustive outcome (pabutools' default). */
    MES_COST_ADD1_EXHAUSTIVE_STOP("mes-cost-add1-exhaustive-stop");

    private final String code;

    Rule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Rule> ofCode(String code) {
        for (Rule r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
