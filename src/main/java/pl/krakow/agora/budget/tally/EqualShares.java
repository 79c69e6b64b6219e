package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The Method of Equal Shares (Peters, Pierczyński, Skowron, "Proportional participatory budgeting
 * with additive utilities", NeurIPS 2021; equalshares.net), exactly as defined in
 * shared/data/pb/README.md ("mes-cost"): every voter starts with budget/N; in each round, among
 * projects whose supporters still hold at least its cost, the one with the lowest price per unit
 * of utility ρ is funded, each supporter paying min(own money, q). With cost utilities ρ = q/cost,
 * with approval utilities ρ = q. No completion step here; Add1 lives in {@link Add1}.
 *
 * <p>Why it is fast (Warsaw-size instances, ~180 Add1 re-runs) yet exact:
 * <ul>
 * <li>identical ballots are one voter class with a multiplicity (ranks and points are ignored);
 *     classes are numbered in lexicographic order of their sets (most supported project first),
 *     so the supporters of popular projects are long runs of consecutive classes;</li>
 * <li>a run keeps one {@code double} of money per class in a flat array reused by every run of the
 *     instance (no object per voter group): funding a project is one pass over its supporting
 *     classes, and pricing one is one pass, usually O(1): when every voter with money holds more
 *     than cost/n the price is cost/n, and whether the supporters can still afford a project comes
 *     from their total money, which each funding round updates in O(projects) (co-supporters
 *     that pay q, from a co-support count, plus what those paying all gave);</li>
 * <li>ρ of a project never decreases between rounds of a run (money only shrinks), so old values
 *     are lower bounds and a lazy priority queue recomputes only the projects that reach its top;</li>
 * <li>several runs (for the consecutive budgets of Add1) go in lockstep as lanes that share the
 *     passes over a project's supporters ({@link #runLanes}); lanes that funded the same projects
 *     so far (a history) use the monotonicity of MES in the budget to settle most supporters from
 *     the poorest lane alone ({@link Lanes#price}, {@link Lanes#fundGroup});</li>
 * <li>doubles are filters only. Every double carries a proven bound on its distance from the
 *     exact value (one bound per run for all money: each funding round adds the price's bound
 *     plus one rounding), and a decision is taken on doubles only when they differ by more than
 *     {@value #SAFETY} times that bound. Otherwise the exact {@link Rational} is computed from
 *     the history: a class with money before round s holds exactly perVoter − Σ q_j over the rounds
 *     j &lt; s whose project it supports (it paid q_j, having more), and the exact q_j is
 *     (cost − exact money of the supporters who paid all they had) / (number of the others).
 *     Close calls are rare; ties are decided exactly.</li>
 * </ul>
 *
 * <p>Not thread-safe: an instance runs one batch at a time, and the exact values of a run's
 * {@link Outcome} (prices, money) can be derived only until the next run on the same instance.
 * {@link #trace} re-runs a stale outcome.
 */
final class EqualShares {

    enum Utility { COST, APPROVAL }

    static final double EPS = 0x1.0p-52;
    /** Margin on top of the propagated error bound before a double comparison is trusted. */
    static final double SAFETY = 64;
    private static final int[] NO_CLASSES = new int[0];

    final int projectCount;
    final long voters;
    final BigDecimal[] costDecimal;
    final Rational[] cost;
    final double[] costD;
    /** A bound on |costD[p] − cost[p]| (0 for integer costs below 2^53). */
    final double[] costErr;
    final Rational budget;
    final int[] rank;
    /** Projects of class c: cpFlat[cpStart[c] .. cpStart[c + 1]), ascending. */
    final int[] cpStart;
    final int[] cpFlat;
    final long[] mult;
    /** Classes supporting project p, ascending. */
    final int[][] projectClasses;
    /** projectClasses[p] as maximal runs of consecutive classes: [start, end) pairs. */
    final int[][] projectRuns;
    /** mult of projectClasses[p][i], as a double, and whether all of them are 1. */
    final double[][] projectMult;
    final boolean[] unitMult;
    /** Whether the runs of projectRuns[p] are long enough (≥ 8 classes on average) to iterate by run. */
    final boolean[] longRuns;
    final long[] supporters;

    // The workspace of the current batch of runs (money[c · lanes + lane]), reused by the next one.
    private double[] money = new double[0];
    /** Per class: what every lane paid while the lanes share their state (see Lanes#shared). */
    private double[] paid = new double[0];
    private int[][] bufC = new int[0][];
    private double[][] bufV = new double[0][];
    private double[][] bufM = new double[0][];
    private final long[][] coSupport;
    private int generation;

    /**
     * A second engine over the same compiled ballots, with a workspace of its own, so that another
     * thread can run batches at the same time (the compiled arrays are never written after
     * construction; only the workspace and the co-support cache are).
     */
    EqualShares withOwnWorkspace() {
        return new EqualShares(this);
    }

    private EqualShares(EqualShares o) {
        projectCount = o.projectCount;
        voters = o.voters;
        costDecimal = o.costDecimal;
        cost = o.cost;
        costD = o.costD;
        costErr = o.costErr;
        budget = o.budget;
        rank = o.rank;
        cpStart = o.cpStart;
        cpFlat = o.cpFlat;
        mult = o.mult;
        projectClasses = o.projectClasses;
        projectRuns = o.projectRuns;
        projectMult = o.projectMult;
        unitMult = o.unitMult;
        longRuns = o.longRuns;
        supporters = o.supporters;
        coSupport = new long[projectCount][];
    }

    /** Compiles ballots into voter classes (identical approval sets; ranks and points are ignored). */
    EqualShares(TallyInput in, TieBreak tieBreak) {
        projectCount = in.projects().size();
        voters = in.ballots().size();
        costDecimal = new BigDecimal[projectCount];
        cost = new Rational[projectCount];
        costD = new double[projectCount];
        costErr = new double[projectCount];
        for (int p = 0; p < projectCount; p++) {
            costDecimal[p] = in.projects().get(p).cost();
            cost[p] = Rational.of(costDecimal[p]);
            costD[p] = costDecimal[p].doubleValue();
            costErr[p] = new BigDecimal(costD[p]).compareTo(costDecimal[p]) == 0 ? 0 : 2 * EPS * Math.abs(costD[p]);
        }
        budget = Rational.of(in.budget());
        rank = tieBreak.ranks(in);
        BallotClasses bc = BallotClasses.compile(in, projectCount);
        int classCount = bc.count;
        int[] order = localityOrder(bc);
        mult = new long[classCount];
        cpStart = new int[classCount + 1];
        for (int i = 0; i < classCount; i++) {
            int c = order[i];
            mult[i] = bc.counts[c];
            cpStart[i + 1] = cpStart[i] + bc.start[c + 1] - bc.start[c];
        }
        cpFlat = new int[cpStart[classCount]];
        for (int i = 0; i < classCount; i++) {
            int c = order[i];
            System.arraycopy(bc.pool, bc.start[c], cpFlat, cpStart[i], bc.start[c + 1] - bc.start[c]);
        }
        int[] degree = new int[projectCount];
        supporters = new long[projectCount];
        for (int c = 0; c < classCount; c++) {
            for (int k = cpStart[c]; k < cpStart[c + 1]; k++) {
                degree[cpFlat[k]]++;
                supporters[cpFlat[k]] += mult[c];
            }
        }
        projectClasses = new int[projectCount][];
        for (int p = 0; p < projectCount; p++) {
            projectClasses[p] = degree[p] == 0 ? NO_CLASSES : new int[degree[p]];
            degree[p] = 0;
        }
        for (int c = 0; c < classCount; c++) {
            for (int k = cpStart[c]; k < cpStart[c + 1]; k++) {
                int p = cpFlat[k];
                projectClasses[p][degree[p]++] = c;
            }
        }
        projectRuns = new int[projectCount][];
        for (int p = 0; p < projectCount; p++) {
            int[] cls = projectClasses[p];
            int runs = 0;
            for (int i = 0; i < cls.length; i++) {
                if (i == 0 || cls[i] != cls[i - 1] + 1) {
                    runs++;
                }
            }
            int[] r = new int[2 * runs];
            int j = -2;
            for (int i = 0; i < cls.length; i++) {
                if (i == 0 || cls[i] != cls[i - 1] + 1) {
                    j += 2;
                    r[j] = cls[i];
                }
                r[j + 1] = cls[i] + 1;
            }
            projectRuns[p] = r;
        }
        projectMult = new double[projectCount][];
        unitMult = new boolean[projectCount];
        for (int p = 0; p < projectCount; p++) {
            int[] cls = projectClasses[p];
            double[] pm = new double[cls.length];
            boolean unit = true;
            for (int i = 0; i < cls.length; i++) {
                pm[i] = mult[cls[i]];
                unit &= mult[cls[i]] == 1;
            }
            projectMult[p] = pm;
            unitMult[p] = unit;
        }
        longRuns = new boolean[projectCount];
        for (int p = 0; p < projectCount; p++) {
            longRuns[p] = projectClasses[p].length >= 8L * (projectRuns[p].length / 2);
        }
        coSupport = new long[projectCount][];
    }

    /**
     * Numbers the classes in decreasing lexicographic order of their approval sets, projects taken
     * by decreasing support (the 63 most supported ones; the rest do not take part in the order).
     * Then the supporters of the most supported project are one run of consecutive classes, those
     * of the second at most two runs, and so on: the passes over a popular project's supporters
     * read and write memory in long runs (a plain subtraction over a run vectorises). A
     * locality choice only: the outcome does not depend on the numbering.
     */
    private int[] localityOrder(BallotClasses bc) {
        int classCount = bc.count;
        long[] support = new long[projectCount];
        for (int c = 0; c < classCount; c++) {
            for (int k = bc.start[c]; k < bc.start[c + 1]; k++) {
                support[bc.pool[k]] += bc.counts[c];
            }
        }
        Integer[] byPopularity = new Integer[projectCount];
        for (int p = 0; p < projectCount; p++) {
            byPopularity[p] = p;
        }
        Arrays.sort(byPopularity, (x, y) -> support[x] != support[y] ? Long.compare(support[y], support[x]) : Integer.compare(x, y));
        int[] popRank = new int[projectCount];
        for (int i = 0; i < projectCount; i++) {
            popRank[byPopularity[i]] = i;
        }
        // Ascending order of ~key is descending order of key (bit 62 = most supported project).
        long[] keys = new long[classCount];
        for (int c = 0; c < classCount; c++) {
            long key = 0;
            for (int k = bc.start[c]; k < bc.start[c + 1]; k++) {
                int r = popRank[bc.pool[k]];
                if (r < 63) {
                    key |= 1L << (62 - r);
                }
            }
            keys[c] = ~key & Long.MAX_VALUE;
        }
        // LSD radix sort by key, 8 bits a pass; stable, so equal keys keep the class index order.
        int[] order = new int[classCount];
        for (int i = 0; i < classCount; i++) {
            order[i] = i;
        }
        int[] tmp = new int[classCount];
        int[] count = new int[257];
        for (int shift = 0; shift < 63 && classCount > 1; shift += 8) {
            Arrays.fill(count, 0);
            for (int i = 0; i < classCount; i++) {
                count[(int) ((keys[order[i]] >>> shift) & 0xFF) + 1]++;
            }
            if (count[(int) ((keys[order[0]] >>> shift) & 0xFF) + 1] == classCount) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < classCount; i++) {
                int c = order[i];
                tmp[count[(int) ((keys[c] >>> shift) & 0xFF)]++] = c;
            }
            int[] t = order;
            order = tmp;
            tmp = t;
        }
        return order;
    }

    int voterClasses() {
        return mult.length;
    }

    /**
     * Distinct approval sets (sorted project indexes) with their multiplicities, found with an
     * open-addressing hash table over the flattened sets (no object per ballot).
     */
    static final class BallotClasses {
        int count;
        int[] pool;
        int[] start;
        long[] counts;

        static BallotClasses compile(TallyInput in, int projectCount) {
            IdIndex index = new IdIndex(in.projects());
            List<TallyInput.Ballot> ballots = in.ballots();
            BallotClasses bc = new BallotClasses();
            int cap = Integer.highestOneBit(Math.max(16, ballots.size() * 2 - 1)) << 1;
            int mask = cap - 1;
            int[] slots = new int[cap];
            int[] hashes = new int[Math.max(16, ballots.size() + 1)];
            bc.pool = new int[1024];
            bc.start = new int[Math.max(16, ballots.size() + 2)];
            bc.counts = new long[Math.max(16, ballots.size() + 1)];
            int[] set = new int[Math.max(1, projectCount)];
            int poolSize = 0;
            for (TallyInput.Ballot b : ballots) {
                List<String> ids = b.projects();
                int len = ids.size();
                for (int i = 0; i < len; i++) {
                    int v = index.get(ids.get(i));
                    int j = i - 1;
                    while (j >= 0 && set[j] > v) {
                        set[j + 1] = set[j];
                        j--;
                    }
                    set[j + 1] = v;
                }
                long hh = len * 0x9E3779B97F4A7C15L;
                for (int i = 0; i < len; i++) {
                    hh = (hh + set[i]) * 0xBF58476D1CE4E5B9L;
                    hh ^= hh >>> 31;
                }
                int h = (int) (hh ^ (hh >>> 32));
                int slot = h & mask;
                while (true) {
                    int k = slots[slot] - 1;
                    if (k < 0) {
                        k = bc.count++;
                        slots[slot] = k + 1;
                        hashes[k] = h;
                        if (poolSize + len > bc.pool.length) {
                            bc.pool = Arrays.copyOf(bc.pool, Math.max(poolSize + len, bc.pool.length * 2));
                        }
                        System.arraycopy(set, 0, bc.pool, poolSize, len);
                        poolSize += len;
                        bc.start[k + 1] = poolSize;
                        bc.counts[k] = 1;
                        break;
                    }
                    if (hashes[k] == h && bc.start[k + 1] - bc.start[k] == len
                            && Arrays.equals(bc.pool, bc.start[k], bc.start[k + 1], set, 0, len)) {
                        bc.counts[k]++;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            return bc;
        }
    }

    /** Project id → index, open addressing over the ids' hash codes (no boxing, no nodes). */
    static final class IdIndex {
        private final String[] keys;
        private final int[] values;
        private final int mask;

        IdIndex(List<TallyInput.Project> projects) {
            int cap = Integer.highestOneBit(Math.max(8, projects.size() * 4 - 1)) << 1;
            keys = new String[cap];
            values = new int[cap];
            mask = cap - 1;
            for (int i = 0; i < projects.size(); i++) {
                String id = projects.get(i).id();
                int slot = spread(id.hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = id;
                values[slot] = i;
            }
        }

        private static int spread(int h) {
            h *= 0x9E3779B1;
            return h ^ (h >>> 16);
        }

        int get(String id) {
            int slot = spread(id.hashCode()) & mask;
            while (true) {
                String k = keys[slot];
                if (k == null) {
                    throw new IllegalArgumentException("ballot names unknown project " + id);
                }
                if (k.equals(id)) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /**
     * A payment per supporter q = (cost − money of the supporters who pay all they have) / number
     * of the others ({@code rich}), found in round {@code stamp} of {@code run}. The payers of all
     * they have are not stored: no supporter's money was within the error margin of q (else the
     * price was computed exactly), so they are exactly the supporters alive in round {@code stamp}
     * whose exact money is below {@code approx}; the exact value is derived from them on demand,
     * while the run is current.
     */
    static final class Price {
        final Run run;
        final int project;
        final int stamp;
        final double approx;
        final double err;
        final long poorCount;
        final long rich;
        Rational exact;

        Price(Run run, int project, int stamp, double approx, double err, long poorCount, long rich) {
            this.run = run;
            this.project = project;
            this.stamp = stamp;
            this.approx = approx;
            this.err = err;
            this.poorCount = poorCount;
            this.rich = rich;
        }

        Rational exact() {
            if (exact == null) {
                exact = run.exactPrice(this);
            }
            return exact;
        }
    }

    /** A queue entry: project p with ρ computed in round {@code stamp} (a lower bound in later rounds). */
    static final class Key {
        final int p;
        final double rho;
        final double rhoErr;
        final Price price;
        final int stamp;
        final Rational weight;
        Rational rhoExact;

        Key(int p, double rho, double rhoErr, Price price, int stamp, Rational weight) {
            this.p = p;
            this.rho = rho;
            this.rhoErr = rhoErr;
            this.price = price;
            this.stamp = stamp;
            this.weight = weight;
        }

        Rational rhoExact() {
            if (rhoExact == null) {
                rhoExact = weight.signum() == 0 ? Rational.ZERO : price.exact().divide(weight);
            }
            return rhoExact;
        }
    }

    /** One funded project: the round, what each paying supporter paid and how many paid. */
    record Round(int project, Price price, long payers) {
    }

    /** The outcome of one run: funded project indexes in funding order. */
    record Outcome(Rational perVoter, int[] funded, List<Round> rounds, Run state) {
        BigDecimal totalCost(BigDecimal[] costs) {
            BigDecimal t = BigDecimal.ZERO;
            for (int p : funded) {
                t = t.add(costs[p]);
            }
            return t;
        }
    }

    Outcome run(Rational perVoter, Utility utility) {
        return runLanes(new Rational[] {perVoter}, utility, null, null)[0];
    }

    /**
     * A run that stops as soon as the cost of the funded projects exceeds {@code costCap} (then
     * {@link Run#overBudget()}, and the outcome is partial).
     */
    Outcome run(Rational perVoter, Utility utility, BigDecimal costCap) {
        return runLanes(new Rational[] {perVoter}, utility, costCap, null)[0];
    }

    /**
     * Runs MES for several per-voter budgets at once, one lane each, in lockstep by round. Every
     * lane is a complete, independent MES run with its own queue, counts, error bound and exact
     * history; the lanes only share the passes over a project's supporters (their money sits side
     * by side, money[c · lanes + lane]): when several lanes price or fund the same project in the
     * same round, which is the common case for nearby budgets, one pass serves them all.
     *
     * @param costCap   each lane stops as soon as the cost of its funded projects exceeds it (null: no cap)
     * @param stop      with a stop test (Add1 mode), only the lanes up to the first one that goes over the
     *                  cap or whose complete outcome passes the test are needed: the lanes above it are
     *                  abandoned (null outcomes)
     */
    Outcome[] runLanes(Rational[] perVoters, Utility utility, BigDecimal costCap, Predicate<Outcome> stop) {
        return new Lanes(perVoters, utility, costCap, stop).execute();
    }

    /** Lanes of one batch of runs (see {@link #runLanes}). */
    private final class Lanes {
        final int width;
        final Run[] lane;
        final BigDecimal costCap;
        final Predicate<Outcome> stop;
        final Run[] group;
        /**
         * While every lane has funded the same projects and nobody has paid all they had, every
         * lane paid q = cost/n for each (n = all supporters, the same in every lane): a lane's money
         * is then its budget minus {@link EqualShares#paid}[c], kept once for all lanes. The first
         * round that is not like that writes each lane's money out ({@link #materialize}).
         */
        boolean shared;
        double maxPaid;
        int nextHist = 1;
        final double[] gq;
        final double[] ghi;
        final double[] glo;
        final double[] glow;
        final double[] gGiven;
        final double[] gGivenTotal;
        final int[] goff;
        /** fundGroup scratch, [pp · (lanes + 1) + lane]. */
        final long[] lostEnd;
        final long[] dieDiff;
        final double[] gaveAll;

        Lanes(Rational[] perVoters, Utility utility, BigDecimal costCap, Predicate<Outcome> stop) {
            width = perVoters.length;
            this.costCap = costCap;
            this.stop = stop;
            ensureWorkspace(width);
            int gen = ++generation;
            lane = new Run[width];
            for (int l = 0; l < width; l++) {
                lane[l] = new Run(l, width, perVoters[l], utility, gen);
            }
            boolean allPositive = true;
            for (Run r : lane) {
                r.batch = this;
                allPositive &= r.b0 > 0;
            }
            // Lanes start with one history only when their budgets increase by clearly more than any
            // error bound (the shortcuts of price and fundGroup need the margin Δ); else each
            // lane is a history of its own and nothing is shared but the cache.
            boolean spaced = true;
            for (int l = 1; l < width; l++) {
                Rational d = perVoters[l].subtract(perVoters[l - 1]);
                spaced &= d.signum() > 0 && d.toDouble() >= 0x1.0p-20 * Math.max(1, lane[l].b0);
            }
            for (Run r : lane) {
                r.hist = spaced ? 0 : nextHist++;
            }
            Arrays.fill(paid, 0, mult.length, 0);
            maxPaid = 0;
            shared = allPositive && spaced;
            if (!shared) {
                materialize();
            }
            group = new Run[width];
            gq = new double[width];
            ghi = new double[width];
            glo = new double[width];
            glow = new double[width];
            gGiven = new double[width];
            gGivenTotal = new double[width];
            goff = new int[width];
            lostEnd = new long[projectCount * (width + 1)];
            dieDiff = new long[projectCount * (width + 1)];
            gaveAll = new double[projectCount * (width + 1)];
        }

        Outcome[] execute() {
            int round = 1;
            for (Run r : lane) {
                for (int p = 0; p < projectCount; p++) {
                    evaluateShared(r, p, round);
                }
            }
            while (true) {
                boolean any = false;
                candidates.clear();
                for (int l = 0; l < width; l++) {
                    Run r = lane[l];
                    if (!r.active) {
                        continue;
                    }
                    Key w = pickWinner(r, round);
                    if (w == null) {
                        r.finish();
                        if (stop != null && stop.test(r.outcome)) {
                            abandonAbove(l);
                        }
                        continue;
                    }
                    if (costCap != null) {
                        r.spent = r.spent.add(costDecimal[w.p]);
                        if (r.spent.compareTo(costCap) > 0) {
                            r.overBudget = true;
                            r.finish();
                            if (stop != null) {
                                abandonAbove(l);
                            }
                            continue;
                        }
                    }
                    r.winner = w;
                    r.done[w.p] = true;
                    any = true;
                }
                if (!any) {
                    break;
                }
                if (shared) {
                    int p = -1;
                    for (Run r : lane) {
                        if (r.active) {
                            p = r.winner.p;
                            break;
                        }
                    }
                    if (canFundShared(p)) {
                        fundShared(p, round);
                        round++;
                        continue;
                    }
                    materialize();
                }
                // Fund: lanes with the same history and the same winner share one pass, and form
                // one history from now on.
                for (int l = 0; l < width; l++) {
                    Run r = lane[l];
                    if (!r.active || r.winner == null) {
                        continue;
                    }
                    int p = r.winner.p;
                    int h = r.hist;
                    int ng = 0;
                    for (int l2 = l; l2 < width; l2++) {
                        Run r2 = lane[l2];
                        if (r2.active && r2.winner != null && r2.winner.p == p && r2.hist == h) {
                            group[ng++] = r2;
                        }
                    }
                    int next = nextHist++;
                    if (ng == 1) {
                        fundOne(group[0], p, round);
                    } else {
                        fundGroup(p, round, ng);
                    }
                    for (int t = 0; t < ng; t++) {
                        Run lr = group[t];
                        lr.roundOf[p] = round;
                        lr.rounds.add(new Round(p, lr.winner.price, lr.payersNow));
                        lr.winner = null;
                        lr.hist = next;
                    }
                }
                round++;
            }
            Outcome[] out = new Outcome[width];
            for (int l = 0; l < width; l++) {
                out[l] = lane[l].outcome;
            }
            return out;
        }

        private void abandonAbove(int l) {
            for (int l2 = l + 1; l2 < width; l2++) {
                lane[l2].active = false;
                lane[l2].outcome = null;
            }
        }

        /** Writes each lane's money (budget − paid) and status out, leaving the shared representation. */
        void materialize() {
            if (!shared && materialized) {
                return;
            }
            double[] mon = money;
            double[] pd = paid;
            int classCount = mult.length;
            for (int c = 0, i = 0; c < classCount; c++) {
                double x = pd[c];
                for (int l = 0; l < width; l++, i++) {
                    double b = lane[l].b0;
                    mon[i] = b > 0 ? b - x : 0;
                }
            }

            shared = false;
            materialized = true;
        }

        private boolean materialized;

        /**
         * In the shared representation: whether every active lane funds p this round with q = cost/n
         * paid by all supporters (n = all of them) and every supporter provably holding more than q.
         */
        private boolean canFundShared(int p) {
            double q = Double.NaN;
            for (Run r : lane) {
                if (!r.active) {
                    continue;
                }
                if (r.winner == null || r.winner.p != p) {
                    return false;
                }
                Price price = r.winner.price;
                if (price.poorCount != 0 || price.rich != supporters[p] || r.nonZero[p] != supporters[p]
                        || cost[p].signum() == 0) {
                    return false;
                }
                if (q != q) {
                    q = price.approx;
                } else if (price.approx != q) {
                    return false;
                }
                if (!(r.globalLow > q + SAFETY * (r.err + price.err))) {
                    return false;
                }
            }
            return q == q;
        }

        /** Funds p in every active lane at once in the shared representation (see {@link #canFundShared}). */
        private void fundShared(int p, int round) {
            double q = 0;
            for (Run r : lane) {
                if (r.active) {
                    q = r.winner.price.approx;
                    break;
                }
            }
            double[] pd = paid;
            double mx = maxPaid;
            if (longRuns[p]) {
                int[] runs = projectRuns[p];
                for (int k = 0; k < runs.length; k += 2) {
                    for (int cl = runs[k], end = runs[k + 1]; cl < end; cl++) {
                        double x = pd[cl] + q;
                        pd[cl] = x;
                        mx = Math.max(mx, x);
                    }
                }
            } else {
                for (int cl : projectClasses[p]) {
                    double x = pd[cl] + q;
                    pd[cl] = x;
                    mx = Math.max(mx, x);
                }
            }
            maxPaid = mx;
            for (Run r : lane) {
                if (!r.active) {
                    continue;
                }
                r.payersNow = r.nonZero[p];
                Arrays.fill(r.lost, 0);
                Arrays.fill(r.gave, 0);
                // Every class holds b0 − paid ≥ b0 − maxPaid (rounding is monotone).
                r.globalLow = r.b0 - mx;
                r.afterFund(p, q, 0);
                r.roundOf[p] = round;
                r.rounds.add(new Round(p, r.winner.price, r.payersNow));
                r.winner = null;
            }
        }

        /** The lane's winner of this round: the top of its queue once that key is fresh; null when the queue runs empty. */
        private Key pickWinner(Run r, int round) {
            while (!r.queue.isEmpty()) {
                Key top = r.queue.peek();
                if (top.stamp == round) {
                    r.queue.poll();
                    r.keyOf[top.p] = null;
                    return top;
                }
                evaluateShared(r, top.p, round);
            }
            return null;
        }

        /**
         * Prices p in this round for lane r (its key for p is stale): the O(1) cases, else a pass over
         * the supporters (see {@link #price}).
         */
        private void evaluateShared(Run r, int p, int round) {
            Key k = r.evaluateQuick(p, round);
            if (k == SLOW) {
                k = price(r, p, round);
            }
            r.replace(p, k);
            if (k == null) {
                // Unaffordable in this lane: then also in every poorer lane of its history (their
                // supporters hold less, by the monotonicity lemma), which drop it now.
                for (int l = 0; l < r.idx; l++) {
                    Run poorer = lane[l];
                    if (poorer.active && poorer.hist == r.hist && !poorer.done[p]) {
                        poorer.replace(p, null);
                    }
                }
            }
        }

        /** A poorer lane's classes below its θ0 for project p in this round (see {@link #price}). */
        private record Candidates(int round, int lane, double theta, int[] cls, double[] mult, int n) {
        }

        private final Map<Long, Candidates> candidates = new HashMap<>();

        /**
         * The price of p in lane r this round, the water level q with Σ min(money, q) = cost (the
         * supporters can afford p). One pass over the supporting classes sums the money below cost/n
         * (those pay all they have, since q ≥ cost/n) and keeps the classes in a band [cost/n, θ)
         * as candidates; then q is recomputed, every candidate below it moves to the paying-all
         * side, until nothing moves (q only rises). If q comes out above θ the pass is repeated with
         * a larger θ. Any supporter within the error margin of q sends the price to the exact walk.
         *
         * <p>The first lane of a history to price p in a round passes over all supporters and keeps
         * its classes below θ0. Lanes of one history funded the same projects in the same rounds, so
         * (the monotonicity lemma of MES along a fixed sequence) a class with money in a poorer lane
         * has at least Δ more in a richer one (Δ = the difference of the per-voter budgets, ≥ 1 here,
         * see {@link Lanes#Lanes}), and a class without money in a richer lane has none in the
         * poorer. A richer lane of the history (lanes pick their winners in increasing order of
         * budget) uses a threshold θ ≤ θ0, so every class outside the kept list (approximately ≥ θ0
         * in the poorer lane, with a margin Δ − errors far above 0) is above its band and pays q:
         * it passes only over the list.
         */
        private Key price(Run r, int p, int round) {
            materialize();
            int[] cls = projectClasses[p];
            double[] pm = projectMult[p];
            boolean unit = unitMult[p];
            double c = costD[p];
            int len = cls.length;
            ensureBuffers(2, len + 1);
            int[] bc = bufC[0];
            double[] bv = bufV[0];
            double[] bm = bufM[0];
            double[] mon = money;
            int w = width;
            int o = r.idx;
            double le = r.q0 * (1 - 0x1.0p-20);
            double th = r.q0 * 1.25 + SAFETY * (r.err + r.q0Err);
            long cacheKey = (long) r.hist * (projectCount + 1) + p;
            Candidates list = width > 1 ? candidates.get(cacheKey) : null;
            if (list != null && (list.round != round || list.lane >= r.idx)) {
                list = null;
            }
            boolean keep = width > 1 && list == null;
            if (list != null) {
                th = Math.min(th, list.theta);
            }
            while (true) {
                // Branch-free: late in a run the three cases are mixed at random. below = v ≤ le (as
                // 0/1 from the sign of le − v), band = le < v < th; the band buffer (and the list
                // kept for richer lanes, v < th) are written at every step and advanced by their flags.
                double a = 0;
                double s = 0;
                int k = 0;
                int nc = 0;
                int[] cc = bufC[1];
                double[] cm = bufM[1];
                if (list != null) {
                    int[] src = list.cls;
                    double[] sm = list.mult;
                    for (int i = 0, n = list.n; i < n; i++) {
                        int cl = src[i];
                        double v = mon[cl * w + o];
                        double m = sm[i];
                        long nb = Double.doubleToRawLongBits(le - v) >>> 63;      // 1 iff v > le
                        long ib = Double.doubleToRawLongBits(v - th) >>> 63;      // 1 iff v < th
                        double x = (1 - nb) * m;
                        a += x;
                        s += x * v;
                        bc[k] = cl;
                        bv[k] = v;
                        bm[k] = m;
                        k += (int) (nb & ib);
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        int cl = cls[i];
                        double v = mon[cl * w + o];
                        double m = unit ? 1.0 : pm[i];
                        long nb = Double.doubleToRawLongBits(le - v) >>> 63;
                        long ib = Double.doubleToRawLongBits(v - th) >>> 63;
                        double x = (1 - nb) * m;
                        a += x;
                        s += x * v;
                        bc[k] = cl;
                        bv[k] = v;
                        bm[k] = m;
                        k += (int) (nb & ib);
                        cc[nc] = cl;
                        cm[nc] = m;
                        nc += (int) ib;
                    }
                }
                Key key = r.finishPrice(p, round, c, a, s, bv, bm, k, le, th);
                if (key == REPASS) {
                    // θ must grow (beyond a kept list's θ0: then over all supporters again).
                    th = r.repassTheta;
                    list = null;
                    continue;
                }
                if (keep && list == null) {
                    candidates.put(cacheKey, new Candidates(round, r.idx, th, Arrays.copyOf(cc, nc), Arrays.copyOf(cm, nc), nc));
                }
                return key;
            }
        }

        /** Every supporter of p pays min(own money, q) in lane lr (a lane alone in its history). */
        private void fundOne(Run lr, int p, int r) {
            int w = width;
            double[] mon = money;
            int[] cls = projectClasses[p];
            Price price = lr.winner.price;
            lr.payersNow = lr.nonZero[p];
            if (price.rich == 0 && price.poorCount == 0) {
                // A free project: nobody pays anything.
                return;
            }
            double[] lost = lr.lost;
            double[] gave = lr.gave;
            long[] nz = lr.nonZero;
            int[] funded = lr.roundOf;
            Arrays.fill(lost, 0);
            Arrays.fill(gave, 0);
            int o = lr.idx;
            double q = price.approx;
            double tol = SAFETY * (lr.err + price.err);
            double hi = q + tol;
            double lo = q - tol;
            double low = lr.globalLow;
            double gaveTotal = 0;
            if (low > hi && lr.payersNow == supporters[p]) {
                // Every supporter has money and more than q: a plain subtraction.
                if (longRuns[p]) {
                    int[] runs = projectRuns[p];
                    for (int k = 0; k < runs.length; k += 2) {
                        for (int i = runs[k] * w + o, end = runs[k + 1] * w + o; i < end; i += w) {
                            double nv = mon[i] - q;
                            mon[i] = nv;
                            low = Math.min(low, nv);
                        }
                    }
                } else {
                    for (int cl : cls) {
                        int i = cl * w + o;
                        double nv = mon[i] - q;
                        mon[i] = nv;
                        low = Math.min(low, nv);
                    }
                }
            } else {
                // Branch-free over all supporters: those holding more than q + tol pay q; the
                // others (no money, paying all, or too close to call) are listed and settled next.
                ensureBuffers(1, cls.length + 1);
                int[] rest = bufC[0];
                int nr = 0;
                for (int cl : cls) {
                    int i = cl * w + o;
                    double v = mon[i];
                    long rich = Double.doubleToRawLongBits(hi - v) >>> 63;   // 1 iff v > hi
                    double nv = v - q;
                    mon[i] = rich == 1 ? nv : v;
                    double cand = rich == 1 ? nv : low;
                    low = cand < low ? cand : low;
                    rest[nr] = cl;
                    nr += (int) (rich ^ 1);
                }
                for (int x = 0; x < nr; x++) {
                    int cl = rest[x];
                    int i = cl * w + o;
                    double v = mon[i];
                    if (v == 0) {
                        long m = mult[cl];
                        for (int j = cpStart[cl], e = cpStart[cl + 1]; j < e; j++) {
                            int pp = cpFlat[j];
                            if (funded[pp] == 0) {
                                lost[pp] += m;
                            }
                        }
                    } else if (v < lo || lr.exactMoney(cl, r).compareTo(price.exact()) <= 0) {
                        // Pays all it has.
                        mon[i] = 0;
                        long m = mult[cl];
                        double g = m * v;
                        gaveTotal += g;
                        for (int j = cpStart[cl], e = cpStart[cl + 1]; j < e; j++) {
                            int pp = cpFlat[j];
                            if (funded[pp] == 0) {
                                // (A funded project is never priced again.)
                                lost[pp] += m;
                                gave[pp] += g;
                                nz[pp] -= m;
                            }
                        }
                    } else {
                        double nv = v - q;
                        if (!(nv > 0)) {
                            nv = Double.MIN_VALUE;
                        }
                        mon[i] = nv;
                        low = Math.min(low, nv);
                    }
                }
            }
            lr.globalLow = low;
            lr.afterFund(p, q, gaveTotal);
        }

        /**
         * Every supporter of p pays min(own money, q) in each lane of group[0 .. ng), lanes of one
         * history in increasing order of budget. By the monotonicity lemma (see {@link #price}),
         * a class that provably pays q and keeps money in a poorer lane does so in every richer lane
         * of the history (more money by Δ ≥ 1, a price not higher): such a class is checked only in
         * the poorest lane, and for the others only the subtraction is done. The other classes are
         * settled lane by lane upwards until the first lane where they pay q (from there on they pay
         * q in the richer lanes too), with one read of their ballot for all lanes.
         */
        private void fundGroup(int p, int r, int ng) {
            int w = width;
            double[] mon = money;
            int[] cls = projectClasses[p];
            if (cost[p].signum() == 0) {
                // A free project: nobody pays anything (the same project in every lane of the group).
                for (int t = 0; t < ng; t++) {
                    group[t].payersNow = group[t].nonZero[p];
                }
                return;
            }
            boolean allFast = true;
            for (int t = 0; t < ng; t++) {
                Run lr = group[t];
                Price price = lr.winner.price;
                lr.payersNow = lr.nonZero[p];
                Arrays.fill(lr.lost, 0);
                Arrays.fill(lr.gave, 0);
                double q = price.approx;
                double tol = SAFETY * (lr.err + price.err);
                gq[t] = q;
                ghi[t] = q + tol;
                glo[t] = q - tol;
                glow[t] = lr.globalLow;
                gGivenTotal[t] = 0;
                goff[t] = lr.idx;
                allFast &= lr.globalLow > q + tol && lr.payersNow == supporters[p];
            }
            int o0 = goff[0];
            double q0 = gq[0];
            double hi0 = ghi[0];
            int[] funded = group[0].roundOf;
            // The minimum of the poorest lane's new money over the classes paying q in all lanes:
            // by the lemma a lower bound for every richer lane's new money of those classes too.
            double lowRich = Double.POSITIVE_INFINITY;
            boolean contiguous = true;
            for (int t = 1; t < ng; t++) {
                contiguous &= goff[t] == o0 + t;
            }
            if (allFast) {
                for (int cl : cls) {
                    int base = cl * w;
                    double nv0 = mon[base + o0] - q0;
                    lowRich = nv0 < lowRich ? nv0 : lowRich;
                    mon[base + o0] = nv0;
                    for (int t = 1; t < ng; t++) {
                        mon[base + goff[t]] -= gq[t];
                    }
                }
            } else {
                for (int cl : cls) {
                    int base = cl * w;
                    double v0 = mon[base + o0];
                    if (v0 > hi0) {
                        double nv0 = v0 - q0;
                        lowRich = nv0 < lowRich ? nv0 : lowRich;
                        mon[base + o0] = nv0;
                        if (contiguous) {
                            for (int t = 1, i = base + o0 + 1; t < ng; t++, i++) {
                                mon[i] -= gq[t];
                            }
                        } else {
                            for (int t = 1; t < ng; t++) {
                                mon[base + goff[t]] -= gq[t];
                            }
                        }
                        continue;
                    }
                    int deadMask = 0;
                    int dieMask = 0;
                    int t = 0;
                    for (; t < ng; t++) {
                        int i = base + goff[t];
                        double v = mon[i];
                        if (v > ghi[t]) {
                            break;
                        }
                        if (v == 0) {
                            deadMask |= 1 << t;
                        } else if (v < glo[t] || group[t].exactMoney(cl, r).compareTo(group[t].winner.price.exact()) <= 0) {
                            // Pays all it has in lane t.
                            mon[i] = 0;
                            double g = mult[cl] * v;
                            gGiven[t] = g;
                            gGivenTotal[t] += g;
                            dieMask |= 1 << t;
                        } else {
                            // Pays q, barely keeping money (decided exactly).
                            double nv = v - gq[t];
                            if (!(nv > 0)) {
                                nv = Double.MIN_VALUE;
                            }
                            mon[i] = nv;
                            glow[t] = Math.min(glow[t], nv);
                            t++;
                            break;
                        }
                    }
                    // Lanes from t on pay q (they are richer than the first one that does).
                    for (int u = t; u < ng; u++) {
                        int i = base + goff[u];
                        double nv = mon[i] - gq[u];
                        mon[i] = nv;
                        glow[u] = Math.min(glow[u], nv);
                    }
                    int mask = deadMask | dieMask;
                    if (mask != 0) {
                        long m = mult[cl];
                        // Nested by the lemma: without money before in lanes [0, a), paying all in
                        // [a, b), paying q from b on. Then one update per ballot entry: lost by the
                        // last lane b − 1, paying all by the range [a, b) (differences over lanes);
                        // a mask of another shape (never expected) takes the lane-by-lane loop.
                        int b = Integer.numberOfTrailingZeros(~mask);
                        int a = Integer.numberOfTrailingZeros(~deadMask);
                        boolean nested = mask == (1 << b) - 1 && deadMask == (1 << a) - 1 && b < 31;
                        for (int j = cpStart[cl], e = cpStart[cl + 1]; j < e; j++) {
                            int pp = cpFlat[j];
                            if (funded[pp] != 0 || pp == p) {
                                // Funded (in every lane of the history): never priced again.
                                continue;
                            }
                            if (nested) {
                                int row = pp * (ng + 1);
                                lostEnd[row + b - 1] += m;
                                if (b > a) {
                                    dieDiff[row + a] += m;
                                    dieDiff[row + b] -= m;
                                    for (int u = a; u < b; u++) {
                                        gaveAll[row + u] += gGiven[u];
                                    }
                                }
                            } else {
                                for (int bits = mask; bits != 0; bits &= bits - 1) {
                                    int u = Integer.numberOfTrailingZeros(bits);
                                    Run lr = group[u];
                                    lr.lost[pp] += m;
                                    if ((dieMask & (1 << u)) != 0) {
                                        lr.gave[pp] += gGiven[u];
                                        lr.nonZero[pp] -= m;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if (!allFast) {
                // Lane t lost the classes whose last such lane is ≥ t; paying all: prefix sums of the differences.
                int stride = ng + 1;
                for (int pp = 0; pp < projectCount; pp++) {
                    int row = pp * stride;
                    long suffix = 0;
                    for (int t = ng - 1; t >= 0; t--) {
                        suffix += lostEnd[row + t];
                        if (suffix != 0) {
                            group[t].lost[pp] += suffix;
                        }
                    }
                    long running = 0;
                    for (int t = 0; t < ng; t++) {
                        running += dieDiff[row + t];
                        if (running != 0) {
                            group[t].nonZero[pp] -= running;
                        }
                        double g = gaveAll[row + t];
                        if (g != 0) {
                            group[t].gave[pp] += g;
                        }
                    }
                }
                Arrays.fill(lostEnd, 0, projectCount * stride, 0);
                Arrays.fill(dieDiff, 0, projectCount * stride, 0);
                Arrays.fill(gaveAll, 0, projectCount * stride, 0);
            }
            for (int t = 0; t < ng; t++) {
                Run lr = group[t];
                lr.globalLow = Math.min(glow[t], lowRich);
                lr.afterFund(p, gq[t], gGivenTotal[t]);
            }
        }

        private void ensureBuffers(int ns, int len) {
            for (int t = 0; t < ns; t++) {
                if (bufC[t].length < len) {
                    int n = Math.max(len, bufC[t].length * 2);
                    bufC[t] = new int[n];
                    bufV[t] = new double[n];
                    bufM[t] = new double[n];
                }
            }
        }
    }

    private void ensureWorkspace(int width) {
        int need = mult.length * width;
        if (money.length < need) {
            money = new double[need];
        }
        if (paid.length < mult.length) {
            paid = new double[mult.length];
        }
        if (bufC.length < 2) {
            int old = bufC.length;
            bufC = Arrays.copyOf(bufC, 2);
            bufV = Arrays.copyOf(bufV, 2);
            bufM = Arrays.copyOf(bufM, 2);
            for (int t = old; t < 2; t++) {
                bufC[t] = new int[256];
                bufV[t] = new double[256];
                bufM[t] = new double[256];
            }
        }
    }

    private static final Key SLOW = new Key(-1, 0, 0, null, -1, Rational.ZERO);
    private static final Key REPASS = new Key(-2, 0, 0, null, -1, Rational.ZERO);

    /** State of one MES run (one lane); its exact values can be derived while its batch is the current one of the instance. */
    final class Run {
        final Utility utility;
        final Rational perVoter;
        final int idx;
        private final int width;
        private final int gen;
        final double b0;
        /** A bound on |money − exact money| for every class in this lane. */
        double err;
        /** Every class with money holds at least this (as a double). */
        double globalLow;
        final boolean[] done;
        final long[] nonZero;
        /** Tracked total money of each project's supporters (double) and a bound on its error. */
        final double[] sMoney;
        final double[] sErr;
        final int[] roundOf;
        final double[] lost;
        final double[] gave;
        final PriorityQueue<Key> queue;
        /** The queue entry of each project, null when none. */
        final Key[] keyOf;
        final List<Round> rounds = new ArrayList<>();
        /** Exact money by the set of rounds paid (bit j − 1 for round j), for rounds up to 64. */
        private final Map<Long, Rational> moneyMemo = new HashMap<>();
        private final int[] roundScratch = new int[Math.max(1, projectCount)];
        boolean overBudget;
        boolean active = true;
        BigDecimal spent = BigDecimal.ZERO;
        Key winner;
        long payersNow;
        Outcome outcome;
        double q0;
        double q0Err;
        double repassTheta;
        Lanes batch;
        /** Lanes with the same history (funded the same projects in the same rounds) have the same id. */
        int hist;

        Run(int idx, int width, Rational perVoter, Utility utility, int gen) {
            this.idx = idx;
            this.width = width;
            this.utility = utility;
            this.perVoter = perVoter;
            this.gen = gen;
            done = new boolean[projectCount];
            nonZero = new long[projectCount];
            sMoney = new double[projectCount];
            sErr = new double[projectCount];
            roundOf = new int[projectCount];
            lost = new double[projectCount];
            gave = new double[projectCount];
            keyOf = new Key[projectCount];
            queue = new PriorityQueue<>(Math.max(1, projectCount), this::compareKeys);
            if (perVoter.signum() > 0) {
                double b = perVoter.toDouble();
                b0 = b > 0 ? b : Double.MIN_VALUE;
                err = 4 * EPS * b0;
                System.arraycopy(supporters, 0, nonZero, 0, projectCount);
            } else {
                b0 = 0;
                err = 0;
            }
            for (int p = 0; p < projectCount; p++) {
                double s = nonZero[p] * b0;
                sMoney[p] = s;
                sErr[p] = nonZero[p] * err + EPS * s;
            }
            globalLow = b0;
        }

        /** The run stopped early because the funded projects cost more than the cap. */
        boolean overBudget() {
            return overBudget;
        }

        boolean live() {
            return gen == generation;
        }

        private void checkLive() {
            if (!live()) {
                throw new IllegalStateException("exact values of an MES run are gone after the next run on the same instance");
            }
            batch.materialize();
        }

        private void finish() {
            active = false;
            int[] funded = new int[rounds.size()];
            for (int i = 0; i < funded.length; i++) {
                funded[i] = rounds.get(i).project();
            }
            outcome = new Outcome(perVoter, funded, rounds, this);
        }

        private void replace(int p, Key k) {
            Key old = keyOf[p];
            if (old != null) {
                queue.remove(old);
            }
            if (k == null) {
                done[p] = true;
                keyOf[p] = null;
            } else {
                queue.add(k);
                keyOf[p] = k;
            }
        }

        /** Key order: lower ρ first (exact when close), then the tie-break rank. */
        int compareKeys(Key a, Key b) {
            if (a == b) {
                return 0;
            }
            double d = a.rho - b.rho;
            double tol = SAFETY * (a.rhoErr + b.rhoErr);
            int c;
            if (d > tol) {
                c = 1;
            } else if (d < -tol) {
                c = -1;
            } else {
                c = a.rhoExact().compareTo(b.rhoExact());
            }
            return c != 0 ? c : Integer.compare(rank[a.p], rank[b.p]);
        }

        private Key key(int p, Price price, int stamp) {
            Rational w = utility == Utility.COST ? cost[p] : Rational.ONE;
            double wd = utility == Utility.COST ? costD[p] : 1.0;
            double wErr = utility == Utility.COST ? costErr[p] : 0;
            if (wd == 0) {
                return new Key(p, 0, 0, price, stamp, Rational.ZERO);
            }
            double rho = price.approx / wd;
            double rhoErr = price.err / wd + Math.abs(rho) * (wErr / wd + 2 * EPS);
            return new Key(p, rho, rhoErr, price, stamp, w);
        }

        /**
         * The current price of p when it takes O(1): null when the supporters can no longer pay
         * for it (from the tracked total of their money), the key when every voter with money holds
         * more than cost/n; else {@link #SLOW} (then {@link #q0} is cost/n).
         */
        private Key evaluateQuick(int p, int stamp) {
            if (cost[p].signum() == 0) {
                // A free project costs nobody anything; fund it if anyone asked for it.
                return supporters[p] > 0 ? key(p, new Price(this, p, stamp, 0, 0, 0, 0), stamp) : null;
            }
            long n = nonZero[p];
            if (n == 0) {
                return null;
            }
            double c = costD[p];
            double s = sMoney[p];
            double tolS = SAFETY * (sErr[p] + costErr[p] + EPS * (Math.abs(s) + c));
            if (s - c < -tolS) {
                return null;
            }
            if (s - c <= tolS && exactSupportersMoney(p, stamp).compareTo(cost[p]) < 0) {
                return null;
            }
            double q = c / n;
            double qErr = costErr[p] / n + EPS * q;
            if (globalLow > q + SAFETY * (err + qErr)) {
                // Every voter with money holds more than cost/n, so each supporter pays q = cost/n.
                return key(p, new Price(this, p, stamp, q, qErr, 0, n), stamp);
            }
            q0 = q;
            q0Err = qErr;
            return SLOW;
        }

        /** The water level from one pass (see {@link Lanes#passAndPrice}); {@link #REPASS} when θ was too small. */
        private Key finishPrice(int p, int stamp, double c, double cnt0, double sum0, double[] bv, double[] bm, int nb,
                                double lowEdge, double theta) {
            long n = nonZero[p];
            // Supporters without money (exactly 0.0) fall below lowEdge; their number is known.
            cnt0 -= supporters[p] - n;
            int terms0 = projectClasses[p].length;
            double level = cnt0 == 0 ? q0 : (c - sum0) / (n - cnt0);
            double cnt = cnt0;
            double sum = sum0;
            int terms = terms0;
            boolean exact = n - cnt0 <= 0;
            for (int it = 0; !exact; it++) {
                double cnt2 = cnt0;
                double sum2 = sum0;
                for (int i = 0; i < nb; i++) {
                    double v = bv[i];
                    double w = v < level ? bm[i] : 0.0;
                    cnt2 += w;
                    sum2 += w * v;
                }
                boolean stable = cnt2 == cnt;
                cnt = cnt2;
                sum = sum2;
                terms = terms0 + nb;
                if (n - cnt <= 0 || it > 64) {
                    exact = true;
                } else if (stable) {
                    break;
                } else {
                    level = (c - sum) / (n - cnt);
                }
            }
            if (exact) {
                return key(p, exactWaterLevel(p, stamp), stamp);
            }
            long rich = n - (long) cnt;
            double q;
            double qErr;
            if (cnt == 0) {
                q = q0;
                qErr = q0Err;
            } else {
                double errSum = cnt * err + 2 * EPS * sum * (terms + 1);
                double num = c - sum;
                double numErr = costErr[p] + errSum + EPS * (c + sum);
                q = num / rich;
                qErr = numErr / rich + EPS * Math.abs(q);
            }
            double tol = SAFETY * (err + qErr);
            if (!(q - tol > lowEdge)) {
                return key(p, exactWaterLevel(p, stamp), stamp);
            }
            if (!(q + tol < theta)) {
                if (theta > 4 * b0 + 1) {
                    return key(p, exactWaterLevel(p, stamp), stamp);
                }
                repassTheta = Math.max(2 * theta, 2 * (q + tol));
                return REPASS;
            }
            for (int i = 0; i < nb; i++) {
                if (Math.abs(bv[i] - q) <= tol) {
                    return key(p, exactWaterLevel(p, stamp), stamp);
                }
            }
            return key(p, new Price(this, p, stamp, q, qErr, (long) cnt, rich), stamp);
        }

        /** After this lane funded p: its tracked money of the other projects' supporters and its error bound. */
        private void afterFund(int p, double q, double gaveTotal) {
            Price price = winner.price;
            long payers = payersNow;
            long[] co = coSupport(p);
            double rounding = 2 * EPS * (Math.abs(q) * payers + gaveTotal);
            for (int pp = 0; pp < projectCount; pp++) {
                if (done[pp]) {
                    continue;
                }
                double rich = co[pp] - lost[pp];
                double s = sMoney[pp];
                double paid = q * rich + gave[pp];
                sMoney[pp] = s - paid;
                // q is off by price.err, each given money by err (at most lost[pp] of them), plus roundings.
                sErr[pp] += price.err * rich + err * lost[pp] + rounding + 2 * EPS * (Math.abs(s) + paid);
            }
            // New money v − q: off by at most err + price.err plus one rounding (≤ EPS · b0).
            err += price.err + 2 * EPS * b0;
        }

        /** The water level in exact arithmetic (close calls): the sorted walk over the exact money of the supporters. */
        private Price exactWaterLevel(int p, int stamp) {
            checkLive();
            int[] cls = projectClasses[p];
            int k = 0;
            int[] alive = new int[cls.length];
            List<Rational> held = new ArrayList<>();
            for (int cl : cls) {
                Rational m = exactMoney(cl, stamp);
                if (m.signum() > 0) {
                    alive[k++] = cl;
                    held.add(m);
                }
            }
            Rational[] values = held.toArray(new Rational[0]);
            Integer[] order = new Integer[k];
            long rest = 0;
            for (int i = 0; i < k; i++) {
                order[i] = i;
                rest += mult[alive[i]];
            }
            Arrays.sort(order, Comparator.comparing(i -> values[i]));
            Rational prefix = Rational.ZERO;
            Rational q = null;
            long poor = 0;
            for (int j = 0; j < k; j++) {
                int i = order[j];
                Rational cand = cost[p].subtract(prefix).divide(rest);
                if (cand.compareTo(values[i]) <= 0) {
                    q = cand;
                    break;
                }
                long m = mult[alive[i]];
                prefix = prefix.add(values[i].multiply(m));
                rest -= m;
                poor += m;
            }
            if (q == null) {
                throw new IllegalStateException("supporters cannot pay although they hold the cost");
            }
            double qd = q.toDouble();
            Price price = new Price(this, p, stamp, qd, 4 * EPS * Math.abs(qd), poor, rest);
            price.exact = q;
            return price;
        }

        /**
         * Exact money of class cl before the funding of round s, by replaying its history: it starts
         * with perVoter and, in each earlier round j whose project it supports (in order), pays all
         * it has when that is at most the exact q_j (then it holds 0 from there on; this is the run's
         * own exact decision), else pays q_j. Memoised by the set of those rounds.
         */
        Rational exactMoney(int cl, int s) {
            checkLive();
            int[] js = roundScratch;
            int n = 0;
            boolean small = true;
            for (int k = cpStart[cl], end = cpStart[cl + 1]; k < end; k++) {
                int j = roundOf[cpFlat[k]];
                if (j != 0 && j < s) {
                    js[n++] = j;
                    small &= j <= 64;
                }
            }
            // A local copy: computing an earlier exact price can come back here for other classes.
            js = Arrays.copyOf(js, n);
            Arrays.sort(js);
            Rational m = perVoter.signum() > 0 ? perVoter : Rational.ZERO;
            if (!small) {
                for (int i = 0; i < n && m.signum() > 0; i++) {
                    Rational q = rounds.get(js[i] - 1).price().exact();
                    m = m.compareTo(q) <= 0 ? Rational.ZERO : m.subtract(q);
                }
                return m;
            }
            // Memoised by each prefix of the history (the rounds so far as bits): a new prefix costs
            // one step from the longest one already known.
            long[] sig = new long[n + 1];
            for (int i = 0; i < n; i++) {
                sig[i + 1] = sig[i] | 1L << (js[i] - 1);
            }
            int known = n;
            Rational from = null;
            for (; known > 0; known--) {
                from = moneyMemo.get(sig[known]);
                if (from != null) {
                    break;
                }
            }
            if (known > 0) {
                m = from;
            }
            for (int i = known; i < n; i++) {
                if (m.signum() > 0) {
                    Rational q = rounds.get(js[i] - 1).price().exact();
                    m = m.compareTo(q) <= 0 ? Rational.ZERO : m.subtract(q);
                }
                moneyMemo.put(sig[i + 1], m);
            }
            return m;
        }

        /** The signature (rounds paid before s, as bits) of class cl, or −1 when a round is above 64. */
        private long signature(int cl, int s) {
            long sig = 0;
            for (int k = cpStart[cl], end = cpStart[cl + 1]; k < end; k++) {
                int j = roundOf[cpFlat[k]];
                if (j != 0 && j < s) {
                    if (j > 64) {
                        return -1;
                    }
                    sig |= 1L << (j - 1);
                }
            }
            return sig;
        }

        /**
         * Σ mult · exact money over the given classes before round s, with only those of exact money
         * below {@code below} when it is not null (each distinct history summed once, with its count).
         * Returns {sum, count}.
         */
        private Object[] sumMoney(int[] classes, int s, Rational below) {
            Map<Long, long[]> bySig = new HashMap<>();
            Map<Long, Integer> sample = new HashMap<>();
            Rational sum = Rational.ZERO;
            long count = 0;
            for (int cl : classes) {
                long sig = signature(cl, s);
                if (sig < 0) {
                    Rational m = exactMoney(cl, s);
                    if (m.signum() > 0 && (below == null || m.compareTo(below) < 0)) {
                        sum = sum.add(m.multiply(mult[cl]));
                        count += mult[cl];
                    }
                    continue;
                }
                long[] c = bySig.get(sig);
                if (c == null) {
                    bySig.put(sig, new long[] {mult[cl]});
                    sample.put(sig, cl);
                } else {
                    c[0] += mult[cl];
                }
            }
            // A class with money paid q_j in each round j of its history: its money is perVoter − Σ q_j.
            // So the sum over the counted histories is count · perVoter − Σ_j q_j · (their count paying in j).
            long[] paidIn = new long[65];
            long counted = 0;
            for (Map.Entry<Long, long[]> e : bySig.entrySet()) {
                Rational m = exactMoney(sample.get(e.getKey()), s);
                if (m.signum() > 0 && (below == null || m.compareTo(below) < 0)) {
                    long c = e.getValue()[0];
                    counted += c;
                    for (long bits = e.getKey(); bits != 0; bits &= bits - 1) {
                        paidIn[Long.numberOfTrailingZeros(bits) + 1] += c;
                    }
                }
            }
            if (counted > 0) {
                Rational part = perVoter.multiply(counted);
                for (int j = 1; j <= 64; j++) {
                    if (paidIn[j] != 0) {
                        part = part.subtract(rounds.get(j - 1).price().exact().multiply(paidIn[j]));
                    }
                }
                sum = sum.add(part);
                count += counted;
            }
            return new Object[] {sum, count};
        }

        /**
         * (cost − exact money of the payers of all they have) / rich. Those payers are the supporters
         * alive in round {@code stamp} with exact money below the approximate price (see {@link Price}).
         */
        Rational exactPrice(Price price) {
            checkLive();
            if (price.rich == 0) {
                return Rational.ZERO;
            }
            int p = price.project;
            Rational s = cost[p];
            if (price.poorCount > 0) {
                Rational q = Rational.of(new BigDecimal(price.approx));
                Object[] poor = sumMoney(projectClasses[p], price.stamp, q);
                s = s.subtract((Rational) poor[0]);
                long found = (Long) poor[1];
                if (found != price.poorCount) {
                    throw new IllegalStateException("payers of all they have: found " + found + ", priced " + price.poorCount);
                }
            }
            return s.divide(price.rich);
        }

        /** Exact money the supporters of p hold before round s. */
        Rational exactSupportersMoney(int p, int s) {
            checkLive();
            return (Rational) sumMoney(projectClasses[p], s, null)[0];
        }

        /** Exact money the supporters of p hold at the end of the run. */
        Rational supportersMoney(int p) {
            return exactSupportersMoney(p, rounds.size() + 1);
        }

        /** Supporters of p with money at the end of the run. */
        long supportersWithMoney(int p) {
            checkLive();
            long n = 0;
            for (int cl : projectClasses[p]) {
                if (money[cl * width + idx] > 0) {
                    n += mult[cl];
                }
            }
            return n;
        }
    }

    /** Co-supporters of p and every project (voters listing both), computed once per project and kept. */
    private long[] coSupport(int p) {
        long[] co = coSupport[p];
        if (co == null) {
            co = new long[projectCount];
            for (int cl : projectClasses[p]) {
                long m = mult[cl];
                for (int k = cpStart[cl], end = cpStart[cl + 1]; k < end; k++) {
                    co[cpFlat[k]] += m;
                }
            }
            coSupport[p] = co;
        }
        return co;
    }

    /** README "Exhaustive": no unfunded project fits in the money left (budget − cost of the outcome). */
    boolean exhaustive(int[] funded) {
        boolean[] in = new boolean[projectCount];
        BigDecimal left = new BigDecimal(budget.num()).divide(new BigDecimal(budget.den()));
        for (int p : funded) {
            in[p] = true;
            left = left.subtract(costDecimal[p]);
        }
        for (int p = 0; p < projectCount; p++) {
            if (!in[p] && costDecimal[p].compareTo(left) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Trace of a run: funded projects by round, then the others with the money their supporters kept. */
    List<TraceEntry> trace(Outcome o, List<String> ids) {
        if (o.state() == null || !o.state().live()) {
            Outcome again = run(o.perVoter(), o.state() == null ? Utility.COST : o.state().utility);
            if (!Arrays.equals(again.funded(), o.funded())) {
                throw new IllegalStateException("MES is deterministic; a re-run gave another outcome");
            }
            o = again;
        }
        List<TraceEntry> trace = new ArrayList<>();
        Rational left = o.perVoter().multiply(voters);
        boolean[] funded = new boolean[projectCount];
        int round = 0;
        for (Round r : o.rounds()) {
            round++;
            funded[r.project()] = true;
            left = left.subtract(cost[r.project()]);
            trace.add(new TraceEntry(ids.get(r.project()), TraceEntry.Status.FUNDED, round, null, null,
                    r.price().exact(), r.payers(), left));
        }
        Integer[] rest = new Integer[projectCount];
        for (int p = 0; p < projectCount; p++) {
            rest[p] = p;
        }
        Arrays.sort(rest, Comparator.comparingInt(p -> rank[p]));
        for (int p : rest) {
            if (funded[p]) {
                continue;
            }
            if (supporters[p] == 0) {
                trace.add(new TraceEntry(ids.get(p), TraceEntry.Status.NO_SUPPORT, 0, null, null, null, 0L, Rational.ZERO));
            } else {
                trace.add(new TraceEntry(ids.get(p), TraceEntry.Status.SUPPORTERS_CANNOT_AFFORD, 0, null, null, null,
                        o.state().supportersWithMoney(p), o.state().supportersMoney(p)));
            }
        }
        return trace;
    }
}
