package pl.krakow.agora.budget.tally;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import pl.krakow.agora.budget.pabulib.PabulibReader;
import pl.krakow.agora.budget.pabulib.VoteType;

/** Timings only (mvn -Pbench test); no assertions on time. */
class PbTallyBench {

    private static final List<String> FILES = List.of("Poland_Wieliczka_2023_Green_Budget.pb",
            "Poland_Czestochowa_2024_Podjasnogorska.pb", "Poland_Krakow_2022_Stare_Miasto.pb", "Poland_Zabrze_2021_Konczyce.pb");
    private static final List<Rule> RULES = List.of(Rule.GREEDY, Rule.MES_COST, Rule.MES_COST_ADD1,
            Rule.MES_COST_ADD1_EXHAUSTIVE_STOP);

    @Test
    void sharedFiles() throws IOException {
        header();
        for (String f : FILES) {
            TallyInput in = TallyInput.fromPabulib(PabulibReader.read(SharedData.pbFile(f)));
            for (Rule r : RULES) {
                measure(f, in, r);
            }
        }
    }

    @Test
    void generatedWarsawSizeApprovalInstance() {
        header();
        TallyInput in = generated(100_000, 100, 42L);
        for (Rule r : List.of(Rule.GREEDY, Rule.MES_COST, Rule.MES_COST_ADD1)) {
            measure("generated 100000 voters x 100 projects", in, r);
        }
    }

    /** Seeded approval profile: 1–10 approvals per voter, Zipf-like popularity, costs 20k–2M. */
    static TallyInput generated(int voters, int projects, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TallyInput.Project> ps = new ArrayList<>();
        double[] weight = new double[projects];
        double sum = 0;
        long total = 0;
        for (int p = 0; p < projects; p++) {
            long cost = 20_000 + rnd.nextLong(1_980_000);
            total += cost;
            ps.add(new TallyInput.Project("P" + p, BigDecimal.valueOf(cost)));
            weight[p] = 1.0 / Math.pow(p + 1, 0.8);
            sum += weight[p];
        }
        double[] cumulative = new double[projects];
        double acc = 0;
        for (int p = 0; p < projects; p++) {
            acc += weight[p] / sum;
            cumulative[p] = acc;
        }
        List<TallyInput.Ballot> ballots = new ArrayList<>(voters);
        for (int v = 0; v < voters; v++) {
            int k = 1 + rnd.nextInt(10);
            boolean[] chosen = new boolean[projects];
            List<String> ids = new ArrayList<>(k);
            while (ids.size() < k) {
                int p = Arrays.binarySearch(cumulative, rnd.nextDouble());
                p = p < 0 ? Math.min(-p - 1, projects - 1) : p;
                if (!chosen[p]) {
                    chosen[p] = true;
                    ids.add("P" + p);
                }
            }
            ballots.add(new TallyInput.Ballot(ids, List.of()));
        }
        // A budget about a quarter of the total cost, as in a typical city PB.
        return TallyInput.of(ps, BigDecimal.valueOf(total / 4), VoteType.APPROVAL, ballots);
    }

    private static void header() {
        System.out.printf(Locale.ROOT, "%n[PbTallyBench] availableProcessors=%d, java=%s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    /**
     * Wall-clock median and minimum, and the median CPU time of this thread, over repeated runs
     * after warm-up runs (the machine is shared with other builds: compare medians, not single runs).
     */
    private static void measure(String name, TallyInput in, Rule rule) {
        TallyResult result = null;
        boolean big = in.ballots().size() > 50_000;
        int warmups = big ? 2 : 5;
        int runs = big ? 7 : 15;
        long[] times = new long[runs];
        long[] cpu = new long[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmups + runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = PbTally.tally(in, rule);
            long t = System.nanoTime() - t0;
            long c = mx.getCurrentThreadCpuTime() - c0;
            if (i >= warmups) {
                times[i - warmups] = t;
                cpu[i - warmups] = c;
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "[PbTallyBench] %-45s %-30s median %9.2f ms  min %9.2f ms  cpu median %9.2f ms  selected %3d  total_cost %s%s%n",
                name, rule.code(), times[runs / 2] / 1e6, times[0] / 1e6, cpu[runs / 2] / 1e6, result.selected().size(),
                result.totalCost().toPlainString(), result.add1K() == null ? "" : "  add1_k " + result.add1K() + "  mes_runs " + Add1.RUNS.get()[0]);
    }
}
