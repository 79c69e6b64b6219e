package pl.krakow.agora.panel.sortition;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Pricing over type counts with CP-SAT: integer c_t in [0, |t|], Σ c_t = k, min_f ≤ Σ_{t has f} c_t ≤ max_f.
 *
 * <p>CP-SAT needs integer objective coefficients; per-member weights (dual values, at most 1) are scaled by {@link
 * #WEIGHT_SCALE} and rounded. The rounding loses at most k · 0.5 / WEIGHT_SCALE of objective value (≈1e-8 for k = 20),
 * far below {@link Leximin#PRICING_TOLERANCE}; callers re-evaluate the returned composition in doubles.
 *
 * <p>One search worker, so that the result (and hence the published distribution) is deterministic for a given input
 * and OR-Tools version. The only time limit is the caller's overall deadline ({@link #deadline}): a solve cut short
 * by it reports {@link #timedOut()}, and the caller then stops column generation (the result is marked not
 * converged, so determinism of converged results is unaffected).
 */
final class TypeCompositionSearch implements CompositionSearch {

  /** 2^30: weight resolution ≈ 1e-9 per member; Σ coefficients ≤ k · 2^30 stays far inside int64. */
  static final double WEIGHT_SCALE = 1 << 30;

  private final PoolTypes types;
  private final CpModel model;
  private final IntVar[] count;
  private final int workers;
  private CpModel coverModel;
  private IntVar[] coverCount;
  private BoolVar[] coverHit;
  private long deadlineNanos = Long.MAX_VALUE;
  private boolean timedOut;

  TypeCompositionSearch(PoolTypes types, int workers) {
    this.types = types;
    this.workers = workers;
    this.model = new CpModel();
    this.count = addPanelConstraints(model, types);
  }

  private static IntVar[] addPanelConstraints(CpModel model, PoolTypes types) {
    SortitionInstance inst = types.instance;
    int m = types.count();
    IntVar[] c = new IntVar[m];
    for (int t = 0; t < m; t++) {
      long ub = Math.min(types.size(t), inst.panelSize());
      for (int cat = 0; cat < inst.categories().size(); cat++) {
        ub = Math.min(ub, inst.categories().get(cat).features().get(types.features[t][cat]).max());
      }
      c[t] = model.newIntVar(0, ub, "c" + t);
    }
    model.addEquality(LinearExpr.sum(c), inst.panelSize());
    for (int cat = 0; cat < inst.categories().size(); cat++) {
      List<Feature> features = inst.categories().get(cat).features();
      for (int f = 0; f < features.size(); f++) {
        List<IntVar> with = new ArrayList<>();
        for (int t = 0; t < m; t++) {
          if (types.features[t][cat] == f) {
            with.add(c[t]);
          }
        }
        model.addLinearConstraint(LinearExpr.sum(with.toArray(IntVar[]::new)), features.get(f).min(),
            features.get(f).max());
      }
    }
    return c;
  }

  @Override
  public void deadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public boolean timedOut() {
    return timedOut;
  }

  /** A solver with one worker, fixed seed and the time left until the deadline (if any). */
  private CpSolver newSolver() {
    CpSolver solver = new CpSolver();
    solver.getParameters().setNumWorkers(workers).setRandomSeed(1);
    if (deadlineNanos != Long.MAX_VALUE) {
      solver.getParameters().setMaxTimeInSeconds(Math.max(0.01, (deadlineNanos - System.nanoTime()) / 1e9));
    }
    timedOut = false;
    return solver;
  }

  @Override
  public int[] best(double[] memberWeight) {
    long[] w = new long[count.length];
    for (int t = 0; t < w.length; t++) {
      w[t] = Math.round(memberWeight[t] * WEIGHT_SCALE);
    }
    model.clearObjective();
    model.maximize(LinearExpr.weightedSum(count, w));
    return solve(model, count);
  }

  @Override
  public java.util.List<int[]> bestAndOthers(double[] memberWeight, int[] hint) {
    long[] w = new long[count.length];
    for (int t = 0; t < w.length; t++) {
      w[t] = Math.round(memberWeight[t] * WEIGHT_SCALE);
    }
    model.clearObjective();
    model.clearHints();
    model.maximize(LinearExpr.weightedSum(count, w));
    if (hint != null) {
      for (int t = 0; t < count.length; t++) {
        model.addHint(count[t], hint[t]);
      }
    }
    java.util.List<int[]> found = new ArrayList<>();
    CpSolver solver = newSolver();
    CpSolverStatus status = solver.solve(model, new com.google.ortools.sat.CpSolverSolutionCallback() {
      @Override
      public void onSolutionCallback() {
        int[] c = new int[count.length];
        for (int t = 0; t < c.length; t++) {
          c[t] = (int) value(count[t]);
        }
        found.add(c);
      }
    });
    model.clearHints();
    if (status == CpSolverStatus.INFEASIBLE) {
      return java.util.List.of();
    }
    if (status == CpSolverStatus.UNKNOWN && pastDeadline()) {
      timedOut = true;
      return java.util.List.of();
    }
    if (status == CpSolverStatus.FEASIBLE && pastDeadline()) {
      timedOut = true;
    } else if (status != CpSolverStatus.OPTIMAL) {
      throw new SortitionException("panel.sortition.error.solver-failed", "CP-SAT " + status);
    }
    int[] c = new int[count.length];
    for (int t = 0; t < c.length; t++) {
      c[t] = (int) solver.value(count[t]);
    }
    java.util.List<int[]> result = new ArrayList<>();
    result.add(c);
    for (int i = found.size() - 1; i >= 0; i--) {
      if (!java.util.Arrays.equals(found.get(i), c)) {
        result.add(found.get(i));
      }
    }
    return result;
  }

  @Override
  public int[] cover(boolean[] wanted) {
    if (coverModel == null) {
      coverModel = new CpModel();
      coverCount = addPanelConstraints(coverModel, types);
      coverHit = new BoolVar[coverCount.length];
      for (int t = 0; t < coverCount.length; t++) {
        coverHit[t] = coverModel.newBoolVar("h" + t);
        coverModel.addGreaterOrEqual(coverCount[t], 1).onlyEnforceIf(coverHit[t]);
      }
    }
    long[] w = new long[coverCount.length];
    for (int t = 0; t < w.length; t++) {
      w[t] = wanted[t] ? 1 : 0;
    }
    coverModel.clearObjective();
    coverModel.maximize(LinearExpr.weightedSum(coverHit, w));
    int[] result = solve(coverModel, coverCount);
    if (result == null) {
      return null;
    }
    for (int t = 0; t < result.length; t++) {
      if (wanted[t] && result[t] > 0) {
        return result;
      }
    }
    return null;
  }

  /**
   * Whether a time limit was set: then FEASIBLE or UNKNOWN means CP-SAT stopped at it (without a limit these
   * problems always end OPTIMAL or INFEASIBLE).
   */
  private boolean pastDeadline() {
    return deadlineNanos != Long.MAX_VALUE;
  }

  private int[] solve(CpModel m, IntVar[] vars) {
    CpSolver solver = newSolver();
    CpSolverStatus status = solver.solve(m);
    if (status == CpSolverStatus.INFEASIBLE) {
      return null;
    }
    if (status == CpSolverStatus.UNKNOWN && pastDeadline()) {
      timedOut = true;
      return null;
    }
    if (status == CpSolverStatus.FEASIBLE && pastDeadline()) {
      timedOut = true;
    } else if (status != CpSolverStatus.OPTIMAL) {
      throw new SortitionException("panel.sortition.error.solver-failed", "CP-SAT " + status);
    }
    int[] c = new int[vars.length];
    for (int t = 0; t < c.length; t++) {
      c[t] = (int) solver.value(vars[t]);
    }
    return c;
  }

  @Override
  public void close() {
    // CP-SAT models are plain Java protobuf builders; nothing native to free.
  }
}
