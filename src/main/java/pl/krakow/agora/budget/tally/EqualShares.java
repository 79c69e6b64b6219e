package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The Method of Equal Shares (Peters, Pierczyński, Skowron, "Proportional participatory budgeting
 * with additive utilities", NeurIPS 2021; equalshares.net), exactly as defined in
 * shared/data/pb/README.md ("mes-cost"): every voter starts with budget/N; in each round, among
 * projects whose supporters still hold at least its cost, the one with the lowest price per unit
 * of utility ρ is funded, each supporter paying min(own money, q). With cost utilities ρ = q/cost,
 * with approval utilities ρ = q. No completion step here; Add1 lives in {@link Add1}.
 *
 * <p>Why it is fast (Warsaw-size instances, ~180 Add1 re-runs, well under a second) yet exact:
 * <ul>
 * <li>identical ballots are one voter class with a multiplicity;</li>
 * <li>voters are kept in budget groups: every voter with money left holds b0 − Σ q over the funded
 *     projects they supported, so a group splits only when a project its members support is funded;
 *     per project we keep the number of supporters with money left, and globally a lower bound
 *     on anyone's money, so the usual case q = cost/n is O(1);</li>
 * <li>ρ of a project never decreases between rounds (budgets only shrink), so old values are
 *     lower bounds and a lazy priority queue recomputes only the projects that reach its top;</li>
 * <li>money is a double with a proven error bound plus an exact {@link Rational} computed only
 *     when two doubles are too close to decide (lazily, through the group's history). Every
 *     decision is therefore the exact one; doubles never decide a close call.</li>
 * </ul>
 */
final class EqualShares {

    enum Utility { COST, APPROVAL }

    private static final double EPS = 0x1.0p-52;
    /** Margin on top of the propagated error bound before a double comparison is trusted. */
    private static final double SAFETY = 64;
    /** Stale keys a certificate round may recompute before it gives up. */
    private static final int MAX_CERT_REEVALUATIONS = 2;

    final int projectCount;
    final long voters;
    final BigDecimal[] costDecimal;
    final Rational[] cost;
    final double[] costD;
    final Rational budget;
    final int[] rank;
    final int[][] classProjects;
    /** classProjects flattened: the projects of class c are cpFlat[cpStart[c] .. cpStart[c + 1]). */
    final int[] cpStart;
    final int[] cpFlat;
    final long[] mult;
    final int[][] projectClasses;
    final long[] supporters;

    /** Compiles ballots into voter classes (identical approval sets; ranks and points are ignored). */
    EqualShares(TallyInput in, TieBreak tieBreak) {
        projectCount = in.projects().size();
        voters = in.ballots().size();
        costDecimal = new BigDecimal[projectCount];
        cost = new Rational[projectCount];
        costD = new double[projectCount];
        for (int p = 0; p < projectCount; p++) {
            costDecimal[p] = in.projects().get(p).cost();
            cost[p] = Rational.of(costDecimal[p]);
            costD[p] = costDecimal[p].doubleValue();
        }
        budget = Rational.of(in.budget());
        rank = tieBreak.ranks(in);
        Map<String, Integer> index = in.indexById();
        Map<ClassKey, Integer> classes = new HashMap<>();
        List<int[]> sets = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (TallyInput.Ballot b : in.ballots()) {
            int[] set = new int[b.projects().size()];
            for (int i = 0; i < set.length; i++) {
                set[i] = index.get(b.projects().get(i));
            }
            Arrays.sort(set);
            ClassKey key = new ClassKey(set);
            Integer c = classes.get(key);
            if (c == null) {
                classes.put(key, sets.size());
                sets.add(set);
                counts.add(1L);
            } else {
                counts.set(c, counts.get(c) + 1);
            }
        }
        // Number the classes in order of their sets' most supported projects:
        // classes with similar ballots get near numbers and usually share a budget group, so the
        // per-project loops over classes touch memory in order (a locality choice only).
        long[] support = new long[projectCount];
        for (int c = 0; c < sets.size(); c++) {
            for (int p : sets.get(c)) {
                support[p] += counts.get(c);
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
        int classCount = sets.size();
        int[] order = new int[classCount];
        // Sort key: the three most popular projects of the set (rank + 1, 0 when absent), then the index.
        long radix = projectCount + 1L;
        if (radix * radix * radix < Long.MAX_VALUE / Math.max(1, classCount)) {
            long[] sortKeys = new long[classCount];
            int[] top = new int[3];
            for (int c = 0; c < classCount; c++) {
                Arrays.fill(top, Integer.MAX_VALUE);
                for (int p : sets.get(c)) {
                    int r = popRank[p];
                    if (r < top[2]) {
                        if (r < top[0]) {
                            top[2] = top[1];
                            top[1] = top[0];
                            top[0] = r;
                        } else if (r < top[1]) {
                            top[2] = top[1];
                            top[1] = r;
                        } else {
                            top[2] = r;
                        }
                    }
                }
                long key = 0;
                for (int i = 0; i < 3; i++) {
                    key = key * radix + (top[i] == Integer.MAX_VALUE ? 0 : top[i] + 1);
                }
                sortKeys[c] = key * classCount + c;
            }
            Arrays.sort(sortKeys);
            for (int i = 0; i < classCount; i++) {
                order[i] = (int) (sortKeys[i] % classCount);
            }
        } else {
            for (int i = 0; i < classCount; i++) {
                order[i] = i;
            }
        }
        classProjects = new int[order.length][];
        mult = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            classProjects[i] = sets.get(order[i]);
            mult[i] = counts.get(order[i]);
        }
        cpStart = new int[mult.length + 1];
        for (int c = 0; c < mult.length; c++) {
            cpStart[c + 1] = cpStart[c] + classProjects[c].length;
        }
        cpFlat = new int[cpStart[mult.length]];
        for (int c = 0; c < mult.length; c++) {
            System.arraycopy(classProjects[c], 0, cpFlat, cpStart[c], classProjects[c].length);
        }
        int[] degree = new int[projectCount];
        supporters = new long[projectCount];
        for (int c = 0; c < mult.length; c++) {
            for (int p : classProjects[c]) {
                degree[p]++;
                supporters[p] += mult[c];
            }
        }
        projectClasses = new int[projectCount][];
        for (int p = 0; p < projectCount; p++) {
            projectClasses[p] = new int[degree[p]];
            degree[p] = 0;
        }
        for (int c = 0; c < mult.length; c++) {
            for (int p : classProjects[c]) {
                projectClasses[p][degree[p]++] = c;
            }
        }
    }

    int voterClasses() {
        return mult.length;
    }

    private record ClassKey(int[] set) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ClassKey k && Arrays.equals(set, k.set);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(set);
        }
    }

    /** Voters holding the same amount; the exact amount is derived on demand from the parent and the price paid. */
    static final class Group {
        final int id;
        final double v;
        final double err;
        final Group parent;
        final Price paid;
        Rational exact;

        Group(int id, double v, double err, Group parent, Price paid) {
            this.id = id;
            this.v = v;
            this.err = err;
            this.parent = parent;
            this.paid = paid;
        }

        Rational exact() {
            if (exact == null) {
                exact = parent.exact().subtract(paid.exact());
            }
            return exact;
        }
    }

    /**
     * A payment per supporter q = (cost − money of the supporters who pay all they have) / number
     * of the others. Stores how it was found so the exact value can be computed when needed.
     */
    static final class Price {
        final Rational cost;
        final double approx;
        final double err;
        final Group[] poor;
        final long[] poorCounts;
        final long rich;
        Rational exact;

        Price(Rational cost, double approx, double err, Group[] poor, long[] poorCounts, long rich) {
            this.cost = cost;
            this.approx = approx;
            this.err = err;
            this.poor = poor;
            this.poorCounts = poorCounts;
            this.rich = rich;
        }

        Rational exact() {
            if (exact == null) {
                Rational s = cost;
                for (int i = 0; i < poor.length; i++) {
                    s = s.subtract(poor[i].exact().multiply(poorCounts[i]));
                }
                exact = rich == 0 ? Rational.ZERO : s.divide(rich);
            }
            return exact;
        }
    }

    /** A queue entry: project p with ρ computed in round {@code stamp} (a lower bound in later rounds). */
    private static final class Key {
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
        Run r = new Run(perVoter, utility);
        return r.execute();
    }

    /**
     * A run that (a) stops as soon as the cost of the funded projects exceeds {@code costCap}
     * (then {@link Run#overBudget()}), and (b) checks the interval certificate against the run
     * {@code lower} at a smaller per-voter budget (see {@link Add1}): {@link Run#certified()} says
     * that every per-voter budget between the two gives the same funding sequence. With
     * {@code abortWhenUncertified} the run stops at the first round that breaks the certificate.
     * Aborted runs return partial outcomes that must not be used as results.
     */
    Outcome run(Rational perVoter, Utility utility, BigDecimal costCap, Outcome lower, boolean abortWhenUncertified) {
        Run r = new Run(perVoter, utility);
        r.costCap = costCap;
        r.lower = lower;
        r.abortWhenUncertified = abortWhenUncertified;
        return r.execute();
    }

    /** State of one MES run. */
    final class Run {
        private final Utility utility;
        private final Rational perVoter;
        private final Group zero;
        private final Group root;
        private final Group[] groupOf;
        private final long[] nonZero;
        /** A lower bound on the money of every voter who has any (updating it per project costs more than it saves). */
        private double globalLow;
        private final boolean[] done;
        private int nextId = 2;
        private int[] stampArr = new int[1024];
        private long[] cntArr = new long[1024];
        private int[] childStamp = new int[1024];
        private Group[] childOf = new Group[1024];
        private int token;
        private final List<Group> scratch = new ArrayList<>();
        /** Id of {@link #groupOf}[c], kept alongside so the hot loops need not touch the group object. */
        private final int[] gidOf;
        private boolean[] poorFlag = new boolean[64];
        /** The winning key of every round, in order (the certificate of a later run reads them). */
        private final List<Key> winnerKeys = new ArrayList<>();
        private BigDecimal costCap;
        private Outcome lower;
        private boolean abortWhenUncertified;
        private boolean overBudget;
        private boolean aborted;
        private boolean certified;

        /** The run stopped early because the funded projects cost more than the cap. */
        boolean overBudget() {
            return overBudget;
        }

        /** The run stopped early; its outcome is partial. */
        boolean aborted() {
            return aborted;
        }

        /** The run completed and the certificate against {@code lower} holds on the whole interval. */
        boolean certified() {
            return certified;
        }

        Run(Rational perVoter, Utility utility) {
            this.utility = utility;
            this.perVoter = perVoter;
            zero = new Group(0, 0, 0, null, null);
            zero.exact = Rational.ZERO;
            double b0 = perVoter.toDouble();
            root = new Group(1, b0, 2 * EPS * b0, null, null);
            root.exact = perVoter;
            groupOf = new Group[mult.length];
            Arrays.fill(groupOf, perVoter.signum() > 0 ? root : zero);
            gidOf = new int[mult.length];
            Arrays.fill(gidOf, groupOf.length == 0 ? 0 : groupOf[0].id);
            nonZero = new long[projectCount];
            globalLow = root.v - SAFETY * root.err;
            done = new boolean[projectCount];
            for (int p = 0; p < projectCount; p++) {
                nonZero[p] = perVoter.signum() > 0 ? supporters[p] : 0;
            }
        }

        Group groupOfClass(int c) {
            return groupOf[c];
        }

        Outcome execute() {
            PriorityQueue<Key> queue = new PriorityQueue<>(Math.max(1, projectCount), this::compareKeys);
            int round = 1;
            for (int p = 0; p < projectCount; p++) {
                Key k = evaluate(p, round);
                if (k != null) {
                    queue.add(k);
                } else {
                    done[p] = true;
                }
            }
            List<Round> rounds = new ArrayList<>();
            BigDecimal spent = BigDecimal.ZERO;
            boolean certOk = lower != null;
            while (!queue.isEmpty()) {
                Key winner = null;
                while (!queue.isEmpty()) {
                    Key top = queue.poll();
                    if (top.stamp == round) {
                        winner = top;
                        break;
                    }
                    Key fresh = evaluate(top.p, round);
                    if (fresh == null) {
                        done[top.p] = true;
                    } else {
                        queue.add(fresh);
                    }
                }
                if (winner == null) {
                    break;
                }
                if (costCap != null) {
                    spent = spent.add(costDecimal[winner.p]);
                    if (spent.compareTo(costCap) > 0) {
                        overBudget = true;
                        aborted = true;
                        break;
                    }
                }
                if (certOk) {
                    certOk = certifyRound(queue, winner, round);
                    if (!certOk && abortWhenUncertified) {
                        aborted = true;
                        break;
                    }
                }
                done[winner.p] = true;
                winnerKeys.add(winner);
                rounds.add(new Round(winner.p, winner.price, fund(winner.p, winner.price)));
                round++;
            }
            certified = certOk && !aborted && rounds.size() == lower.state().winnerKeys.size();
            int[] funded = rounds.stream().mapToInt(Round::project).toArray();
            return new Outcome(perVoter, funded, rounds, this);
        }

        /**
         * Round {@code round} of the certificate (proof in {@link Add1}): the run {@code lower}
         * funded the same project in this round, and its winning key T (ρ at the lower budget)
         * precedes, in the (ρ, tie-break rank) order, the key of every other project still in
         * this run's queue. Queue keys are lower bounds on the current ρ; a key that does not
         * clear T is recomputed for this round (this does not change the run: the lazy queue
         * only needs lower bounds) and a project that is no longer affordable leaves the queue.
         */
        private boolean certifyRound(PriorityQueue<Key> queue, Key winner, int round) {
            List<Key> lowerKeys = lower.state().winnerKeys;
            if (round > lowerKeys.size()) {
                return false;
            }
            Key t = lowerKeys.get(round - 1);
            if (t.p != winner.p) {
                return false;
            }
            List<Key> low = null;
            for (Key e : queue) {
                if (compareKeys(t, e) >= 0) {
                    if (e.stamp == round) {
                        return false;
                    }
                    if (low == null) {
                        low = new ArrayList<>();
                    }
                    low.add(e);
                    if (low.size() > MAX_CERT_REEVALUATIONS) {
                        // Give up rather than turn the lazy run into an eager one (soundness is
                        // unaffected: a failed certificate only means single steps).
                        return false;
                    }
                }
            }
            if (low == null) {
                return true;
            }
            boolean ok = true;
            for (Key e : low) {
                queue.remove(e);
                Key fresh = evaluate(e.p, round);
                if (fresh == null) {
                    done[e.p] = true;
                } else {
                    queue.add(fresh);
                    if (compareKeys(t, fresh) >= 0) {
                        ok = false;
                        break;
                    }
                }
            }
            return ok;
        }

        /** Key order: lower ρ first (exact when close), then the tie-break rank. */
        private int compareKeys(Key a, Key b) {
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
            if (wd == 0) {
                return new Key(p, 0, 0, price, stamp, Rational.ZERO);
            }
            double rho = price.approx / wd;
            return new Key(p, rho, price.err / wd + 2 * EPS * Math.abs(rho), price, stamp, w);
        }

        /** The current price of p, or null when its supporters can no longer pay for it. */
        private Key evaluate(int p, int stamp) {
            if (costD[p] == 0 && cost[p].signum() == 0) {
                // A free project costs nobody anything; fund it if anyone asked for it.
                return supporters[p] > 0 ? key(p, new Price(cost[p], 0, 0, new Group[0], new long[0], 0), stamp) : null;
            }
            long n = nonZero[p];
            if (n == 0) {
                return null;
            }
            double q = costD[p] / n;
            double qErr = 4 * EPS * q;
            if (globalLow > q + SAFETY * qErr) {
                // Every voter with money holds more than cost/n, so each supporter pays q = cost/n.
                return key(p, new Price(cost[p], q, qErr, new Group[0], new long[0], n), stamp);
            }
            return evaluateSlow(p, stamp);
        }

        private void ensure(int id) {
            if (id >= stampArr.length) {
                int len = Math.max(id + 1, stampArr.length * 2);
                stampArr = Arrays.copyOf(stampArr, len);
                cntArr = Arrays.copyOf(cntArr, len);
                childStamp = Arrays.copyOf(childStamp, len);
                childOf = Arrays.copyOf(childOf, len);
            }
        }

        /** Supporters of p with money, grouped: fills {@link #scratch}, counts in {@link #cntArr}. */
        private void collect(int p) {
            token++;
            scratch.clear();
            int t = token;
            int[] st = stampArr;
            long[] cnt = cntArr;
            int[] gid = gidOf;
            for (int c : projectClasses[p]) {
                int id = gid[c];
                if (id == 0) {
                    continue;
                }
                if (st[id] != t) {
                    st[id] = t;
                    cnt[id] = mult[c];
                    scratch.add(groupOf[c]);
                } else {
                    cnt[id] += mult[c];
                }
            }
        }

        private Key evaluateSlow(int p, int stamp) {
            collect(p);
            List<Group> gs = scratch;
            double s = 0;
            double sErr = 0;
            long n = 0;
            for (Group g : gs) {
                long k = cntArr[g.id];
                s += k * g.v;
                sErr += k * g.err;
                n += k;
            }
            sErr += EPS * s * (gs.size() + 2);
            double costP = costD[p];
            double d = s - costP;
            double tol = SAFETY * (sErr + EPS * costP);
            if (d < -tol) {
                return null;
            }
            if (d <= tol) {
                Rational exactS = Rational.ZERO;
                for (Group g : gs) {
                    exactS = exactS.add(g.exact().multiply(cntArr[g.id]));
                }
                if (exactS.compareTo(cost[p]) < 0) {
                    return null;
                }
            }
            Key fixed = waterLevel(p, stamp, gs, n, costP);
            if (fixed != null) {
                return fixed;
            }
            gs.sort(Comparator.comparingDouble(g -> g.v));
            double prefix = 0;
            double prefixErr = 0;
            long rich = n;
            int j = 0;
            double q = 0;
            double qErr = 0;
            for (; j < gs.size(); j++) {
                Group g = gs.get(j);
                q = (costP - prefix) / rich;
                qErr = (prefixErr + 2 * EPS * (costP + prefix)) / rich + 2 * EPS * Math.abs(q);
                if (q <= g.v || j == gs.size() - 1) {
                    break;
                }
                long k = cntArr[g.id];
                prefix += k * g.v;
                prefixErr += k * g.err + EPS * prefix;
                rich -= k;
            }
            Group at = gs.get(j);
            boolean close = Math.abs(q - at.v) <= SAFETY * (qErr + at.err) || q > at.v;
            if (j > 0) {
                Group before = gs.get(j - 1);
                close |= Math.abs(q - before.v) <= SAFETY * (qErr + before.err);
            }
            if (close) {
                return key(p, exactPrice(p, gs), stamp);
            }
            Group[] poor = gs.subList(0, j).toArray(new Group[0]);
            long[] counts = new long[j];
            for (int i = 0; i < j; i++) {
                counts[i] = cntArr[poor[i].id];
            }
            return key(p, new Price(cost[p], q, qErr, poor, counts, rich), stamp);
        }

        /**
         * The water level q with Σ min(v, q) = cost without sorting the groups: start at cost/n, move
         * every group below q to the poor side, recompute q, until nothing moves (q only rises, so
         * the poor side only grows). Returns null (use the sorted walk) when it takes many passes.
         * Close calls go to {@link #exactPrice} exactly as in the sorted walk.
         */
        private Key waterLevel(int p, int stamp, List<Group> gs, long n, double costP) {
            int size = gs.size();
            if (poorFlag.length < size) {
                poorFlag = new boolean[Math.max(size, poorFlag.length * 2)];
            }
            boolean[] flag = poorFlag;
            Arrays.fill(flag, 0, size, false);
            double q = costP / n;
            double prefix = 0;
            double prefixErr = 0;
            long rich = n;
            int poorN = 0;
            for (int pass = 0; ; pass++) {
                if (pass > 16) {
                    return null;
                }
                boolean grew = false;
                for (int i = 0; i < size; i++) {
                    Group g = gs.get(i);
                    if (!flag[i] && g.v < q) {
                        flag[i] = true;
                        long k = cntArr[g.id];
                        prefix += k * g.v;
                        prefixErr += k * g.err + EPS * prefix;
                        rich -= k;
                        poorN++;
                        grew = true;
                    }
                }
                if (!grew || rich == 0) {
                    break;
                }
                q = (costP - prefix) / rich;
            }
            if (rich == 0) {
                return key(p, exactPrice(p, gs), stamp);
            }
            double qErr = (prefixErr + 2 * EPS * (costP + prefix)) / rich + 2 * EPS * Math.abs(q);
            Group[] poor = new Group[poorN];
            long[] counts = new long[poorN];
            int j = 0;
            for (int i = 0; i < size; i++) {
                Group g = gs.get(i);
                double t = SAFETY * (qErr + g.err);
                if (flag[i]) {
                    poor[j] = g;
                    counts[j++] = cntArr[g.id];
                    if (g.v >= q - t) {
                        return key(p, exactPrice(p, gs), stamp);
                    }
                } else if (g.v <= q + t) {
                    return key(p, exactPrice(p, gs), stamp);
                }
            }
            return key(p, new Price(cost[p], q, qErr, poor, counts, rich), stamp);
        }

        /** The walk of {@link #evaluateSlow} in exact arithmetic, for close calls. */
        private Price exactPrice(int p, List<Group> gs) {
            List<Group> sorted = new ArrayList<>(gs);
            sorted.sort(Comparator.comparing(Group::exact));
            Rational prefix = Rational.ZERO;
            long rich = 0;
            for (Group g : sorted) {
                rich += cntArr[g.id];
            }
            int j = 0;
            Rational q = null;
            for (; j < sorted.size(); j++) {
                Group g = sorted.get(j);
                q = cost[p].subtract(prefix).divide(rich);
                if (q.compareTo(g.exact()) <= 0) {
                    break;
                }
                prefix = prefix.add(g.exact().multiply(cntArr[g.id]));
                rich -= cntArr[g.id];
            }
            if (j == sorted.size()) {
                throw new IllegalStateException("supporters cannot pay although they hold the cost");
            }
            Group[] poor = sorted.subList(0, j).toArray(new Group[0]);
            long[] counts = new long[j];
            for (int i = 0; i < j; i++) {
                counts[i] = cntArr[poor[i].id];
            }
            Price price = new Price(cost[p], q.toDouble(), 4 * EPS * Math.abs(q.toDouble()), poor, counts, rich);
            price.exact = q;
            return price;
        }

        /** Every supporter of p pays min(own money, q); returns how many voters paid. */
        private long fund(int p, Price q) {
            token++;
            int t = token;
            long payers = 0;
            int[] gid = gidOf;
            int[] start = cpStart;
            int[] flat = cpFlat;
            long[] nz = nonZero;
            for (int c : projectClasses[p]) {
                int id = gid[c];
                if (id == 0) {
                    continue;
                }
                Group child;
                if (childStamp[id] == t) {
                    child = childOf[id];
                } else {
                    Group g = groupOf[c];
                    double d = g.v - q.approx;
                    double tol = SAFETY * (g.err + q.err);
                    boolean paysAll = d < -tol || (d <= tol && g.exact().compareTo(q.exact()) <= 0);
                    child = paysAll ? zero : new Group(nextId++, d, g.err + q.err + 2 * EPS * Math.abs(g.v), g, q);
                    ensure(child.id);
                    childStamp[id] = t;
                    childOf[id] = child;
                    if (child != zero) {
                        double low = child.v - SAFETY * child.err;
                        if (low < globalLow) {
                            globalLow = low;
                        }
                    }
                }
                long m = mult[c];
                payers += m;
                groupOf[c] = child;
                gid[c] = child.id;
                if (child == zero) {
                    for (int i = start[c], end = start[c + 1]; i < end; i++) {
                        nz[flat[i]] -= m;
                    }
                }
            }
            return payers;
        }

        /** Exact money the supporters of p hold now, and how many of them hold any. */
        Rational supportersMoney(int p) {
            collect(p);
            Rational s = Rational.ZERO;
            for (Group g : scratch) {
                s = s.add(g.exact().multiply(cntArr[g.id]));
            }
            return s;
        }

        long supportersWithMoney(int p) {
            return nonZero[p];
        }
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
