package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A project as its public page shows it. {@code mine}: the reader is its author. */
public record ProjectDetails(long id, long editionId, String title, String description, String language,
        BigDecimal cost, List<CostItem> costItems, @Nullable Long categoryId, @Nullable String location,
        ProjectStatus status, List<Long> imageIds, List<Assessment> assessments, @Nullable Appeal appeal,
        boolean mine) {
}
