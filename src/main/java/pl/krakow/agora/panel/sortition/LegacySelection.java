package pl.krakow.agora.panel.sortition;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * LEGACY: the sequential greedy draw used by practitioners before LEXIMIN (the Sortition Foundation's algorithm,
 * {@code find_random_sample_legacy} in the replication code of Flanigan et al. 2021), with selection probabilities
 * estimated by repeating it.
 *
 * <p>One draw, k steps. Each step: for every feature (categories and features in file order) with people remaining
 * and max &gt; 0, the ratio (min − selected) / remaining; fail if a feature can no longer reach its minimum. The
 * first feature with the largest ratio wins; a uniformly random remaining person with it is selected (here: a type
 * with probability proportional to its remaining holders of the feature, then {@code uniformInt} over that type's
 * remaining members in the order kept by swap-removal, which is the same distribution). The selected person leaves
 * the pool; each of their features that reaches its maximum removes everyone else who has it. A draw that fails, or
 * ends with a minimum unmet, is repeated (up to {@link #MAX_CONSECUTIVE_FAILURES} times).
 *
 * <p>Estimated probability of a member of type t = (members of t selected over all draws) / (draws · |t|): the
 * type-averaged sample proportion, unbiased and with less variance than per-person counts.
 */
public final class LegacySelection implements PanelDistribution {

  /** Sample size for the probability estimate, as in the paper's comparison (10,000 draws). */
  public static final int DEFAULT_DRAWS = 10_000;

  /** Consecutive failed attempts after which the quotas are declared too tight for the greedy draw. */
  public static final int MAX_CONSECUTIVE_FAILURES = 1_000;

  private final PoolTypes types;
  private final double[] probabilities;
  private final int draws;

  private LegacySelection(PoolTypes types, double[] probabilities, int draws) {
    this.types = types;
    this.probabilities = probabilities;
    this.draws = draws;
  }

  /** Probabilities estimated from {@code draws} seeded greedy draws. */
  public static LegacySelection estimate(SortitionInstance instance, int draws, long seed) {
    QuotaFeasibility.check(instance);
    PoolTypes types = PoolTypes.of(instance);
    var greedy = new Greedy(types);
    RandomGenerator rng = new SplittableRandom(seed);
    long[] selected = new long[types.count()];
    for (int d = 0; d < draws; d++) {
      int[] perType = greedy.drawWithRetries(rng, null);
      for (int t = 0; t < perType.length; t++) {
        selected[t] += perType[t];
      }
    }
    double[] expected = new double[types.count()];
    for (int t = 0; t < expected.length; t++) {
      expected[t] = (double) selected[t] / draws;
    }
    return new LegacySelection(types, types.personProbabilities(expected), draws);
  }

  @Override
  public String algorithm() {
    return "legacy";
  }

  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** Number of draws behind the estimate. */
  public int draws() {
    return draws;
  }

  @Override
  public int panelsGenerated() {
    return 0;
  }

  /** One greedy draw with concrete members, randomness from the public lottery (procedure on the class). */
  @Override
  public int[] draw(PublicLottery lottery) {
    return drawPanel(types, lottery);
  }

  /** One greedy draw of the instance with concrete members (ascending ids). */
  static int[] drawPanel(PoolTypes types, RandomGenerator rng) {
    int[] panel = new int[types.instance.panelSize()];
    new Greedy(types).drawWithRetries(rng, panel);
    Arrays.sort(panel);
    return panel;
  }

  /** The greedy draw over type counts; reusable scratch arrays. */
  private static final class Greedy {
    private final PoolTypes types;
    private final SortitionInstance inst;
    private final int[][] typesWith; // [flat feature] -> types having it
    private final int[] featureOffset; // flat feature index = featureOffset[c] + f
    private final int[] min;
    private final int[] max;
    private final int[] selectedF;
    private final int[] remainingF;
    private final int[] remainingT;
    private final int[] selectedT;
    private final int[][] memberOrder;

    Greedy(PoolTypes types) {
      this.types = types;
      this.inst = types.instance;
      int cats = inst.categories().size();
      featureOffset = new int[cats];
      int flat = 0;
      for (int c = 0; c < cats; c++) {
        featureOffset[c] = flat;
        flat += inst.categories().get(c).features().size();
      }
      min = new int[flat];
      max = new int[flat];
      int[] countTypes = new int[flat];
      for (int c = 0; c < cats; c++) {
        var features = inst.categories().get(c).features();
        for (int f = 0; f < features.size(); f++) {
          min[featureOffset[c] + f] = features.get(f).min();
          max[featureOffset[c] + f] = features.get(f).max();
        }
      }
      for (int t = 0; t < types.count(); t++) {
        for (int c = 0; c < cats; c++) {
          countTypes[featureOffset[c] + types.features[t][c]]++;
        }
      }
      typesWith = new int[flat][];
      for (int g = 0; g < flat; g++) {
        typesWith[g] = new int[countTypes[g]];
      }
      int[] fill = new int[flat];
      for (int t = 0; t < types.count(); t++) {
        for (int c = 0; c < cats; c++) {
          int g = featureOffset[c] + types.features[t][c];
          typesWith[g][fill[g]++] = t;
        }
      }
      selectedF = new int[flat];
      remainingF = new int[flat];
      remainingT = new int[types.count()];
      selectedT = new int[types.count()];
      memberOrder = new int[types.count()][];
    }

    int[] drawWithRetries(RandomGenerator rng, int[] panel) {
      for (int attempt = 0; attempt < MAX_CONSECUTIVE_FAILURES; attempt++) {
        if (drawOnce(rng, panel)) {
          return selectedT;
        }
      }
      throw new SortitionException("panel.sortition.error.legacy-failed", MAX_CONSECUTIVE_FAILURES);
    }

    private int flat(int t, int c) {
      return featureOffset[c] + types.features[t][c];
    }

    /** One attempt; false if it failed. Fills {@code panel} with ids when not null. */
    private boolean drawOnce(RandomGenerator rng, int[] panel) {
      int cats = featureOffset.length;
      Arrays.fill(selectedF, 0);
      Arrays.fill(remainingF, 0);
      Arrays.fill(selectedT, 0);
      for (int t = 0; t < types.count(); t++) {
        remainingT[t] = types.size(t);
        if (panel != null) {
          memberOrder[t] = types.members[t].clone();
        }
        for (int c = 0; c < cats; c++) {
          remainingF[flat(t, c)] += types.size(t);
        }
      }
      for (int step = 0; step < inst.panelSize(); step++) {
        int chosen = -1;
        double bestRatio = -100.0;
        for (int g = 0; g < min.length; g++) {
          if (selectedF[g] < min[g] && remainingF[g] < min[g] - selectedF[g]) {
            return false;
          }
          if (remainingF[g] != 0 && max[g] != 0) {
            double ratio = (double) (min[g] - selectedF[g]) / remainingF[g];
            if (ratio > 1) {
              return false;
            }
            if (ratio > bestRatio) {
              bestRatio = ratio;
              chosen = g;
            }
          }
        }
        if (chosen < 0) {
          return false; // ran out of people
        }
        int r = rng.nextInt(remainingF[chosen]);
        int type = -1;
        for (int t : typesWith[chosen]) {
          if (r < remainingT[t]) {
            type = t;
            break;
          }
          r -= remainingT[t];
        }
        if (panel != null) {
          int j = rng.nextInt(remainingT[type]);
          int[] order = memberOrder[type];
          panel[step] = order[j];
          order[j] = order[remainingT[type] - 1];
          order[remainingT[type] - 1] = panel[step];
        }
        remainingT[type]--;
        selectedT[type]++;
        for (int c = 0; c < cats; c++) {
          int g = flat(type, c);
          selectedF[g]++;
          remainingF[g]--;
          if (remainingF[g] == 0 && selectedF[g] < min[g]) {
            return false;
          }
        }
        for (int c = 0; c < cats; c++) {
          int g = flat(type, c);
          if (selectedF[g] == max[g]) {
            for (int t : typesWith[g]) {
              int gone = remainingT[t];
              if (gone == 0) {
                continue;
              }
              remainingT[t] = 0;
              for (int c2 = 0; c2 < cats; c2++) {
                int g2 = flat(t, c2);
                remainingF[g2] -= gone;
                if (remainingF[g2] == 0 && selectedF[g2] < min[g2]) {
                  return false;
                }
              }
            }
          }
        }
      }
      for (int g = 0; g < min.length; g++) {
        if (selectedF[g] < min[g] || selectedF[g] > max[g]) {
          return false;
        }
      }
      return true;
    }
  }
}
