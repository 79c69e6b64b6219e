package pl.krakow.agora.recommendation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.translation.LocalizedText;

/** One recommendation in a list, in the reader's language where a translation exists. */
public record RecommendationSummary(String code, RecommendationKind kind, @Nullable Integer chapter,
        @Nullable String section, LocalizedText title, LocalizedText text, WorkflowStatus status,
        List<String> responsibleUnits, List<TargetGroup> targetGroups) {
}
