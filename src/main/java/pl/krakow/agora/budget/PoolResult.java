package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.budget.tally.Rational;
import pl.krakow.agora.budget.tally.Rule;

/**
 * The outcome of one pool: the winners in the order they were funded, then the other projects by
 * score; the voters who chose at least one of its projects; Add1's raises and the final per-voter
 * budget for MES rules.
 */
public record PoolResult(Pool pool, Rule rule, long voters, List<ProjectResult> projects, List<Long> winners,
        BigDecimal totalCost, @Nullable Integer add1K, @Nullable Rational perVoterBudget) {

    public PoolResult {
        projects = List.copyOf(projects);
        winners = List.copyOf(winners);
    }
}
