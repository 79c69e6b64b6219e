package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaFeasibilityTest {

  private static SortitionException error(Runnable r) {
    try {
      r.run();
    } catch (SortitionException e) {
      return e;
    }
    throw new AssertionError("expected SortitionException");
  }

  @Test
  void categoryWhoseMinimumsExceedThePanelSizeIsNamed() {
    var cats = List.of(Pools.category("gender", "f:2:3", "m:2:3"));
    var inst = Pools.instance(cats, 3, "f", "f", "m", "m");
    assertThatThrownBy(() -> QuotaFeasibility.check(inst)).isInstanceOf(SortitionException.class)
        .hasMessageContaining("gender").extracting(e -> ((SortitionException) e).key())
        .isEqualTo("panel.sortition.error.category-mins-exceed-panel");
  }

  @Test
  void categoryWhoseMaximumsFallShortOfThePanelSizeIsNamed() {
    var cats = List.of(Pools.category("age", "young:0:1", "old:0:1"));
    var inst = Pools.instance(cats, 3, "young", "old", "old");
    var e = error(() -> QuotaFeasibility.check(inst));
    org.assertj.core.api.Assertions.assertThat(e.key()).isEqualTo("panel.sortition.error.category-maxes-below-panel");
    org.assertj.core.api.Assertions.assertThat(e.args()).contains("age");
  }

  @Test
  void featureWithFewerPeopleThanItsMinimumIsNamed() {
    var cats = List.of(Pools.category("gender", "f:2:2", "m:0:2"));
    var inst = Pools.instance(cats, 2, "f", "m", "m");
    var e = error(() -> QuotaFeasibility.check(inst));
    org.assertj.core.api.Assertions.assertThat(e.key()).isEqualTo("panel.sortition.error.feature-too-few-people");
    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("gender:f");
  }

  @Test
  void quotasThatOnlyConflictInCombinationAreFoundByTheIntegerProgramAndNamed() {
    // Both young people are women: two young seats force two women, but at most one woman is allowed.
    var cats = List.of(Pools.category("gender", "f:1:1", "m:1:1"), Pools.category("age", "young:2:2", "old:0:0"));
    var inst = Pools.instance(cats, 2, "f,young", "f,young", "m,old", "m,old");
    var e = error(() -> QuotaFeasibility.check(inst));
    org.assertj.core.api.Assertions.assertThat(e.key()).isEqualTo("panel.sortition.error.quotas-infeasible");
    org.assertj.core.api.Assertions.assertThat(e.getMessage()).containsAnyOf("gender:", "age:");
    assertThatThrownBy(() -> Leximin.compute(inst)).isInstanceOf(SortitionException.class);
    assertThatThrownBy(() -> LegacySelection.estimate(inst, 10, 1)).isInstanceOf(SortitionException.class);
  }

  @Test
  void feasibleQuotasPass() {
    var cats = List.of(Pools.category("gender", "f:1:1", "m:1:1"));
    assertThatNoException().isThrownBy(() -> QuotaFeasibility.check(Pools.instance(cats, 2, "f", "m")));
  }
}
