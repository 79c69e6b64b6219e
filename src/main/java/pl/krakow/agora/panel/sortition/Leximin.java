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
 * <p>Works on panel <em>compositions</em> (members per type; a type is a set of respondents with the same feature
 * vector). Interchangeable respondents get equal LEXIMIN probability (the allocation is unique and the problem
 * symmetric), so nothing is lost, and every program has one variable per type instead of per person. The objective
 * stays on per-person probabilities: respondent of type t has probability Σ_c x_c · c_t / |t|.
 *
 * <p>{@link #overTypes} (the engine behind {@link #compute}) is {@link LeximinByDecomposition}: the leximin
 * allocation of a relaxation by small LPs, then a lottery realising it by Wolfe's minimum-norm-point algorithm, with
 * cuts when the relaxation promises more than any lottery gives. {@link #columnGeneration} below is the paper's
 * method, kept as the independent reference of the tests ({@link #perPerson}, {@link #columnGenerationOverTypes}) and
 * as a fallback should the decomposition ever stall numerically. Each of its stages maximises the minimum probability
 * z of the types not yet fixed, via its dual
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
 * the probabilities of the compositions that realise the fixed values. Its master LP is what made large pools slow:
 * one row per type, highly degenerate, with dense columns. With OR-Tools 9.15's MPSolver, GLOP gains little from
 * re-solving in place after columns are added: every model change marks the model for re-extraction (GLOP gets the
 * LP anew), and the Java API offers no starting basis (no {@code setStartingLpBasis}). Measured on a master of the 2,000-volunteer bench pool (1,205 rows, 3,615 columns,
 * then 20 columns more per round): re-solving in place took 2,300–4,500 pivots per round against 3,600–5,700 for a
 * fresh solver on the same columns, seconds either way.
 */
public final class Leximin {

  /**
   * Resolution of the pricing objective that {@link TypeCompositionSearch} must preserve (its integer scaling loses far
   * less); the stage gap tolerance itself is {@link #gapTolerance}.
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

  /**
   * As {@link #compute(SortitionInstance)}, stopping after {@code budget}: then the result is the best lottery found so
   * far (valid, over quota-feasible panels, probabilities summing to k), marked {@link
   * CompositionDistribution#converged()} false.
   */
  public static PanelDistribution compute(SortitionInstance instance, java.time.Duration budget) {
    QuotaFeasibility.check(instance);
    if (UniformDistribution.applies(instance)) {
      return UniformDistribution.of(instance);
    }
    return overTypes(instance, budget);
  }

  /** LEXIMIN over type compositions (no uniform shortcut, no time limit). */
  public static CompositionDistribution overTypes(SortitionInstance instance) {
    return overTypes(instance, java.time.Duration.ofDays(365));
  }

  /**
   * LEXIMIN over type compositions ({@link LeximinByDecomposition}) with a wall-clock budget. When the budget runs out
   * (checked between steps and passed to CP-SAT and GLOP as time limits), the lottery found so far is returned, not
   * converged.
   */
  public static CompositionDistribution overTypes(SortitionInstance instance, java.time.Duration budget) {
    loadNatives();
    PoolTypes types = PoolTypes.of(instance);
    try (var search = new TypeCompositionSearch(types, 1)) {
      return LeximinByDecomposition.compute(types, search, System.nanoTime() + budget.toNanos());
    }
  }

  /** The per-stage column generation over type compositions (the previous engine): test reference. */
  static CompositionDistribution columnGenerationOverTypes(SortitionInstance instance) {
    loadNatives();
    PoolTypes types = PoolTypes.of(instance);
    try (var search = new TypeCompositionSearch(types, 1)) {
      return columnGeneration(types, search, System.nanoTime() + java.time.Duration.ofDays(365).toNanos());
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
    search.deadline(deadlineNanos);
    int m = types.count();
    boolean converged = true;
    boolean coveringComplete = true;
    List<int[]> columns = new ArrayList<>();
    Set<IntBuffer> known = new HashSet<>();

    // Initial columns: cover every type that some feasible panel contains (as _generate_initial_committees does);
    // types that no panel contains get probability 0 right away.
    boolean[] wanted = new boolean[m];
    java.util.Arrays.fill(wanted, true);
    int uncovered = m;
    while (uncovered > 0) {
      int[] c = search.cover(wanted);
      if (search.timedOut() || System.nanoTime() - deadlineNanos > 0) {
        converged = false;
        coveringComplete = false;
      }
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
      if (!converged) {
        break;
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

    int stages = 0;
    int dropped = 0;
    // Anytime bookkeeping: the last value the master LP reached (feasible with the columns kept), and the proven upper
    // bound on the first stage's value, the max-min probability over types some panel contains.
    double lastValue = 0;
    double firstStageBound = Double.POSITIVE_INFINITY;
    try (var master = new RestrictedMaster(types)) {
      master.deadline(deadlineNanos);
      for (int t = 0; t < m; t++) {
        if (isFixed[t]) {
          master.fix(t, 0);
        }
      }
      for (int[] c : columns) {
        master.addColumn(c);
      }
      columns = master.columns();
      double relaxation = FIRST_RELAXATION;
      var swaps = new SwapSearch(types);
      double[] weight = new double[m];
      double[] dual = new double[m];
      double tolerance = gapTolerance(types.instance);
      seedColumns(types, swaps, columns, known, master);
      // Per stage: the best (lowest) proven upper bound on the stage value and the dual point that gave it, the
      // stability centre of Wentges smoothing.
      double bestBound = Double.POSITIVE_INFINITY;
      double[] centre = null;
      boolean misPriced = false;
      long lpNanos = 0;
      long heuristicNanos = 0;
      long exactNanos = 0;
      int exactCalls = 0;
      int heuristicRounds = 0;
      while (fixedCount < m && converged) {
        if (System.nanoTime() - deadlineNanos > 0) {
          converged = false;
          break;
        }
        long t0 = System.nanoTime();
        MPSolver.ResultStatus status = master.solve();
        lpNanos += System.nanoTime() - t0;
        if (status == MPSolver.ResultStatus.OPTIMAL) {
          lastValue = Math.max(0, master.value());
        }
        if (System.nanoTime() - deadlineNanos > 0) {
          converged = false;
          break;
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
          // Fixed probabilities slightly unreachable through rounding: lower them a little and retry.
          master.relax(relaxation);
          relaxation *= 10;
          bestBound = Double.POSITIVE_INFINITY;
          centre = null;
          if (relaxation > 1e-2) {
            throw new SortitionException("panel.sortition.error.solver-failed", "GLOP " + status);
          }
          continue;
        }
        if (master.size() > purgeAt(m)) {
          for (int[] c : master.purge(m + 1)) {
            known.remove(IntBuffer.wrap(c));
            dropped++;
          }
          continue;
        }
        double capValue = master.cap();
        double stageValue = master.value();
        for (int t = 0; t < m; t++) {
          dual[t] = master.dual(t);
          weight[t] = dual[t] / types.size(t);
        }
        if (centre == null) {
          // Start the stage's stability centre at the dual of the continuous relaxation (fractional type counts):
          // a dual point of good quality, so smoothing steers pricing from the first iteration. The relaxation's
          // value is itself a proven upper bound on the stage value (every lottery's expected counts are feasible
          // for it), so a stage whose master LP reaches it needs no exact pricing at all.
          Compact compact = compactDual(types, master);
          if (compact != null) {
            double[] y0 = compact.dual();
            double[] w0 = new double[m];
            for (int t = 0; t < m; t++) {
              w0[t] = y0[t] / types.size(t);
            }
            bestBound = compact.value();
            centre = y0;
            int[] start = swaps.improve(bestKnown(columns, w0), w0);
            if (known.add(IntBuffer.wrap(start))) {
              master.addColumn(start);
            }
            var rng = new java.util.SplittableRandom(stages + 1);
            double[] wn = new double[m];
            for (int s = 0; s < SEED_COLUMNS; s++) {
              for (int t = 0; t < m; t++) {
                wn[t] = w0[t] * (1 + SEED_NOISE * (rng.nextDouble() - 0.5)) + 1e-9 * rng.nextDouble();
              }
              int[] c = swaps.improve(start, wn);
              if (known.add(IntBuffer.wrap(c))) {
                master.addColumn(c);
              }
            }
            if (TRACE) {
              System.err.printf("stage %d: compact bound %.8f, columns %d%n", stages, bestBound, columns.size());
            }
            continue;
          }
        }
        pricing: {
          if (bestBound - stageValue <= tolerance) {
            // Already within the tolerance of a proven bound (the relaxation's, or an earlier exact pricing's).
            break pricing;
          }
          // Price at the smoothed dual point (Wentges): between the stability centre and the LP dual.
          double[] point = dual.clone();
          boolean smoothed = centre != null && !misPriced && SMOOTHING > 0;
          if (smoothed) {
            for (int t = 0; t < m; t++) {
              point[t] = SMOOTHING * centre[t] + (1 - SMOOTHING) * dual[t];
            }
          }
          double[] pointWeight = new double[m];
          for (int t = 0; t < m; t++) {
            pointWeight[t] = point[t] / types.size(t);
          }
          // Cheap columns first: local search from the columns that are best under the LP and the smoothed duals.
          t0 = System.nanoTime();
          double heuristicViolation = addHeuristicColumns(swaps, columns, known, weight, weight, capValue, master);
          if (smoothed) {
            heuristicViolation = Math.max(heuristicViolation,
                addHeuristicColumns(swaps, columns, known, pointWeight, weight, capValue, master));
          }
          heuristicNanos += System.nanoTime() - t0;
          if (heuristicViolation > tolerance) {
            if (TRACE && ++heuristicRounds % 20 == 0) {
              System.err.printf("  heuristic: columns %d stage %.8f violation %.2e lp %.1fs heur %.1fs%n",
                  columns.size(), stageValue, heuristicViolation, lpNanos / 1e9, heuristicNanos / 1e9);
            }
            continue;
          }
          int[] hint = swaps.improve(bestKnown(columns, pointWeight), pointWeight);
          t0 = System.nanoTime();
          List<int[]> found = search.bestAndOthers(pointWeight, hint);
          exactNanos += System.nanoTime() - t0;
          exactCalls++;
          if (search.timedOut()) {
            // Cut short by the deadline: its columns are still valid panels, but its value is no bound.
            addNew(found, known, master);
            converged = false;
            break;
          }
          if (found.isEmpty()) {
            throw new SortitionException("panel.sortition.error.solver-failed", "pricing infeasible");
          }
          // Lagrangian bound: for any dual point with Σ_{unfixed} y = 1, y ≥ 0, the stage value is at most
          // max_c Σ_t y_t c_t / |t| − Σ_{fixed} π_t y_t.
          double bound = value(pointWeight, found.get(0)) - master.fixedTerm(point);
          if (bound < bestBound) {
            bestBound = bound;
            centre = point;
          }
          int added = heuristicViolation > 0 ? 1 : 0;
          for (int[] c : found) {
            if (value(weight, c) > capValue + NEW_COLUMN_MARGIN && known.add(IntBuffer.wrap(c))) {
              master.addColumn(c);
              added++;
            }
          }
          if (TRACE) {
            System.err.printf("fixed %d/%d columns %d stage %.8f bound %.8f gap %.2e added %d%s%n", fixedCount, m,
                columns.size(), stageValue, bestBound, bestBound - stageValue, added, smoothed ? " (smoothed)" : "");
          }
          if (bestBound - stageValue > tolerance) {
            // A smoothed point may yield no column violated at the LP dual (mis-pricing): price at the LP dual next.
            misPriced = added == 0 && smoothed;
            if (added > 0 || misPriced) {
              continue;
            }
          }
        }
        // Stage optimal within the tolerance: fix types with positive dual value (at least the largest, so every
        // stage makes progress).
        if (stages == 0) {
          firstStageBound = bestBound;
        }
        stages++;
        bestBound = Double.POSITIVE_INFINITY;
        centre = null;
        misPriced = false;
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
            master.fix(t, fixed[t]);
          }
        }
      }
      if (stages == 0) {
        firstStageBound = bestBound;
      }
      for (int t = 0; t < m; t++) {
        // Not converged: the unfixed types get the value the master LP last reached (feasible with these columns).
        fixed[t] = isFixed[t] ? master.fixedValue(t) : lastValue;
      }
      if (TRACE) {
        if (!converged) {
          System.err.printf("time limit: lp %.1fs heuristic %.1fs exact %.1fs (%d calls) bound %.8f%n", lpNanos / 1e9,
              heuristicNanos / 1e9, exactNanos / 1e9, exactCalls, bestBound);
        }
        System.err.printf("stages %d columns %d lp %.1fs heuristic %.1fs exact %.1fs (%d calls) total %.1fs%n", stages,
            columns.size(), lpNanos / 1e9, heuristicNanos / 1e9, exactNanos / 1e9, exactCalls,
            (System.nanoTime() - started) / 1e9);
      }
    }
    double[] weights = realise(types, columns, fixed);
    // The first stage's value in the lottery (minimum over the types some panel contains, all types if covering was
    // cut short) and its proven upper bound: never above the mean probability k/n.
    double[] expected = new double[m];
    for (int i = 0; i < columns.size(); i++) {
      for (int t = 0; t < m; t++) {
        expected[t] += weights[i] * columns.get(i)[t];
      }
    }
    double reached = Double.POSITIVE_INFINITY;
    for (int t = 0; t < m; t++) {
      if (!wanted[t] || !coveringComplete) {
        reached = Math.min(reached, expected[t] / types.size(t));
      }
    }
    double mean = (double) types.instance.panelSize() / types.instance.n();
    double bound = Math.max(reached, Math.min(firstStageBound, mean));
    return new CompositionDistribution(types, columns, weights, known.size() + dropped, stages, converged, reached,
        bound);
  }

  private static void addNew(List<int[]> found, Set<IntBuffer> known, RestrictedMaster master) {
    for (int[] c : found) {
      if (known.add(IntBuffer.wrap(c))) {
        master.addColumn(c);
      }
    }
  }

  /**
   * Number of local-search starts per LP solve (the columns of highest dual value). The master LP dominates the run
   * time, so each solve should be fed many columns: on the generated 500-volunteer pool, 150 starts reach the end of
   * the first stage with about a third of the LP time that 40 starts need.
   */
  static final int HEURISTIC_STARTS = 150;

  /** Relative noise on the centre weights when seeding a stage with local optima near the centre. */
  static final double SEED_NOISE = 0.2;

  /**
   * Dual values y_t (Σ_{unfixed} y_t = 1) of the stage LP over the continuous relaxation of the compositions: real
   * counts e_t in [0, |t|], Σ e_t = k, quotas; maximise z with e_t / |t| ≥ z (unfixed), e_t / |t| ≥ π_t (fixed).
   * {@code null} if GLOP fails.
   */
  /** Optimal value and normalised dual of the continuous relaxation of a stage. */
  record Compact(double value, double[] dual) {}

  static Compact compactDual(PoolTypes types, RestrictedMaster master) {
    SortitionInstance inst = types.instance;
    int m = types.count();
    MPSolver lp = MPSolver.createSolver("GLOP");
    try {
      MPVariable z = lp.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "z");
      MPVariable[] e = new MPVariable[m];
      MPConstraint size = lp.makeConstraint(inst.panelSize(), inst.panelSize());
      MPConstraint[] row = new MPConstraint[m];
      for (int t = 0; t < m; t++) {
        e[t] = lp.makeNumVar(0, Math.min(types.size(t), inst.panelSize()), "e" + t);
        size.setCoefficient(e[t], 1);
        if (master.isFixed(t)) {
          row[t] = lp.makeConstraint(master.fixedValue(t), Double.POSITIVE_INFINITY);
        } else {
          row[t] = lp.makeConstraint(0, Double.POSITIVE_INFINITY);
          row[t].setCoefficient(z, -1);
        }
        row[t].setCoefficient(e[t], 1.0 / types.size(t));
      }
      for (int cat = 0; cat < inst.categories().size(); cat++) {
        var features = inst.categories().get(cat).features();
        for (int f = 0; f < features.size(); f++) {
          MPConstraint q = lp.makeConstraint(features.get(f).min(), features.get(f).max());
          for (int t = 0; t < m; t++) {
            if (types.features[t][cat] == f) {
              q.setCoefficient(e[t], 1);
            }
          }
        }
      }
      lp.objective().setCoefficient(z, 1);
      lp.objective().setMaximization();
      if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
        return null;
      }
      double[] y = new double[m];
      double sum = 0;
      for (int t = 0; t < m; t++) {
        y[t] = Math.max(0, -row[t].dualValue());
        if (!master.isFixed(t)) {
          sum += y[t];
        }
      }
      if (!(sum > 0)) {
        return null;
      }
      for (int t = 0; t < m; t++) {
        y[t] /= sum;
      }
      return new Compact(lp.objective().value(), y);
    } finally {
      lp.delete();
    }
  }

  /** The master LP is purged when it holds more than this many columns (GLOP time grows with the column count). */
  static int purgeAt(int types) {
    return Math.max(3 * (types + 1), 300);
  }

  /** A column is added only if violated by more than this at the LP dual (above GLOP's noise). */
  static final double NEW_COLUMN_MARGIN = 1e-9;

  /** Wentges smoothing weight of the stability centre (0 = plain Kelley column generation). */
  static final double SMOOTHING = 0.5;

  /** Number of diverse columns added before column generation (local optima under random weights). */
  static final int SEED_COLUMNS = 200;

  /**
   * Column generation ends a stage when the proven upper bound on the stage's minimum probability (Lagrangian bound of
   * an exact pricing solve) is within this of the value the master LP reaches. This is the absolute EPS = 5e-4 on the
   * same dual gap used by the replication code of Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 596 (2021)
   * (github.com/pgoelz/citizensassemblies-replication, {@code stratification.py}, {@code find_distribution_leximin}: a
   * stage ends when {@code value <= upper + 0.0005}, i.e. the pricing value exceeds ŷ by at most 5e-4). Types fixed at the end of a stage are fixed at the value reached, so the result is
   * always a feasible lottery; the tolerance only bounds, in absolute probability, how far each stage's value can be
   * below the optimum (on large pools with probabilities near 0.02 that is a few per cent relative).
   */
  static double gapTolerance(SortitionInstance instance) {
    return PAPER_EPS;
  }

  /** The paper's EPS (absolute probability). */
  static final double PAPER_EPS = 5e-4;

  private static double value(double[] weight, int[] c) {
    double v = 0;
    for (int t = 0; t < c.length; t++) {
      v += weight[t] * c[t];
    }
    return v;
  }

  private static int[] bestKnown(List<int[]> columns, double[] weight) {
    int[] best = columns.get(0);
    double bv = value(weight, best);
    for (int[] c : columns) {
      double v = value(weight, c);
      if (v > bv) {
        bv = v;
        best = c;
      }
    }
    return best;
  }

  /** Diverse starting columns: local optima of random member weights, from random known columns (fixed seed). */
  private static void seedColumns(PoolTypes types, SwapSearch swaps, List<int[]> columns, Set<IntBuffer> known,
      RestrictedMaster master) {
    var rng = new java.util.SplittableRandom(20210804L);
    int m = types.count();
    double[] w = new double[m];
    int base = columns.size();
    for (int s = 0; s < SEED_COLUMNS; s++) {
      for (int t = 0; t < m; t++) {
        w[t] = rng.nextDouble() / types.size(t);
      }
      int[] c = swaps.improve(columns.get(rng.nextInt(base)), w);
      if (known.add(IntBuffer.wrap(c))) {
        master.addColumn(c);
      }
    }
  }

  /** Adds improving local-search columns; returns the largest violation found (≤ 0 if none). */
  private static double addHeuristicColumns(SwapSearch swaps, List<int[]> columns, Set<IntBuffer> known,
      double[] weight, double[] lpWeight, double capValue, RestrictedMaster master) {
    int n = columns.size();
    int m = weight.length;
    Integer[] order = new Integer[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      v[i] = value(weight, columns.get(i));
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
    Integer[] boxed = new Integer[m];
    for (int t = 0; t < m; t++) {
      boxed[t] = t;
    }
    java.util.Arrays.sort(boxed, (a, b) -> Double.compare(weight[b], weight[a]));
    int[] byWeight = new int[m];
    for (int t = 0; t < m; t++) {
      byWeight[t] = boxed[t];
    }
    double violation = 0;
    for (int s = 0; s < Math.min(HEURISTIC_STARTS, n); s++) {
      int[] c = swaps.improve(columns.get(order[s]), weight, byWeight);
      double excess = value(lpWeight, c) - capValue;
      if (excess > NEW_COLUMN_MARGIN && known.add(IntBuffer.wrap(c))) {
        master.addColumn(c);
        violation = Math.max(violation, excess);
      }
    }
    return violation;
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
