package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The time limit yields the best lottery so far, marked not converged, instead of an error. */
class LeximinAnytimeTest {

  private static final int[] FEATURES = {2, 5, 4, 3, 3, 2, 3, 3};

  @Test
  void timeLimitReturnsValidNotConvergedLottery() {
    // The largest benchmark pool (2,065 types): 1 s stops during the covering, 4 s in the relaxation or the
    // decomposition; both are anytime paths. (The 500-volunteer pool converges within 4 s since the decomposition
    // engine.)
    SortitionInstance inst = Pools.generated(5000, 120, FEATURES, 0.55, 1, 5000);
    for (Duration budget : new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(4)}) {
      // (no wall-clock assertion: how far past its limit the engine gets depends on the machine's load)
      CompositionDistribution d = Leximin.overTypes(inst, budget);
      assertThat(d.converged()).as("converged at %s", budget).isFalse();
      double sum = 0;
      for (double p : d.probabilities()) {
        assertThat(p).isBetween(-1e-9, 1 + 1e-9);
        sum += p;
      }
      assertThat(sum).isCloseTo(inst.panelSize(), within(1e-6));
      double total = 0;
      for (var wc : d.support()) {
        total += wc.probability();
        for (int t = 0; t < wc.counts().length; t++) {
          assertThat(wc.counts()[t]).isBetween(0, d.typeMembers(t).length);
        }
        assertThat(inst.isValidPanel(d.representativePanel(wc.counts()))).isTrue();
      }
      assertThat(total).isCloseTo(1, within(1e-9));
      assertThat(d.firstStageBound()).isGreaterThanOrEqualTo(d.firstStageValue() - 1e-9);
      assertThat(d.firstStageBound()).isLessThanOrEqualTo((double) inst.panelSize() / inst.n() + 1e-12);
      assertThat(PanelSelectCommand.warning(d, budget)).contains("proven upper bound").doesNotContain("\n");
    }
  }

  @Test
  void smallInstanceConverges() {
    var cats = java.util.List.of(Pools.category("gender", "f:1:1", "m:1:1"));
    var inst = Pools.instance(cats, 2, "f", "m", "m", "m");
    CompositionDistribution d = Leximin.overTypes(inst, Duration.ofSeconds(60));
    assertThat(d.converged()).isTrue();
  }
}
