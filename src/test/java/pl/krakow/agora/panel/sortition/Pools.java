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
    List<Respondent> respondents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] f = new int[featureCounts.length];
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
      respondents.add(new Respondent(i, f));
    }
    return new SortitionInstance(categories, respondents, k);
  }
}
