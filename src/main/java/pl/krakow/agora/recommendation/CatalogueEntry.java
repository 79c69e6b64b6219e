package pl.krakow.agora.recommendation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.TranslatorKind;

/**
 * One recommendation as the public API and the exports give it (issue 5, item 6).
 *
 * @param language         the language of {@code title} and {@code text}
 * @param originalLanguage the language they were written in
 * @param translation      {@code original}, {@code project-team-pending-review}, {@code volunteer-pending-review} or {@code reviewed}
 */
public record CatalogueEntry(String id, String kind, @Nullable Integer chapter, @Nullable String section, String title,
        String text, String status, List<String> responsibleUnits, List<String> targetGroups, long commentCount,
        String language, String originalLanguage, String translation, @Nullable String originalTitle,
        @Nullable String originalText) {

    static CatalogueEntry of(RecommendationSummary r, long comments) {
        boolean translated = r.title().isTranslation() || r.text().isTranslation();
        LocalizedText basis = r.title().isTranslation() ? r.title() : r.text();
        String translation = !translated ? "original"
                : basis.reviewed() ? "reviewed"
                        : basis.translatedBy() == TranslatorKind.PROJECT_TEAM ? "project-team-pending-review"
                                : "volunteer-pending-review";
        return new CatalogueEntry(r.code(), r.kind().name(), r.chapter(), r.section(), r.title().text(),
                r.text().text(), r.status().name(), r.responsibleUnits(),
                r.targetGroups().stream().map(Enum::name).toList(), comments, basis.language(),
                r.title().originalLanguage(), translation, translated ? r.title().original() : null,
                translated ? r.text().original() : null);
    }
}
