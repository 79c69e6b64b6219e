package pl.krakow.agora.panel.sortition;

import java.util.Arrays;

/**
 * Uniform selection: every k-subset of the pool equally likely, probability k/n each. Valid only when no quota binds,
 * i.e. every k-subset meets every quota ({@link #applies}); then it is also the LEXIMIN lottery.
 */
public final class UniformDistribution implements PanelDistribution {

  private final SortitionInstance instance;

  private UniformDistribution(SortitionInstance instance) {
    this.instance = instance;
  }

  /**
   * Whether every k-subset meets the quotas: for each feature with n_f holders, the fewest a k-subset can contain
   * is max(0, k − (n − n_f)) and the most is min(k, n_f); both must lie within [min, max].
   */
  public static boolean applies(SortitionInstance instance) {
    int n = instance.n();
    int k = instance.panelSize();
    for (int c = 0; c < instance.categories().size(); c++) {
      var features = instance.categories().get(c).features();
      for (int f = 0; f < features.size(); f++) {
        int nf = instance.countWith(c, f);
        int fewest = Math.max(0, k - (n - nf));
        int most = Math.min(k, nf);
        if (fewest < features.get(f).min() || most > features.get(f).max()) {
          return false;
        }
      }
    }
    return true;
  }

  /** The uniform lottery; throws if a quota binds. */
  public static UniformDistribution of(SortitionInstance instance) {
    if (!applies(instance)) {
      throw new IllegalArgumentException("quotas bind; uniform selection would violate them");
    }
    return new UniformDistribution(instance);
  }

  @Override
  public String algorithm() {
    return "uniform";
  }

  @Override
  public double[] probabilities() {
    double[] p = new double[instance.n()];
    Arrays.fill(p, (double) instance.panelSize() / instance.n());
    return p;
  }

  @Override
  public int panelsGenerated() {
    return 0;
  }

  /** Partial Fisher–Yates over all ids 0..n−1 (as in {@link CompositionDistribution#draw} for a single type). */
  @Override
  public int[] draw(PublicLottery lottery) {
    int n = instance.n();
    int k = instance.panelSize();
    int[] m = new int[n];
    Arrays.setAll(m, i -> i);
    for (int i = 0; i < k; i++) {
      int j = i + lottery.uniformInt(n - i);
      int tmp = m[i];
      m[i] = m[j];
      m[j] = tmp;
    }
    int[] panel = Arrays.copyOf(m, k);
    Arrays.sort(panel);
    return panel;
  }
}
