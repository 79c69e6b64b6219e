package pl.krakow.agora.recommendation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.discussion.CommentableRef;
import pl.krakow.agora.discussion.DiscussionService;
import pl.krakow.agora.platform.i18n.UiLanguage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public catalogue with comment counts, for the API and for the CSV and JSON downloads. Only
 * public recommendations and visible comments are counted: proposals before moderation and hidden
 * comments never leave the platform this way (issue 5, item 11).
 */
@Service
public class CatalogueExport {

    /** More than the report and years of proposals; the API pages beyond that. */
    static final int MAX = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecommendationCatalog catalog;
    private final DiscussionService discussion;

    CatalogueExport(RecommendationCatalog catalog, DiscussionService discussion) {
        this.catalog = catalog;
        this.discussion = discussion;
    }

    /** The discussion thread of a recommendation. */
    public static CommentableRef thread(String code) {
        return new CommentableRef("recommendation", "recommendation", code);
    }

    @Transactional(readOnly = true)
    public List<CatalogueEntry> entries(RecommendationQuery query, UiLanguage reader, int offset, int limit) {
        return withCounts(catalog.search(query, reader, offset, Math.min(limit, MAX)));
    }

    List<CatalogueEntry> withCounts(List<RecommendationSummary> summaries) {
        Map<CommentableRef, Long> counts = discussion.visibleCounts(
                summaries.stream().map(r -> thread(r.code())).toList());
        return summaries.stream().map(r -> CatalogueEntry.of(r, counts.getOrDefault(thread(r.code()), 0L))).toList();
    }

    /** One entry with its comment count. */
    public CatalogueEntry entryOf(RecommendationSummary summary) {
        return CatalogueEntry.of(summary, discussion.visibleCount(thread(summary.code())));
    }

    @Transactional(readOnly = true)
    public byte[] json(UiLanguage reader) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries(RecommendationQuery.all(), reader, 0, MAX));
    }

    /** RFC 4180 CSV in UTF-8 with a byte order mark, so that spreadsheet programs read the diacritics right. */
    @Transactional(readOnly = true)
    public byte[] csv(UiLanguage reader) {
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, List.of("id", "kind", "chapter", "section", "status", "title", "text", "language",
                "original_language", "translation", "original_title", "original_text", "responsible_units",
                "target_groups", "comment_count"));
        for (CatalogueEntry e : entries(RecommendationQuery.all(), reader, 0, MAX)) {
            row(out, List.of(e.id(), e.kind(), e.chapter() == null ? "" : String.valueOf(e.chapter()),
                    e.section() == null ? "" : e.section(), e.status(), e.title(), e.text(), e.language(),
                    e.originalLanguage(), e.translation(), e.originalTitle() == null ? "" : e.originalTitle(),
                    e.originalText() == null ? "" : e.originalText(), String.join("; ", e.responsibleUnits()),
                    String.join("; ", e.targetGroups()), String.valueOf(e.commentCount())));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value;
        // a cell a spreadsheet would run as a formula is kept as text (CSV injection, OWASP)
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.startsWith("'")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
