package pl.krakow.agora.panel.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builders for test instances. */
final class Pools {

  private Pools() {}

  /** Category with features given as "name:min:max". */
  static Category category(String name, String... features) {
    List<Feature> list = new ArrayList<>();
    for (String f : features) {
      String[] parts = f.split(":");
      list.add(new Feature(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
    }
    return new Category(name, list);
  }

  /** Instance from rows of feature names, one per category, in category order. */
  static SortitionInstance instance(List<Category> categories, int k, String... rows) {
    List<Respondent> pool = new ArrayList<>();
    for (String row : rows) {
      String[] values = row.split(",");
      int[] f = new int[categories.size()];
      for (int c = 0; c < f.length; c++) {
        f[c] = categories.get(c).indexOf(values[c]);
        if (f[c] < 0) {
          throw new IllegalArgumentException(values[c]);
        }
      }
      pool.add(new Respondent(pool.size(), f));
    }
    return new SortitionInstance(categories, pool, k);
  }

  /**
   * A synthetic pool: {@code featureCounts[c]} features in category c, drawn with skewed (geometric, ratio {@code
   * skew}) shares; quotas around proportional to a flatter "population" share, ± {@code slack} seats. Realistic
   * pattern: some groups over-volunteer, the quotas ask for population shares.
   */
  static SortitionInstance generated(int n, int k, int[] featureCounts, double skew, int slack, long seed) {
    var rng = new SplittableRandom(seed);
    List<double[]> poolShares = new ArrayList<>();
    List<Category> categories = quotas(rng, k, featureCounts, skew, slack, poolShares);
    List<Respondent> respondents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      respondents.add(new Respondent(i, draw(rng, poolShares)));
    }
    return new SortitionInstance(categories, respondents, k);
  }

  /**
   * As {@link #generated}, but with correlated features, as in real pools, where a few thousand volunteers show a few
   * hundred distinct feature vectors: {@code profiles} feature vectors are drawn from the skewed shares, each
   * volunteer copies one of them (popularity ∝ 1 / rank) and redraws each feature with probability {@code noise}.
   */
  static SortitionInstance clustered(int n, int k, int[] featureCounts, double skew, int slack, int profiles,
      double noise, long seed) {
    var rng = new SplittableRandom(seed);
    List<double[]> poolShares = new ArrayList<>();
    List<Category> categories = quotas(rng, k, featureCounts, skew, slack, poolShares);
    int[][] profile = new int[profiles][];
    double[] popularity = new double[profiles];
    double total = 0;
    for (int p = 0; p < profiles; p++) {
      profile[p] = draw(rng, poolShares);
      popularity[p] = 1.0 / (p + 1);
      total += popularity[p];
    }
    List<Respondent> respondents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble() * total;
      int p = profiles - 1;
      for (int q = 0; q < profiles; q++) {
        u -= popularity[q];
        if (u < 0) {
          p = q;
          break;
        }
      }
      int[] f = profile[p].clone();
      int[] fresh = draw(rng, poolShares);
      for (int c = 0; c < f.length; c++) {
        if (rng.nextDouble() < noise) {
          f[c] = fresh[c];
        }
      }
      respondents.add(new Respondent(i, f));
    }
    return new SortitionInstance(categories, respondents, k);
  }

  /** One feature vector drawn from the per-category shares. */
  private static int[] draw(SplittableRandom rng, List<double[]> poolShares) {
    int[] f = new int[poolShares.size()];
    for (int c = 0; c < f.length; c++) {
      double u = rng.nextDouble();
      double[] shares = poolShares.get(c);
      int pick = shares.length - 1;
      for (int j = 0; j < shares.length; j++) {
        u -= shares[j];
        if (u < 0) {
          pick = j;
          break;
        }
      }
      f[c] = pick;
    }
    return f;
  }

  /** Categories with quotas around proportional to a flatter population share; the pool's shares go to the list. */
  private static List<Category> quotas(SplittableRandom rng, int k, int[] featureCounts, double skew, int slack,
      List<double[]> poolShares) {
    List<Category> categories = new ArrayList<>();
    for (int c = 0; c < featureCounts.length; c++) {
      int m = featureCounts[c];
      double[] pool = new double[m];
      double[] population = new double[m];
      double ps = 0;
      double pp = 0;
      for (int f = 0; f < m; f++) {
        pool[f] = Math.pow(skew, f) * (0.75 + 0.5 * rng.nextDouble());
        population[f] = Math.pow(Math.sqrt(skew), f);
        ps += pool[f];
        pp += population[f];
      }
      List<Feature> features = new ArrayList<>();
      for (int f = 0; f < m; f++) {
        pool[f] /= ps;
        double target = k * population[f] / pp;
        int min = Math.max(0, (int) Math.floor(target) - slack);
        int max = (int) Math.ceil(target) + slack;
        features.add(new Feature("f" + f, min, max));
      }
      poolShares.add(pool);
      categories.add(new Category("cat" + c, features));
    }
    return categories;
  }
}
