package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;

/**
 * Add1 completion of MES (shared/data/pb/README.md, "mes-cost-add1"; equalshares.net
 * "completion by varying the budget"): re-run MES with per-voter budget budget/N + k for
 * k = 0, 1, 2, … and keep the outcome of the largest k before the first k whose outcome costs
 * more than the budget. The start is exactly budget/N, not rounded. With {@code exhaustiveStop}
 * it also stops at the first exhaustive outcome (pabutools' exhaustion_by_budget_increase).
 */
final class Add1 {

    record Result(EqualShares.Outcome outcome, int k) {
    }

    private Add1() {
    }

    static Result run(EqualShares mes, boolean exhaustiveStop) {
        Rational base = mes.budget.divide(mes.voters);
        BigDecimal budget = new BigDecimal(mes.budget.num()).divide(new BigDecimal(mes.budget.den()));
        EqualShares.Outcome kept = null;
        int keptK = 0;
        for (int k = 0; ; k++) {
            EqualShares.Outcome o = mes.run(base.add(Rational.of(k)), EqualShares.Utility.COST);
            if (o.totalCost(mes.costDecimal).compareTo(budget) > 0) {
                break;
            }
            kept = o;
            keptK = k;
            if (exhaustiveStop && mes.exhaustive(o.funded())) {
                break;
            }
            if (fundsEverySupportedProject(mes, o)) {
                // Nothing more can be funded at any larger k, and the README loop would never end
                // (no outcome can cost more than the budget); stop here.
                break;
            }
        }
        return new Result(kept, keptK);
    }

    private static boolean fundsEverySupportedProject(EqualShares mes, EqualShares.Outcome o) {
        long supported = 0;
        for (int p = 0; p < mes.projectCount; p++) {
            if (mes.supporters[p] > 0) {
                supported++;
            }
        }
        return o.funded().length >= supported;
    }
}
