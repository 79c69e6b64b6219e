package pl.krakow.agora.panel.sortition;

/**
 * Heuristic pricing: from a known feasible composition, repeatedly replace one member of type a by one of type b
 * (for each a the best b that keeps every quota, see {@link #sweepPlain}) while that raises Σ_t w_t c_t. It finds improving columns in
 * microseconds where the integer program takes a tenth of a second; the integer program is still run whenever the
 * heuristic finds nothing, so the optimality proof of each stage is exact.
 */
final class SwapSearch {

  private final PoolTypes types;
  private final int[][] flat; // flat[t][c] = flat feature index of type t in category c
  private final int[] min;
  private final int[] max;
  private final int[] upper;
  /** Feature set of each type as a bit mask over the flat feature indices; null if there are more than 64. */
  private final long[] masks;
  /** First flat feature index and number of features of each category. */
  private final int[] offset;
  private final int[] featureCount;
  /** Mixed-radix code of a feature vector: Σ_c feature_c · stride_c. */
  private final int[] stride;
  /** {@code typeOfCode[code]}: the type with that feature vector, or −1; null if the code space is too large. */
  private final int[] typeOfCode;

  SwapSearch(PoolTypes types) {
    this(types, true);
  }

  /** With {@code fast} false: the plain scan only (no bit masks, no lookup table), as a reference in tests. */
  SwapSearch(PoolTypes types, boolean fast) {
    this.types = types;
    SortitionInstance inst = types.instance;
    int cats = inst.categories().size();
    offset = new int[cats];
    featureCount = new int[cats];
    stride = new int[cats];
    int total = 0;
    long codes = 1;
    for (int c = 0; c < cats; c++) {
      offset[c] = total;
      featureCount[c] = inst.categories().get(c).features().size();
      total += featureCount[c];
      stride[c] = (int) Math.min(codes, Integer.MAX_VALUE);
      codes *= featureCount[c];
      codes = Math.min(codes, Long.MAX_VALUE / 64);
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
    int[] table = null;
    if (fast && codes <= CODE_SPACE) {
      // Only when each feature vector is one type (not so for the per-person singletons, where equal vectors recur).
      table = new int[(int) codes];
      java.util.Arrays.fill(table, -1);
      for (int t = 0; t < types.count() && table != null; t++) {
        int code = 0;
        for (int c = 0; c < cats; c++) {
          code += types.features[t][c] * stride[c];
        }
        if (table[code] >= 0) {
          table = null;
        } else {
          table[code] = t;
        }
      }
    }
    typeOfCode = table;
    if (fast && total <= 64) {
      masks = new long[types.count()];
      for (int t = 0; t < types.count(); t++) {
        for (int g : flat[t]) {
          masks[t] |= 1L << g;
        }
      }
    } else {
      masks = null;
    }
  }

  /**
   * Local optimum reached from {@code start} (not modified): no single swap of one member for another raises the
   * weight. Types are scanned in descending weight, so for each type a leaving the panel the first admissible entering
   * type b is its best swap.
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

  /**
   * As {@link #improve(int[], double[])} with the types already sorted by descending weight.
   */
  int[] improve(int[] start, double[] w, int[] byWeight) {
    if (masks != null) {
      return improveMasked(start, w, byWeight);
    }
    int m = types.count();
    int[] c = start.clone();
    int[] count = new int[min.length];
    for (int t = 0; t < m; t++) {
      for (int g : flat[t]) {
        count[g] += c[t];
      }
    }
    int cats = flat.length == 0 ? 0 : flat[0].length;
    return sweepPlain(c, count, w, byWeight, cats);
  }

  /** Largest number of feature vectors for the code table (4 M ints). */
  static final long CODE_SPACE = 1 << 22;

  /**
   * For a leaving type whose admissible entering types span at most this many feature vectors, those are enumerated
   * instead of scanning all types by weight.
   */
  static final int ENUMERATION_LIMIT = 256;

  /**
   * The same search with feature sets as bit masks (at most 64 features in all): swapping a for b keeps every quota
   * iff each feature b has and a lacks is below its maximum and each feature a has and b lacks is above its minimum.
   * So in each category b has a's feature, or (if a's feature is above its minimum) any feature below its maximum:
   * when these choices span few feature vectors they are looked up directly; the best admissible b is the same
   * (largest weight, ties by position in {@code byWeight}) either way.
   */
  private int[] improveMasked(int[] start, double[] w, int[] byWeight) {
    int m = types.count();
    int cats = offset.length;
    int[] c = start.clone();
    int[] count = new int[min.length];
    for (int t = 0; t < m; t++) {
      for (int g : flat[t]) {
        count[g] += c[t];
      }
    }
    int[] rank = null;
    int[][] allowed = null;
    int[] allowedCount = null;
    int[] odometer = null;
    if (typeOfCode != null) {
      rank = new int[m];
      for (int j = 0; j < m; j++) {
        rank[byWeight[j]] = j;
      }
      int widest = 0;
      for (int k : featureCount) {
        widest = Math.max(widest, k);
      }
      allowed = new int[cats][widest];
      allowedCount = new int[cats];
      odometer = new int[cats];
    }
    long addable = 0;
    long removable = 0;
    for (int g = 0; g < count.length; g++) {
      if (count[g] < max[g]) {
        addable |= 1L << g;
      }
      if (count[g] > min[g]) {
        removable |= 1L << g;
      }
    }
    return sweepMasked(c, count, w, byWeight, rank, allowed, allowedCount, odometer, addable, removable);
  }

  /** Smallest gain of a swap that counts as an improvement. */
  static final double MIN_GAIN = 1e-12;

  /**
   * Sweeps (plain scan): leaving types from the lowest weight up; each one is swapped for its best admissible entering
   * type (largest weight, ties by position in {@code byWeight}) as long as that gains, counts updated at once; sweeps
   * repeat until one makes no swap. The end point is a local optimum like best-improvement's, reached with one scan
   * of entering types per swap instead of one per leaving type (best-improvement, which scanned every leaving type
   * for each swap, spent 3.5 times the CPU in local search on the 2,000-volunteer bench pool, for a decomposition
   * needing 14 % fewer major steps).
   */
  private int[] sweepPlain(int[] c, int[] count, double[] w, int[] byWeight, int cats) {
    int m = byWeight.length;
    boolean swapped = true;
    while (swapped) {
      swapped = false;
      for (int i = m - 1; i >= 0; i--) {
        int a = byWeight[i];
        while (c[a] > 0) {
          int best = -1;
          for (int j = 0; j < m; j++) {
            int b = byWeight[j];
            if (w[b] - w[a] <= MIN_GAIN) {
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
              best = b;
              break;
            }
          }
          if (best < 0) {
            break;
          }
          c[a]--;
          c[best]++;
          for (int k = 0; k < cats; k++) {
            count[flat[a][k]]--;
            count[flat[best][k]]++;
          }
          swapped = true;
        }
      }
    }
    return c;
  }

  /** {@link #sweepPlain} with bit masks and, where the admissible feature vectors are few, their direct lookup. */
  private int[] sweepMasked(int[] c, int[] count, double[] w, int[] byWeight, int[] rank, int[][] allowed,
      int[] allowedCount, int[] odometer, long addable, long removable) {
    int m = byWeight.length;
    int cats = offset.length;
    boolean swapped = true;
    while (swapped) {
      swapped = false;
      for (int i = m - 1; i >= 0; i--) {
        int a = byWeight[i];
        while (c[a] > 0) {
          double wa = w[a];
          if (w[byWeight[0]] - wa <= MIN_GAIN) {
            break;
          }
          int best = -1;
          long span = ENUMERATION_LIMIT + 1;
          if (typeOfCode != null) {
            span = 1;
            for (int k = 0; k < cats && span <= ENUMERATION_LIMIT; k++) {
              int ga = flat[a][k];
              int n = 0;
              allowed[k][n++] = ga - offset[k];
              if (count[ga] > min[ga]) {
                for (int f = 0; f < featureCount[k]; f++) {
                  int g = offset[k] + f;
                  if (g != ga && count[g] < max[g]) {
                    allowed[k][n++] = f;
                  }
                }
              }
              allowedCount[k] = n;
              span *= n;
            }
          }
          if (span <= ENUMERATION_LIMIT) {
            int b = bestAdmissible(a, c, w, rank, allowed, allowedCount, odometer, (int) span);
            if (b >= 0 && w[b] - wa > MIN_GAIN) {
              best = b;
            }
          } else {
            long ma = masks[a];
            long notRemovable = ma & ~removable;
            for (int j = 0; j < m; j++) {
              int b = byWeight[j];
              if (w[b] - wa <= MIN_GAIN) {
                break;
              }
              long mb = masks[b];
              if (((mb & ~ma) & ~addable) != 0 || (notRemovable & ~mb) != 0 || c[b] >= upper[b] || b == a) {
                continue;
              }
              best = b;
              break;
            }
          }
          if (best < 0) {
            break;
          }
          c[a]--;
          c[best]++;
          for (int g : flat[a]) {
            count[g]--;
          }
          for (int g : flat[best]) {
            count[g]++;
          }
          for (int g : flat[a]) {
            addable = count[g] < max[g] ? addable | 1L << g : addable & ~(1L << g);
            removable = count[g] > min[g] ? removable | 1L << g : removable & ~(1L << g);
          }
          for (int g : flat[best]) {
            addable = count[g] < max[g] ? addable | 1L << g : addable & ~(1L << g);
            removable = count[g] > min[g] ? removable | 1L << g : removable & ~(1L << g);
          }
          swapped = true;
        }
      }
    }
    return c;
  }

  /**
   * Among the types whose feature vectors lie in the product of the {@code allowed} choices: the one of largest
   * weight (ties: smallest rank) that is not a and not yet exhausted in the panel; −1 if none.
   */
  private int bestAdmissible(int a, int[] c, double[] w, int[] rank, int[][] allowed, int[] allowedCount,
      int[] odometer, int span) {
    int cats = offset.length;
    int code = 0;
    for (int k = 0; k < cats; k++) {
      odometer[k] = 0;
      code += allowed[k][0] * stride[k];
    }
    int best = -1;
    for (int v = 0; v < span; v++) {
      int t = typeOfCode[code];
      if (t >= 0 && t != a && c[t] < upper[t]
          && (best < 0 || w[t] > w[best] || w[t] == w[best] && rank[t] < rank[best])) {
        best = t;
      }
      for (int k = 0; k < cats; k++) {
        int[] ak = allowed[k];
        if (++odometer[k] < allowedCount[k]) {
          code += (ak[odometer[k]] - ak[odometer[k] - 1]) * stride[k];
          break;
        }
        code -= (ak[allowedCount[k] - 1] - ak[0]) * stride[k];
        odometer[k] = 0;
      }
    }
    return best;
  }
}
