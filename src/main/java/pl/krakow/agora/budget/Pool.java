package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A part of an edition counted on its own: one category or district with its budget, or the
 * projects outside every category with what the categories leave of the total. An edition without
 * categories has one pool.
 *
 * @param categoryId null for the general pool
 */
public record Pool(@Nullable Long categoryId, @Nullable String name, BigDecimal budget, List<BallotProject> projects) {

    public Pool {
        projects = List.copyOf(projects);
    }

    /** A short stable key: the category id, or "general". */
    public String key() {
        return categoryId == null ? "general" : String.valueOf(categoryId);
    }

    /** The pools of an edition, categories first (in their order), the general pool last if it has projects or no category exists. */
    public static List<Pool> of(VotingRules rules) {
        List<Pool> pools = new ArrayList<>();
        Edition e = rules.edition();
        for (Category c : e.categories()) {
            pools.add(new Pool(c.id(), c.name(), c.budget(),
                    rules.projects().stream().filter(p -> Objects.equals(p.categoryId(), c.id())).toList()));
        }
        List<BallotProject> general = rules.projects().stream()
                .filter(p -> p.categoryId() == null || e.category(p.categoryId()) == null).toList();
        if (!general.isEmpty() || e.categories().isEmpty()) {
            pools.add(new Pool(null, null, e.generalBudget(), general));
        }
        return pools;
    }

    public static Pool byKey(VotingRules rules, String key) {
        return of(rules).stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new pl.krakow.agora.platform.AgoraException("budget.error.no-pool"));
    }

    boolean contains(long projectId) {
        return projects.stream().anyMatch(p -> p.id() == projectId);
    }

    static @Nullable Long poolCategory(BallotProject p, Edition e) {
        return p.categoryId() != null && e.category(p.categoryId()) != null ? p.categoryId() : null;
    }
}
