package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Anyone holding the published lotteries and the seed repeats the draw, without the pool's values. */
class PublishedLotteryTest {

  @Test
  void thePublishedLotteriesRepeatThePanelAndTheReserveOfADraw() {
    SortitionInstance instance = Pools.generated(120, 12, new int[] {3, 2, 4}, 0.6, 2, 7L);
    for (String seed : List.of("Kraków 2026-12-02", "lotto 3 14 15 22 35 49")) {
      PanelSelection.Result result = PanelSelection.select(instance, PanelSelection.Algorithm.LEXIMIN, seed,
          1000, true, Duration.ofSeconds(60));
      CompositionDistribution lottery = (CompositionDistribution) result.distribution();
      assertThat(result.reserveLottery()).isNotNull();
      assertThat(result.alternates()).hasSize(12);

      int[][] repeated = PanelSelection.replay(lottery.published(), result.reserveLottery(), seed);

      assertThat(repeated[0]).containsExactly(result.panel());
      assertThat(repeated[1]).containsExactly(result.alternates());
      double[] p = lottery.published().probabilities(instance.n());
      for (int i = 0; i < p.length; i++) {
        assertThat(p[i]).isCloseTo(lottery.probabilities()[i], within(1e-12));
      }
    }
  }

  @Test
  void aCompositionThatTakesMoreMembersThanATypeHasIsRefused() {
    var bad = new CompositionDistribution.WeightedComposition(new int[] {3}, 1.0);
    assertThatThrownBy(() -> new PublishedLottery(List.of(new int[] {0, 1}), List.of(bad)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
