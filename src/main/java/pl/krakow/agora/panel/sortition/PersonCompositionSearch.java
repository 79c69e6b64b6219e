package pl.krakow.agora.panel.sortition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Per-person pricing with SCIP, one binary variable per respondent, as in the replication code of Flanigan et al.
 * (2021). Only for {@link PoolTypes#singletons}: it is the independent reference for the per-type search in tests on
 * small pools.
 */
final class PersonCompositionSearch implements CompositionSearch {

  /** SCIP's default relative gap (1e-4) would let pricing miss improving panels; ask for a proven optimum. */
  private static final double MIP_GAP = 1e-9;

  private final MPSolver solver;
  private final MPVariable[] x;
  private final MPSolverParameters params = new MPSolverParameters();

  PersonCompositionSearch(PoolTypes singletons) {
    SortitionInstance inst = singletons.instance;
    if (singletons.count() != inst.n()) {
      throw new IllegalArgumentException("per-person search needs singleton types");
    }
    solver = MPSolver.createSolver("SCIP");
    if (solver == null) {
      throw new SortitionException("panel.sortition.error.solver-failed", "SCIP unavailable");
    }
    solver.setNumThreads(1);
    x = new MPVariable[inst.n()];
    for (int i = 0; i < x.length; i++) {
      x[i] = solver.makeBoolVar("x" + i);
    }
    MPConstraint size = solver.makeConstraint(inst.panelSize(), inst.panelSize());
    for (MPVariable v : x) {
      size.setCoefficient(v, 1);
    }
    for (int c = 0; c < inst.categories().size(); c++) {
      var features = inst.categories().get(c).features();
      for (int f = 0; f < features.size(); f++) {
        MPConstraint row = solver.makeConstraint(features.get(f).min(), features.get(f).max());
        for (int i = 0; i < x.length; i++) {
          if (singletons.features[i][c] == f) {
            row.setCoefficient(x[i], 1);
          }
        }
      }
    }
    params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, MIP_GAP);
  }

  @Override
  public int[] best(double[] memberWeight) {
    MPObjective obj = solver.objective();
    obj.clear();
    for (int i = 0; i < x.length; i++) {
      obj.setCoefficient(x[i], memberWeight[i]);
    }
    obj.setMaximization();
    return solve();
  }

  @Override
  public int[] cover(boolean[] wanted) {
    MPObjective obj = solver.objective();
    obj.clear();
    for (int i = 0; i < x.length; i++) {
      obj.setCoefficient(x[i], wanted[i] ? 1 : 0);
    }
    obj.setMaximization();
    int[] c = solve();
    if (c == null) {
      return null;
    }
    for (int i = 0; i < c.length; i++) {
      if (wanted[i] && c[i] > 0) {
        return c;
      }
    }
    return null;
  }

  private int[] solve() {
    MPSolver.ResultStatus status = solver.solve(params);
    if (status == MPSolver.ResultStatus.INFEASIBLE) {
      return null;
    }
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      throw new SortitionException("panel.sortition.error.solver-failed", "SCIP " + status);
    }
    int[] c = new int[x.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = x[i].solutionValue() > 0.5 ? 1 : 0;
    }
    return c;
  }

  @Override
  public void close() {
    solver.delete();
  }
}
