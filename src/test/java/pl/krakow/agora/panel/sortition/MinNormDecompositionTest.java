package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinNormDecompositionTest {

  /** The odd-cycle pool of {@link LeximinTest}: four panels, complementary pairs of yes/no vectors. */
  private static SortitionInstance oddCycle() {
    var cats = List.of(Pools.category("a", "0:1:1", "1:1:1"), Pools.category("b", "0:1:1", "1:1:1"),
        Pools.category("c", "0:1:1", "1:1:1"));
    List<String> rows = new ArrayList<>(List.of("1,1,0", "1,0,1", "0,1,1", "1,1,1"));
    for (String big : new String[] {"0,0,1", "0,1,0", "1,0,0", "0,0,0"}) {
      for (int i = 0; i < 10; i++) {
        rows.add(big);
      }
    }
    return Pools.instance(cats, 2, rows.toArray(String[]::new));
  }

  private static MinNormDecomposition.Exact exact(TypeCompositionSearch search) {
    return (w, hint) -> search.bestAndOthers(scaled(w), hint);
  }

  private static double[] scaled(double[] w) {
    double max = 0;
    for (double v : w) {
      max = Math.max(max, Math.abs(v));
    }
    double[] s = new double[w.length];
    for (int t = 0; t < w.length; t++) {
      s[t] = w[t] / max;
    }
    return s;
  }

  @Test
  void achievableTargetIsRealisedByTheObviousLottery() {
    SortitionInstance inst = oddCycle();
    PoolTypes types = PoolTypes.of(inst);
    // Types in order of first member: 110, 101, 011, 111 (one member each), 001, 010, 100, 000 (ten each).
    // Target: the uniform lottery over the four panels, 1/4 and 1/40; start from panel 110 + 001.
    double[] target = {.25, .25, .25, .25, .025, .025, .025, .025};
    int[] start = {1, 0, 0, 0, 1, 0, 0, 0};
    Leximin.loadNatives();
    try (var search = new TypeCompositionSearch(types, 1)) {
      var d = new MinNormDecomposition(types, target, start);
      assertThat(d.run(1e-12, exact(search), Long.MAX_VALUE)).isEqualTo(MinNormDecomposition.Status.REALISED);
      assertThat(d.maxDeviation()).isLessThanOrEqualTo(1e-12);
      assertThat(d.atoms()).hasSize(4);
      assertThat(d.weights()).containsOnly(new double[] {.25}, within(1e-12));
      for (int[] c : d.atoms()) {
        var dist = new CompositionDistribution(types, List.of(c), new double[] {1}, 1, 0);
        assertThat(inst.isValidPanel(dist.representativePanel(c))).isTrue();
      }
    }
  }

  @Test
  void unachievableTargetIsSeparatedByAValidCut() {
    SortitionInstance inst = oddCycle();
    PoolTypes types = PoolTypes.of(inst);
    // 110, 101, 011 at 1/2 each and 000 at 1/20 (e_000 = 1/2): every quota holds in expectation, but in any lottery
    // the probability of 110 equals ten times that of 001, which is 0 here.
    double[] target = {.5, .5, .5, 0, 0, 0, 0, .05};
    int[] start = {1, 0, 0, 0, 1, 0, 0, 0};
    Leximin.loadNatives();
    try (var search = new TypeCompositionSearch(types, 1)) {
      var d = new MinNormDecomposition(types, target, start);
      assertThat(d.run(1e-9, exact(search), Long.MAX_VALUE)).isEqualTo(MinNormDecomposition.Status.SEPARATED);
      double[] a = d.cutCoefficient();
      double bound = d.cutBound();
      // Valid for each of the four panels (hence every lottery) ...
      int[][] panels = {{1, 0, 0, 0, 1, 0, 0, 0}, {0, 1, 0, 0, 0, 1, 0, 0}, {0, 0, 1, 0, 0, 0, 1, 0},
          {0, 0, 0, 1, 0, 0, 0, 1}};
      for (int[] c : panels) {
        double v = 0;
        for (int t = 0; t < c.length; t++) {
          v += a[t] * c[t] / types.size(t);
        }
        assertThat(v).isGreaterThanOrEqualTo(bound - 1e-12);
      }
      // ... and violated by the target.
      double v = 0;
      for (int t = 0; t < target.length; t++) {
        v += a[t] * target[t];
      }
      assertThat(v).isLessThan(bound);
      // Whatever happened, the current weights form a lottery.
      assertThat(java.util.Arrays.stream(d.weights()).sum()).isCloseTo(1, within(1e-12));
    }
  }

  @Test
  void withoutTheIntegerProgramAnUnreachableTargetStallsButStaysALottery() {
    SortitionInstance inst = oddCycle();
    PoolTypes types = PoolTypes.of(inst);
    double[] target = {.5, .5, .5, 0, 0, 0, 0, .05};
    var d = new MinNormDecomposition(types, target, new int[] {1, 0, 0, 0, 1, 0, 0, 0});
    assertThat(d.run(1e-9, null, Long.MAX_VALUE)).isEqualTo(MinNormDecomposition.Status.STALLED);
    assertThat(d.maxDeviation()).isGreaterThan(1e-3);
    assertThat(java.util.Arrays.stream(d.weights()).sum()).isCloseTo(1, within(1e-12));
    assertThat(java.util.Arrays.stream(d.weights()).min().orElseThrow()).isPositive();
  }
}
