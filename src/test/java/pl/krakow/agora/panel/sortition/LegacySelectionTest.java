package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LegacySelectionTest {

  @Test
  void everyGreedyDrawMeetsEveryQuota() {
    var inst = Pools.generated(150, 15, new int[] {2, 3, 4}, 0.5, 1, 11);
    var types = PoolTypes.of(inst);
    var rng = new SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      assertThat(inst.isValidPanel(LegacySelection.drawPanel(types, rng))).isTrue();
    }
  }

  @Test
  void estimateIsRepeatableForTheSameSeed() {
    var inst = Pools.generated(80, 8, new int[] {2, 3}, 0.5, 1, 3);
    assertThat(LegacySelection.estimate(inst, 500, 9).probabilities())
        .containsExactly(LegacySelection.estimate(inst, 500, 9).probabilities());
  }

  @Test
  void publicDrawIsRepeatableFromTheSeed() {
    var inst = Pools.generated(80, 8, new int[] {2, 3}, 0.5, 1, 3);
    var legacy = LegacySelection.estimate(inst, 100, 1);
    assertThat(legacy.draw(new PublicLottery("s"))).containsExactly(legacy.draw(new PublicLottery("s")));
  }
}
