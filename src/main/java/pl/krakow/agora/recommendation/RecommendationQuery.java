package pl.krakow.agora.recommendation;

import org.jspecify.annotations.Nullable;

/**
 * A search of the catalogue: every part is optional.
 *
 * @param text full-text words, matched as prefixes and without regard to diacritics
 */
public record RecommendationQuery(@Nullable String text, @Nullable Integer chapter, @Nullable WorkflowStatus status,
        @Nullable String responsibleUnit, @Nullable TargetGroup targetGroup) {

    public static RecommendationQuery all() {
        return new RecommendationQuery(null, null, null, null, null);
    }

    public static RecommendationQuery chapter(int chapter) {
        return new RecommendationQuery(null, chapter, null, null, null);
    }
}
