package pl.krakow.agora.budget.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.krakow.agora.budget.tally.Instances.approval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The galloping Add1 search returns exactly the linear scan of the README definition. */
class Add1Test {

    private static BigDecimal cost(EqualShares mes, Add1.Result r) {
        return r.outcome() == null ? null : r.outcome().totalCost(mes.costDecimal);
    }

    private static void assertSame(EqualShares mes, boolean stop, String what) {
        Add1.Result fast = Add1.runGalloping(mes, stop);
        Add1.Result capped = Add1.run(mes, stop);
        Add1.Result linear = Add1.runLinear(mes, stop);
        assertThat(fast.k()).as("add1_k, %s", what).isEqualTo(linear.k());
        assertThat(fast.outcome().funded()).as("funding sequence, %s", what).isEqualTo(linear.outcome().funded());
        assertThat(capped.k()).as("add1_k of the capped scan, %s", what).isEqualTo(linear.k());
        assertThat(capped.outcome().funded()).as("capped scan, %s", what).isEqualTo(linear.outcome().funded());
        assertThat(fast.outcome().perVoter()).as("per-voter budget, %s", what).isEqualTo(linear.outcome().perVoter());
    }

    /** Small integer instances: many exact ties in ρ, cost often non-monotone in k. */
    @Test
    void gallopingEqualsLinearScanOnSmallRandomInstances() {
        SplittableRandom rnd = new SplittableRandom(4242L);
        int nonMonotone = 0;
        for (int round = 0; round < 400; round++) {
            int projects = 2 + rnd.nextInt(8);
            int voters = 1 + rnd.nextInt(25);
            List<String> ps = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                ps.add("p" + p + ":" + (1 + rnd.nextInt(rnd.nextBoolean() ? 12 : 300)));
            }
            String[] ballots = new String[voters];
            for (int v = 0; v < voters; v++) {
                List<String> ids = new ArrayList<>();
                for (int p = 0; p < projects; p++) {
                    if (rnd.nextInt(3) == 0) {
                        ids.add("p" + p);
                    }
                }
                ballots[v] = String.join(",", ids);
            }
            long budget = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 600);
            TallyInput in = approval(budget, ps, ballots);
            TieBreak tb = rnd.nextBoolean() ? TieBreak.fileOrder() : TieBreak.lastListed();
            EqualShares mes = new EqualShares(in, tb);
            if (nonMonotoneInK(mes)) {
                nonMonotone++;
            }
            for (boolean stop : new boolean[] {false, true}) {
                assertSame(mes, stop, "instance " + round + " stop " + stop + " " + ps + " budget " + budget + " "
                        + List.of(ballots));
            }
        }
        assertThat(nonMonotone).as("instances whose cost is not monotone in k").isGreaterThan(0);
    }

    /** Generated approval profiles with many Add1 steps, where long intervals get certified. */
    @Test
    void gallopingEqualsLinearScanOnGeneratedInstancesAndSavesRuns() {
        int saved = 0;
        for (long seed = 1; seed <= 12; seed++) {
            TallyInput in = PbTallyBench.generated(300 + (int) seed * 40, 10 + (int) seed, seed);
            EqualShares mes = new EqualShares(in, seed % 2 == 0 ? TieBreak.fileOrder() : TieBreak.lastListed());
            for (boolean stop : new boolean[] {false, true}) {
                Add1.Result fast = Add1.runGalloping(mes, stop);
                int runs = Add1.RUNS.get()[0];
                Add1.Result linear = Add1.runLinear(mes, stop);
                assertThat(fast.k()).as("seed %d stop %s", seed, stop).isEqualTo(linear.k());
                assertThat(fast.outcome().funded()).as("seed %d stop %s", seed, stop).isEqualTo(linear.outcome().funded());
                assertThat(cost(mes, fast)).isEqualTo(cost(mes, linear));
                if (runs < linear.k() + 1) {
                    saved++;
                }
            }
        }
        assertThat(saved).as("instances where galloping needed fewer runs than the scan").isGreaterThan(0);
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
