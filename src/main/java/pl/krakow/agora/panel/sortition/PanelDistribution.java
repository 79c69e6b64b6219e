package pl.krakow.agora.panel.sortition;

/**
 * A lottery over quota-feasible panels, with each respondent's selection probability.
 */
public sealed interface PanelDistribution permits CompositionDistribution, UniformDistribution, LegacySelection {

  /** {@code leximin}, {@code legacy} or {@code uniform}. */
  String algorithm();

  /** Selection probability per respondent, indexed by id; sums to k. */
  double[] probabilities();

  /** Panels (or compositions) found by the integer program; 0 where none is needed. */
  int panelsGenerated();

  /** Draws one panel (ascending ids) with randomness from {@code lottery}. */
  int[] draw(PublicLottery lottery);

  /** The smallest selection probability. */
  default double minProbability() {
    double min = Double.POSITIVE_INFINITY;
    for (double p : probabilities()) {
      min = Math.min(min, p);
    }
    return min;
  }
}
