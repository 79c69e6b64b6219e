package pl.krakow.agora.panel.sortition;

import org.junit.jupiter.api.Test;

/**
 * Figures for leximin and legacy (run with {@code mvn -Pbench test}); prints, asserts nothing about time. Generated
 * pools: 8 categories (2, 5, 4, 3, 3, 2, 3, 3 features), skewed volunteering, quotas proportional ± 1 seat.
 * {@code generated_*} draws every feature independently, so almost every volunteer has a feature vector of her own
 * (407, 1,205 and 2,065 types for 500, 2,000 and 5,000 volunteers): far more types than real pools, where features
 * are correlated. {@code clustered_*} draws volunteers around 100 profiles (5 % of features redrawn), which gives 166,
 * 328 and 501 types, the few hundred types of real pools of a few thousand. The number of types drives the running
 * time. {@code -Dagora.bench.only=name,...} picks instances, {@code -Dagora.bench.repeat=N} repeats each leximin run.
 */
class SortitionBench {

  /** Leximin budget per instance, so the benchmark always finishes. */
  private static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(
      Long.getLong("agora.bench.budget.seconds", 90));

  private static final int[] FEATURES = {2, 5, 4, 3, 3, 2, 3, 3};

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  @Test
  void benchmark() {
    System.out.printf("SortitionBench on %d processors, load average %.2f at start (the machine may be shared: the cpu"
        + " column is this JVM's process CPU time, which other processes do not inflate)%n",
        Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage());
    System.out.printf("%-22s %6s %5s %6s %-8s %9s %9s %7s %7s %12s %9s %12s%n", "instance", "n", "k", "types", "algo",
        "seconds", "cpu s", "panels", "stages", "min prob", "converged", "upper bound");
    System.out.printf("(leximin budget %d s wall per instance; upper bound: proven bound on the smallest probability)%n",
        BUDGET.toSeconds());
    if (System.getProperty("agora.bench.only") == null || System.getProperty("agora.bench.only").contains("example")) {
      run("example_small_20", SharedData.exampleSmall20());
    }
    run("generated_500", Pools.generated(500, 50, FEATURES, 0.55, 1, 500));
    run("generated_2000", Pools.generated(2000, 80, FEATURES, 0.55, 1, 2000));
    run("generated_5000", Pools.generated(5000, 120, FEATURES, 0.55, 1, 5000));
    run("clustered_500", Pools.clustered(500, 50, FEATURES, 0.55, 1, 100, 0.05, 500));
    run("clustered_2000", Pools.clustered(2000, 80, FEATURES, 0.55, 1, 100, 0.05, 2000));
    run("clustered_5000", Pools.clustered(5000, 120, FEATURES, 0.55, 1, 100, 0.05, 5000));
  }

  private static void run(String name, SortitionInstance inst) {
    String only = System.getProperty("agora.bench.only");
    if (only != null && !java.util.Arrays.asList(only.split(",")).contains(name)) {
      return;
    }
    int types = PoolTypes.of(inst).count();
    long t0;
    double lexMin = Double.NaN;
    for (int r = 0; r < Integer.getInteger("agora.bench.repeat", 1); r++) {
      t0 = System.nanoTime();
      long cpu0 = OS.getProcessCpuTime();
      try {
        CompositionDistribution lex = Leximin.overTypes(inst, BUDGET);
        double lexSeconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (OS.getProcessCpuTime() - cpu0) / 1e9;
        // Sanity of the lottery (not timed): probabilities sum to k and every panel in it meets every quota.
        double sum = java.util.Arrays.stream(lex.probabilities()).sum();
        lexMin = lex.minProbability();
        boolean valid = Math.abs(sum - inst.panelSize()) <= 1e-6 && lex.support().stream()
            .allMatch(wc -> inst.isValidPanel(lex.representativePanel(wc.counts())));
        System.out.printf("%-22s %6d %5d %6d %-8s %9.2f %9.2f %7d %7d %12.6f %9s %12.6f %s%n", name, inst.n(),
            inst.panelSize(), types, "leximin", lexSeconds, cpuSeconds, lex.panelsGenerated(), lex.stages(),
            lex.minProbability(), lex.converged(), lex.firstStageBound(), valid ? "sum=k, quotas ok" : "INVALID");
      } catch (SortitionException e) {
        System.out.printf("%-22s %6d %5d %6d %-8s %s%n", name, inst.n(), inst.panelSize(), types, "leximin",
            e.getMessage());
      }
    }
    t0 = System.nanoTime();
    long cpu0 = OS.getProcessCpuTime();
    try {
      LegacySelection legacy = LegacySelection.estimate(inst, LegacySelection.DEFAULT_DRAWS, 1);
      double legSeconds = (System.nanoTime() - t0) / 1e9;
      double legCpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf("%-22s %6d %5d %6d %-8s %9.2f %9.2f %7d %7s %12.6f %9s %12s %s%n", name, inst.n(),
          inst.panelSize(), types, "legacy", legSeconds, legCpu, 0, "-", legacy.minProbability(), "-", "-",
          Double.isNaN(lexMin) ? "" : lexMin >= legacy.minProbability() ? "leximin >= legacy" : "LEXIMIN BELOW LEGACY");
    } catch (SortitionException e) {
      // The greedy draw can fail on tight quotas (it gives up after repeated dead ends): reported, not a bench error.
      System.out.printf("%-22s %6d %5d %6d %-8s %s%n", name, inst.n(), inst.panelSize(), types, "legacy",
          e.getMessage());
    }
  }
}
