package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PerTypeMatchesPerPersonTest {

  /** LEXIMIN is unique, so both formulations must give every respondent the same probability. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void perTypeLeximinEqualsPerPersonReferenceOnSmallPools(long seed) {
    var inst = Pools.generated(40, 8, new int[] {2, 3, 3}, 0.45, 0, seed);
    double[] perType = Leximin.overTypes(inst).probabilities();
    double[] perPerson = Leximin.perPerson(inst).probabilities();
    assertThat(perType).containsExactly(perPerson, within(1e-5));
  }
}
