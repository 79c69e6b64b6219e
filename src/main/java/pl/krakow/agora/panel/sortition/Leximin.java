package pl.krakow.agora.panel.sortition;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LEXIMIN selection (Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair algorithms for selecting citizens' assemblies",
 * Nature 596, 2021, Methods "Algorithm LEXIMIN"): the lottery over quota-feasible panels that maximises the smallest
 * selection probability, then the second smallest, and so on.
 *
 * <p>Column generation as in the paper, but over panel <em>compositions</em> (members per type; a type is a set of
 * respondents with the same feature vector). Interchangeable respondents get equal LEXIMIN probability (the
 * allocation is unique and the problem symmetric), so nothing is lost, and the integer program has one variable per
 * type instead of per person. The objective stays on per-person probabilities: respondent of type t has probability
 * Σ_c x_c · c_t / |t|.
 *
 * <p>Each stage maximises the minimum probability z of the types not yet fixed, via its dual
 *
 * <pre>
 *   minimise ŷ − Σ_{t fixed} π_t y_t
 *   s.t.     Σ_t y_t · c_t / |t| ≤ ŷ   for every composition c found so far
 *            Σ_{t not fixed} y_t = 1,   y, ŷ ≥ 0
 * </pre>
 *
 * Pricing finds the composition maximising Σ_t (y_t / |t|) c_t; if it exceeds ŷ the composition becomes a new
 * constraint, otherwise the stage is optimal and every unfixed type with y_t &gt; 0 is fixed at the stage value
 * (complementary slackness: its constraint is tight in every optimal primal solution). Finally a primal LP finds
 * the probabilities of the compositions that realise the fixed values.
 */
public final class Leximin {

  /**
   * Column generation stops when the best composition's dual value exceeds ŷ by at most this. The gap bounds how far
   * the stage's minimum probability can be below the true optimum, in absolute probability (paper: 5e-4; we are
   * tighter because pools of thousands have probabilities near 0.01, where 5e-4 would be a 5 % error; 1e-6 is
   * 0.01 % of such a probability and still well above GLOP's 1e-9 noise).
   */
  static final double PRICING_TOLERANCE = 1e-6;

  /**
   * A type is fixed when its dual value y_t exceeds this. GLOP's optimality tolerances are around 1e-9, so values
   * above 1e-6 are real support, not noise; fixing on noise could freeze a type below its leximin value.
   */
  static final double FIX_THRESHOLD = 1e-6;

  /**
   * If floating point makes the fixed probabilities jointly unreachable (dual LP unbounded), all fixed values are
   * lowered by this step, which grows tenfold on each repeat (the paper lowers by 1e-4 at once).
   */
  static final double FIRST_RELAXATION = 1e-9;

  /** Final compositions with probability at or below this are dropped (then the rest is renormalised). */
  static final double SUPPORT_THRESHOLD = 1e-12;

  /** Progress on stderr when the system property {@code agora.sortition.trace} is set (diagnostics only). */
  private static final boolean TRACE = System.getProperty("agora.sortition.trace") != null;

  private static volatile boolean nativesLoaded;

  private Leximin() {}

  /** Loads OR-Tools' native libraries once per JVM. */
  static void loadNatives() {
    if (!nativesLoaded) {
      synchronized (Leximin.class) {
        if (!nativesLoaded) {
          Loader.loadNativeLibraries();
          nativesLoaded = true;
        }
      }
    }
  }

  /**
   * The LEXIMIN lottery for the instance. When no quota binds this is uniform selection (k/n each, {@link
   * UniformDistribution}); otherwise column generation over compositions with CP-SAT pricing.
   *
   * @throws SortitionException if no panel meets the quotas
   */
  public static PanelDistribution compute(SortitionInstance instance) {
    return compute(instance, java.time.Duration.ofDays(365));
  }

  /** As {@link #compute(SortitionInstance)}, giving up after {@code budget} (error {@code leximin-time-limit}). */
  public static PanelDistribution compute(SortitionInstance instance, java.time.Duration budget) {
    QuotaFeasibility.check(instance);
    if (UniformDistribution.applies(instance)) {
      return UniformDistribution.of(instance);
    }
    return overTypes(instance, budget);
  }

  /** Column generation over type compositions (no uniform shortcut, no time limit). */
  public static CompositionDistribution overTypes(SortitionInstance instance) {
    return overTypes(instance, java.time.Duration.ofDays(365));
  }

  /**
   * Column generation over type compositions with a wall-clock budget.
   *
   * @throws SortitionException {@code panel.sortition.error.leximin-time-limit} when the budget runs out
   */
  public static CompositionDistribution overTypes(SortitionInstance instance, java.time.Duration budget) {
    loadNatives();
    PoolTypes types = PoolTypes.of(instance);
    try (var search = new TypeCompositionSearch(types, 1)) {
      return columnGeneration(types, search, System.nanoTime() + budget.toNanos());
    }
  }

  /** The per-person formulation of the paper (one binary variable per respondent, SCIP): test reference. */
  static CompositionDistribution perPerson(SortitionInstance instance) {
    loadNatives();
    PoolTypes singletons = PoolTypes.singletons(instance);
    try (var search = new PersonCompositionSearch(singletons)) {
      return columnGeneration(singletons, search, System.nanoTime() + java.time.Duration.ofDays(365).toNanos());
    }
  }

  static CompositionDistribution columnGeneration(PoolTypes types, CompositionSearch search, long deadlineNanos) {
    long started = System.nanoTime();
    int m = types.count();
    List<int[]> columns = new ArrayList<>();
    Set<IntBuffer> known = new HashSet<>();

    // Initial columns: cover every type that some feasible panel contains (as _generate_initial_committees does);
    // types that no panel contains get probability 0 right away.
    boolean[] wanted = new boolean[m];
    java.util.Arrays.fill(wanted, true);
    int uncovered = m;
    while (uncovered > 0) {
      int[] c = search.cover(wanted);
      if (c == null) {
        break;
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
    }
    if (TRACE) {
      System.err.printf("types %d, initial columns %d, uncoverable %d%n", m, columns.size(), uncovered);
    }
    if (columns.isEmpty()) {
      throw new SortitionException("panel.sortition.error.quotas-infeasible", types.instance.panelSize(), "-");
    }
    double[] fixed = new double[m];
    boolean[] isFixed = new boolean[m];
    int fixedCount = 0;
    for (int t = 0; t < m; t++) {
      if (wanted[t]) {
        isFixed[t] = true;
        fixed[t] = 0;
        fixedCount++;
      }
    }

    MPSolver lp = MPSolver.createSolver("GLOP");
    if (lp == null) {
      throw new SortitionException("panel.sortition.error.solver-failed", "GLOP unavailable");
    }
    int stages = 0;
    try {
      MPVariable[] y = new MPVariable[m];
      for (int t = 0; t < m; t++) {
        y[t] = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "y" + t);
      }
      MPVariable cap = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "cap");
      MPConstraint norm = lp.makeConstraint(1, 1, "norm");
      MPObjective objective = lp.objective();
      objective.setMinimization();
      objective.setCoefficient(cap, 1);
      for (int t = 0; t < m; t++) {
        if (isFixed[t]) {
          objective.setCoefficient(y[t], -fixed[t]);
        } else {
          norm.setCoefficient(y[t], 1);
        }
      }
      for (int[] c : columns) {
        addColumn(lp, y, cap, c, types);
      }
      double relaxation = FIRST_RELAXATION;
      var swaps = new SwapSearch(types);
      double[] weight = new double[m];
      double[] dual = new double[m];
      while (fixedCount < m) {
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new SortitionException("panel.sortition.error.leximin-time-limit",
              Math.round((System.nanoTime() - started) / 1e9), columns.size(), fixedCount, m);
        }
        MPSolver.ResultStatus status = lp.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
          // Fixed probabilities slightly unreachable through rounding: lower them a little and retry.
          for (int t = 0; t < m; t++) {
            if (isFixed[t] && fixed[t] > 0) {
              fixed[t] = Math.max(0, fixed[t] - relaxation);
              objective.setCoefficient(y[t], -fixed[t]);
            }
          }
          relaxation *= 10;
          if (relaxation > 1e-2) {
            throw new SortitionException("panel.sortition.error.solver-failed", "GLOP " + status);
          }
          continue;
        }
        double capValue = cap.solutionValue();
        double stageValue = objective.value();
        for (int t = 0; t < m; t++) {
          dual[t] = y[t].solutionValue();
          weight[t] = Math.max(0, dual[t]) / types.size(t);
        }
        // Cheap columns first: local search from the columns that are tight under the current duals.
        if (addHeuristicColumns(swaps, columns, known, weight, capValue, lp, y, cap, types) > 0) {
          if (TRACE && columns.size() % 50 < HEURISTIC_STARTS) {
            System.err.printf("  heuristic: columns %d cap %.8f%n", columns.size(), capValue);
          }
          continue;
        }
        int[] best = search.best(weight);
        double value = value(weight, best);
        if (TRACE) {
          System.err.printf("fixed %d/%d columns %d cap %.8f value %.8f stage %.8f%n", fixedCount, m, columns.size(),
              capValue, value, stageValue);
        }
        boolean isNew = value > capValue + PRICING_TOLERANCE && known.add(IntBuffer.wrap(best));
        if (isNew) {
          columns.add(best);
          addColumn(lp, y, cap, best, types);
          continue;
        }
        // Stage optimal: fix types with positive dual value (at least the largest, so every stage makes progress).
        stages++;
        int argmax = -1;
        for (int t = 0; t < m; t++) {
          if (!isFixed[t] && (argmax < 0 || dual[t] > dual[argmax])) {
            argmax = t;
          }
        }
        for (int t = 0; t < m; t++) {
          if (!isFixed[t] && (t == argmax || dual[t] > FIX_THRESHOLD)) {
            isFixed[t] = true;
            fixed[t] = Math.max(0, stageValue);
            fixedCount++;
            norm.setCoefficient(y[t], 0);
            objective.setCoefficient(y[t], -fixed[t]);
          }
        }
      }
    } finally {
      lp.delete();
    }
    double[] weights = realise(types, columns, fixed);
    return new CompositionDistribution(types, columns, weights, columns.size(), stages);
  }

  /** Number of local-search starts per LP solve (the columns of highest dual value). */
  static final int HEURISTIC_STARTS = 10;

  private static double value(double[] weight, int[] c) {
    double v = 0;
    for (int t = 0; t < c.length; t++) {
      v += weight[t] * c[t];
    }
    return v;
  }

  private static int addHeuristicColumns(SwapSearch swaps, List<int[]> columns, Set<IntBuffer> known,
      double[] weight, double capValue, MPSolver lp, MPVariable[] y, MPVariable cap, PoolTypes types) {
    int n = columns.size();
    Integer[] order = new Integer[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      v[i] = value(weight, columns.get(i));
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
    int added = 0;
    for (int s = 0; s < Math.min(HEURISTIC_STARTS, n); s++) {
      int[] c = swaps.improve(columns.get(order[s]), weight);
      if (value(weight, c) > capValue + PRICING_TOLERANCE && known.add(IntBuffer.wrap(c))) {
        columns.add(c);
        addColumn(lp, y, cap, c, types);
        added++;
      }
    }
    return added;
  }

  private static void addColumn(MPSolver lp, MPVariable[] y, MPVariable cap, int[] c, PoolTypes types) {
    MPConstraint row = lp.makeConstraint(Double.NEGATIVE_INFINITY, 0);
    for (int t = 0; t < c.length; t++) {
      if (c[t] != 0) {
        row.setCoefficient(y[t], (double) c[t] / types.size(t));
      }
    }
    row.setCoefficient(cap, -1);
  }

  /**
   * Primal LP for the final lottery: minimise the largest shortfall ε below the fixed probabilities, over
   * composition probabilities x_c ≥ 0 with Σ x_c = 1 (the paper's final step, for numerical robustness).
   */
  private static double[] realise(PoolTypes types, List<int[]> columns, double[] fixed) {
    MPSolver lp = MPSolver.createSolver("GLOP");
    try {
      MPVariable[] x = new MPVariable[columns.size()];
      MPConstraint sum = lp.makeConstraint(1, 1);
      for (int i = 0; i < x.length; i++) {
        x[i] = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "x" + i);
        sum.setCoefficient(x[i], 1);
      }
      MPVariable shortfall = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "eps");
      for (int t = 0; t < types.count(); t++) {
        if (fixed[t] <= 0) {
          continue;
        }
        MPConstraint row = lp.makeConstraint(fixed[t], Double.POSITIVE_INFINITY);
        for (int i = 0; i < x.length; i++) {
          int c = columns.get(i)[t];
          if (c != 0) {
            row.setCoefficient(x[i], (double) c / types.size(t));
          }
        }
        row.setCoefficient(shortfall, 1);
      }
      lp.objective().setCoefficient(shortfall, 1);
      lp.objective().setMinimization();
      MPSolver.ResultStatus status = lp.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        throw new SortitionException("panel.sortition.error.solver-failed", "GLOP final " + status);
      }
      double[] w = new double[x.length];
      double total = 0;
      for (int i = 0; i < w.length; i++) {
        w[i] = x[i].solutionValue() > SUPPORT_THRESHOLD ? x[i].solutionValue() : 0;
        total += w[i];
      }
      for (int i = 0; i < w.length; i++) {
        w[i] /= total;
      }
      return w;
    } finally {
      lp.delete();
    }
  }
}
