package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.budget.tally.Rule;

/** An edition as everyone may read it, with its phase at the time it was read. */
public record Edition(long id, String name, String nameLanguage, BigDecimal totalBudget, List<Category> categories,
        PhaseDates dates, BallotFormat format, @Nullable Integer maxChoices, @Nullable Integer totalPoints,
        List<Integer> rankPoints, Rule rule, int minAge, Eligibility eligibility, TieBreakOrder tieBreak,
        Phase phase, boolean frozen) {

    public Edition {
        categories = List.copyOf(categories);
        rankPoints = List.copyOf(rankPoints);
    }

    /** Budget of the projects outside every category: what the categories leave of the total. */
    public BigDecimal generalBudget() {
        BigDecimal left = totalBudget;
        for (Category c : categories) {
            left = left.subtract(c.budget());
        }
        return left;
    }

    public @Nullable Category category(@Nullable Long id) {
        if (id == null) {
            return null;
        }
        return categories.stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    /** The same edition counted by another rule (for comparisons; editions themselves never change rule once frozen). */
    Edition withRule(Rule other) {
        return new Edition(id, name, nameLanguage, totalBudget, categories, dates, format, maxChoices, totalPoints,
                rankPoints, other, minAge, eligibility, tieBreak, phase, frozen);
    }
}
