package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeximinTest {

  private static final double EXACT = 1e-6;

  @Test
  void onlyWomanIsAlwaysSelectedAndMenShareTheOtherSeat() {
    // k = 2, exactly one woman and one man: the woman is in every panel; 3 men share one seat.
    var cats = List.of(Pools.category("gender", "f:1:1", "m:1:1"));
    var inst = Pools.instance(cats, 2, "f", "m", "m", "m");
    for (CompositionDistribution d : List.of(Leximin.overTypes(inst), Leximin.perPerson(inst))) {
      assertThat(d.probabilities()).containsExactly(new double[] {1, 1.0 / 3, 1.0 / 3, 1.0 / 3}, within(EXACT));
    }
  }

  @Test
  void secondStageRaisesTheIndispensableRespondentAboveTheMinimum() {
    // Feasible panels {A,D}, {A,E}, {B,C}. Max-min: x_BC = 1/3, x_AD = x_AE = 1/3, so B..E get 1/3 and A 2/3.
    var cats = List.of(Pools.category("gender", "f:1:1", "m:1:1"), Pools.category("age", "young:1:1", "old:1:1"));
    var inst = Pools.instance(cats, 2, "f,young", "f,old", "m,young", "m,old", "m,old");
    for (CompositionDistribution d : List.of(Leximin.overTypes(inst), Leximin.perPerson(inst))) {
      assertThat(d.probabilities())
          .containsExactly(new double[] {2.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3}, within(EXACT));
    }
  }

  @Test
  void respondentInNoFeasiblePanelGetsZeroAndOthersStillLeximin() {
    // Alternate-style pool: the female conservative is in no valid panel of 2 (needs ≥1 male and ≥1 liberal);
    // panels are {female liberal, male conservative}: 3 liberals share 1 seat, 4 conservatives share 1.
    var cats = List.of(Pools.category("gender", "female:1:2", "male:1:2"),
        Pools.category("leaning", "liberal:1:2", "conservative:1:2"));
    var inst = Pools.instance(cats, 2, "female,conservative", "female,liberal", "female,liberal", "female,liberal",
        "male,conservative", "male,conservative", "male,conservative", "male,conservative");
    double third = 1.0 / 3;
    double quarter = 0.25;
    for (CompositionDistribution d : List.of(Leximin.overTypes(inst), Leximin.perPerson(inst))) {
      assertThat(d.probabilities())
          .containsExactly(new double[] {0, third, third, third, quarter, quarter, quarter, quarter}, within(EXACT));
    }
  }

  @Test
  void withoutBindingQuotasEveryoneGetsKOverN() {
    var cats = List.of(Pools.category("gender", "f:0:3", "m:0:3"));
    var inst = Pools.instance(cats, 3, "f", "m", "m", "f", "m");
    PanelDistribution d = Leximin.compute(inst);
    assertThat(d).isInstanceOf(UniformDistribution.class);
    assertThat(d.probabilities()).containsOnly(0.6);
    assertThat(Leximin.overTypes(inst).probabilities()).containsExactly(new double[] {.6, .6, .6, .6, .6},
        within(EXACT));
  }

  @Test
  void everyCompositionInTheSupportIsAValidPanelAndProbabilitiesSumToK() {
    var inst = Pools.generated(120, 12, new int[] {2, 3, 4}, 0.5, 1, 7);
    CompositionDistribution d = Leximin.overTypes(inst);
    double total = 0;
    for (var wc : d.support()) {
      assertThat(inst.isValidPanel(d.representativePanel(wc.counts()))).isTrue();
      total += wc.probability();
    }
    assertThat(total).isCloseTo(1, within(1e-9));
    assertThat(java.util.Arrays.stream(d.probabilities()).sum()).isCloseTo(12, within(1e-6));
  }

  @Test
  void quotaMaximumCapsAWholeType() {
    // k = 3 with exactly one woman: the two women share one seat (1/2 each), the six men two seats (1/3 each).
    var cats = List.of(Pools.category("gender", "f:1:1", "m:2:2"));
    var inst = Pools.instance(cats, 3, "f", "f", "m", "m", "m", "m", "m", "m");
    for (CompositionDistribution d : List.of(Leximin.overTypes(inst), Leximin.perPerson(inst))) {
      assertThat(d.probabilities())
          .containsExactly(new double[] {.5, .5, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3}, within(EXACT));
    }
  }

  /**
   * Three yes/no categories, k = 2, each answer "yes" exactly once: the only panels are complementary pairs, 110+001,
   * 101+010, 011+100 and 111+000. The four "double-yes or triple-yes" vectors have one respondent each, the four
   * others ten each. Every lottery gives the pair (t, complement of t) the same probability x, so the ten-member types
   * get x / 10 and LEXIMIN is uniform over the four panels: 1/4 and 1/40. The continuous relaxation is not tight here
   * (its max-min exceeds 1/40: it can mix 110, 101 and 011 at 1/2 each, an odd cycle no panel lottery has), so the
   * engine must cut it.
   */
  @Test
  void relaxationThatNoLotteryReachesIsCutDownToTheTrueLeximin() {
    var cats = List.of(Pools.category("a", "0:1:1", "1:1:1"), Pools.category("b", "0:1:1", "1:1:1"),
        Pools.category("c", "0:1:1", "1:1:1"));
    List<String> rows = new java.util.ArrayList<>(List.of("1,1,0", "1,0,1", "0,1,1", "1,1,1"));
    for (String big : new String[] {"0,0,1", "0,1,0", "1,0,0", "0,0,0"}) {
      for (int i = 0; i < 10; i++) {
        rows.add(big);
      }
    }
    var inst = Pools.instance(cats, 2, rows.toArray(String[]::new));
    double[] expected = new double[44];
    java.util.Arrays.fill(expected, 0, 4, 0.25);
    java.util.Arrays.fill(expected, 4, 44, 0.025);
    CompositionDistribution d = Leximin.overTypes(inst);
    assertThat(d.converged()).isTrue();
    assertThat(d.probabilities()).containsExactly(expected, within(EXACT));
    assertThat(d.firstStageBound()).isCloseTo(0.025, within(EXACT));
    assertThat(Leximin.perPerson(inst).probabilities()).containsExactly(expected, within(EXACT));
    // The relaxation alone promises more than any lottery achieves.
    PoolTypes types = PoolTypes.of(inst);
    try (var relaxed = new RelaxedLeximin(types, new boolean[types.count()])) {
      assertThat(relaxed.solve().firstStageValue()).isGreaterThan(0.025 + 1e-3);
    }
  }

  @Test
  void decompositionEngineIsNeverLexicographicallyWorseThanColumnGeneration() {
    // Small random pools with tight quotas: the previous engine (per-stage column generation, stage tolerance 5e-4)
    // is the reference; the new one must match it or beat it lexicographically, with valid panels and sum k.
    int[][] features = {{2, 3}, {2, 3, 3}, {3, 2, 2, 2}};
    for (int seed = 0; seed < 12; seed++) {
      var inst = Pools.generated(40 + 3 * seed, 6 + seed % 5, features[seed % 3], 0.5, seed % 2, seed);
      try {
        QuotaFeasibility.check(inst);
      } catch (SortitionException e) {
        continue;
      }
      CompositionDistribution d = Leximin.overTypes(inst);
      double[] got = d.probabilities();
      double[] ref = Leximin.columnGenerationOverTypes(inst).probabilities();
      assertThat(d.converged()).isTrue();
      assertThat(java.util.Arrays.stream(got).sum()).isCloseTo(inst.panelSize(), within(1e-9));
      for (var wc : d.support()) {
        assertThat(inst.isValidPanel(d.representativePanel(wc.counts()))).isTrue();
      }
      double[] sortedGot = got.clone();
      double[] sortedRef = ref.clone();
      java.util.Arrays.sort(sortedGot);
      java.util.Arrays.sort(sortedRef);
      int i = 0;
      while (i < sortedGot.length && Math.abs(sortedGot[i] - sortedRef[i]) <= 1e-6) {
        i++;
      }
      if (i < sortedGot.length) {
        assertThat(sortedGot[i]).as("seed %d, position %d", seed, i).isGreaterThan(sortedRef[i]);
      }
    }
  }
}
