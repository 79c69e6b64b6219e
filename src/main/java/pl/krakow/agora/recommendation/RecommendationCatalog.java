package pl.krakow.agora.recommendation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.AuthorNotice;
import pl.krakow.agora.platform.SqlLike;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.Translations;

/**
 * The door into the catalogue: reading (public), moving a recommendation through chapter 1's
 * workflow (moderators and administrators, with a reason that becomes public history) and
 * residents' proposals (public only after moderation).
 */
@Service
public class RecommendationCatalog {

    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_REASON = 2_000;
    static final int MIN_TITLE = 5;
    static final int MIN_TEXT = 20;
    /** A resident proposes at most this many recommendations a day: enough for anyone, too few for a flood. */
    static final int PROPOSALS_PER_DAY = 5;
    private static final String PUBLIC_STATUSES = "'PROPOSED', 'REJECTED'";

    private final RecommendationRepository recommendations;
    private final StatusChangeRepository history;
    private final JdbcClient jdbc;
    private final Translations translations;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecommendationCatalog(RecommendationRepository recommendations, StatusChangeRepository history, JdbcClient jdbc,
            Translations translations, CurrentUser currentUser, AuditLog auditLog, ApplicationEventPublisher events,
            Clock clock) {
        this.recommendations = recommendations;
        this.history = history;
        this.jdbc = jdbc;
        this.translations = translations;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ChapterSummary> chapters(UiLanguage reader) {
        record Row(int number, String title, String intro, int sections, int items) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT c.number, c.title, c.intro,
                    (SELECT COUNT(*) FROM recommendation r WHERE r.chapter = c.number AND r.kind = 'SECTION'),
                    (SELECT COUNT(*) FROM recommendation r WHERE r.chapter = c.number AND r.kind = 'ITEM')
                FROM recommendation_chapter c ORDER BY c.number""")
                .query((rs, n) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .list();
        List<ContentRef> refs = new ArrayList<>();
        rows.forEach(r -> {
            refs.add(LocalizedTexts.ref("chapter-title", String.valueOf(r.number())));
            refs.add(LocalizedTexts.ref("chapter-text", String.valueOf(r.number())));
        });
        LocalizedTexts texts = LocalizedTexts.load(translations, reader, refs);
        return rows.stream().map(r -> new ChapterSummary(r.number(),
                texts.of(LocalizedTexts.ref("chapter-title", String.valueOf(r.number())), r.title(), "pl"),
                texts.of(LocalizedTexts.ref("chapter-text", String.valueOf(r.number())), r.intro(), "pl"),
                r.sections(), r.items())).toList();
    }

    /** Public recommendations matching the query, in the report's order (proposals after the report). */
    @Transactional(readOnly = true)
    public List<RecommendationSummary> search(RecommendationQuery query, UiLanguage reader, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT r.id FROM recommendation r");
        Map<String, Object> params = new HashMap<>();
        where(query, sql, params);
        sql.append(" ORDER BY r.chapter IS NULL, r.chapter, r.position, r.id LIMIT :limit OFFSET :offset");
        params.put("limit", Math.max(0, limit));
        params.put("offset", Math.max(0, offset));
        List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
        Map<Long, Recommendation> byId = recommendations.findAllById(ids).stream()
                .collect(Collectors.toMap(Recommendation::id, Function.identity()));
        return summaries(ids.stream().map(byId::get).toList(), reader);
    }

    @Transactional(readOnly = true)
    public int count(RecommendationQuery query) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM recommendation r");
        Map<String, Object> params = new HashMap<>();
        where(query, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Integer.class).single();
    }

    private static void where(RecommendationQuery query, StringBuilder sql, Map<String, Object> params) {
        sql.append(" WHERE r.status NOT IN (" + PUBLIC_STATUSES + ")");
        String words = query.text() == null ? "" : SearchFolding.booleanQuery(query.text());
        if (!words.isEmpty()) {
            sql.append(" AND MATCH(r.search_text) AGAINST (:words IN BOOLEAN MODE)");
            params.put("words", words);
        } else if (query.text() != null && !query.text().isBlank()) {
            // only words too short for the index (e.g. "7.1" or "ZUS"): match the code, or a whole folded word
            String folded = SearchFolding.fold(query.text());
            params.put("prefix", SqlLike.literal(query.text().strip()) + "%");
            if (folded.isEmpty()) {
                sql.append(" AND r.code LIKE :prefix");
            } else {
                sql.append(" AND (r.code LIKE :prefix OR r.search_text LIKE :infix)");
                params.put("infix", "% " + SqlLike.literal(folded) + " %");
            }
        }
        if (query.chapter() != null) {
            sql.append(" AND r.chapter = :chapter");
            params.put("chapter", query.chapter());
        }
        if (query.status() != null) {
            sql.append(" AND r.status = :status");
            params.put("status", query.status().name());
        }
        if (query.responsibleUnit() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM recommendation_unit u WHERE u.recommendation_id = r.id AND u.unit = :unit)");
            params.put("unit", query.responsibleUnit());
        }
        if (query.targetGroup() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM recommendation_target_group g"
                    + " WHERE g.recommendation_id = r.id AND g.target_group = :group)");
            params.put("group", query.targetGroup().name());
        }
    }

    /** The responsible units named by public recommendations, for the filter. */
    @Transactional(readOnly = true)
    public List<String> responsibleUnits() {
        return jdbc.sql("""
                SELECT DISTINCT u.unit FROM recommendation_unit u JOIN recommendation r ON r.id = u.recommendation_id
                WHERE r.status NOT IN (""" + PUBLIC_STATUSES + ") ORDER BY u.unit")
                .query(String.class).list();
    }

    /**
     * One recommendation with its items and history. A proposal not yet public is found only by its
     * author and by moderators; for anyone else it does not exist.
     */
    @Transactional(readOnly = true)
    public Optional<RecommendationDetail> find(String code, UiLanguage reader) {
        Optional<Recommendation> found = recommendations.findByCode(code).filter(this::visible);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Recommendation r = found.get();
        List<Recommendation> items = r.kind() == RecommendationKind.SECTION && r.section() != null
                ? recommendations.findBySectionAndKindOrderByPosition(r.section(), RecommendationKind.ITEM)
                : List.of();
        Recommendation section = r.kind() == RecommendationKind.ITEM && r.section() != null
                ? recommendations.findByCode(r.section()).orElse(null)
                : null;
        List<Recommendation> all = new ArrayList<>(items);
        all.add(r);
        List<ContentRef> refs = refs(all);
        if (section != null) {
            refs.add(LocalizedTexts.ref("title", section.code()));
        }
        if (r.chapter() != null) {
            refs.add(LocalizedTexts.ref("chapter-title", String.valueOf(r.chapter())));
        }
        LocalizedTexts texts = LocalizedTexts.load(translations, reader, refs);
        LocalizedText chapterTitle = r.chapter() == null ? null
                : jdbc.sql("SELECT title FROM recommendation_chapter WHERE number = :n").param("n", r.chapter())
                        .query(String.class).optional()
                        .map(t -> texts.of(LocalizedTexts.ref("chapter-title", String.valueOf(r.chapter())), t, "pl"))
                        .orElse(null);
        LocalizedText sectionTitle = section == null ? null
                : texts.of(LocalizedTexts.ref("title", section.code()), section.title(), section.language());
        Long me = currentUser.get().map(UserRef::id).orElse(null);
        return Optional.of(new RecommendationDetail(summary(r, texts), sectionTitle, chapterTitle,
                items.stream().map(i -> summary(i, texts)).toList(),
                history.findByRecommendationIdOrderByChangedAtAscIdAsc(r.id()).stream()
                        .map(StatusChangeEntry::toRecord).toList(),
                me != null && me.equals(r.authorId())));
    }

    /**
     * Moves a recommendation on in chapter 1's workflow. Only the moves the scheme allows are
     * accepted; the reason is required and published in the history.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public StatusChange changeStatus(String code, WorkflowStatus target, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new AgoraException("recommendation.error.reason-required");
        }
        if (why.length() > MAX_REASON) {
            throw new AgoraException("recommendation.error.reason-too-long", MAX_REASON, why.length());
        }
        Recommendation r = recommendations.findByCode(code)
                .orElseThrow(() -> new AgoraException("recommendation.error.not-found", code));
        WorkflowStatus from = r.status();
        if (!from.canMoveTo(target)) {
            throw new AgoraException("recommendation.error.transition");
        }
        Instant now = clock.instant();
        r.moveTo(target, now);
        UserRef actor = currentUser.get().orElseThrow();
        StatusChangeEntry entry = history.save(
                new StatusChangeEntry(r.id(), from, target, why, actor.id(), actor.displayName(), now));
        recommendations.saveAndFlush(r); // the @Version check: a concurrent change fails instead of being lost
        auditLog.record("recommendation.status", r.code(), from + " -> " + target + ": " + why);
        Long author = r.authorId();
        if (author != null && !author.equals(actor.id())) {
            events.publishEvent(new AuthorNotice(author, "STATUS_CHANGED", LocalizedTexts.ref("title", r.code()),
                    r.title(), why, "recommendation.status." + target.name()));
        }
        return entry.toRecord();
    }

    /** A resident's new recommendation: saved as PROPOSED, sent to translators, public after moderation. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String propose(Proposal proposal, UiLanguage authorLanguage) {
        UserRef author = currentUser.get().orElseThrow();
        String title = proposal.title() == null ? "" : proposal.title().strip();
        String text = proposal.text() == null ? "" : proposal.text().strip();
        if (title.length() < MIN_TITLE) {
            throw new AgoraException("recommendation.error.title-too-short", MIN_TITLE);
        }
        if (title.length() > MAX_TITLE) {
            throw new AgoraException("recommendation.error.title-too-long", MAX_TITLE, title.length());
        }
        if (text.length() < MIN_TEXT) {
            throw new AgoraException("recommendation.error.text-too-short", MIN_TEXT);
        }
        if (text.length() > MAX_TEXT) {
            throw new AgoraException("recommendation.error.text-too-long", MAX_TEXT, text.length());
        }
        Integer chapter = proposal.chapter();
        if (chapter != null && jdbc.sql("SELECT COUNT(*) FROM recommendation_chapter WHERE number = :n")
                .param("n", chapter).query(Integer.class).single() == 0) {
            throw new AgoraException("recommendation.error.no-such-chapter", chapter);
        }
        Instant now = clock.instant();
        // the author's row lock serialises two submissions of one person, so the daily cap holds exactly
        jdbc.sql("SELECT id FROM identity_user WHERE id = :id FOR UPDATE").param("id", author.id()).query(Long.class)
                .optional();
        long today = jdbc.sql("SELECT COUNT(*) FROM recommendation WHERE author_id = :author AND created_at > :since")
                .param("author", author.id()).param("since", java.sql.Timestamp.from(now.minus(Duration.ofDays(1))))
                .query(Long.class).single();
        if (today >= PROPOSALS_PER_DAY) {
            throw new AgoraException("recommendation.error.too-many-proposals", PROPOSALS_PER_DAY);
        }
        Recommendation r = new Recommendation("P-new-" + java.util.UUID.randomUUID().toString().substring(0, 18), RecommendationKind.PROPOSAL,
                chapter, null, 0, title, text, authorLanguage.tag(), WorkflowStatus.PROPOSED, author.id(), now);
        r.indexFor(title, text);
        recommendations.saveAndFlush(r);
        r.code("P-" + r.id());
        r.indexFor(title, text);
        history.save(new StatusChangeEntry(r.id(), null, WorkflowStatus.PROPOSED, "", author.id(),
                author.displayName(), now));
        events.publishEvent(new ContentSubmitted(LocalizedTexts.ref("title", r.code()), title, author.id(),
                authorLanguage.tag()));
        events.publishEvent(new ContentSubmitted(LocalizedTexts.ref("text", r.code()), text, author.id(),
                authorLanguage.tag()));
        return r.code();
    }

    /** Proposals waiting for a moderator's decision, newest first. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<RecommendationSummary> proposalsAwaitingModeration(UiLanguage reader) {
        return summaries(recommendations.findByStatusInOrderByCreatedAtDesc(EnumSet.of(WorkflowStatus.PROPOSED)),
                reader);
    }

    /** The current user's own proposals, whatever their status. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RecommendationSummary> myProposals(UiLanguage reader) {
        return summaries(recommendations.findByAuthorIdOrderByCreatedAtDesc(currentUser.get().orElseThrow().id()),
                reader);
    }

    @Transactional(readOnly = true)
    public ReportDocument document(UiLanguage reader) {
        Map<String, String> parts = new LinkedHashMap<>();
        jdbc.sql("SELECT part_key, text FROM recommendation_document_part ORDER BY position")
                .query((rs, n) -> parts.put(rs.getString(1), rs.getString(2))).list();
        LocalizedTexts texts = LocalizedTexts.load(translations, reader,
                parts.keySet().stream().map(k -> LocalizedTexts.ref("document", k)).toList());
        Function<String, LocalizedText> part = key -> texts.of(LocalizedTexts.ref("document", key),
                parts.getOrDefault(key, ""), "pl");
        List<LocalizedText> footnotes = parts.keySet().stream().filter(k -> k.startsWith("footnote-")).map(part)
                .toList();
        List<String> units = parts.containsKey("city-units")
                ? List.of(parts.get("city-units").split("\n"))
                : List.of();
        return new ReportDocument(part.apply("title"), part.apply("introduction"), part.apply("workflow"), footnotes,
                units);
    }

    private boolean visible(Recommendation r) {
        if (r.status().isPublic()) {
            return true;
        }
        if (currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN)) {
            return true;
        }
        Long me = currentUser.get().map(UserRef::id).orElse(null);
        return me != null && me.equals(r.authorId());
    }

    private List<RecommendationSummary> summaries(List<Recommendation> list, UiLanguage reader) {
        LocalizedTexts texts = LocalizedTexts.load(translations, reader, refs(list));
        return list.stream().map(r -> summary(r, texts)).toList();
    }

    private static List<ContentRef> refs(Collection<Recommendation> list) {
        List<ContentRef> refs = new ArrayList<>();
        for (Recommendation r : list) {
            refs.add(LocalizedTexts.ref("title", r.code()));
            refs.add(LocalizedTexts.ref("text", r.code()));
        }
        return refs;
    }

    private static RecommendationSummary summary(Recommendation r, LocalizedTexts texts) {
        return new RecommendationSummary(r.code(), r.kind(), r.chapter(), r.section(),
                texts.of(LocalizedTexts.ref("title", r.code()), r.title(), r.language()),
                texts.of(LocalizedTexts.ref("text", r.code()), r.body(), r.language()),
                r.status(), r.units(), r.targetGroups());
    }
}
