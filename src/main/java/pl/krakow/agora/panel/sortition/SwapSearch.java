package pl.krakow.agora.panel.sortition;

/**
 * Heuristic pricing: from a known feasible composition, repeatedly replace one member of type a by one of type b
 * (the best such swap that keeps every quota) while that raises Σ_t w_t c_t. It finds improving columns in
 * microseconds where the integer program takes a tenth of a second; the integer program is still run whenever the
 * heuristic finds nothing, so the optimality proof of each stage is exact.
 */
final class SwapSearch {

  private final PoolTypes types;
  private final int[][] flat; // flat[t][c] = flat feature index of type t in category c
  private final int[] min;
  private final int[] max;
  private final int[] upper;

  SwapSearch(PoolTypes types) {
    this.types = types;
    SortitionInstance inst = types.instance;
    int cats = inst.categories().size();
    int[] offset = new int[cats];
    int total = 0;
    for (int c = 0; c < cats; c++) {
      offset[c] = total;
      total += inst.categories().get(c).features().size();
    }
    min = new int[total];
    max = new int[total];
    for (int c = 0; c < cats; c++) {
      var features = inst.categories().get(c).features();
      for (int f = 0; f < features.size(); f++) {
        min[offset[c] + f] = features.get(f).min();
        max[offset[c] + f] = features.get(f).max();
      }
    }
    flat = new int[types.count()][cats];
    upper = new int[types.count()];
    for (int t = 0; t < types.count(); t++) {
      upper[t] = types.size(t);
      for (int c = 0; c < cats; c++) {
        flat[t][c] = offset[c] + types.features[t][c];
      }
    }
  }

  /**
   * Local optimum reached from {@code start} (not modified): best-improvement swaps. Types are scanned in
   * descending weight, so for each type a leaving the panel the first admissible entering type b is its best swap.
   */
  int[] improve(int[] start, double[] w) {
    int m = types.count();
    Integer[] boxed = new Integer[m];
    for (int t = 0; t < m; t++) {
      boxed[t] = t;
    }
    java.util.Arrays.sort(boxed, (x, y) -> Double.compare(w[y], w[x]));
    int[] byWeight = new int[m];
    for (int t = 0; t < m; t++) {
      byWeight[t] = boxed[t];
    }
    return improve(start, w, byWeight);
  }

  /** As {@link #improve(int[], double[])} with the types already sorted by descending weight. */
  int[] improve(int[] start, double[] w, int[] byWeight) {
    int m = types.count();
    int[] c = start.clone();
    int[] count = new int[min.length];
    for (int t = 0; t < m; t++) {
      for (int g : flat[t]) {
        count[g] += c[t];
      }
    }
    int cats = flat.length == 0 ? 0 : flat[0].length;
    while (true) {
      double bestGain = 1e-12;
      int bestA = -1;
      int bestB = -1;
      for (int a = 0; a < m; a++) {
        if (c[a] == 0) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          int b = byWeight[j];
          double gain = w[b] - w[a];
          if (gain <= bestGain) {
            break;
          }
          if (c[b] >= upper[b] || b == a) {
            continue;
          }
          boolean ok = true;
          for (int k = 0; k < cats && ok; k++) {
            int ga = flat[a][k];
            int gb = flat[b][k];
            if (ga != gb && (count[ga] - 1 < min[ga] || count[gb] + 1 > max[gb])) {
              ok = false;
            }
          }
          if (ok) {
            bestGain = gain;
            bestA = a;
            bestB = b;
            break;
          }
        }
      }
      if (bestA < 0) {
        return c;
      }
      c[bestA]--;
      c[bestB]++;
      for (int k = 0; k < cats; k++) {
        count[flat[bestA][k]]--;
        count[flat[bestB][k]]++;
      }
    }
  }
}
