package pl.krakow.agora.recommendation.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.recommendation.CatalogueEntry;
import pl.krakow.agora.recommendation.CatalogueExport;
import pl.krakow.agora.recommendation.RecommendationCatalog;
import pl.krakow.agora.recommendation.RecommendationDetail;
import pl.krakow.agora.recommendation.RecommendationQuery;
import pl.krakow.agora.recommendation.StatusChange;
import pl.krakow.agora.recommendation.TargetGroup;
import pl.krakow.agora.recommendation.WorkflowStatus;

/**
 * Public, read-only access to the catalogue. Anyone may read it; proposals before moderation and
 * hidden comments are never included. Texts come in the requested language where a translation
 * exists ({@code language} says which), with the original beside them.
 */
@RestController
@RequestMapping("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "The report's recommendations, their status and history")
class RecommendationController {

    record HistoryEntry(@Nullable String from, String to, String reason, String changedBy, Instant changedAt) {
        static HistoryEntry of(StatusChange c) {
            return new HistoryEntry(c.from() == null ? null : c.from().name(), c.to().name(), c.reason(),
                    c.changedBy(), c.changedAt());
        }
    }

    record Detail(String id, String kind, @Nullable Integer chapter, @Nullable String section, String title,
            String text, String status, List<String> responsibleUnits, List<String> targetGroups, long commentCount,
            String language, String originalLanguage, String translation, @Nullable String originalTitle,
            @Nullable String originalText, List<String> items, List<HistoryEntry> history) {
    }

    record Problem(String error, String message) {
    }

    private final RecommendationCatalog catalog;
    private final CatalogueExport export;

    RecommendationController(RecommendationCatalog catalog, CatalogueExport export) {
        this.catalog = catalog;
        this.export = export;
    }

    @GetMapping
    @Operation(summary = "List recommendations", description = "In the report's order; every filter is optional. "
            + "Full-text search ignores diacritics and matches word prefixes (q=tlumacz finds tłumaczenie).")
    ResponseEntity<?> list(
            @Parameter(description = "full-text search") @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer chapter,
            @Parameter(description = "a workflow status, e.g. UNDER_REVIEW") @RequestParam(required = false) @Nullable String status,
            @Parameter(description = "a responsible unit, exactly as listed") @RequestParam(required = false) @Nullable String unit,
            @Parameter(description = "a target group, e.g. MIGRANTS") @RequestParam(required = false) @Nullable String group,
            @Parameter(description = "pl, en, uk or ru; default from Accept-Language, else pl") @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = "Accept-Language", required = false) @Nullable String acceptLanguage,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "1000") int limit) {
        WorkflowStatus parsedStatus = null;
        TargetGroup parsedGroup = null;
        try {
            parsedStatus = status == null || status.isBlank() ? null : WorkflowStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            parsedGroup = group == null || group.isBlank() ? null : TargetGroup.valueOf(group.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new Problem("bad-filter", "unknown status or group"));
        }
        if (offset < 0 || limit < 1 || limit > 1000) {
            return ResponseEntity.badRequest().body(new Problem("bad-page", "offset >= 0 and 1 <= limit <= 1000"));
        }
        if (parsedStatus != null && !parsedStatus.isPublic()) {
            return ResponseEntity.ok(List.of());
        }
        RecommendationQuery query = new RecommendationQuery(q, chapter, parsedStatus, unit, parsedGroup);
        return ResponseEntity.ok(export.entries(query, language(lang, acceptLanguage), offset, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One recommendation with its status history", description = "id as in the report: "
            + "7.1.6 for a section, 7.1.6-2 for its second item, P-12 for a resident's proposal")
    @ApiResponse(responseCode = "404", description = "no public recommendation with this id")
    ResponseEntity<?> one(@PathVariable String id, @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = "Accept-Language", required = false) @Nullable String acceptLanguage) {
        UiLanguage reader = language(lang, acceptLanguage);
        RecommendationDetail detail = catalog.find(id, reader).filter(d -> d.summary().status().isPublic())
                .orElse(null);
        if (detail == null) {
            return ResponseEntity.status(404).body(new Problem("not-found", "no public recommendation " + id));
        }
        CatalogueEntry e = export.entryOf(detail.summary());
        return ResponseEntity.ok(new Detail(e.id(), e.kind(), e.chapter(), e.section(), e.title(), e.text(),
                e.status(), e.responsibleUnits(), e.targetGroups(), e.commentCount(), e.language(),
                e.originalLanguage(), e.translation(), e.originalTitle(), e.originalText(),
                detail.items().stream().map(i -> i.code()).toList(),
                detail.history().stream().map(HistoryEntry::of).toList()));
    }

    private static UiLanguage language(@Nullable String lang, @Nullable String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return UiLanguage.fromTag(lang).orElse(UiLanguage.DEFAULT);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    var match = UiLanguage.fromTag(range.getRange());
                    if (match.isPresent()) {
                        return match.get();
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header is treated as no header
            }
        }
        return UiLanguage.DEFAULT;
    }
}
