package pl.krakow.agora.budget;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a resident writes when submitting or editing a project; the cost is the sum of its items. */
public record ProjectDraft(String title, String description, List<CostItem> costItems, @Nullable Long categoryId,
        @Nullable String location) {

    public ProjectDraft {
        costItems = costItems == null ? List.of() : List.copyOf(costItems);
    }
}
