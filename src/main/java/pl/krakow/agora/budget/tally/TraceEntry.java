package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;

/**
 * Why one project won or lost, for the result screen (design/domain.md: "every result screen
 * explains why"). Fields that do not apply to the rule are {@code null}.
 *
 * @param projectId      the project
 * @param status         what happened to it
 * @param step           greedy: position in the scan (1-based); MES: the round it was funded in; 0 if never
 * @param score          greedy: the score
 * @param budgetLeft     greedy: the budget left when the project was considered
 * @param price          MES: payment per supporter q (exact), for funded projects
 * @param payers         MES: how many supporters paid (funded), or held money (unfunded)
 * @param moneyLeft      MES: money left to all voters after this round (funded) /
 *                       money the supporters still held at the end (unfunded)
 */
public record TraceEntry(String projectId,
                         Status status,
                         int step,
                         BigDecimal score,
                         Rational budgetLeft,
                         Rational price,
                         Long payers,
                         Rational moneyLeft) {

    public enum Status {
        FUNDED("funded"),
        /** Greedy: its cost exceeded the budget left. */
        DOES_NOT_FIT("does-not-fit"),
        /** Greedy-threshold: score below min_project_score_threshold. */
        BELOW_THRESHOLD("below-threshold"),
        /** Greedy with the support-share filter: too few supporters for its cost. */
        BELOW_SUPPORT_SHARE("below-support-share"),
        /** Nobody supports it (greedy: score 0). */
        NO_SUPPORT("no-support"),
        /** MES: its supporters together could no longer pay its cost. */
        SUPPORTERS_CANNOT_AFFORD("supporters-cannot-afford");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
