package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import pl.krakow.agora.budget.pabulib.VoteType;

/**
 * Greedy ("utilitarian greedy", what most Polish cities use): shared/data/pb/README.md, rule
 * "greedy". Projects with score > 0, best score first (ties: {@link TieBreak}), each funded if it
 * still fits in what is left; a project that does not fit is skipped and the scan goes on.
 */
final class Greedy {

    /**
     * Eligibility filters.
     *
     * @param minScore            greedy-threshold: score must be ≥ this (null = no filter)
     * @param supportShareDivisor when set to d: a project needs supporters/N ≥ cost/(d·budget),
     *                            i.e. a share of voters at least its share of the budget divided by d
     */
    record Options(BigDecimal minScore, Integer supportShareDivisor) {
        static final Options NONE = new Options(null, null);
    }

    private Greedy() {
    }

    /** Scores per README: approval and choose-1 count voters; points formats sum points; ordinal without points gives l − r + 1. */
    static BigDecimal[] scores(TallyInput in, Map<String, Integer> index) {
        BigDecimal[] score = new BigDecimal[in.projects().size()];
        long[] intScore = new long[score.length];
        boolean usesPoints = in.voteType() == VoteType.CUMULATIVE || in.voteType() == VoteType.SCORING
                || in.voteType() == VoteType.ORDINAL;
        Arrays.fill(score, BigDecimal.ZERO);
        for (TallyInput.Ballot b : in.ballots()) {
            int l = b.projects().size();
            for (int r = 0; r < l; r++) {
                int p = index.get(b.projects().get(r));
                if (!usesPoints) {
                    intScore[p]++;
                } else if (b.points().isEmpty()) {
                    // ordinal without points: Pabulib's published score (l − r + 1, r 1-based); other
                    // points formats without points fall back to one point per listed project
                    intScore[p] += in.voteType() == VoteType.ORDINAL ? l - r : 1;
                } else {
                    score[p] = score[p].add(b.points().get(r));
                }
            }
        }
        for (int p = 0; p < score.length; p++) {
            score[p] = score[p].add(BigDecimal.valueOf(intScore[p]));
        }
        return score;
    }

    static TallyResult run(TallyInput in, Rule rule, Options options, TieBreak tieBreak, boolean explain) {
        Map<String, Integer> index = in.indexById();
        BigDecimal[] score = scores(in, index);
        int[] rank = tieBreak.ranks(in);
        long[] supporters = new long[score.length];
        for (TallyInput.Ballot b : in.ballots()) {
            for (String id : b.projects()) {
                supporters[index.get(id)]++;
            }
        }
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer, BigDecimal>comparing(p -> score[p]).reversed()
                .thenComparingInt(p -> rank[p]));

        BigDecimal left = in.budget();
        BigDecimal total = BigDecimal.ZERO;
        List<String> selected = new ArrayList<>();
        List<TraceEntry> trace = new ArrayList<>();
        BigInteger n = BigInteger.valueOf(in.ballots().size());
        int step = 0;
        for (int p : order) {
            TallyInput.Project project = in.projects().get(p);
            step++;
            TraceEntry.Status status;
            if (score[p].signum() <= 0) {
                status = TraceEntry.Status.NO_SUPPORT;
            } else if (options.minScore() != null && score[p].compareTo(options.minScore()) < 0) {
                status = TraceEntry.Status.BELOW_THRESHOLD;
            } else if (options.supportShareDivisor() != null
                    && !enoughSupport(supporters[p], n, project.cost(), in.budget(), options.supportShareDivisor())) {
                status = TraceEntry.Status.BELOW_SUPPORT_SHARE;
            } else if (project.cost().compareTo(left) > 0) {
                status = TraceEntry.Status.DOES_NOT_FIT;
            } else {
                status = TraceEntry.Status.FUNDED;
            }
            if (explain) {
                trace.add(new TraceEntry(project.id(), status, step, score[p], Rational.of(left),
                        null, null, null));
            }
            if (status == TraceEntry.Status.FUNDED) {
                left = left.subtract(project.cost());
                total = total.add(project.cost());
                selected.add(project.id());
            }
        }
        return new TallyResult(rule, selected, total, in.budget(), null, null, trace);
    }

    /** supporters/N ≥ cost/(d·budget), compared exactly as supporters·d·budget ≥ cost·N. */
    private static boolean enoughSupport(long supporters, BigInteger n, BigDecimal cost, BigDecimal budget, int d) {
        if (budget.signum() == 0) {
            return cost.signum() == 0;
        }
        BigDecimal lhs = BigDecimal.valueOf(supporters).multiply(BigDecimal.valueOf(d)).multiply(budget);
        BigDecimal rhs = cost.multiply(new BigDecimal(n));
        return lhs.compareTo(rhs) >= 0;
    }
}
