package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SwapSearchTest {

  private static final int[] FEATURES = {2, 5, 4, 3, 3, 2, 3, 3};

  @Test
  void lookupOfAdmissibleSwapsFindsTheSameLocalOptimaAsThePlainScan() {
    SortitionInstance inst = Pools.generated(500, 50, FEATURES, 0.55, 1, 500);
    PoolTypes types = PoolTypes.of(inst);
    int m = types.count();
    var fast = new SwapSearch(types);
    var plain = new SwapSearch(types, false);
    Leximin.loadNatives();
    int[] start;
    try (var search = new TypeCompositionSearch(types, 1)) {
      boolean[] all = new boolean[m];
      Arrays.fill(all, true);
      start = search.cover(all);
    }
    var rng = new SplittableRandom(5);
    double[] w = new double[m];
    List<int[]> starts = new ArrayList<>(List.of(start));
    for (int i = 0; i < 100; i++) {
      for (int t = 0; t < m; t++) {
        w[t] = rng.nextDouble() - 0.5;
      }
      int[] from = starts.get(rng.nextInt(starts.size()));
      int[] a = fast.improve(from, w);
      int[] b = plain.improve(from, w);
      assertThat(a).containsExactly(b);
      var d = new CompositionDistribution(types, List.of(a), new double[] {1}, 1, 0);
      assertThat(inst.isValidPanel(d.representativePanel(a))).isTrue();
      double before = 0;
      double after = 0;
      for (int t = 0; t < m; t++) {
        before += w[t] * from[t];
        after += w[t] * a[t];
      }
      assertThat(after).isGreaterThanOrEqualTo(before);
      starts.add(a);
    }
  }

  @Test
  void respondentsWithEqualFeatureVectorsAsSeparateTypesAreAllConsidered() {
    // The per-person reference uses singleton types, so one feature vector belongs to several types: the lookup table
    // must not be used then (it once kept only the last type per vector).
    var cats = List.of(Pools.category("gender", "female:1:2", "male:1:2"),
        Pools.category("leaning", "liberal:1:2", "conservative:1:2"));
    var inst = Pools.instance(cats, 2, "female,conservative", "female,liberal", "female,liberal", "female,liberal",
        "male,conservative", "male,conservative", "male,conservative", "male,conservative");
    PoolTypes singletons = PoolTypes.singletons(inst);
    var fast = new SwapSearch(singletons);
    var plain = new SwapSearch(singletons, false);
    int[] start = {0, 0, 0, 1, 1, 0, 0, 0};
    double[] w = {0, 5, 1, 0, 2, 0, 0, 3};
    assertThat(fast.improve(start, w)).containsExactly(plain.improve(start, w)).containsExactly(0, 1, 0, 0, 0, 0, 0, 1);
  }
}
