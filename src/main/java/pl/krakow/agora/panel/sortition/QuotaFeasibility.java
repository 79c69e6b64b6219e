package pl.krakow.agora.panel.sortition;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before any draw, that some panel meets every quota; otherwise throws a {@link SortitionException} naming the
 * conflicting categories or features. Simple counting rules first (cheap, precise messages), then the integer
 * program; if that finds no panel, a second integer program computes the smallest quota change that would allow one
 * (as {@code _relax_infeasible_quotas} in the replication code of Flanigan et al. 2021) and the message names it.
 */
public final class QuotaFeasibility {

  private QuotaFeasibility() {}

  /** @throws SortitionException if no panel of size k meets every quota */
  public static void check(SortitionInstance inst) {
    int k = inst.panelSize();
    for (int c = 0; c < inst.categories().size(); c++) {
      Category cat = inst.categories().get(c);
      int sumMin = 0;
      long sumMax = 0;
      for (Feature f : cat.features()) {
        sumMin += f.min();
        sumMax += f.max();
      }
      if (sumMin > k) {
        throw new SortitionException("panel.sortition.error.category-mins-exceed-panel", cat.name(), sumMin, k);
      }
      if (sumMax < k) {
        throw new SortitionException("panel.sortition.error.category-maxes-below-panel", cat.name(), sumMax, k);
      }
      for (int f = 0; f < cat.features().size(); f++) {
        int have = inst.countWith(c, f);
        if (have < cat.features().get(f).min()) {
          throw new SortitionException("panel.sortition.error.feature-too-few-people", inst.label(c, f),
              cat.features().get(f).min(), have);
        }
      }
    }
    Leximin.loadNatives();
    PoolTypes types = PoolTypes.of(inst);
    if (solveRelaxation(types, false) == null) {
      List<String> changes = solveRelaxation(types, true);
      throw new SortitionException("panel.sortition.error.quotas-infeasible", k,
          changes == null || changes.isEmpty() ? "none found" : String.join("; ", changes));
    }
  }

  /**
   * Without relaxation: returns an empty list if a panel exists, else null. With relaxation: the quota changes of
   * minimum weighted size. Lowering a small minimum weighs more (1 + 2/min, as in the replication code), scaled by
   * 100 to stay integral for CP-SAT; raising a maximum weighs 1 (100).
   */
  private static List<String> solveRelaxation(PoolTypes types, boolean relax) {
    SortitionInstance inst = types.instance;
    CpModel model = new CpModel();
    int m = types.count();
    IntVar[] c = new IntVar[m];
    for (int t = 0; t < m; t++) {
      c[t] = model.newIntVar(0, Math.min(types.size(t), inst.panelSize()), "c" + t);
    }
    model.addEquality(LinearExpr.sum(c), inst.panelSize());
    List<IntVar> objVars = new ArrayList<>();
    List<Long> objCoef = new ArrayList<>();
    List<Runnable> report = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    CpSolver solver = new CpSolver();
    for (int cat = 0; cat < inst.categories().size(); cat++) {
      List<Feature> features = inst.categories().get(cat).features();
      for (int f = 0; f < features.size(); f++) {
        List<IntVar> with = new ArrayList<>();
        for (int t = 0; t < m; t++) {
          if (types.features[t][cat] == f) {
            with.add(c[t]);
          }
        }
        LinearExpr count = LinearExpr.sum(with.toArray(IntVar[]::new));
        Feature feat = features.get(f);
        String label = inst.label(cat, f);
        if (!relax) {
          model.addLinearConstraint(count, feat.min(), feat.max());
          continue;
        }
        IntVar lower = model.newIntVar(0, feat.min(), "lower" + label);
        IntVar raise = model.newIntVar(0, inst.panelSize(), "raise" + label);
        model.addGreaterOrEqual(LinearExpr.newBuilder().add(count).add(lower).build(), feat.min());
        model.addLessOrEqual(LinearExpr.newBuilder().add(count).addTerm(raise, -1).build(), feat.max());
        objVars.add(lower);
        objCoef.add(feat.min() == 0 ? 0L : Math.round(100 * (1 + 2.0 / feat.min())));
        objVars.add(raise);
        objCoef.add(100L);
        report.add(() -> {
          long l = solver.value(lower);
          long r = solver.value(raise);
          if (l > 0) {
            changes.add("lower the minimum of " + label + " from " + feat.min() + " to " + (feat.min() - l));
          }
          if (r > 0) {
            changes.add("raise the maximum of " + label + " from " + feat.max() + " to " + (feat.max() + r));
          }
        });
      }
    }
    if (relax) {
      model.minimize(LinearExpr.weightedSum(objVars.toArray(IntVar[]::new),
          objCoef.stream().mapToLong(Long::longValue).toArray()));
    }
    solver.getParameters().setNumWorkers(1).setRandomSeed(1);
    CpSolverStatus status = solver.solve(model);
    if (status == CpSolverStatus.INFEASIBLE) {
      return null;
    }
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      throw new SortitionException("panel.sortition.error.solver-failed", "CP-SAT " + status);
    }
    report.forEach(Runnable::run);
    return changes;
  }
}
