package pl.krakow.agora.panel.sortition;

import org.junit.jupiter.api.Test;

/**
 * Figures for leximin and legacy (run with {@code mvn -Pbench test}); prints, asserts nothing about time. Generated
 * pools: 8 categories (2, 5, 4, 3, 3, 2, 3, 3 features), skewed volunteering, quotas proportional ± 1 seat.
 */
class SortitionBench {

  /** Leximin budget per instance, so the benchmark always finishes. */
  private static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(
      Long.getLong("agora.bench.budget.seconds", 90));

  private static final int[] FEATURES = {2, 5, 4, 3, 3, 2, 3, 3};

  @Test
  void benchmark() {
    System.out.printf("SortitionBench on %d processors%n", Runtime.getRuntime().availableProcessors());
    System.out.printf("%-22s %6s %5s %6s %-8s %9s %7s %7s %12s %9s %12s%n", "instance", "n", "k", "types", "algo",
        "seconds", "panels", "stages", "min prob", "converged", "upper bound");
    if (System.getProperty("agora.bench.only") == null || System.getProperty("agora.bench.only").contains("example")) {
      run("example_small_20", SharedData.exampleSmall20());
    }
    run("generated_500", Pools.generated(500, 50, FEATURES, 0.55, 1, 500));
    run("generated_2000", Pools.generated(2000, 80, FEATURES, 0.55, 1, 2000));
    run("generated_5000", Pools.generated(5000, 120, FEATURES, 0.55, 1, 5000));
  }

  private static void run(String name, SortitionInstance inst) {
    String only = System.getProperty("agora.bench.only");
    if (only != null && !java.util.Arrays.asList(only.split(",")).contains(name)) {
      return;
    }
    int types = PoolTypes.of(inst).count();
    long t0 = System.nanoTime();
    try {
      CompositionDistribution lex = Leximin.overTypes(inst, BUDGET);
      double lexSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%-22s %6d %5d %6d %-8s %9.2f %7d %7d %12.6f %9s %12.6f%n", name, inst.n(), inst.panelSize(),
          types, "leximin", lexSeconds, lex.panelsGenerated(), lex.stages(), lex.minProbability(), lex.converged(),
          lex.firstStageBound());
    } catch (SortitionException e) {
      System.out.printf("%-22s %6d %5d %6d %-8s %s%n", name, inst.n(), inst.panelSize(), types, "leximin",
          e.getMessage());
    }
    t0 = System.nanoTime();
    LegacySelection legacy = LegacySelection.estimate(inst, LegacySelection.DEFAULT_DRAWS, 1);
    double legSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%-22s %6d %5d %6d %-8s %9.2f %7d %7s %12.6f%n", name, inst.n(), inst.panelSize(), types,
        "legacy", legSeconds, 0, "-", legacy.minProbability());
  }
}
