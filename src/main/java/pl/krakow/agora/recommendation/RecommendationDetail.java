package pl.krakow.agora.recommendation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.translation.LocalizedText;

/**
 * A recommendation with its history; for a section, also its items in the report's order.
 *
 * @param sectionTitle the title of the section an item belongs to (null for sections and proposals)
 * @param mine         the current user proposed it (authors see their own proposals before moderation)
 */
public record RecommendationDetail(RecommendationSummary summary, @Nullable LocalizedText sectionTitle,
        @Nullable LocalizedText chapterTitle, List<RecommendationSummary> items, List<StatusChange> history,
        boolean mine) {
}
