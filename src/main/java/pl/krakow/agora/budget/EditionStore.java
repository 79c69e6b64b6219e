package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.platform.AgoraException;

/**
 * Reads editions and their ballots' projects. Once voting has been open for a while the rules can
 * no longer change (the service refuses), so they are kept in memory from then on; in the first
 * minute of voting they are read under a shared lock, so a change an administrator committed just
 * before the opening is never missed.
 */
@Component
class EditionStore {

    /** How long after the opening the rules are read from the database, under a shared lock. */
    static final Duration SETTLE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, VotingRules> frozen = new ConcurrentHashMap<>();
    private final Map<Long, String> salts = new ConcurrentHashMap<>();

    EditionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    java.time.ZoneId clockZone() {
        return pl.krakow.agora.platform.i18n.Formats.ZONE;
    }

    Edition edition(long id) {
        VotingRules cached = frozen.get(id);
        if (cached != null) {
            return withPhase(cached.edition());
        }
        return load(id, false);
    }

    List<Edition> all() {
        List<Long> ids = jdbc.sql("SELECT id FROM budget_edition ORDER BY voting_start DESC, id DESC")
                .query(Long.class).list();
        return ids.stream().map(this::edition).toList();
    }

    /** The frozen rules if they are already in memory (no database access at all). */
    java.util.Optional<VotingRules> cachedRules(long id) {
        VotingRules cached = frozen.get(id);
        return cached == null ? java.util.Optional.empty()
                : java.util.Optional.of(new VotingRules(withPhase(cached.edition()), cached.projects()));
    }

    /** The rules a ballot is checked and counted against (within the caller's transaction). */
    VotingRules rules(long id) {
        VotingRules cached = frozen.get(id);
        if (cached != null) {
            return new VotingRules(withPhase(cached.edition()), cached.projects());
        }
        Edition e = load(id, false);
        Instant now = now();
        if (!now.isBefore(e.dates().votingStart()) && now.isBefore(e.dates().votingStart().plus(SETTLE))) {
            e = load(id, true); // waits for a change committed at the opening itself
        }
        VotingRules rules = new VotingRules(e, ballotProjects(id));
        if (!now().isBefore(e.dates().votingStart().plus(SETTLE))) {
            frozen.put(id, rules);
        }
        return rules;
    }

    List<BallotProject> ballotProjects(long editionId) {
        return jdbc.sql("""
                SELECT id, title, language, cost, category_id FROM budget_project
                WHERE edition_id = :e AND status = 'ACCEPTED' ORDER BY id""")
                .param("e", editionId)
                .query((rs, n) -> new BallotProject(rs.getLong("id"), rs.getString("title"), rs.getString("language"),
                        rs.getBigDecimal("cost"), (Long) rs.getObject("category_id", Long.class)))
                .list();
    }

    String salt(long editionId) {
        String known = salts.get(editionId);
        if (known != null) {
            return known;
        }
        String salt = jdbc.sql("SELECT salt FROM budget_edition WHERE id = :id").param("id", editionId)
                .query(String.class).optional().orElseThrow(() -> new AgoraException("budget.error.no-edition"));
        salts.put(editionId, salt); // a salt never changes
        return salt;
    }

    /** Locks the edition's row for a change and returns it as it is now. */
    Edition lockForChange(long id) {
        return jdbc.sql("SELECT * FROM budget_edition WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new AgoraException("budget.error.no-edition"));
    }

    private Edition load(long id, boolean shareLock) {
        return jdbc.sql("SELECT * FROM budget_edition WHERE id = :id" + (shareLock ? " LOCK IN SHARE MODE" : ""))
                .param("id", id)
                .query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new AgoraException("budget.error.no-edition"));
    }

    private Edition withPhase(Edition e) {
        Instant now = now();
        return new Edition(e.id(), e.name(), e.nameLanguage(), e.totalBudget(), e.categories(), e.dates(), e.format(),
                e.maxChoices(), e.totalPoints(), e.rankPoints(), e.rule(), e.minAge(), e.eligibility(), e.tieBreak(),
                e.dates().phaseAt(now), e.dates().frozenAt(now));
    }

    private Edition map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        PhaseDates dates = new PhaseDates(instant(rs, "submission_start"), instant(rs, "review_start"),
                instant(rs, "appeals_start"), instant(rs, "voting_start"), instant(rs, "results_start"));
        List<Category> categories = jdbc.sql("SELECT id, name, budget FROM budget_category WHERE edition_id = :e ORDER BY position")
                .param("e", id)
                .query((c, n) -> new Category(c.getLong("id"), c.getString("name"), c.getBigDecimal("budget"))).list();
        String rankPoints = rs.getString("rank_points");
        List<Integer> ranks = rankPoints == null || rankPoints.isBlank() ? List.of()
                : Arrays.stream(rankPoints.split(",")).map(String::trim).map(Integer::valueOf).toList();
        Instant now = now();
        BigDecimal total = rs.getBigDecimal("total_budget");
        return new Edition(id, rs.getString("name"), rs.getString("name_language"), total, categories, dates,
                BallotFormat.valueOf(rs.getString("ballot_format")), (Integer) rs.getObject("max_choices", Integer.class),
                (Integer) rs.getObject("total_points", Integer.class), ranks,
                Rule.ofCode(rs.getString("outcome_rule")).orElseThrow(), rs.getInt("min_age"),
                Eligibility.valueOf(rs.getString("eligibility")), TieBreakOrder.ofCode(rs.getString("tie_break")),
                dates.phaseAt(now), dates.frozenAt(now));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }
}
