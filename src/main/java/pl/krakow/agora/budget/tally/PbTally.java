package pl.krakow.agora.budget.tally;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the tally engine: one call per outcome rule. Pure and deterministic; the
 * rules are defined in shared/data/pb/README.md.
 */
public final class PbTally {

    private PbTally() {
    }

    /** Tallies with the default tie-break (listed first wins) and no trace. */
    public static TallyResult tally(TallyInput input, Rule rule) {
        return tally(input, rule, TieBreak.fileOrder(), false);
    }

    /**
     * @param explain also produce one {@link TraceEntry} per project
     * @throws IllegalArgumentException for greedy-threshold when the input has no threshold
     */
    public static TallyResult tally(TallyInput input, Rule rule, TieBreak tieBreak, boolean explain) {
        return switch (rule) {
            case GREEDY -> Greedy.run(input, rule, Greedy.Options.NONE, tieBreak, explain);
            case GREEDY_THRESHOLD -> Greedy.run(input, rule,
                    new Greedy.Options(input.minScoreThreshold().orElseThrow(() -> new IllegalArgumentException(
                            "greedy-threshold needs META min_project_score_threshold")), null),
                    tieBreak, explain);
            case MES_COST, MES_APPROVAL -> mes(input, rule, tieBreak, explain);
            case MES_COST_ADD1, MES_COST_ADD1_EXHAUSTIVE_STOP -> add1(input, rule, tieBreak, explain);
        };
    }

    /**
     * Greedy where a project is eligible only if its share of voters is at least its share of
     * the budget divided by {@code divisor} (supporters/N ≥ cost/(divisor·budget)), the
     * "support share" eligibility filter of design/domain.md.
     */
    public static TallyResult greedyWithSupportShare(TallyInput input, int divisor, TieBreak tieBreak, boolean explain) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be positive");
        }
        return Greedy.run(input, Rule.GREEDY, new Greedy.Options(null, divisor), tieBreak, explain);
    }

    private static TallyResult mes(TallyInput input, Rule rule, TieBreak tieBreak, boolean explain) {
        EqualShares mes = new EqualShares(input, tieBreak);
        if (mes.voters == 0) {
            return empty(input, rule, null);
        }
        Rational perVoter = mes.budget.divide(mes.voters);
        EqualShares.Outcome o = mes.run(perVoter,
                rule == Rule.MES_APPROVAL ? EqualShares.Utility.APPROVAL : EqualShares.Utility.COST);
        return result(input, rule, mes, o, null, explain);
    }

    private static TallyResult add1(TallyInput input, Rule rule, TieBreak tieBreak, boolean explain) {
        EqualShares mes = new EqualShares(input, tieBreak);
        if (mes.voters == 0) {
            return empty(input, rule, 0);
        }
        Add1.Result r = Add1.run(mes, rule == Rule.MES_COST_ADD1_EXHAUSTIVE_STOP);
        return result(input, rule, mes, r.outcome(), r.k(), explain);
    }

    private static TallyResult result(TallyInput input, Rule rule, EqualShares mes, EqualShares.Outcome o,
                                      Integer k, boolean explain) {
        List<String> ids = input.projects().stream().map(TallyInput.Project::id).toList();
        List<String> selected = Arrays.stream(o.funded()).mapToObj(ids::get).toList();
        List<TraceEntry> trace = explain ? mes.trace(o, ids) : List.of();
        return new TallyResult(rule, selected, o.totalCost(mes.costDecimal), input.budget(), k, o.perVoter(), trace);
    }

    private static TallyResult empty(TallyInput input, Rule rule, Integer k) {
        return new TallyResult(rule, List.of(), java.math.BigDecimal.ZERO, input.budget(), k, null, List.of());
    }
}
