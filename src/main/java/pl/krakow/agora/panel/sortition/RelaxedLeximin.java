package pl.krakow.agora.panel.sortition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * LEXIMIN over a polyhedral outer approximation R of the achievable expected type counts, by a sequence of small LPs
 * (GLOP, warm-started: between stages only bounds change).
 *
 * <p>A lottery over panels gives each type t an expected count e_t = Σ_c x_c c_t; the achievable vectors form P, the
 * convex hull of the quota-feasible compositions. R starts as the continuous relaxation of the panel constraints
 *
 * <pre>
 *   0 ≤ e_t ≤ min(|t|, k, quota maxima of t's features),  Σ_t e_t = k,  min_f ≤ Σ_{t has f} e_t ≤ max_f,
 *   e_t = 0 for types in no feasible panel,
 * </pre>
 *
 * and is tightened by {@link #addCut valid inequalities} of P. R ⊇ P, so its leximin vector is lexicographically at
 * least P's; if it lies in P it <em>is</em> P's leximin vector (the allocation of the LEXIMIN lottery).
 *
 * <p>Stage s maximises z subject to e_t / |t| ≥ z for the unfixed types and e_t / |t| ≥ π_t for the fixed ones. With
 * y_t the dual value of the row of unfixed type t, scaled so that Σ y_t = 1, every type with y_t &gt; {@link
 * #FIX_THRESHOLD} has probability exactly z* in every optimal solution (complementary slackness), so all of them are
 * fixed at z* at once; at least the type of largest y_t is fixed, so there are at most #types stages.
 */
final class RelaxedLeximin implements AutoCloseable {

  /**
   * A type is fixed when its normalised dual value exceeds this. GLOP's dual feasibility tolerance is far smaller, so
   * a value above it is real support, not noise (fixing on noise could freeze a type below its leximin value).
   */
  static final double FIX_THRESHOLD = 1e-7;

  /** If rounding makes the fixed values jointly infeasible, they are all lowered by this (tenfold on each repeat). */
  static final double FIRST_RELAXATION = 1e-11;

  static final String GLOP_PARAMETERS = "use_dual_simplex:true,use_preprocessing:false";

  /** Result: per-type probability π_t, the stage values, and the stage each type was fixed in. */
  record Result(double[] probability, double[] stageValues, int[] stageOf, boolean complete) {

    /** Value of the first stage: the max-min probability over the types some panel contains (upper bound for P). */
    double firstStageValue() {
      return stageValues.length == 0 ? 0 : stageValues[0];
    }
  }

  private final PoolTypes types;
  private final boolean[] excluded;
  private MPSolver lp;
  private MPVariable z;
  /** Set after a numerical failure: GLOP's default parameters (with presolve) from then on. */
  private boolean safeParameters;
  private final List<double[]> cutCoefficients = new ArrayList<>();
  private final List<Double> cutBounds = new ArrayList<>();
  private final MPVariable[] e;
  private final MPConstraint[] row;
  private final double[] upper;
  private long deadlineNanos = Long.MAX_VALUE;

  /** @param excluded types in no quota-feasible panel (expected count 0) */
  RelaxedLeximin(PoolTypes types, boolean[] excluded) {
    this.types = types;
    this.excluded = excluded.clone();
    SortitionInstance inst = types.instance;
    int m = types.count();
    e = new MPVariable[m];
    row = new MPConstraint[m];
    upper = new double[m];
    for (int t = 0; t < m; t++) {
      double ub = Math.min(types.size(t), inst.panelSize());
      for (int c = 0; c < inst.categories().size(); c++) {
        ub = Math.min(ub, inst.categories().get(c).features().get(types.features[t][c]).max());
      }
      upper[t] = excluded[t] ? 0 : ub;
    }
    build();
  }

  /** (Re)creates the LP with the cuts added so far. */
  private void build() {
    SortitionInstance inst = types.instance;
    int m = types.count();
    lp = MPSolver.createSolver("GLOP");
    if (lp == null) {
      throw new SortitionException("panel.sortition.error.solver-failed", "GLOP unavailable");
    }
    if (!safeParameters) {
      lp.setSolverSpecificParametersAsString(GLOP_PARAMETERS);
    }
    double inf = Double.POSITIVE_INFINITY;
    z = lp.makeNumVar(-inf, inf, "z");
    MPConstraint size = lp.makeConstraint(inst.panelSize(), inst.panelSize(), "k");
    for (int t = 0; t < m; t++) {
      e[t] = lp.makeNumVar(0, upper[t], "e" + t);
      size.setCoefficient(e[t], 1);
      row[t] = lp.makeConstraint(0, inf, "t" + t);
      row[t].setCoefficient(e[t], 1);
      row[t].setCoefficient(z, -types.size(t));
    }
    for (int c = 0; c < inst.categories().size(); c++) {
      var features = inst.categories().get(c).features();
      for (int f = 0; f < features.size(); f++) {
        MPConstraint q = lp.makeConstraint(features.get(f).min(), features.get(f).max(), "q" + c + "_" + f);
        for (int t = 0; t < m; t++) {
          if (types.features[t][c] == f) {
            q.setCoefficient(e[t], 1);
          }
        }
      }
    }
    for (int i = 0; i < cutCoefficients.size(); i++) {
      makeCut(cutCoefficients.get(i), cutBounds.get(i));
    }
    lp.objective().setCoefficient(z, 1);
    lp.objective().setMaximization();
  }

  /** Later solves stop at this {@link System#nanoTime()} deadline; the result is then marked incomplete. */
  void deadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Adds the inequality Σ_t coefficient[t] · e_t / |t| ≥ bound, which must hold for every quota-feasible composition
   * (hence for P). It is scaled to a largest coefficient of 1, and coefficients below {@link #CUT_ZERO} of that are
   * dropped with the bound lowered by their sum of magnitudes (e_t / |t| ∈ [0, 1]), so it stays valid.
   */
  void addCut(double[] coefficient, double bound) {
    double max = 0;
    for (double v : coefficient) {
      max = Math.max(max, Math.abs(v));
    }
    if (!(max > 0)) {
      return;
    }
    double[] a = new double[coefficient.length];
    double b = bound / max;
    for (int t = 0; t < a.length; t++) {
      double v = coefficient[t] / max;
      if (excluded[t]) {
        continue;
      }
      if (Math.abs(v) < CUT_ZERO) {
        b -= Math.abs(v);
      } else {
        a[t] = v;
      }
    }
    cutCoefficients.add(a);
    cutBounds.add(b);
    makeCut(a, b);
  }

  /** Relative size below which a cut coefficient is dropped. */
  static final double CUT_ZERO = 1e-9;

  private void makeCut(double[] a, double b) {
    MPConstraint cut = lp.makeConstraint(b, Double.POSITIVE_INFINITY, "cut" + lp.numConstraints());
    for (int t = 0; t < a.length; t++) {
      if (a[t] != 0) {
        cut.setCoefficient(e[t], a[t] / types.size(t));
      }
    }
  }

  int cutCount() {
    return cutBounds.size();
  }

  /** The leximin vector of R (all stages). */
  Result solve() {
    int m = types.count();
    boolean[] fixed = new boolean[m];
    double[] pi = new double[m];
    int[] stageOf = new int[m];
    int fixedCount = 0;
    for (int t = 0; t < m; t++) {
      e[t].setBounds(0, upper[t]);
      if (excluded[t]) {
        row[t].setLb(Double.NEGATIVE_INFINITY);
        fixed[t] = true;
        stageOf[t] = -1;
        fixedCount++;
      } else {
        row[t].setLb(0);
      }
    }
    List<Double> values = new ArrayList<>();
    double relaxation = FIRST_RELAXATION;
    double[] y = new double[m];
    while (fixedCount < m) {
      if (deadlineNanos != Long.MAX_VALUE) {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return incomplete(pi, fixed, values, stageOf);
        }
        lp.setTimeLimit(left);
      }
      MPSolver.ResultStatus status = lp.solve();
      if (status == MPSolver.ResultStatus.ABNORMAL && !safeParameters) {
        // Numerical trouble of the warm-started dual simplex: rebuild with GLOP's defaults and start over.
        safeParameters = true;
        lp.delete();
        build();
        return solve();
      }
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        // NOT_SOLVED with a deadline is GLOP stopped by its time limit, which its own clock can reach a little
        // before ours: an unfinished computation, not a failure
        if (deadlineNanos != Long.MAX_VALUE
            && (status == MPSolver.ResultStatus.NOT_SOLVED || System.nanoTime() - deadlineNanos > 0)) {
          return incomplete(pi, fixed, values, stageOf);
        }
        if (status == MPSolver.ResultStatus.INFEASIBLE && !values.isEmpty() && relaxation < 1e-6) {
          // The fixed values are jointly feasible in exact arithmetic; rounding can make them not quite: lower them.
          for (int t = 0; t < m; t++) {
            if (fixed[t] && !excluded[t]) {
              pi[t] = Math.max(0, pi[t] - relaxation);
              e[t].setLb(pi[t] * types.size(t));
            }
          }
          relaxation *= 10;
          continue;
        }
        throw new SortitionException("panel.sortition.error.solver-failed", "GLOP relaxation " + status);
      }
      double value = z.solutionValue();
      double sum = 0;
      int argmax = -1;
      for (int t = 0; t < m; t++) {
        y[t] = fixed[t] ? 0 : Math.max(0, -row[t].dualValue()) * types.size(t);
        sum += y[t];
        if (!fixed[t] && (argmax < 0 || y[t] > y[argmax])) {
          argmax = t;
        }
      }
      int stage = values.size();
      values.add(value);
      for (int t = 0; t < m; t++) {
        if (!fixed[t] && (t == argmax || y[t] > FIX_THRESHOLD * sum)) {
          fixed[t] = true;
          fixedCount++;
          stageOf[t] = stage;
          pi[t] = Math.max(0, Math.min(value, upper[t] / types.size(t)));
          row[t].setLb(Double.NEGATIVE_INFINITY);
          e[t].setLb(pi[t] * types.size(t));
        }
      }
    }
    return new Result(pi, values.stream().mapToDouble(Double::doubleValue).toArray(), stageOf, true);
  }

  private Result incomplete(double[] pi, boolean[] fixed, List<Double> values, int[] stageOf) {
    return new Result(pi.clone(), values.stream().mapToDouble(Double::doubleValue).toArray(), stageOf.clone(), false);
  }

  @Override
  public void close() {
    lp.delete();
  }
}
