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
}
