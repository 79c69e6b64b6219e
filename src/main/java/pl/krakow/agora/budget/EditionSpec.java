package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.budget.tally.Rule;

/**
 * What an administrator sets for an edition.
 *
 * @param maxChoices  APPROVAL: at most this many projects; ORDINAL: at most this many ranks
 * @param totalPoints CUMULATIVE: the points a voter spreads
 * @param rankPoints  ORDINAL: points for rank 1, 2, … (best first), as many as maxChoices
 * @param rule        greedy, mes-cost, mes-approval or mes-cost-add1
 */
public record EditionSpec(String name, String nameLanguage, BigDecimal totalBudget, List<CategorySpec> categories,
        PhaseDates dates, BallotFormat format, @Nullable Integer maxChoices, @Nullable Integer totalPoints,
        List<Integer> rankPoints, Rule rule, int minAge, Eligibility eligibility, TieBreakOrder tieBreak) {

    public EditionSpec {
        categories = categories == null ? List.of() : List.copyOf(categories);
        rankPoints = rankPoints == null ? List.of() : List.copyOf(rankPoints);
    }
}
