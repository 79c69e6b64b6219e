package pl.krakow.agora.panel.sortition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The restricted master LP of one leximin stage, in primal form (GLOP): one variable x_c per composition found so far,
 * one row per type, so the basis stays at #types + 1 however many columns pile up and a new column only warm-starts
 * the simplex.
 *
 * <pre>
 *   maximise z
 *   s.t.     Σ_c x_c · c_t / |t| − z ≥ 0    type t not fixed
 *            Σ_c x_c · c_t / |t|     ≥ π_t  type t fixed
 *            Σ_c x_c = 1,  x ≥ 0
 * </pre>
 *
 * Its dual is the LP of the paper (minimise ŷ − Σ_{fixed} π_t y_t s.t. Σ_t y_t c_t / |t| ≤ ŷ for every column,
 * Σ_{unfixed} y_t = 1, y ≥ 0); {@link #dual} gives y_t and {@link #cap} ŷ.
 */
final class RestrictedMaster implements AutoCloseable {

  private final PoolTypes types;
  private MPSolver lp;
  private MPVariable z;
  private MPConstraint sum;
  private MPConstraint[] row;
  private final java.util.List<int[]> active = new java.util.ArrayList<>();
  private final java.util.List<MPVariable> x = new java.util.ArrayList<>();
  /** Set after a numerical failure: GLOP's defaults (with presolve) from then on. */
  private boolean safeParameters;
  private final double[] fixedValue;
  private final boolean[] fixed;
  private int columns;
  private double value;
  private final double[] dual;
  private double cap;
  private long deadlineNanos = Long.MAX_VALUE;

  RestrictedMaster(PoolTypes types) {
    this.types = types;
    int m = types.count();
    fixedValue = new double[m];
    fixed = new boolean[m];
    dual = new double[m];
    build();
  }

  private void build() {
    lp = MPSolver.createSolver("GLOP");
    if (lp == null) {
      throw new SortitionException("panel.sortition.error.solver-failed", "GLOP unavailable");
    }
    if (!safeParameters) {
      lp.setSolverSpecificParametersAsString(GLOP_PARAMETERS);
    }
    int m = types.count();
    z = lp.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "z");
    sum = lp.makeConstraint(1, 1, "sum");
    row = new MPConstraint[m];
    for (int t = 0; t < m; t++) {
      row[t] = lp.makeConstraint(fixed[t] ? fixedValue[t] : 0, Double.POSITIVE_INFINITY, "t" + t);
      row[t].setCoefficient(z, fixed[t] ? 0 : -1);
    }
    lp.objective().setCoefficient(z, 1);
    lp.objective().setMaximization();
    x.clear();
  }

  /** GLOP re-solves from scratch after changes anyway; dual simplex without presolve is the faster choice here. */
  static final String GLOP_PARAMETERS = "use_dual_simplex:true,use_preprocessing:false";

  /** Columns currently in the LP. */
  java.util.List<int[]> columns() {
    return active;
  }

  int size() {
    return active.size();
  }

  void addColumn(int[] c) {
    active.add(c);
    addVariable(c);
  }

  private void addVariable(int[] c) {
    MPVariable v = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "x" + columns++);
    x.add(v);
    sum.setCoefficient(v, 1);
    for (int t = 0; t < c.length; t++) {
      if (c[t] != 0) {
        row[t].setCoefficient(v, (double) c[t] / types.size(t));
      }
    }
  }

  /**
   * After a successful solve: keeps the columns in the LP solution and the {@code keep} others of smallest reduced
   * cost, drops the rest (the LP is rebuilt, which costs no more than GLOP's re-solve from scratch). Returns the
   * dropped columns.
   */
  java.util.List<int[]> purge(int keep) {
    int n = active.size();
    double[] reduced = new double[n];
    boolean[] basic = new boolean[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      basic[i] = x.get(i).solutionValue() > 1e-12;
      double v = 0;
      int[] c = active.get(i);
      for (int t = 0; t < c.length; t++) {
        v += dual[t] * c[t] / types.size(t);
      }
      reduced[i] = cap - v;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(reduced[a], reduced[b]));
    java.util.List<int[]> kept = new java.util.ArrayList<>();
    java.util.List<int[]> dropped = new java.util.ArrayList<>();
    int others = 0;
    for (int i : order) {
      if (basic[i] || others++ < keep) {
        kept.add(active.get(i));
      } else {
        dropped.add(active.get(i));
      }
    }
    lp.delete();
    active.clear();
    build();
    for (int[] c : kept) {
      addColumn(c);
    }
    return dropped;
  }

  /** Type t must get at least {@code probability} from now on and leaves the objective. */
  void fix(int t, double probability) {
    fixed[t] = true;
    fixedValue[t] = probability;
    row[t].setCoefficient(z, 0);
    row[t].setLb(probability);
  }

  /** Lowers every positive fixed value by {@code step} (floating point made them jointly unreachable). */
  void relax(double step) {
    for (int t = 0; t < fixed.length; t++) {
      if (fixed[t] && fixedValue[t] > 0) {
        fixedValue[t] = Math.max(0, fixedValue[t] - step);
        row[t].setLb(fixedValue[t]);
      }
    }
  }

  double fixedValue(int t) {
    return fixedValue[t];
  }

  boolean isFixed(int t) {
    return fixed[t];
  }

  /** Later solves stop at this {@link System#nanoTime()} deadline (GLOP time limit; the status is then not OPTIMAL). */
  void deadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  private void applyTimeLimit() {
    if (deadlineNanos != Long.MAX_VALUE) {
      lp.setTimeLimit(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000L));
    }
  }

  /** Solves; on success the stage value, duals and ŷ are available. */
  MPSolver.ResultStatus solve() {
    applyTimeLimit();
    MPSolver.ResultStatus status = lp.solve();
    if (status == MPSolver.ResultStatus.ABNORMAL && !safeParameters) {
      // Numerical trouble without presolve: rebuild with GLOP's defaults and retry.
      safeParameters = true;
      java.util.List<int[]> all = new java.util.ArrayList<>(active);
      lp.delete();
      active.clear();
      build();
      for (int[] c : all) {
        addColumn(c);
      }
      applyTimeLimit();
      status = lp.solve();
    }
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      return status;
    }
    value = lp.objective().value();
    double unfixedSum = 0;
    for (int t = 0; t < dual.length; t++) {
      // Maximisation: a ≥ row has a non-positive dual value in OR-Tools' sign convention; y_t is its negation.
      dual[t] = Math.max(0, -row[t].dualValue());
      if (!fixed[t]) {
        unfixedSum += dual[t];
      }
    }
    if (unfixedSum > 0) {
      for (int t = 0; t < dual.length; t++) {
        dual[t] /= unfixedSum;
      }
    }
    double fixedTerm = 0;
    for (int t = 0; t < dual.length; t++) {
      if (fixed[t]) {
        fixedTerm += fixedValue[t] * dual[t];
      }
    }
    cap = value + fixedTerm;
    return status;
  }

  /** Optimal value of the last solve: the stage's minimum probability over unfixed types with these columns. */
  double value() {
    return value;
  }

  /** ŷ of the dual: a column improves the LP iff Σ_t y_t c_t / |t| &gt; ŷ. */
  double cap() {
    return cap;
  }

  double dual(int t) {
    return dual[t];
  }

  /** Σ_{fixed} π_t y_t for a dual point y. */
  double fixedTerm(double[] point) {
    double s = 0;
    for (int t = 0; t < point.length; t++) {
      if (fixed[t]) {
        s += fixedValue[t] * point[t];
      }
    }
    return s;
  }

  @Override
  public void close() {
    lp.delete();
  }
}
