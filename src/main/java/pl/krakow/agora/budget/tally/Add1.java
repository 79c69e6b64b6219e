package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;

/**
 * Add1 completion of MES (shared/data/pb/README.md, "mes-cost-add1"; equalshares.net
 * "completion by varying the budget"): re-run MES with per-voter budget budget/N + k for
 * k = 0, 1, 2, … and keep the outcome of the largest k before the first k whose outcome costs
 * more than the budget. The start is exactly budget/N, not rounded. With {@code exhaustiveStop}
 * it also stops at the first exhaustive outcome (pabutools' exhaustion_by_budget_increase).
 *
 * <p>{@link #runGalloping} returns exactly what the linear scan {@link #runLinear} returns, but
 * skips whole intervals of k that provably give the same outcome. Measured: far fewer runs on
 * files with many small steps (Częstochowa 1136 → 98 runs, Kraków Stare Miasto 1300 → 321,
 * Zabrze 464 → 34), but none saved on Wieliczka (165 → 169) or the generated 100k-voter
 * instance (243 → 248; the certificate holds for 91 of 242 consecutive pairs although 172 keep
 * the same sequence), and the certificate checks cost time; {@link #run} is therefore the scan.
 *
 * <p><b>Lemma (monotonicity along a fixed sequence).</b> Fix projects p_1, …, p_j and let
 * m_i(b) be voter i's money after paying for them in that order, as MES does, starting from
 * per-voter budget b (each p_t affordable when it is paid for). Then every m_i(b) is
 * non-decreasing in b. Induction on j: for j = 0, m_i = b. Step: the price of p_j is the least q
 * with f(q) = Σ_{i supports p_j} min(m_i, q) ≥ cost(p_j); more money pointwise makes f pointwise
 * larger, so q does not increase; the new money max(0, m_i − q) is non-decreasing in m_i and
 * non-increasing in q. Hence, after the same prefix, at a larger b: (a) every project's
 * supporters hold at least as much (affordability can only appear), and (b) every project's
 * price q and ρ = q / utility can only go down. (With b fixed, money only shrinks from round
 * to round, so (c) ρ never decreases over rounds and unaffordable stays unaffordable — the lazy
 * queue's invariant.)
 *
 * <p><b>Certificate.</b> Let the exact runs at b_lo < b_hi both fund w_1, …, w_R (same order), and
 * for each round r let T_r be ρ(w_r) at b_lo in round r. Suppose that in round r of the b_hi run
 * every other project still in the queue has a key κ (a lower bound on its ρ at b_hi in round r,
 * by (c)) with T_r ≺ κ in the (ρ, tie-break rank) order, i.e. T_r &lt; κ, or T_r = κ and w_r is
 * ahead in the tie-break. Then every b in [b_lo, b_hi] funds w_1, …, w_R. Induction on r with
 * the prefix w_1 … w_{r−1} fixed: w_r is affordable at b (at b_lo it is; (a)); any other project c
 * affordable at b in round r is affordable at b_hi in round r by (a), so it is still in the b_hi
 * queue (a project the b_hi run dropped was unaffordable at b_hi in an earlier round, so by (c)
 * and (a) also now at b); then ρ_b(w_r) ≤ ρ_{b_lo}(w_r) = T_r ≺ κ_c ≤ ρ_{b_hi}(c) ≤ ρ_b(c) by (b),
 * so w_r beats c at b, ties included. After round R nothing is affordable at b_hi, hence by (a)
 * nothing at b. So every k in between has the same outcome, the same cost (within the budget
 * when the endpoints are), and the same exhaustiveness and "all funded" status as k_lo.
 *
 * <p><b>Search.</b> Invariant: every k ≤ lo was shown (by its own run or by a certificate) to
 * cost at most the budget and not to trigger a stop, and {@code kept} is the exact run at lo.
 * Probe hi = lo + m: over budget (the run stops as soon as its running cost passes the budget)
 * or uncertified means the answer or a change lies in (lo, hi], so m halves; with m = 1 the probe
 * is the next k of the linear scan and is decided by its own cost, exactly as there. A certified
 * probe moves lo to hi and doubles m. Hence the result (outcome and k) is the linear scan's.
 */
final class Add1 {

    record Result(EqualShares.Outcome outcome, int k) {
    }

    /** MES runs of the last {@link #run} in this thread (diagnostics for tests and benchmarks). */
    static final ThreadLocal<int[]> RUNS = ThreadLocal.withInitial(() -> new int[1]);

    private Add1() {
    }

    /**
     * The default: the linear scan, each run stopping as soon as its running cost passes the
     * budget. On Warsaw-size data the outcome changes every few k and the certificate holds for
     * well under half of the consecutive pairs, so {@link #runGalloping} does not pay there.
     */
    static Result run(EqualShares mes, boolean exhaustiveStop) {
        Rational base = mes.budget.divide(mes.voters);
        BigDecimal budget = new BigDecimal(mes.budget.num()).divide(new BigDecimal(mes.budget.den()));
        int[] runs = RUNS.get();
        runs[0] = 0;
        EqualShares.Outcome kept = null;
        int keptK = 0;
        for (int k = 0; ; k++) {
            runs[0]++;
            EqualShares.Outcome o = mes.run(base.add(Rational.of(k)), EqualShares.Utility.COST, budget, null, false);
            if (o.state().overBudget()) {
                break;
            }
            kept = o;
            keptK = k;
            if (stops(mes, o, exhaustiveStop)) {
                break;
            }
        }
        return new Result(kept, keptK);
    }

    /** Same result as {@link #runLinear}, skipping certified intervals of k (see the class comment). */
    static Result runGalloping(EqualShares mes, boolean exhaustiveStop) {
        Rational base = mes.budget.divide(mes.voters);
        BigDecimal budget = new BigDecimal(mes.budget.num()).divide(new BigDecimal(mes.budget.den()));
        int[] runs = RUNS.get();
        runs[0] = 1;
        EqualShares.Outcome kept = mes.run(base, EqualShares.Utility.COST);
        if (kept.totalCost(mes.costDecimal).compareTo(budget) > 0) {
            return new Result(null, 0);
        }
        int lo = 0;
        if (stops(mes, kept, exhaustiveStop)) {
            return new Result(kept, lo);
        }
        int m = 1;
        // Probes beyond lo + 1 are tried only after `need` certified steps in a row; each failed
        // long probe doubles `need` (a wasted run), each successful one halves it. Where the
        // outcome changes every few k this falls back to the scan with few wasted runs.
        int streak = 0;
        int need = 1;
        while (true) {
            int hi = lo + m;
            runs[0]++;
            EqualShares.Outcome o = mes.run(base.add(Rational.of(hi)), EqualShares.Utility.COST, budget, kept, m > 1);
            EqualShares.Run st = o.state();
            if (st.overBudget()) {
                if (m == 1) {
                    return new Result(kept, lo);
                }
                m /= 2;
            } else if (st.certified()) {
                // Every k in [lo, hi] has kept's outcome: within budget, no stop (checked at lo).
                kept = o;
                lo = hi;
                if (m > 1) {
                    need = Math.max(1, need / 2);
                    m *= 2;
                } else if (++streak >= need) {
                    m = 2;
                }
            } else if (m == 1) {
                // The next k of the linear scan, complete and within budget.
                kept = o;
                lo = hi;
                streak = 0;
                if (stops(mes, kept, exhaustiveStop)) {
                    return new Result(kept, lo);
                }
            } else {
                // A change (or an uncertifiable stretch) lies in (lo, hi]: back to single steps.
                m = 1;
                streak = 0;
                need = Math.min(need * 2, 1 << 20);
            }
        }
    }

    /** The README definition, one MES run per k (reference for tests). */
    static Result runLinear(EqualShares mes, boolean exhaustiveStop) {
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
            if (stops(mes, o, exhaustiveStop)) {
                break;
            }
        }
        return new Result(kept, keptK);
    }

    private static boolean stops(EqualShares mes, EqualShares.Outcome o, boolean exhaustiveStop) {
        // With every supported project funded nothing changes at any larger k, and the README loop
        // would never end (no outcome can cost more than the budget); stop there.
        return (exhaustiveStop && mes.exhaustive(o.funded())) || fundsEverySupportedProject(mes, o);
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
