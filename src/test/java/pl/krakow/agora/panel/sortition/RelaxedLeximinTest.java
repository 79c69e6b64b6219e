package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelaxedLeximinTest {

  private static final double EXACT = 1e-9;

  @Test
  void stagesFixTheMinimumFirstThenRaiseTheRest() {
    // Types A = (f, young), B = (f, old), C = (m, young), DE = (m, old) with two members; one seat per value. The
    // quotas force e_B = e_C = 1 − e_A and e_DE = e_A, so max-min has e_A / 2 = 1 − e_A: e_A = 2/3, then B, C and
    // each of D, E get 1/3 (stage 1) and A 2/3 (stage 2).
    var cats = List.of(Pools.category("gender", "f:1:1", "m:1:1"), Pools.category("age", "young:1:1", "old:1:1"));
    var inst = Pools.instance(cats, 2, "f,young", "f,old", "m,young", "m,old", "m,old");
    PoolTypes types = PoolTypes.of(inst);
    try (var relaxed = new RelaxedLeximin(types, new boolean[types.count()])) {
      RelaxedLeximin.Result r = relaxed.solve();
      assertThat(r.complete()).isTrue();
      assertThat(r.probability()).containsExactly(new double[] {2.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3}, within(EXACT));
      assertThat(r.firstStageValue()).isCloseTo(1.0 / 3, within(EXACT));
      assertThat(r.stageOf()[0]).isGreaterThan(r.stageOf()[1]);
    }
  }

  @Test
  void excludedTypesGetZeroAndTheOthersShareTheSeats() {
    // One seat, one x and three y: max-min gives everyone 1/4; with x excluded the three y share the seat.
    var cats = List.of(Pools.category("g", "x:0:1", "y:0:1"));
    var inst = Pools.instance(cats, 1, "x", "y", "y", "y");
    PoolTypes types = PoolTypes.of(inst);
    try (var relaxed = new RelaxedLeximin(types, new boolean[] {false, false})) {
      assertThat(relaxed.solve().probability()).containsExactly(new double[] {.25, .25}, within(EXACT));
    }
    try (var relaxed = new RelaxedLeximin(types, new boolean[] {true, false})) {
      RelaxedLeximin.Result r = relaxed.solve();
      assertThat(r.probability()).containsExactly(new double[] {0, 1.0 / 3}, within(EXACT));
      assertThat(r.stageOf()[0]).isEqualTo(-1);
    }
  }

  @Test
  void aCutKeepsTheRelaxationValidAndLowersItsValue() {
    // Three types with sizes 1, 1, 2, k = 2, no binding quota on the size: max-min is 2 / 4 = 1/2 for everyone.
    var cats = List.of(Pools.category("g", "x:0:2", "y:0:2", "z:0:2"));
    var inst = Pools.instance(cats, 2, "x", "y", "z", "z");
    PoolTypes types = PoolTypes.of(inst);
    try (var relaxed = new RelaxedLeximin(types, new boolean[3])) {
      assertThat(relaxed.solve().probability()).containsExactly(new double[] {.5, .5, .5}, within(EXACT));
      // Cut: p_x + p_y ≥ 1.2 pushes x and y up, so z (two members) gets (2 − 1.2) / 2 = 0.4 each.
      relaxed.addCut(new double[] {1, 1, 0}, 1.2);
      RelaxedLeximin.Result r = relaxed.solve();
      assertThat(r.firstStageValue()).isCloseTo(0.4, within(EXACT));
      assertThat(r.probability()[2]).isCloseTo(0.4, within(EXACT));
      assertThat(r.probability()[0] + r.probability()[1]).isCloseTo(1.2, within(EXACT));
    }
  }
}
