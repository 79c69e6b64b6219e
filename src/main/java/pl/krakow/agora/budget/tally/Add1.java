package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Add1 completion of MES (shared/data/pb/README.md, "mes-cost-add1"; equalshares.net
 * "completion by varying the budget"): re-run MES with per-voter budget budget/N + k for
 * k = 0, 1, 2, … and keep the outcome of the largest k before the first k whose outcome costs
 * more than the budget. The start is exactly budget/N, not rounded. With {@code exhaustiveStop}
 * it also stops at the first exhaustive outcome (pabutools' exhaustion_by_budget_increase).
 *
 * <p>{@link #run} is the linear scan of the definition, k by k, with every run exact and
 * complete up to its own decisions; it only shares work between runs: the runs for
 * {@value #LANES} consecutive k go through {@link EqualShares#runLanes} together, so that a
 * round in which several of them price or fund the same project (the common case: nearby
 * budgets fund nearly the same sequence) costs one pass over that project's supporters instead of
 * one per run. The lanes are then read in the order of k, exactly as the scan reads its runs, and
 * the lanes above the first one that decides the scan (over budget, or a stop) are abandoned.
 * Each run also stops as soon as its running cost passes the budget (such a run can only end
 * over budget). {@link #runLinear} is the plain scan, one run per k, for tests.
 *
 * <p>Why not skip k: a lower bound on the next budget at which the outcome can change, from one
 * run, needs how far a competitor's price can fall when every voter gets Δ more. Even the
 * optimistic sensitivity Δ · (supporters without enough money) / (the others) certifies only 6 of
 * the 242 steps of the generated 100k-voter instance (172 of them keep the outcome): the margins
 * between the winner and the runner-up are too small in some round of almost every run.
 */
final class Add1 {

    /** Runs that share their passes (a batch of consecutive k). */
    static final int LANES = 8;
    /** From this many voters two batches run at once on two threads (below it a thread costs more than it saves). */
    static final long TWO_THREADS_FROM_VOTERS = 20_000;

    record Result(EqualShares.Outcome outcome, int k) {
    }

    /** MES runs (lanes) of the last {@link #run} in this thread (diagnostics for tests and benchmarks). */
    static final ThreadLocal<int[]> RUNS = ThreadLocal.withInitial(() -> new int[1]);

    private Add1() {
    }

    static Result run(EqualShares mes, boolean exhaustiveStop) {
        return run(mes, exhaustiveStop, LANES,
                mes.voters >= TWO_THREADS_FROM_VOTERS && Runtime.getRuntime().availableProcessors() > 1);
    }

    /** The linear scan, {@code lanes} consecutive k at a time, on this thread. */
    static Result run(EqualShares mes, boolean exhaustiveStop, int lanes) {
        return run(mes, exhaustiveStop, lanes, false);
    }

    /**
     * The linear scan, {@code lanes} consecutive k at a time; with {@code twoThreads} the next batch
     * runs at the same time on a second engine ({@link EqualShares#withOwnWorkspace}) in another
     * thread. The batches are still read in the order of k, so the result is the same; a batch
     * beyond the deciding one is computed and thrown away.
     */
    static Result run(EqualShares mes, boolean exhaustiveStop, int lanes, boolean twoThreads) {
        Rational base = mes.budget.divide(mes.voters);
        BigDecimal budget = new BigDecimal(mes.budget.num()).divide(new BigDecimal(mes.budget.den()));
        int[] runs = RUNS.get();
        runs[0] = 0;
        EqualShares second = twoThreads ? mes.withOwnWorkspace() : null;
        ExecutorService helper = twoThreads ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "add1-lanes");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            EqualShares.Outcome kept = null;
            int keptK = 0;
            int batches = twoThreads ? 2 : 1;
            for (int k0 = 0; ; k0 += batches * lanes) {
                EqualShares.Outcome[][] out = new EqualShares.Outcome[batches][];
                if (twoThreads) {
                    int k1 = k0 + lanes;
                    Future<EqualShares.Outcome[]> next = helper.submit(
                            () -> batch(second, base, k1, lanes, budget, exhaustiveStop));
                    out[0] = batch(mes, base, k0, lanes, budget, exhaustiveStop);
                    out[1] = finished(next); // always waited for: the second engine is idle when we return
                } else {
                    out[0] = batch(mes, base, k0, lanes, budget, exhaustiveStop);
                }
                for (int b = 0; b < batches; b++) {
                    for (int l = 0; l < lanes; l++) {
                        EqualShares.Outcome o = out[b][l];
                        runs[0]++;
                        // Lanes are abandoned only above a lane that decides the scan, so o is non-null here.
                        if (o.state().overBudget()) {
                            return new Result(kept, keptK);
                        }
                        kept = o;
                        keptK = k0 + b * lanes + l;
                        if (stops(mes, o, exhaustiveStop)) {
                            return new Result(kept, keptK);
                        }
                    }
                }
            }
        } finally {
            if (helper != null) {
                helper.shutdown();
            }
        }
    }

    private static EqualShares.Outcome[] batch(EqualShares engine, Rational base, int k0, int lanes, BigDecimal budget,
            boolean exhaustiveStop) {
        Rational[] perVoter = new Rational[lanes];
        for (int l = 0; l < lanes; l++) {
            perVoter[l] = base.add(Rational.of(k0 + (long) l));
        }
        return engine.runLanes(perVoter, EqualShares.Utility.COST, budget, o -> stops(engine, o, exhaustiveStop));
    }

    private static EqualShares.Outcome[] finished(Future<EqualShares.Outcome[]> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tallying", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The README definition, one complete MES run per k (reference for tests). */
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
