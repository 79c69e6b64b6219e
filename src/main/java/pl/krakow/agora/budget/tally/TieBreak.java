package pl.krakow.agora.budget.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order that decides between equally good projects (same greedy score, same MES price per
 * unit of utility). Default, as in shared/data/pb/README.md and design/domain.md: the project
 * listed first wins. An edition may configure another order; whatever is not decided by it falls
 * back to the listed order, so the result is always deterministic.
 */
public final class TieBreak {

    private final String name;
    private final Comparator<IndexedProject> order;

    private record IndexedProject(int index, TallyInput.Project project) {
    }

    private TieBreak(String name, Comparator<IndexedProject> order) {
        this.name = name;
        this.order = order.thenComparingInt(IndexedProject::index);
    }

    /** Listed first wins (README "Ties"). */
    public static TieBreak fileOrder() {
        return new TieBreak("file-order", (a, b) -> 0);
    }

    /** Listed last wins; used to check whether an outcome is tie-sensitive. */
    public static TieBreak lastListed() {
        return new TieBreak("last-listed", Comparator.comparingInt(IndexedProject::index).reversed());
    }

    /** Cheaper project wins, then listed first. */
    public static TieBreak lowerCostFirst() {
        return new TieBreak("lower-cost", Comparator.comparing(p -> p.project().cost()));
    }

    /** A custom order over projects; listed order decides what it leaves equal. */
    public static TieBreak by(String name, Comparator<TallyInput.Project> order) {
        return new TieBreak(name, (a, b) -> order.compare(a.project(), b.project()));
    }

    public String name() {
        return name;
    }

    /** rank[i] for project i; the lower rank wins a tie. */
    int[] ranks(TallyInput input) {
        List<IndexedProject> ps = new ArrayList<>();
        for (int i = 0; i < input.projects().size(); i++) {
            ps.add(new IndexedProject(i, input.projects().get(i)));
        }
        ps.sort(order);
        int[] rank = new int[ps.size()];
        for (int r = 0; r < ps.size(); r++) {
            rank[ps.get(r).index()] = r;
        }
        return rank;
    }

    @Override
    public String toString() {
        return name;
    }
}
