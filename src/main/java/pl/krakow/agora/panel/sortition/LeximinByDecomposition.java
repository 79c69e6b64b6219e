package pl.krakow.agora.panel.sortition;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * LEXIMIN by relaxation and decomposition: compute the leximin allocation of a polyhedral relaxation R of the
 * achievable expected type counts with small LPs ({@link RelaxedLeximin}), then write it as a lottery over panels
 * ({@link MinNormDecomposition}). If it cannot be written so, the decomposition yields a valid inequality of the
 * achievable set that the allocation violates; it is added to R and the two steps repeat.
 *
 * <p>Why this is LEXIMIN: every lottery's allocation lies in R, so R's leximin allocation is lexicographically at
 * least as good as any lottery's; a lottery that realises it is therefore a LEXIMIN lottery (the LEXIMIN allocation
 * is unique). Each cut is valid for every lottery, so R stays a relaxation. Compared with column generation on a
 * master LP per stage (the paper's method), the LPs here have one variable per type and no columns, and the panels
 * are found once, for the final allocation, by local search; the integer program is needed only when local search
 * finds no improving panel.
 *
 * <p>Numeric tolerances (all absolute, in selection probability unless said otherwise):
 *
 * <ul>
 *   <li>Relaxation LPs ({@link RelaxedLeximin}): GLOP's default primal and dual feasibility tolerances, 1e-8 on the
 *       rows (expected counts), so a stage value is exact to about 1e-8 / |t|. A type is fixed at a stage when its
 *       dual value exceeds {@link RelaxedLeximin#FIX_THRESHOLD} = 1e-7 of the dual sum (far above GLOP's noise, so
 *       no type is frozen below its leximin value on noise). Should rounding make the fixed values jointly infeasible,
 *       they are lowered by {@link RelaxedLeximin#FIRST_RELAXATION} = 1e-11, tenfold per repeat, about 1e-6 in all at
 *       most.
 *   <li>Decomposition ({@link MinNormDecomposition}): the lottery counts as realising the target when every type's
 *       probability is within {@link #TOLERANCE} = 1e-9 of it, checked on the lottery itself (residual recomputed
 *       from the compositions and weights, not from the factorisation); {@link #ACCEPTABLE} = 1e-7 where floating
 *       point stalls the steps first. A composition c counts as improving the residual x only if ⟨x, a_c⟩ is below ⟨x, x +
 *       target⟩ by more than {@link MinNormDecomposition#IMPROVEMENT} = 1e-9 · ‖x‖².
 *   <li>Cuts: the integer program's weights are rounded to multiples of 2^-30 of the largest
 *       ({@link TypeCompositionSearch#WEIGHT_SCALE}); the cut's bound is lowered by 2k times that rounding error, so
 *       it stays valid for every panel. Cut coefficients below {@link RelaxedLeximin#CUT_ZERO} = 1e-9 of the largest
 *       are dropped with the bound lowered accordingly.
 *   <li>Final lottery: weights at or below {@link #SUPPORT_THRESHOLD} = 1e-12 are dropped and the rest renormalised
 *       (changes any probability by at most about #compositions · 1e-12).
 * </ul>
 *
 * So on convergence every respondent's probability is within about 1e-8 of the exact LEXIMIN value of her type (the
 * published example_small_20 asks 1e-4); the probabilities sum to k up to rounding (every composition has k members
 * and the weights sum to 1). The result is marked converged only if the decomposition realised the target and the
 * covering of types was complete.
 */
final class LeximinByDecomposition {

  /** Largest deviation (absolute probability) of any type from its LEXIMIN target in a converged lottery. */
  static final double TOLERANCE = 1e-9;

  /**
   * A decomposition that stops making progress (at the limit of floating point) still counts as converged if no type
   * is further than this from its target.
   */
  static final double ACCEPTABLE = 1e-7;

  /** More cuts than this hand over to the column generation (no instance so far needed more than one). */
  static final int MAX_CUTS = 100;

  /** Compositions with probability at or below this are dropped from the lottery (then the rest is renormalised). */
  static final double SUPPORT_THRESHOLD = 1e-12;

  /** Local searches in a row that cover no new type before the integer program takes over the covering. */
  static final int COVER_TRIES = 30;

  private static final boolean TRACE = System.getProperty("agora.sortition.trace") != null;

  private LeximinByDecomposition() {}

  /** The covering: compositions containing every type some panel contains, and which types those are. */
  record Covering(List<int[]> columns, boolean[] coverable, boolean complete) {}

  static CompositionDistribution compute(PoolTypes types, CompositionSearch search, long deadlineNanos) {
    long started = System.nanoTime();
    search.deadline(deadlineNanos);
    int m = types.count();
    SwapSearch swaps = new SwapSearch(types);
    Covering covering = cover(types, search, swaps, deadlineNanos);
    if (covering.columns().isEmpty()) {
      throw new SortitionException("panel.sortition.error.quotas-infeasible", types.instance.panelSize(), "-");
    }
    boolean converged = covering.complete();
    boolean[] excluded = new boolean[m];
    for (int t = 0; t < m; t++) {
      excluded[t] = !covering.coverable()[t];
    }
    Set<IntBuffer> generated = new HashSet<>();
    for (int[] c : covering.columns()) {
      generated.add(IntBuffer.wrap(c));
    }
    List<int[]> lottery = covering.columns();
    double[] weights = new double[lottery.size()];
    Arrays.fill(weights, 1.0 / lottery.size());
    int stages = 0;
    int cuts = 0;
    double stageZero = Double.POSITIVE_INFINITY;
    boolean fallback = false;
    MinNormDecomposition.Exact exact = (w, hint) -> {
      double max = 0;
      for (double v : w) {
        max = Math.max(max, Math.abs(v));
      }
      double[] scaled = new double[w.length];
      for (int t = 0; t < w.length; t++) {
        scaled[t] = max > 0 ? w[t] / max : 0;
      }
      List<int[]> found = search.bestAndOthers(scaled, hint);
      return search.timedOut() ? null : found;
    };
    try (var relaxed = new RelaxedLeximin(types, excluded)) {
      relaxed.deadline(deadlineNanos);
      List<int[]> starts = new ArrayList<>(covering.columns());
      while (converged) {
        RelaxedLeximin.Result target = relaxed.solve();
        if (target.stageValues().length > 0 && covering.complete()) {
          stageZero = target.firstStageValue();
        }
        if (!target.complete()) {
          converged = false;
          break;
        }
        stages = target.stageValues().length;
        var decomposition = new MinNormDecomposition(types, target.probability(), nearest(types, starts,
            target.probability()));
        MinNormDecomposition.Status status = decomposition.run(TOLERANCE, exact, deadlineNanos);
        generated.addAll(decomposition.generated());
        lottery = decomposition.atoms();
        weights = decomposition.weights();
        if (TRACE) {
          System.err.printf("types %d stages %d cuts %d: %s, deviation %.2e, corral %d, %d major steps, %s%n", m,
              stages, cuts, status, decomposition.maxDeviation(), lottery.size(), decomposition.majorSteps(),
              decomposition.timing());
        }
        if (status == MinNormDecomposition.Status.REALISED
            || status == MinNormDecomposition.Status.STALLED && System.nanoTime() - deadlineNanos <= 0
                && decomposition.maxDeviation() <= ACCEPTABLE) {
          // Realised, or as close as floating point allows (a target on P's boundary after a cut can lie outside P
          // by the LP's rounding).
          break;
        }
        if (status == MinNormDecomposition.Status.SEPARATED && cuts < MAX_CUTS) {
          relaxed.addCut(decomposition.cutCoefficient(), decomposition.cutBound());
          cuts++;
          starts.addAll(lottery);
          continue;
        }
        // Stalled: at the deadline, or (not seen in practice) a numerical impasse or too many cuts: then the per-stage
        // column generation, which needs no decomposition, computes the lottery.
        if (System.nanoTime() - deadlineNanos > 0) {
          converged = false;
        } else {
          fallback = true;
        }
        break;
      }
    }
    if (fallback) {
      if (TRACE) {
        System.err.println("decomposition stalled: column generation instead");
      }
      return Leximin.columnGeneration(types, search, deadlineNanos);
    }
    if (TRACE) {
      System.err.printf("total %.2fs%n", (System.nanoTime() - started) / 1e9);
    }
    // Weights at rounding level are dropped (the rest renormalised), as the paper's final step does.
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = weights[i] > SUPPORT_THRESHOLD ? weights[i] : 0;
      total += weights[i];
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= total;
    }
    double[] expected = new double[m];
    for (int i = 0; i < lottery.size(); i++) {
      for (int t = 0; t < m; t++) {
        expected[t] += weights[i] * lottery.get(i)[t];
      }
    }
    double reached = Double.POSITIVE_INFINITY;
    for (int t = 0; t < m; t++) {
      if (covering.coverable()[t] || !covering.complete()) {
        reached = Math.min(reached, expected[t] / types.size(t));
      }
    }
    double mean = (double) types.instance.panelSize() / types.instance.n();
    double bound = Math.max(reached, Math.min(stageZero, mean));
    return new CompositionDistribution(types, lottery, weights, generated.size(), stages, converged, reached, bound);
  }

  /** The composition closest (Euclidean, in per-member probabilities) to the target. */
  private static int[] nearest(PoolTypes types, List<int[]> columns, double[] target) {
    int[] best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int[] c : columns) {
      double d = 0;
      for (int t = 0; t < c.length; t++) {
        double v = (double) c[t] / types.size(t) - target[t];
        d += v * v;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  /**
   * Compositions that together contain every type some panel contains. First the integer program's panel with the
   * most types, then local search towards uncovered types, then the integer program again until it proves that no
   * panel contains any type still uncovered (those get probability 0). Cut short by the deadline, the covering is
   * incomplete: types not yet covered are then treated as uncoverable and the result is not converged.
   */
  static Covering cover(PoolTypes types, CompositionSearch search, SwapSearch swaps, long deadlineNanos) {
    int m = types.count();
    boolean[] wanted = new boolean[m];
    Arrays.fill(wanted, true);
    int uncovered = m;
    List<int[]> columns = new ArrayList<>();
    Set<IntBuffer> known = new HashSet<>();
    boolean complete = true;
    var rng = new SplittableRandom(20210804L);
    double[] w = new double[m];
    boolean heuristicDone = false;
    while (uncovered > 0) {
      int[] c = null;
      if (!columns.isEmpty() && !heuristicDone) {
        // Local search: members of uncovered types weigh 1 (a little noise varies the panels), others 0.
        for (int tries = 0; tries < COVER_TRIES && c == null; tries++) {
          for (int t = 0; t < m; t++) {
            w[t] = wanted[t] ? 1 + 0.5 * rng.nextDouble() : 0.01 * rng.nextDouble();
          }
          int[] d = swaps.improve(columns.get(rng.nextInt(columns.size())), w);
          for (int t = 0; t < m && c == null; t++) {
            if (wanted[t] && d[t] > 0) {
              c = d;
            }
          }
        }
        if (c == null) {
          heuristicDone = true;
          continue;
        }
      } else {
        c = search.cover(wanted);
        if (c == null && columns.isEmpty() && search.timedOut()) {
          // A lottery needs one panel: the first is searched for without the deadline.
          search.deadline(Long.MAX_VALUE);
          c = search.cover(wanted);
          search.deadline(deadlineNanos);
          complete = false;
        }
        if (search.timedOut() || System.nanoTime() - deadlineNanos > 0) {
          complete = false;
        }
        if (c == null) {
          break;
        }
        // After an exact step, local search may cover more again.
        heuristicDone = false;
      }
      if (known.add(IntBuffer.wrap(c))) {
        columns.add(c);
      }
      for (int t = 0; t < m; t++) {
        if (wanted[t] && c[t] > 0) {
          wanted[t] = false;
          uncovered--;
        }
      }
      if (!complete || System.nanoTime() - deadlineNanos > 0) {
        complete = uncovered == 0;
        break;
      }
    }
    boolean[] coverable = new boolean[m];
    for (int t = 0; t < m; t++) {
      coverable[t] = !wanted[t];
    }
    if (TRACE) {
      System.err.printf("covering: %d columns, %d types uncoverable%s%n", columns.size(), uncovered,
          complete ? "" : " (cut short)");
    }
    return new Covering(columns, coverable, complete);
  }
}
