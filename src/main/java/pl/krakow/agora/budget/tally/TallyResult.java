package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;
import java.util.List;

/**
 * An outcome.
 *
 * @param rule           the rule that produced it
 * @param selected       funded project ids in the order they were funded
 * @param totalCost      exact sum of their costs
 * @param budget         the budget of the instance
 * @param add1K          Add1 rules: how many 1-unit raises of the per-voter budget the outcome used; else null
 * @param perVoterBudget MES rules: the per-voter budget of the returned run (budget/N + k); else null
 * @param trace          one entry per project, in the order considered; empty unless asked for
 */
public record TallyResult(Rule rule,
                          List<String> selected,
                          BigDecimal totalCost,
                          BigDecimal budget,
                          Integer add1K,
                          Rational perVoterBudget,
                          List<TraceEntry> trace) {

    public TallyResult {
        selected = List.copyOf(selected);
        trace = List.copyOf(trace);
    }

    /** Selected ids in string order, as in expected.jsonl. */
    public List<String> selectedSorted() {
        return selected.stream().sorted().toList();
    }
}
