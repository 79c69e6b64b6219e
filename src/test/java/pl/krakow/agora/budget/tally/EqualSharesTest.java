package pl.krakow.agora.budget.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.krakow.agora.budget.tally.Instances.approval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import pl.krakow.agora.budget.pabulib.VoteType;

class EqualSharesTest {

    @Test
    void mesCostPicksLowestPricePerUnitOfCostAndStopsWhenNothingIsAffordable() {
        // 4 voters × 100. P1 (300, all): q = 75, ρ = 1/4. P2 (100, v1 v2): q = 50, ρ = 1/2.
        // P1 first; then v1, v2 hold 25 each < 100: P2 unaffordable. No completion.
        TallyInput in = approval(400, List.of("P1:300", "P2:100"), "P1,P2", "P1,P2", "P1", "P1");

        TallyResult r = PbTally.tally(in, Rule.MES_COST, TieBreak.fileOrder(), true);

        assertThat(r.selected()).containsExactly("P1");
        assertThat(r.totalCost()).isEqualByComparingTo("300");
        TraceEntry p1 = r.trace().get(0);
        assertThat(p1.price()).isEqualTo(Rational.of(75));
        assertThat(p1.payers()).isEqualTo(4L);
        assertThat(p1.moneyLeft()).isEqualTo(Rational.of(100));
        TraceEntry p2 = r.trace().get(1);
        assertThat(p2.status()).isEqualTo(TraceEntry.Status.SUPPORTERS_CANNOT_AFFORD);
        assertThat(p2.moneyLeft()).isEqualTo(Rational.of(50));
    }

    @Test
    void mesApprovalPicksLowestPricePerSupporterAndLetsPoorSupportersPayAllTheyHave() {
        // Same instance, approval utilities: P2 (q = 50) before P1 (q = 75). Then P1: v1, v2 hold 50
        // and pay it all, v3, v4 pay q = (300 − 100)/2 = 100.
        TallyInput in = approval(400, List.of("P1:300", "P2:100"), "P1,P2", "P1,P2", "P1", "P1");

        TallyResult r = PbTally.tally(in, Rule.MES_APPROVAL, TieBreak.fileOrder(), true);

        assertThat(r.selected()).containsExactly("P2", "P1");
        assertThat(r.trace().get(1).price()).isEqualTo(Rational.of(100));
        assertThat(r.trace().get(1).payers()).isEqualTo(4L);
        assertThat(r.totalCost()).isEqualByComparingTo("400");
    }

    @Test
    void mesCostKeepsThePricePerSupporterAsAnExactFraction() {
        TallyInput in = approval(100, List.of("A:50"), "A", "A", "A");
        TallyResult r = PbTally.tally(in, Rule.MES_COST, TieBreak.fileOrder(), true);
        assertThat(r.perVoterBudget()).isEqualTo(Rational.of(100, 3));
        assertThat(r.trace().get(0).price()).isEqualTo(Rational.of(50, 3));
        assertThat(r.trace().get(0).moneyLeft()).isEqualTo(Rational.of(50));
    }

    @Test
    void mesCostTieGoesToTheProjectListedFirstByDefault() {
        TallyInput in = approval(10, List.of("A:6", "B:6"), "A,B");
        assertThat(PbTally.tally(in, Rule.MES_COST).selected()).containsExactly("A");
        assertThat(PbTally.tally(in, Rule.MES_COST, TieBreak.lastListed(), false).selected()).containsExactly("B");
    }

    @Test
    void mesCountsEmptyBallotsAsVotersWithAShare() {
        // 2 voters × 5: the lone supporter of A holds 5 < 6.
        TallyInput in = approval(10, List.of("A:6"), "A", "");
        assertThat(PbTally.tally(in, Rule.MES_COST).selected()).isEmpty();
    }

    @Test
    void mesCostOnCumulativeBallotsIgnoresPointsIncludingZero() {
        // Points do not matter; a 0-point listing still supports. 2 voters × 5; A (cost 10) supported by both.
        TallyInput in = Instances.of(VoteType.CUMULATIVE, 10, List.of("A:10", "B:1"), "B,A|10,0", "A|10");
        assertThat(PbTally.tally(in, Rule.MES_COST).selected()).containsExactly("A");
    }

    @Test
    void mesCostOnOrdinalBallotsIgnoresRanks() {
        TallyInput in = Instances.of(VoteType.ORDINAL, 30, List.of("A:20", "B:10"), "B,A|3,2", "A,B|3,2", "B|3");
        // 3 voters × 10; A: q = 10, ρ = 1/2; B: q = 10/3, ρ = 1/3 → B, then A: v1, v2 hold 20/3 each < 20.
        assertThat(PbTally.tally(in, Rule.MES_COST).selected()).containsExactly("B");
    }

    @Test
    void addOneKeepsLastOutcomeWithinBudget() {
        // 2 voters, budget 10. P3 (5, both) is always first; P2 (4, v2) joins at k = 2; at k = 4 P1 (6, v1)
        // joins as well and the outcome costs 15 > 10, so k = 3 is kept.
        TallyInput in = approval(10, List.of("P1:6", "P2:4", "P3:5"), "P1,P3", "P2,P3");

        TallyResult r = PbTally.tally(in, Rule.MES_COST_ADD1);

        assertThat(r.selected()).containsExactly("P3", "P2");
        assertThat(r.add1K()).isEqualTo(3);
        assertThat(r.perVoterBudget()).isEqualTo(Rational.of(8));
    }

    @Test
    void addOneExhaustiveStopReturnsTheFirstExhaustiveOutcome() {
        TallyInput in = approval(10, List.of("P1:6", "P2:4", "P3:5"), "P1,P3", "P2,P3");

        TallyResult r = PbTally.tally(in, Rule.MES_COST_ADD1_EXHAUSTIVE_STOP);

        assertThat(r.selected()).containsExactly("P3", "P2");
        assertThat(r.add1K()).isEqualTo(2);
    }

    @Test
    void addOneStartsFromTheExactUnroundedShare() {
        // 3 voters, budget 10 → 10/3 each; k = 1 gives 13/3.
        TallyInput in = approval(10, List.of("A:9", "B:4"), "A", "A", "B");
        TallyResult r = PbTally.tally(in, Rule.MES_COST_ADD1);
        assertThat(r.perVoterBudget().den()).isEqualTo(java.math.BigInteger.valueOf(3));
    }

    @Test
    void addOneStopsWhenEverySupportedProjectIsFunded() {
        TallyInput in = approval(100, List.of("A:10", "B:10"), "A", "B");
        TallyResult r = PbTally.tally(in, Rule.MES_COST_ADD1);
        assertThat(r.selected()).containsExactlyInAnyOrder("A", "B");
        assertThat(r.add1K()).isZero();
    }

    @Test
    void identicalBallotsFormOneVoterClass() {
        TallyInput in = approval(100, List.of("A:10", "B:10"), "A,B", "B,A", "A", "");
        assertThat(new EqualShares(in, TieBreak.fileOrder()).voterClasses()).isEqualTo(3);
    }

    /** The fast engine equals a plain per-voter exact MES on many small random instances (lots of ties). */
    @Test
    void mesEngineMatchesPlainExactReferenceOnRandomInstances() {
        SplittableRandom rnd = new SplittableRandom(20260401L);
        for (int round = 0; round < 300; round++) {
            Instances.RandomProfile profile = Instances.randomProfile(rnd, 7, 30, 10, 60);
            long budget = 1 + rnd.nextInt(120);
            TallyInput in = approval(budget, profile.projects(), profile.ballots());
            TieBreak tb = rnd.nextBoolean() ? TieBreak.fileOrder() : TieBreak.lastListed();
            for (Rule rule : List.of(Rule.MES_COST, Rule.MES_APPROVAL, Rule.MES_COST_ADD1, Rule.MES_COST_ADD1_EXHAUSTIVE_STOP)) {
                List<String> expected = ReferenceMes.tally(in, rule, tb);
                assertThat(PbTally.tally(in, rule, tb, false).selected())
                        .as("instance %d, rule %s, tie-break %s: %s budget %d ballots %s", round, rule.code(), tb, profile.projects(), budget,
                                List.of(profile.ballots()))
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * Larger random instances (up to 160 voters, many distinct budgets, supporters who cannot pay
     * the full share): exercises the unsorted water-level search and the class numbering.
     */
    @Test
    void mesEngineMatchesPlainExactReferenceOnLargerRandomInstances() {
        SplittableRandom rnd = new SplittableRandom(77L);
        for (int round = 0; round < 40; round++) {
            int projects = 4 + rnd.nextInt(9);
            int voters = 40 + rnd.nextInt(120);
            List<String> ps = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                ps.add("p" + p + ":" + (1 + rnd.nextInt(rnd.nextBoolean() ? 200 : 2000)));
            }
            String[] ballots = new String[voters];
            for (int v = 0; v < voters; v++) {
                List<String> ids = new ArrayList<>();
                for (int p = 0; p < projects; p++) {
                    if (rnd.nextInt(p + 2) == 0) {
                        ids.add("p" + p);
                    }
                }
                ballots[v] = String.join(",", ids);
            }
            long budget = 50 + rnd.nextInt(4000);
            TallyInput in = approval(budget, ps, ballots);
            for (Rule rule : List.of(Rule.MES_COST, Rule.MES_APPROVAL, Rule.MES_COST_ADD1)) {
                List<String> expected = ReferenceMes.tally(in, rule, TieBreak.fileOrder());
                assertThat(PbTally.tally(in, rule).selected())
                        .as("instance %d, rule %s: %s budget %d ballots %s", round, rule.code(), ps, budget, List.of(ballots))
                        .isEqualTo(expected);
            }
        }
    }

    /** The internal numbering of voter classes must not matter: shuffled ballots give the same result. */
    @Test
    void outcomeDoesNotDependOnBallotOrder() {
        TallyInput in = PbTallyBench.generated(3000, 30, 5L);
        List<TallyInput.Ballot> shuffled = new ArrayList<>(in.ballots());
        java.util.Collections.shuffle(shuffled, new java.util.Random(9));
        TallyInput other = TallyInput.of(in.projects(), in.budget(), in.voteType(), shuffled);
        for (Rule rule : List.of(Rule.MES_COST, Rule.MES_COST_ADD1)) {
            TallyResult a = PbTally.tally(in, rule);
            TallyResult b = PbTally.tally(other, rule);
            assertThat(b.selected()).as(rule.code()).isEqualTo(a.selected());
            assertThat(b.add1K()).as(rule.code()).isEqualTo(a.add1K());
        }
    }

    @Test
    void mesEngineMatchesReferenceWithDecimalCostsAndBudget() {
        TallyInput in = TallyInput.of(
                List.of(new TallyInput.Project("A", new BigDecimal("33.33")), new TallyInput.Project("B", new BigDecimal("12.5")),
                        new TallyInput.Project("C", new BigDecimal("40.01"))),
                new BigDecimal("100.07"), VoteType.APPROVAL,
                List.of(TallyInput.Ballot.approving("A", "B"), TallyInput.Ballot.approving("A", "C"),
                        TallyInput.Ballot.approving("C"), TallyInput.Ballot.approving("B", "C")));
        for (Rule rule : List.of(Rule.MES_COST, Rule.MES_APPROVAL, Rule.MES_COST_ADD1)) {
            assertThat(PbTally.tally(in, rule).selected()).as(rule.code())
                    .isEqualTo(ReferenceMes.tally(in, rule, TieBreak.fileOrder()));
        }
    }

    /** Straightforward MES over individual voters with exact rationals: the definition, slowly. */
    static final class ReferenceMes {

        static List<String> tally(TallyInput in, Rule rule, TieBreak tb) {
            int n = in.ballots().size();
            Rational budget = Rational.of(in.budget());
            Rational base = budget.divide(n);
            if (rule == Rule.MES_COST || rule == Rule.MES_APPROVAL) {
                return run(in, base, rule == Rule.MES_COST, tb);
            }
            List<String> kept = null;
            for (int k = 0; ; k++) {
                List<String> o = run(in, base.add(Rational.of(k)), true, tb);
                if (cost(in, o).compareTo(budget) > 0) {
                    return kept;
                }
                kept = o;
                Rational left = budget.subtract(cost(in, o));
                boolean exhaustive = in.projects().stream()
                        .noneMatch(p -> !o.contains(p.id()) && Rational.of(p.cost()).compareTo(left) <= 0);
                long supported = in.projects().stream()
                        .filter(p -> in.ballots().stream().anyMatch(b -> b.projects().contains(p.id()))).count();
                if ((rule == Rule.MES_COST_ADD1_EXHAUSTIVE_STOP && exhaustive) || o.size() >= supported) {
                    return kept;
                }
            }
        }

        static Rational cost(TallyInput in, List<String> ids) {
            Map<String, Integer> ix = in.indexById();
            Rational c = Rational.ZERO;
            for (String id : ids) {
                c = c.add(Rational.of(in.projects().get(ix.get(id)).cost()));
            }
            return c;
        }

        static List<String> run(TallyInput in, Rational perVoter, boolean costUtility, TieBreak tb) {
            int n = in.ballots().size();
            int[] rank = tb.ranks(in);
            Rational[] b = new Rational[n];
            java.util.Arrays.fill(b, perVoter);
            List<String> funded = new ArrayList<>();
            boolean[] done = new boolean[in.projects().size()];
            while (true) {
                int best = -1;
                Rational bestRho = null;
                Rational bestQ = null;
                for (int p = 0; p < in.projects().size(); p++) {
                    if (done[p]) {
                        continue;
                    }
                    String id = in.projects().get(p).id();
                    Rational cost = Rational.of(in.projects().get(p).cost());
                    List<Rational> sup = new ArrayList<>();
                    Rational total = Rational.ZERO;
                    for (int v = 0; v < n; v++) {
                        if (in.ballots().get(v).projects().contains(id)) {
                            sup.add(b[v]);
                            total = total.add(b[v]);
                        }
                    }
                    if (sup.isEmpty() || total.compareTo(cost) < 0) {
                        continue;
                    }
                    sup.sort(null);
                    Rational paid = Rational.ZERO;
                    Rational q = null;
                    for (int j = 0; j < sup.size(); j++) {
                        Rational cand = cost.subtract(paid).divide(sup.size() - j);
                        if (cand.compareTo(sup.get(j)) <= 0) {
                            q = cand;
                            break;
                        }
                        paid = paid.add(sup.get(j));
                    }
                    Rational rho = costUtility ? q.divide(cost) : q;
                    int c = bestRho == null ? -1 : rho.compareTo(bestRho);
                    if (c < 0 || (c == 0 && rank[p] < rank[best])) {
                        best = p;
                        bestRho = rho;
                        bestQ = q;
                    }
                }
                if (best < 0) {
                    return funded;
                }
                done[best] = true;
                String id = in.projects().get(best).id();
                funded.add(id);
                for (int v = 0; v < n; v++) {
                    if (in.ballots().get(v).projects().contains(id)) {
                        b[v] = b[v].compareTo(bestQ) <= 0 ? Rational.ZERO : b[v].subtract(bestQ);
                    }
                }
            }
        }
    }
}
