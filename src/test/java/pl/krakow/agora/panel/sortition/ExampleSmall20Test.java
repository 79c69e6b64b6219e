package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** example_small_20 = Alternate(200, 20) of Flanigan et al. 2021, SI §S6; figures in shared/data/sortition/README. */
class ExampleSmall20Test {

  private static SortitionInstance instance;
  private static CompositionDistribution leximin;

  @BeforeAll
  static void compute() {
    instance = SharedData.exampleSmall20();
    leximin = Leximin.overTypes(instance);
  }

  @Test
  void leximinSelectsEveryoneWithProbabilityKOverN() {
    assertThat(leximin.minProbability()).isCloseTo(0.1, within(1e-4));
    assertThat(Arrays.stream(leximin.probabilities()).boxed().toList()).allSatisfy(p -> assertThat(p).isCloseTo(0.1, within(1e-4)));
  }

  @Test
  void leximinProbabilitiesSumToPanelSize() {
    assertThat(Arrays.stream(leximin.probabilities()).sum()).isCloseTo(20, within(1e-6));
  }

  @Test
  void everyPanelInTheLeximinDistributionMeetsEveryQuota() {
    assertThat(leximin.support()).isNotEmpty();
    for (var wc : leximin.support()) {
      assertThat(instance.isValidPanel(leximin.representativePanel(wc.counts()))).isTrue();
    }
  }

  @Test
  void leximinMinimumIsAtLeastLegacyMinimumWhichMatchesPublishedFigure() {
    LegacySelection legacy = LegacySelection.estimate(instance, LegacySelection.DEFAULT_DRAWS, 42);
    assertThat(leximin.minProbability()).isGreaterThanOrEqualTo(legacy.minProbability());
    // Published: 0.0096 and 0.0111 in two 10,000-draw samples; the minimum is respondent 0.
    assertThat(legacy.minProbability()).isBetween(0.006, 0.015);
    assertThat(legacy.probabilities()[0]).isEqualTo(legacy.minProbability());
    assertThat(Arrays.stream(legacy.probabilities()).sum()).isCloseTo(20, within(1e-9));
  }

  @Test
  void drawnPanelIsRepeatableFromTheSeedAndMeetsQuotas() {
    int[] first = leximin.draw(new PublicLottery("Kraków 2025-03-01"));
    int[] again = Leximin.overTypes(instance).draw(new PublicLottery("Kraków 2025-03-01"));
    assertThat(again).containsExactly(first);
    assertThat(instance.isValidPanel(first)).isTrue();
    assertThat(leximin.draw(new PublicLottery("another seed"))).isNotEqualTo(first);
  }
}
