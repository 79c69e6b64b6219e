package pl.krakow.agora.panel.sortition;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a target allocation as a lottery over quota-feasible compositions, or proves that no lottery has it: Wolfe's
 * minimum-norm-point algorithm (P. Wolfe, "Finding the nearest point in a polytope", Math. Programming 11, 1976) for
 * the point of P = conv(compositions) nearest to the target, with a linear optimisation oracle over compositions.
 *
 * <p>Coordinates are per-member probabilities: composition c is the point a_c with a_c[t] = c_t / |t|, the target is
 * p. The algorithm keeps a <em>corral</em> S of affinely independent compositions with convex weights λ and the
 * residual x = Σ λ_i a_i − p. Each major step asks for compositions c with ⟨x, a_c⟩ below ⟨x, x + p⟩ — maximising
 * Σ_t (−x_t / |t|) c_t, so the weights favour the types still below target: first {@link SwapSearch} local search,
 * the exact integer program only when that finds none — adds them to S and moves to the point of least norm in the
 * affine hull of S, dropping compositions whose weight would turn negative (minor steps). Affine minimisation uses a
 * Cholesky factor of 11ᵀ + QᵀQ (Q: the corral's points minus p), updated for each added or dropped composition.
 *
 * <p>Outcomes of {@link #run}: {@link Status#REALISED} when every |x_t| ≤ the tolerance, so the lottery λ gives every
 * type its target probability to within it; {@link Status#SEPARATED} when the exact oracle shows min_c ⟨x, a_c⟩ &gt;
 * ⟨x, p⟩: then p is not achievable, and Σ_t x_t e_t / |t| ≥ {@link #cutBound()} holds for every lottery but not for
 * p; {@link Status#STALLED} at the deadline or on a numerical impasse. In every case {@link #atoms()} with {@link
 * #weights()} is a valid lottery.
 */
final class MinNormDecomposition {

  enum Status { REALISED, SEPARATED, STALLED }

  /**
   * Exact linear optimisation over compositions: maximise Σ_t w_t c_t, starting from {@code hint}. Returns the proven
   * optimum first, then any other compositions met on the way; {@code null} if cut short by a deadline.
   */
  interface Exact {
    List<int[]> best(double[] memberWeight, int[] hint);
  }

  /** Relative size below which a new point counts as affinely dependent on the corral (squared Cholesky pivot). */
  static final double DEPENDENCE = 1e-12;

  /** Affine weights at or below this count as non-positive in the minor steps. */
  static final double WEIGHT_EPS = 1e-14;

  /** Local searches per major step: from the newest corral member and from random others. */
  static final int HEURISTIC_STARTS = 4;

  /** Further local searches, from random corral members, before the integer program is asked. */
  static final int MORE_STARTS = 16;

  /**
   * A major step counts as progress if it lowers ‖x‖² by this fraction; below it, changes are rounding noise (a
   * target on P's boundary can be out of reach by rounding, and the steps then only shuffle the last digits).
   */
  static final double PROGRESS = 1e-7;

  /** The run ends (stalled) when ‖x‖² has not fallen by the fraction {@link #PROGRESS} in this many major steps. */
  static final int PATIENCE = 200;

  /** At most this many improving compositions (the best ones) enter the corral per major step. */
  static final int MAX_ADD = 4;

  /**
   * A composition counts as improving when ⟨x, a_c⟩ is below ⟨x, x + p⟩ by more than this fraction of ‖x‖² (the
   * decrease of ‖x‖ in a major step is at least of that order).
   */
  static final double IMPROVEMENT = 1e-9;

  private final PoolTypes types;
  private final int m;
  private final double[] size;
  private final double[] p;
  private final double pp;
  private final SwapSearch swaps;

  // The corral: compositions, their sparse points a_c, ⟨a_c, p⟩, weights λ, and the Cholesky factor by columns
  // (column j holds rows 0..j).
  private final List<int[]> atoms = new ArrayList<>();
  private final Set<IntBuffer> inCorral = new HashSet<>();
  private final Set<IntBuffer> generated = new HashSet<>();
  private final List<int[]> nzIndex = new ArrayList<>();
  private final List<double[]> nzValue = new ArrayList<>();
  private final List<Double> atomDotP = new ArrayList<>();
  private double[] lambda = new double[0];
  private final List<double[]> cholesky = new ArrayList<>();
  /** R⁻ᵀ 1, kept up to date with the factor (the first half of every affine minimisation). */
  private double[] ones = new double[16];

  private final double[] x;
  private final double[] scratch;
  private double cutBound = Double.NaN;
  private double[] cutCoefficient;
  private int majorSteps;
  private int exactCalls;
  private long heuristicNanos;
  private long algebraNanos;
  private long forwardNanos;
  private long removeNanos;
  private long affineNanos;
  private long refactorNanos;
  private int refactors;
  private long exactNanos;
  private final java.util.SplittableRandom rng = new java.util.SplittableRandom(20210804L);

  /** Starts from the lottery that always picks {@code start}. */
  MinNormDecomposition(PoolTypes types, double[] target, int[] start) {
    this.types = types;
    this.m = types.count();
    this.size = new double[m];
    this.p = target.clone();
    double s = 0;
    for (int t = 0; t < m; t++) {
      size[t] = types.size(t);
      s += p[t] * p[t];
    }
    this.pp = s;
    this.swaps = new SwapSearch(types);
    this.x = new double[m];
    this.scratch = new double[m];
    double[] g = gramColumn(start);
    append(start.clone(), new double[] {Math.sqrt(g[0])});
    lambda = new double[] {1};
    computeResidual();
  }

  /** Compositions of the current lottery (the corral), with their probabilities {@link #weights()}. */
  List<int[]> atoms() {
    return atoms;
  }

  double[] weights() {
    return lambda.clone();
  }

  /** Largest |probability of type t in the current lottery − target|. */
  double maxDeviation() {
    double d = 0;
    for (double v : x) {
      d = Math.max(d, Math.abs(v));
    }
    return d;
  }

  /** Every composition that entered the corral at some point. */
  Set<IntBuffer> generated() {
    return generated;
  }

  int majorSteps() {
    return majorSteps;
  }

  int exactCalls() {
    return exactCalls;
  }

  String timing() {
    return String.format(java.util.Locale.ROOT,
        "heuristic %.2fs algebra %.2fs (forward substitution %.2fs, removals %.2fs, affine minimiser %.2fs, %d"
            + " refactors %.2fs) exact %.2fs (%d calls)", heuristicNanos / 1e9, algebraNanos / 1e9, forwardNanos / 1e9,
        removeNanos / 1e9, affineNanos / 1e9, refactors, refactorNanos / 1e9, exactNanos / 1e9, exactCalls);
  }

  /** After {@link Status#SEPARATED}: Σ_t cutCoefficient[t] · e_t / |t| ≥ cutBound() for every lottery. */
  double cutBound() {
    return cutBound;
  }

  double[] cutCoefficient() {
    return cutCoefficient.clone();
  }

  /**
   * Runs until every |x_t| ≤ {@code tolerance}, a separating inequality is found, or {@code deadlineNanos}.
   * {@code exact} may be {@code null} (local search only: then the outcome is REALISED or STALLED).
   */
  Status run(double tolerance, Exact exact, long deadlineNanos) {
    double[] w = new double[m];
    int[] byWeight = new int[m];
    // Steps in a row without progress: the first is answered by recomputing the factor, the second by the integer
    // program, the third ends the run.
    int idle = 0;
    double best = Double.POSITIVE_INFINITY;
    int bestStep = 0;
    while (true) {
      if (maxDeviation() <= tolerance) {
        return Status.REALISED;
      }
      if (System.nanoTime() - deadlineNanos > 0) {
        return Status.STALLED;
      }
      majorSteps++;
      for (int t = 0; t < m; t++) {
        w[t] = -x[t] / size[t];
      }
      double norm2 = dot(x, x);
      if (norm2 < best * (1 - PROGRESS)) {
        best = norm2;
        bestStep = majorSteps;
      } else if (majorSteps - bestStep > PATIENCE) {
        return Status.STALLED;
      }
      double xp = dot(x, p);
      // A composition improves iff ⟨x, a_c⟩ < ⟨x, X⟩ = ‖x‖² + ⟨x, p⟩ (X = x + p, the current point).
      double threshold = norm2 + xp - IMPROVEMENT * norm2;
      long t0 = System.nanoTime();
      List<int[]> candidates = idle >= 2 ? new ArrayList<>() : heuristic(w, byWeight, threshold, HEURISTIC_STARTS, true);
      if (candidates.isEmpty() && idle < 2) {
        candidates = heuristic(w, byWeight, threshold, MORE_STARTS, false);
      }
      heuristicNanos += System.nanoTime() - t0;
      if (candidates.isEmpty() && exact != null) {
        t0 = System.nanoTime();
        exactCalls++;
        List<int[]> found = exact.best(w, atoms.get(atoms.size() - 1));
        exactNanos += System.nanoTime() - t0;
        if (found == null || found.isEmpty()) {
          return Status.STALLED;
        }
        int[] c = found.get(0);
        double value = dotA(c, x);
        double slack = roundingSlack(w);
        if (value - slack > xp + 1e-12 * (Math.abs(xp) + norm2)) {
          // Every composition has ⟨x, a_c⟩ > ⟨x, p⟩, so every lottery does: p is outside P.
          cutCoefficient = x.clone();
          cutBound = value - slack;
          return Status.SEPARATED;
        }
        for (int[] o : found) {
          if (dotA(o, x) < threshold && !inCorral.contains(IntBuffer.wrap(o))) {
            candidates.add(o);
          }
        }
      }
      if (candidates.isEmpty()) {
        return Status.STALLED;
      }
      t0 = System.nanoTime();
      if (candidates.size() > MAX_ADD) {
        candidates = new ArrayList<>(candidates.subList(0, MAX_ADD));
      }
      boolean progress = addAll(candidates, norm2);
      algebraNanos += System.nanoTime() - t0;
      if (progress) {
        idle = 0;
      } else if (++idle == 1) {
        // Rounding in the updated factor: recompute it from scratch.
        t0 = System.nanoTime();
        refactor();
        algebraNanos += System.nanoTime() - t0;
      } else if (idle > 2 || exact == null) {
        return Status.STALLED;
      }
    }
  }

  /**
   * Twice k times the weight rounding error of {@link TypeCompositionSearch}, which rounds weights scaled to a largest
   * magnitude of 1 to multiples of 1 / {@link TypeCompositionSearch#WEIGHT_SCALE}.
   */
  private double roundingSlack(double[] w) {
    double max = 0;
    for (double v : w) {
      max = Math.max(max, Math.abs(v));
    }
    return 2.0 * types.instance.panelSize() * max / TypeCompositionSearch.WEIGHT_SCALE;
  }

  /** Local optima from a few corral members that improve (distinct, not yet in the corral), best first. */
  private List<int[]> heuristic(double[] w, int[] byWeight, double threshold, int starts, boolean sort) {
    if (sort) {
      Integer[] boxed = new Integer[m];
      for (int t = 0; t < m; t++) {
        boxed[t] = t;
      }
      Arrays.sort(boxed, (a, b) -> Double.compare(w[b], w[a]));
      for (int t = 0; t < m; t++) {
        byWeight[t] = boxed[t];
      }
    }
    int r = atoms.size();
    int[] from = new int[starts];
    for (int s = 0; s < starts; s++) {
      from[s] = s == 0 && sort ? r - 1 : rng.nextInt(r);
    }
    // The local searches are independent: on up to PARALLELISM threads, results by start index (deterministic).
    int[][] result = new int[starts][];
    parallel(starts, s -> result[s] = swaps.improve(atoms.get(from[s]), w, byWeight));
    List<int[]> found = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    Set<IntBuffer> seen = new HashSet<>();
    for (int s = 0; s < starts; s++) {
      int[] c = result[s];
      double v = dotA(c, x);
      if (v < threshold && !inCorral.contains(IntBuffer.wrap(c)) && seen.add(IntBuffer.wrap(c))) {
        int at = 0;
        while (at < values.size() && values.get(at) <= v) {
          at++;
        }
        found.add(at, c);
        values.add(at, v);
      }
    }
    return found;
  }

  /**
   * Adds the candidates to the corral (skipping any affinely dependent on it) and re-optimises the weights. Returns
   * whether ‖x‖² fell below {@code norm2}.
   */
  private boolean addAll(List<int[]> candidates, double norm2) {
    int before = atoms.size();
    int b = candidates.size();
    // Against the current factor: Gram column g and ρ = R⁻ᵀ g[0..r-1] of each candidate.
    double[][] gram = new double[b][];
    double[][] rho = new double[b][];
    long t0 = System.nanoTime();
    double[] dense = scratch;
    for (int j = 0; j < b; j++) {
      gram[j] = gramColumn(candidates.get(j), dense);
      rho[j] = new double[before];
    }
    // Candidates in pairs, a pair per thread: the two dot products of a pair in one loop (eight independent partial
    // sums instead of four), since a single dot product is bound by the latency of its additions, not by the reads.
    parallel((b + 1) / 2, pair -> {
      int j = 2 * pair;
      if (j + 1 < b) {
        forwardPair(rho[j], gram[j], rho[j + 1], gram[j + 1], before);
      } else {
        double[] col = rho[j];
        double[] g = gram[j];
        for (int i = 0; i < before; i++) {
          double[] ci = cholesky.get(i);
          col[i] = (g[i] - dot(ci, col, i)) / ci[i];
        }
      }
    });
    forwardNanos += System.nanoTime() - t0;
    // Then in order: extend ρ by the rows of the candidates appended before it, and append if independent.
    List<Integer> appended = new ArrayList<>();
    for (int j = 0; j < b; j++) {
      int[] c = candidates.get(j);
      int r = atoms.size();
      double[] col = Arrays.copyOf(rho[j], r + 1);
      for (int k = 0; k < appended.size(); k++) {
        int i = before + k;
        double[] ci = cholesky.get(i);
        col[i] = (gramBetween(candidates.get(appended.get(k)), c) - dot(ci, col, i)) / ci[i];
      }
      double s = 0;
      for (int i = 0; i < r; i++) {
        s += col[i] * col[i];
      }
      double gc = gram[j][before];
      double pivot2 = gc - s;
      if (pivot2 > DEPENDENCE * gc) {
        col[r] = Math.sqrt(pivot2);
        append(c, col);
        lambda = Arrays.copyOf(lambda, r + 1);
        appended.add(j);
      }
    }
    if (atoms.size() == before) {
      return false;
    }
    minorSteps();
    computeResidual();
    return dot(x, x) < norm2 * (1 - PROGRESS);
  }

  /**
   * Two forward substitutions R^T a = ga, R^T b = gb (first n rows) in one pass; the arithmetic of each is exactly
   * that of {@link #dot(double[], double[], int)}, so each result is the same to the last bit as on its own.
   */
  private void forwardPair(double[] a, double[] ga, double[] b, double[] gb, int n) {
    for (int i = 0; i < n; i++) {
      double[] ci = cholesky.get(i);
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      double b0 = 0;
      double b1 = 0;
      double b2 = 0;
      double b3 = 0;
      int l = 0;
      for (; l + 3 < i; l += 4) {
        double r0 = ci[l];
        double r1 = ci[l + 1];
        double r2 = ci[l + 2];
        double r3 = ci[l + 3];
        a0 += r0 * a[l];
        a1 += r1 * a[l + 1];
        a2 += r2 * a[l + 2];
        a3 += r3 * a[l + 3];
        b0 += r0 * b[l];
        b1 += r1 * b[l + 1];
        b2 += r2 * b[l + 2];
        b3 += r3 * b[l + 3];
      }
      for (; l < i; l++) {
        a0 += ci[l] * a[l];
        b0 += ci[l] * b[l];
      }
      double pivot = ci[i];
      a[i] = (ga[i] - ((a0 + a1) + (a2 + a3))) / pivot;
      b[i] = (gb[i] - ((b0 + b1) + (b2 + b3))) / pivot;
    }
  }

  /** 1 + ⟨q_c, q_d⟩ for two compositions. */
  private double gramBetween(int[] c, int[] d) {
    double cd = 0;
    double cp = 0;
    double dp = 0;
    for (int t = 0; t < m; t++) {
      double ac = c[t] / size[t];
      double ad = d[t] / size[t];
      cd += ac * ad;
      cp += ac * p[t];
      dp += ad * p[t];
    }
    return 1 + cd - cp - dp + pp;
  }

  /**
   * Threads for the independent parts of a major step (local searches, new factor columns): the machine's processors,
   * at most 2, so that the run stays light on a shared machine. Results never depend on it.
   */
  static final int PARALLELISM = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  private static volatile java.util.concurrent.ForkJoinPool pool;

  /** Runs task(0..n-1), on {@link #PARALLELISM} threads when there is more than one task. */
  private static void parallel(int n, java.util.function.IntConsumer task) {
    if (PARALLELISM == 1 || n <= 1) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    if (pool == null) {
      synchronized (MinNormDecomposition.class) {
        if (pool == null) {
          pool = new java.util.concurrent.ForkJoinPool(PARALLELISM);
        }
      }
    }
    try {
      pool.submit(() -> java.util.stream.IntStream.range(0, n).parallel().forEach(task)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Moves λ to the affine minimiser of the corral, dropping members on the way as Wolfe's minor cycle does. */
  private void minorSteps() {
    while (true) {
      double[] mu = affineMinimiser();
      int n = mu.length;
      double theta = 1;
      boolean allPositive = true;
      double[] hit = new double[n];
      for (int i = 0; i < n; i++) {
        if (mu[i] <= WEIGHT_EPS) {
          allPositive = false;
          hit[i] = lambda[i] - mu[i] > 0 ? Math.min(1, lambda[i] / (lambda[i] - mu[i])) : 0;
          theta = Math.min(theta, hit[i]);
        }
      }
      if (allPositive) {
        lambda = mu;
        return;
      }
      // Step towards μ until the first weight reaches zero; drop the members that block (weight ≤ 0 at the step).
      // At least the one defining θ is dropped, so the minor steps end.
      double[] next = new double[n];
      boolean[] blocking = new boolean[n];
      for (int i = 0; i < n; i++) {
        next[i] = (1 - theta) * lambda[i] + theta * mu[i];
        if (mu[i] <= WEIGHT_EPS && hit[i] <= theta) {
          next[i] = 0;
          blocking[i] = true;
        }
      }
      lambda = next;
      for (int i = n - 1; i >= 0; i--) {
        if (blocking[i] || lambda[i] < 0) {
          remove(i);
        }
      }
      double s = 0;
      for (double v : lambda) {
        s += v;
      }
      for (int i = 0; i < lambda.length; i++) {
        lambda[i] /= s;
      }
    }
  }

  /** μ minimising ‖Σ μ_i q_i‖ subject to Σ μ_i = 1: solve RᵀR u = 1 and scale u to sum 1. */
  private double[] affineMinimiser() {
    long t0 = System.nanoTime();
    int r = atoms.size();
    double[] v = Arrays.copyOf(ones, r);
    // Back substitution by columns (contiguous): u_i = v_i / R_ii, then v_l −= R_li u_i for l < i.
    for (int i = r - 1; i >= 0; i--) {
      double[] ci = cholesky.get(i);
      double ui = v[i] / ci[i];
      v[i] = ui;
      for (int l = 0; l < i; l++) {
        v[l] -= ci[l] * ui;
      }
    }
    double sum = 0;
    for (double val : v) {
      sum += val;
    }
    for (int i = 0; i < r; i++) {
      v[i] /= sum;
    }
    affineNanos += System.nanoTime() - t0;
    return v;
  }

  /**
   * Recomputes the factor from the corral's Gram matrix, dropping members that turn out numerically dependent. False
   * if any was dropped.
   */
  private boolean refactor() {
    long t0 = System.nanoTime();
    refactors++;
    List<int[]> old = new ArrayList<>(atoms);
    double[] oldLambda = lambda.clone();
    atoms.clear();
    inCorral.clear();
    nzIndex.clear();
    nzValue.clear();
    atomDotP.clear();
    cholesky.clear();
    List<Double> kept = new ArrayList<>();
    for (int i = 0; i < old.size(); i++) {
      int[] c = old.get(i);
      double[] g = gramColumn(c);
      int r = atoms.size();
      double[] col = new double[r + 1];
      double s = 0;
      for (int a = 0; a < r; a++) {
        double[] ca = cholesky.get(a);
        col[a] = (g[a] - dot(ca, col, a)) / ca[a];
        s += col[a] * col[a];
      }
      double pivot2 = g[r] - s;
      if (pivot2 > DEPENDENCE * g[r]) {
        col[r] = Math.sqrt(pivot2);
        append(c, col);
        kept.add(oldLambda[i]);
      }
    }
    lambda = kept.stream().mapToDouble(Double::doubleValue).toArray();
    double s = 0;
    for (double v : lambda) {
      s += v;
    }
    for (int i = 0; i < lambda.length; i++) {
      lambda[i] /= s;
    }
    computeResidual();
    refactorNanos += System.nanoTime() - t0;
    return atoms.size() == old.size();
  }

  /** Removes corral member d and restores the triangular factor with Givens rotations. */
  private void remove(int d) {
    int r = atoms.size();
    inCorral.remove(IntBuffer.wrap(atoms.get(d)));
    atoms.remove(d);
    nzIndex.remove(d);
    nzValue.remove(d);
    atomDotP.remove(d);
    cholesky.remove(d);
    double[] nl = new double[r - 1];
    for (int i = 0, j = 0; i < r; i++) {
      if (i != d) {
        nl[j++] = lambda[i];
      }
    }
    lambda = nl;
    // Columns d..r-2 (new numbering) have one entry below the diagonal, in row j + 1. Rotation i (rows i and i + 1)
    // zeroes it in column i; column j needs rotations d..j-1 and then its own, applied column by column (contiguous
    // memory). Entries below a column's diagonal are left in place and never read again.
    //
    // In one column the rotations form a chain (each reads the entry the previous one wrote), so a column alone runs
    // at the latency of that chain; four columns at a time interleave four independent chains. Blocks of four: the
    // rotations d..j-1, all known, to the four columns together, then the rest of the block in order. The arithmetic
    // of every column is the same as one column at a time, to the last bit.
    long t0 = System.nanoTime();
    int n = r - 1;
    double[] cos = new double[n];
    double[] sin = new double[n];
    int j = d;
    for (; j + 3 < n; j += 4) {
      double[] c0 = cholesky.get(j);
      double[] c1 = cholesky.get(j + 1);
      double[] c2 = cholesky.get(j + 2);
      double[] c3 = cholesky.get(j + 3);
      double u0 = c0[d];
      double u1 = c1[d];
      double u2 = c2[d];
      double u3 = c3[d];
      for (int i = d; i < j; i++) {
        double cs = cos[i];
        double sn = sin[i];
        double v0 = c0[i + 1];
        double v1 = c1[i + 1];
        double v2 = c2[i + 1];
        double v3 = c3[i + 1];
        c0[i] = cs * u0 + sn * v0;
        c1[i] = cs * u1 + sn * v1;
        c2[i] = cs * u2 + sn * v2;
        c3[i] = cs * u3 + sn * v3;
        u0 = -sn * u0 + cs * v0;
        u1 = -sn * u1 + cs * v1;
        u2 = -sn * u2 + cs * v2;
        u3 = -sn * u3 + cs * v3;
      }
      c0[j] = u0;
      c1[j] = u1;
      c2[j] = u2;
      c3[j] = u3;
      for (int jj = j; jj < j + 4; jj++) {
        rotateFrom(cholesky.get(jj), j, jj, cos, sin);
      }
    }
    for (; j < n; j++) {
      rotateFrom(cholesky.get(j), d, j, cos, sin);
    }
    removeNanos += System.nanoTime() - t0;
    // R⁻ᵀ 1 with the column removed is the same rotations applied to the old one, less its last entry.
    for (int i = d; i < n; i++) {
      double u = ones[i];
      double v = ones[i + 1];
      ones[i] = cos[i] * u + sin[i] * v;
      ones[i + 1] = -sin[i] * u + cos[i] * v;
    }
  }

  /**
   * Column j of the factor during a removal: applies rotations from..j-1 (rows i, i + 1), then computes rotation j
   * that zeroes its entry in row j + 1.
   */
  private static void rotateFrom(double[] cj, int from, int j, double[] cos, double[] sin) {
    for (int i = from; i < j; i++) {
      double u = cj[i];
      double v = cj[i + 1];
      cj[i] = cos[i] * u + sin[i] * v;
      cj[i + 1] = -sin[i] * u + cos[i] * v;
    }
    double a = cj[j];
    double b = cj[j + 1];
    double h = Math.hypot(a, b);
    cos[j] = a / h;
    sin[j] = b / h;
    cj[j] = h;
    cj[j + 1] = 0;
  }

  private void append(int[] c, double[] factorColumn) {
    atoms.add(c);
    inCorral.add(IntBuffer.wrap(c));
    generated.add(IntBuffer.wrap(c));
    int nz = 0;
    for (int v : c) {
      if (v != 0) {
        nz++;
      }
    }
    int[] idx = new int[nz];
    double[] val = new double[nz];
    double dp = 0;
    for (int t = 0, j = 0; t < m; t++) {
      if (c[t] != 0) {
        idx[j] = t;
        val[j] = c[t] / size[t];
        dp += val[j] * p[t];
        j++;
      }
    }
    nzIndex.add(idx);
    nzValue.add(val);
    atomDotP.add(dp);
    int r = cholesky.size();
    if (ones.length <= r) {
      ones = Arrays.copyOf(ones, 2 * r + 1);
    }
    ones[r] = (1 - dot(factorColumn, ones, r)) / factorColumn[r];
    cholesky.add(factorColumn);
  }

  /** g_i = 1 + ⟨q_i, q_c⟩ for the corral members i, and g_r = 1 + ⟨q_c, q_c⟩ (q = a − p). */
  private double[] gramColumn(int[] c) {
    return gramColumn(c, scratch);
  }

  private double[] gramColumn(int[] c, double[] scratch) {
    int r = atoms.size();
    double[] g = new double[r + 1];
    double cp = 0;
    double cc = 0;
    for (int t = 0; t < m; t++) {
      scratch[t] = c[t] / size[t];
      cp += scratch[t] * p[t];
      cc += scratch[t] * scratch[t];
    }
    for (int i = 0; i < r; i++) {
      int[] idx = nzIndex.get(i);
      double[] val = nzValue.get(i);
      double s = 0;
      for (int j = 0; j < idx.length; j++) {
        s += val[j] * scratch[idx[j]];
      }
      g[i] = 1 + s - atomDotP.get(i) - cp + pp;
    }
    g[r] = 1 + cc - 2 * cp + pp;
    return g;
  }

  private void computeResidual() {
    for (int t = 0; t < m; t++) {
      x[t] = -p[t];
    }
    for (int i = 0; i < atoms.size(); i++) {
      int[] idx = nzIndex.get(i);
      double[] val = nzValue.get(i);
      double l = lambda[i];
      for (int j = 0; j < idx.length; j++) {
        x[idx[j]] += l * val[j];
      }
    }
  }

  private double dotA(int[] c, double[] v) {
    double s = 0;
    for (int t = 0; t < m; t++) {
      if (c[t] != 0) {
        s += v[t] * c[t] / size[t];
      }
    }
    return s;
  }

  /** Σ_{j < n} a[j] b[j] with four partial sums (instruction-level parallelism). */
  private static double dot(double[] a, double[] b, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += a[j] * b[j];
      s1 += a[j + 1] * b[j + 1];
      s2 += a[j + 2] * b[j + 2];
      s3 += a[j + 3] * b[j + 3];
    }
    for (; j < n; j++) {
      s0 += a[j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
