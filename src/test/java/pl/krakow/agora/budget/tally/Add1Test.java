package pl.krakow.agora.budget.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.krakow.agora.budget.tally.Instances.approval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import pl.krakow.agora.budget.pabulib.VoteType;

/**
 * The Add1 scan with shared lanes ({@link Add1#run}) returns exactly the linear scan of the README
 * definition ({@link Add1#runLinear}, one complete run per k), and the lanes of
 * {@link EqualShares#runLanes} are exactly the single runs.
 */
class Add1Test {

    private static BigDecimal cost(EqualShares mes, Add1.Result r) {
        return r.outcome() == null ? null : r.outcome().totalCost(mes.costDecimal);
    }

    private static void assertSame(EqualShares mes, boolean stop, String what) {
        Add1.Result linear = Add1.runLinear(mes, stop);
        for (int lanes : new int[] {Add1.LANES, 1, 2, 3}) {
            Add1.Result fast = Add1.run(mes, stop, lanes);
            assertThat(fast.k()).as("add1_k, %d lanes, %s", lanes, what).isEqualTo(linear.k());
            assertThat(fast.outcome().funded()).as("funding sequence, %d lanes, %s", lanes, what)
                    .isEqualTo(linear.outcome().funded());
            assertThat(fast.outcome().perVoter()).as("per-voter budget, %d lanes, %s", lanes, what)
                    .isEqualTo(linear.outcome().perVoter());
            assertThat(cost(mes, fast)).isEqualTo(cost(mes, linear));
        }
        // two batches at a time on two threads, each on its own engine workspace
        for (int lanes : new int[] {Add1.LANES, 2}) {
            Add1.Result parallel = Add1.run(mes, stop, lanes, true);
            assertThat(parallel.k()).as("add1_k, two threads, %d lanes, %s", lanes, what).isEqualTo(linear.k());
            assertThat(parallel.outcome().funded()).as("funding sequence, two threads, %s", what)
                    .isEqualTo(linear.outcome().funded());
            assertThat(parallel.outcome().perVoter()).isEqualTo(linear.outcome().perVoter());
        }
    }

    /** Small integer instances: many exact ties in ρ, cost often non-monotone in k. */
    @Test
    void lanesEqualLinearScanOnSmallRandomInstances() {
        SplittableRandom rnd = new SplittableRandom(4242L);
        int nonMonotone = 0;
        for (int round = 0; round < 400; round++) {
            Instances.RandomProfile profile = Instances.randomProfile(rnd, 8, 25, 12, 300);
            long budget = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 600);
            TallyInput in = approval(budget, profile.projects(), profile.ballots());
            TieBreak tb = rnd.nextBoolean() ? TieBreak.fileOrder() : TieBreak.lastListed();
            EqualShares mes = new EqualShares(in, tb);
            if (nonMonotoneInK(mes)) {
                nonMonotone++;
            }
            for (boolean stop : new boolean[] {false, true}) {
                assertSame(mes, stop, "instance " + round + " stop " + stop + " " + profile.projects() + " budget " + budget + " "
                        + List.of(profile.ballots()));
            }
        }
        assertThat(nonMonotone).as("instances whose cost is not monotone in k").isGreaterThan(0);
    }

    /**
     * Exact ties everywhere: few distinct costs, copies of the same ballots, budgets that make
     * q = money exactly (a supporter paying exactly all it has), both tie-breaks.
     */
    @Test
    void lanesEqualLinearScanWithManyExactTies() {
        SplittableRandom rnd = new SplittableRandom(99L);
        for (int round = 0; round < 250; round++) {
            int projects = 2 + rnd.nextInt(6);
            List<String> ps = new ArrayList<>();
            int unit = 1 + rnd.nextInt(4);
            for (int p = 0; p < projects; p++) {
                ps.add("p" + p + ":" + unit * (1 + rnd.nextInt(3)) * 6);
            }
            int kinds = 1 + rnd.nextInt(4);
            List<String> shapes = new ArrayList<>();
            for (int s = 0; s < kinds; s++) {
                List<String> ids = new ArrayList<>();
                for (int p = 0; p < projects; p++) {
                    if (rnd.nextBoolean()) {
                        ids.add("p" + p);
                    }
                }
                shapes.add(String.join(",", ids));
            }
            List<String> ballots = new ArrayList<>();
            int voters = 2 + rnd.nextInt(30);
            for (int v = 0; v < voters; v++) {
                ballots.add(shapes.get(rnd.nextInt(kinds)));
            }
            long budget = (long) voters * unit * (1 + rnd.nextInt(4));
            TallyInput in = approval(budget, ps, ballots.toArray(new String[0]));
            for (TieBreak tb : List.of(TieBreak.fileOrder(), TieBreak.lastListed())) {
                EqualShares mes = new EqualShares(in, tb);
                for (boolean stop : new boolean[] {false, true}) {
                    assertSame(mes, stop, "tie instance " + round + " " + tb + " stop " + stop + " " + ps + " budget " + budget
                            + " " + ballots);
                    assertThat(Add1.run(mes, stop).outcome().funded().length)
                            .isEqualTo(Add1.runLinear(mes, stop).outcome().funded().length);
                }
                // And the plain per-voter reference (points and ranks play no part).
                Rule rule = Rule.MES_COST_ADD1;
                assertThat(PbTally.tally(in, rule, tb, false).selected()).as("tie instance %d %s", round, tb)
                        .isEqualTo(EqualSharesTest.ReferenceMes.tally(in, rule, tb));
            }
        }
    }

    /** Cumulative and ordinal ballots (with points, some 0): Add1 against the plain reference. */
    @Test
    void add1OnCumulativeAndOrdinalBallotsMatchesThePlainReference() {
        SplittableRandom rnd = new SplittableRandom(31337L);
        for (int round = 0; round < 200; round++) {
            VoteType type = rnd.nextBoolean() ? VoteType.CUMULATIVE : VoteType.ORDINAL;
            int projects = 2 + rnd.nextInt(7);
            List<String> ps = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                ps.add("p" + p + ":" + (1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 200)));
            }
            int voters = 1 + rnd.nextInt(25);
            String[] ballots = new String[voters];
            for (int v = 0; v < voters; v++) {
                List<String> ids = new ArrayList<>();
                List<String> pts = new ArrayList<>();
                for (int p = 0; p < projects; p++) {
                    if (rnd.nextInt(3) == 0) {
                        ids.add("p" + p);
                    }
                }
                java.util.Collections.shuffle(ids, new java.util.Random(rnd.nextLong()));
                for (int i = 0; i < ids.size(); i++) {
                    pts.add(String.valueOf(type == VoteType.ORDINAL ? ids.size() - i : rnd.nextInt(4)));
                }
                ballots[v] = ids.isEmpty() ? "" : String.join(",", ids) + "|" + String.join(",", pts);
            }
            long budget = 1 + rnd.nextInt(400);
            TallyInput in = Instances.of(type, budget, ps, ballots);
            TieBreak tb = rnd.nextBoolean() ? TieBreak.fileOrder() : TieBreak.lastListed();
            for (Rule rule : List.of(Rule.MES_COST_ADD1, Rule.MES_COST_ADD1_EXHAUSTIVE_STOP)) {
                assertThat(PbTally.tally(in, rule, tb, false).selected())
                        .as("%s instance %d %s %s: %s budget %d ballots %s", type, round, rule.code(), tb, ps, budget,
                                List.of(ballots))
                        .isEqualTo(EqualSharesTest.ReferenceMes.tally(in, rule, tb));
            }
            EqualShares mes = new EqualShares(in, tb);
            assertSame(mes, false, type + " instance " + round);
        }
    }

    /** Generated approval profiles with many Add1 steps (lanes share most of their rounds). */
    @Test
    void lanesEqualLinearScanOnGeneratedInstances() {
        for (long seed = 1; seed <= 12; seed++) {
            TallyInput in = PbTallyBench.generated(300 + (int) seed * 40, 10 + (int) seed, seed);
            EqualShares mes = new EqualShares(in, seed % 2 == 0 ? TieBreak.fileOrder() : TieBreak.lastListed());
            for (boolean stop : new boolean[] {false, true}) {
                assertSame(mes, stop, "seed " + seed + " stop " + stop);
            }
        }
    }

    /**
     * Lanes of one batch equal the single runs, round by round (project, exact price, payers), for
     * budgets one apart (the shared shortcuts apply), for budgets too close for them and out of
     * order (each lane on its own), with and without a cost cap.
     */
    @Test
    void lanesEqualSingleRunsExactly() {
        SplittableRandom rnd = new SplittableRandom(7L);
        for (int round = 0; round < 60; round++) {
            TallyInput in = round % 3 == 0 ? PbTallyBench.generated(200 + rnd.nextInt(400), 10 + rnd.nextInt(10), rnd.nextLong())
                    : randomApproval(rnd);
            EqualShares mes = new EqualShares(in, rnd.nextBoolean() ? TieBreak.fileOrder() : TieBreak.lastListed());
            Rational base = mes.budget.divide(Math.max(1, mes.voters));
            int width = 1 + rnd.nextInt(10);
            Rational[] perVoter = new Rational[width];
            int mode = rnd.nextInt(3);
            for (int l = 0; l < width; l++) {
                perVoter[l] = switch (mode) {
                    case 0 -> base.add(Rational.of(l + rnd.nextInt(3) * (long) width));
                    case 1 -> base.add(Rational.of(l, 1_000_000_000L));
                    default -> base.add(Rational.of(rnd.nextInt(40)));
                };
            }
            if (mode == 0) {
                java.util.Arrays.sort(perVoter);
                for (int l = 1; l < width; l++) {
                    if (perVoter[l].compareTo(perVoter[l - 1]) <= 0) {
                        perVoter[l] = perVoter[l - 1].add(Rational.ONE);
                    }
                }
            }
            for (EqualShares.Utility u : EqualShares.Utility.values()) {
                BigDecimal cap = rnd.nextBoolean() ? null : new BigDecimal(mes.budget.num()).divide(new BigDecimal(mes.budget.den()));
                EqualShares.Outcome[] lanes = mes.runLanes(perVoter, u, cap, null);
                List<List<Object>> got = new ArrayList<>();
                for (EqualShares.Outcome o : lanes) {
                    got.add(describe(o));
                }
                for (int l = 0; l < width; l++) {
                    EqualShares.Outcome single = cap == null ? mes.run(perVoter[l], u) : mes.run(perVoter[l], u, cap);
                    assertThat(got.get(l)).as("instance %d mode %d lane %d of %d %s cap %s", round, mode, l, width, u, cap)
                            .isEqualTo(describe(single));
                }
            }
        }
    }

    /** Funded projects with their exact prices and payers, and whether the run went over the cap. */
    private static List<Object> describe(EqualShares.Outcome o) {
        List<Object> d = new ArrayList<>();
        d.add(o.state().overBudget());
        for (EqualShares.Round r : o.rounds()) {
            d.add(List.of(r.project(), r.price().exact(), r.payers()));
        }
        return d;
    }

    private static TallyInput randomApproval(SplittableRandom rnd) {
        Instances.RandomProfile profile = Instances.randomProfile(rnd, 8, 40, 12, 300);
        return approval(1 + rnd.nextInt(600), profile.projects(), profile.ballots());
    }

    /** Some k whose outcome costs less than that of an earlier k (both within the first over-budget k). */
    private static boolean nonMonotoneInK(EqualShares mes) {
        Rational base = mes.budget.divide(mes.voters);
        BigDecimal budget = new BigDecimal(mes.budget.num()).divide(new BigDecimal(mes.budget.den()));
        BigDecimal max = null;
        for (int k = 0; k < 2000; k++) {
            EqualShares.Outcome o = mes.run(base.add(Rational.of(k)), EqualShares.Utility.COST);
            BigDecimal c = o.totalCost(mes.costDecimal);
            if (c.compareTo(budget) > 0) {
                return false;
            }
            if (max != null && c.compareTo(max) < 0) {
                return true;
            }
            max = max == null || c.compareTo(max) > 0 ? c : max;
            if (o.funded().length == mes.projectCount) {
                return false;
            }
        }
        return false;
    }
}
