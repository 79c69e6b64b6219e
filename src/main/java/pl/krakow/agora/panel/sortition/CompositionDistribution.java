package pl.krakow.agora.panel.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The LEXIMIN lottery: a distribution over panel compositions (number of members of each type); within a type, the
 * members are drawn uniformly, so every member of type t has probability E[count_t] / |t|.
 */
public final class CompositionDistribution implements PanelDistribution {

  /** One composition with its probability; {@code counts[t]} members of type t. */
  public record WeightedComposition(int[] counts, double probability) {}

  private final PoolTypes types;
  private final List<WeightedComposition> support;
  private final double[] probabilities;
  private final int panelsGenerated;
  private final int stages;
  private final boolean converged;
  private final double firstStageValue;
  private final double firstStageBound;

  CompositionDistribution(PoolTypes types, List<int[]> compositions, double[] weights, int panelsGenerated,
      int stages) {
    this(types, compositions, weights, panelsGenerated, stages, true, Double.NaN, Double.NaN);
  }

  CompositionDistribution(PoolTypes types, List<int[]> compositions, double[] weights, int panelsGenerated,
      int stages, boolean converged, double firstStageValue, double firstStageBound) {
    this.types = types;
    this.converged = converged;
    this.firstStageValue = firstStageValue;
    this.firstStageBound = firstStageBound;
    this.panelsGenerated = panelsGenerated;
    this.stages = stages;
    // Canonical order (lexicographic by counts in type order), so the draw does not depend on solver column order.
    List<WeightedComposition> s = new ArrayList<>();
    for (int i = 0; i < compositions.size(); i++) {
      if (weights[i] > 0) {
        s.add(new WeightedComposition(compositions.get(i).clone(), weights[i]));
      }
    }
    s.sort((a, b) -> Arrays.compare(a.counts(), b.counts()));
    this.support = List.copyOf(s);
    this.probabilities = probabilities(support, types.members, types.instance.n());
  }

  /** Each person's probability under a lottery: the expected members of their type over its size. */
  static double[] probabilities(List<WeightedComposition> support, int[][] members, int n) {
    double[] expected = new double[members.length];
    for (WeightedComposition wc : support) {
      for (int t = 0; t < expected.length; t++) {
        expected[t] += wc.probability() * wc.counts()[t];
      }
    }
    return PoolTypes.personProbabilities(members, expected, n);
  }

  @Override
  public String algorithm() {
    return "leximin";
  }

  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  @Override
  public int panelsGenerated() {
    return panelsGenerated;
  }

  /** Outer rounds of the leximin algorithm (each fixes at least one type's probability). */
  public int stages() {
    return stages;
  }

  /**
   * Whether the computation finished: every type's probability within {@link LeximinByDecomposition#TOLERANCE} (at
   * worst {@link LeximinByDecomposition#ACCEPTABLE}) of its LEXIMIN value, proven by the relaxation's LPs (for the
   * reference column generation: every stage within its gap tolerance). False when the time limit cut it short: the
   * lottery is still valid (quota-feasible panels, probabilities summing to k) but not proven LEXIMIN.
   */
  public boolean converged() {
    return converged;
  }

  /**
   * Smallest probability, in this lottery, among respondents that some quota-feasible panel contains (all
   * respondents if the time limit cut the initial covering short); NaN if not recorded.
   */
  public double firstStageValue() {
    return firstStageValue;
  }

  /**
   * Proven upper bound on what that smallest probability can be in any lottery (the LEXIMIN first-stage value is at
   * most this); at most k/n; NaN if not recorded. {@code firstStageBound() − firstStageValue()} is the remaining gap.
   */
  public double firstStageBound() {
    return firstStageBound;
  }

  /** Compositions with positive probability, in the canonical order used by {@link #draw}. */
  public List<WeightedComposition> support() {
    return support;
  }

  /** Ids of type t, ascending. */
  public int[] typeMembers(int t) {
    return types.members[t].clone();
  }

  /** A concrete panel of the composition: the first {@code counts[t]} members (by id) of each type. */
  public int[] representativePanel(int[] counts) {
    List<Integer> ids = new ArrayList<>();
    for (int t = 0; t < counts.length; t++) {
      for (int i = 0; i < counts[t]; i++) {
        ids.add(types.members[t][i]);
      }
    }
    return ids.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * Draw procedure: u = {@code lottery.uniformDouble()}; walk the support in canonical order adding probabilities and
   * take the first composition whose running sum exceeds u (the last one if rounding leaves u uncovered). Then, for
   * each type t in type order (types ordered by smallest member id), list its members by ascending id and pick
   * counts[t] of them by a partial Fisher–Yates shuffle: for i = 0..counts[t]−1 swap position i with position i +
   * {@code uniformInt(|t| − i)}; the first counts[t] positions are selected. The panel is the selected ids, sorted.
   */
  @Override
  public int[] draw(PublicLottery lottery) {
    return draw(support, types.members, lottery);
  }

  /** The lottery as it is published: the members of each type and the support, enough to repeat {@link #draw}. */
  public PublishedLottery published() {
    return new PublishedLottery(List.of(types.members).stream().map(int[]::clone).toList(), support);
  }

  /** The draw procedure documented on {@link #draw(PublicLottery)}, on any types' members and support. */
  static int[] draw(List<WeightedComposition> support, int[][] members, PublicLottery lottery) {
    double u = lottery.uniformDouble();
    WeightedComposition chosen = support.get(support.size() - 1);
    double cumulative = 0;
    for (WeightedComposition wc : support) {
      cumulative += wc.probability();
      if (u < cumulative) {
        chosen = wc;
        break;
      }
    }
    List<Integer> panel = new ArrayList<>();
    for (int t = 0; t < chosen.counts().length; t++) {
      int need = chosen.counts()[t];
      if (need == 0) {
        continue;
      }
      int[] m = members[t].clone();
      for (int i = 0; i < need; i++) {
        int j = i + lottery.uniformInt(m.length - i);
        int tmp = m[i];
        m[i] = m[j];
        m[j] = tmp;
        panel.add(m[i]);
      }
    }
    return panel.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
