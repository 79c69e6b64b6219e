package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.audit.AuditLog;

/**
 * Editions of the participatory budget (issue 9, item 1): an administrator creates one and may
 * change it, or move its dates, until voting opens. From then on everything that decides the result
 * is frozen: a change is refused with a message, and the refused attempt is written to the audit log
 * in a transaction of its own (so it stays there although the change rolls back).
 */
@Service
public class EditionService {

    /** The rules an edition may count by. */
    public static final List<Rule> RULES = List.of(Rule.GREEDY, Rule.MES_COST, Rule.MES_APPROVAL, Rule.MES_COST_ADD1);
    public static final int MAX_NAME = 200;
    static final BigDecimal MAX_BUDGET = new BigDecimal("9999999999999.99");

    private final JdbcClient jdbc;
    private final EditionStore store;
    private final AuditLog audit;
    private final TransactionTemplate separately;
    private final SecureRandom random = new SecureRandom();

    EditionService(JdbcClient jdbc, EditionStore store, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** All editions, newest voting first. */
    @Transactional(readOnly = true)
    public List<Edition> editions() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Edition edition(long id) {
        return store.edition(id);
    }

    /** The projects on the ballot of an edition, in their listed order. */
    @Transactional(readOnly = true)
    public List<BallotProject> ballotProjects(long editionId) {
        store.edition(editionId);
        return store.ballotProjects(editionId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long create(EditionSpec spec) {
        validate(spec);
        var keys = new GeneratedKeyHolder();
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        bind(jdbc.sql("""
                INSERT INTO budget_edition (name, name_language, total_budget, submission_start, review_start,
                    appeals_start, voting_start, results_start, ballot_format, max_choices, total_points, rank_points,
                    outcome_rule, min_age, eligibility, tie_break, salt, created_by, created_at)
                VALUES (:name, :lang, :total, :s, :r, :a, :v, :res, :format, :k, :p, :ranks, :rule, :age, :elig, :tie,
                    :salt, :by, :at)"""), spec)
                .param("salt", HexFormat.of().formatHex(salt))
                .param("by", AuditActor.name())
                .param("at", EditionStore.timestamp(store.now()))
                .update(keys);
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        for (int i = 0; i < spec.categories().size(); i++) {
            insertCategory(id, i, spec.categories().get(i));
        }
        audit.record("budget.edition.create", target(id), describe(spec));
        return id;
    }

    /** Changes everything about an edition; refused (and logged) once voting has opened. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(long id, EditionSpec spec) {
        Edition current = store.lockForChange(id);
        refuseIfFrozen(current, "update");
        validate(spec);
        int changed = bind(jdbc.sql("""
                UPDATE budget_edition SET name = :name, name_language = :lang, total_budget = :total,
                    submission_start = :s, review_start = :r, appeals_start = :a, voting_start = :v,
                    results_start = :res, ballot_format = :format, max_choices = :k, total_points = :p,
                    rank_points = :ranks, outcome_rule = :rule, min_age = :age, eligibility = :elig, tie_break = :tie
                WHERE id = :id AND voting_start > :now"""), spec)
                .param("id", id).param("now", EditionStore.timestamp(store.now())).update();
        if (changed != 1) {
            refuseIfFrozen(store.lockForChange(id), "update");
        }
        List<Category> existing = current.categories();
        for (int i = 0; i < spec.categories().size(); i++) {
            CategorySpec c = spec.categories().get(i);
            if (i < existing.size()) {
                jdbc.sql("UPDATE budget_category SET name = :n, budget = :b, position = :p WHERE id = :id")
                        .param("n", c.name().strip()).param("b", c.budget()).param("p", i)
                        .param("id", existing.get(i).id()).update();
            } else {
                insertCategory(id, i, c);
            }
        }
        for (int i = spec.categories().size(); i < existing.size(); i++) {
            long cat = existing.get(i).id();
            if (jdbc.sql("SELECT COUNT(*) FROM budget_project WHERE category_id = :c").param("c", cat)
                    .query(Long.class).single() > 0) {
                throw new AgoraException("budget.error.category-in-use", existing.get(i).name());
            }
            jdbc.sql("DELETE FROM budget_category WHERE id = :c").param("c", cat).update();
        }
        audit.record("budget.edition.update", target(id), describe(spec));
    }

    /** Moves the phase dates; refused (and logged) once voting has opened. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void moveDates(long id, PhaseDates dates) {
        Edition current = store.lockForChange(id);
        refuseIfFrozen(current, "dates");
        jdbc.sql("""
                UPDATE budget_edition SET submission_start = :s, review_start = :r, appeals_start = :a,
                    voting_start = :v, results_start = :res WHERE id = :id""")
                .param("s", EditionStore.timestamp(dates.submissionStart()))
                .param("r", EditionStore.timestamp(dates.reviewStart()))
                .param("a", EditionStore.timestamp(dates.appealsStart()))
                .param("v", EditionStore.timestamp(dates.votingStart()))
                .param("res", EditionStore.timestamp(dates.resultsStart()))
                .param("id", id).update();
        audit.record("budget.edition.dates", target(id), dates.toString());
    }

    /**
     * Throws the translated "frozen" refusal, after writing the attempt to the audit log in its own
     * transaction (the caller's transaction rolls back with the exception).
     */
    void refuseIfFrozen(Edition edition, String what) {
        Instant now = store.now();
        if (edition.dates().frozenAt(now)) {
            separately.executeWithoutResult(s -> audit.record("budget.edition.change-refused", target(edition.id()),
                    what + ": voting opened " + edition.dates().votingStart()));
            throw new AgoraException("budget.error.frozen");
        }
    }

    static String target(long id) {
        return "budget/edition/" + id;
    }

    private void insertCategory(long edition, int position, CategorySpec c) {
        jdbc.sql("INSERT INTO budget_category (edition_id, position, name, budget) VALUES (:e, :p, :n, :b)")
                .param("e", edition).param("p", position).param("n", c.name().strip()).param("b", c.budget()).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, EditionSpec spec) {
        return sql.param("name", spec.name().strip())
                .param("lang", spec.nameLanguage())
                .param("total", spec.totalBudget())
                .param("s", EditionStore.timestamp(spec.dates().submissionStart()))
                .param("r", EditionStore.timestamp(spec.dates().reviewStart()))
                .param("a", EditionStore.timestamp(spec.dates().appealsStart()))
                .param("v", EditionStore.timestamp(spec.dates().votingStart()))
                .param("res", EditionStore.timestamp(spec.dates().resultsStart()))
                .param("format", spec.format().name())
                .param("k", spec.format() == BallotFormat.APPROVAL || spec.format() == BallotFormat.ORDINAL
                        ? spec.maxChoices() : null)
                .param("p", spec.format() == BallotFormat.CUMULATIVE ? spec.totalPoints() : null)
                .param("ranks", spec.format() == BallotFormat.ORDINAL
                        ? spec.rankPoints().stream().map(String::valueOf).collect(Collectors.joining(",")) : null)
                .param("rule", spec.rule().code())
                .param("age", spec.minAge())
                .param("elig", spec.eligibility().name())
                .param("tie", spec.tieBreak().code());
    }

    static void validate(EditionSpec spec) {
        String name = spec.name() == null ? "" : spec.name().strip();
        if (name.length() < 3 || name.length() > MAX_NAME) {
            throw new AgoraException("budget.error.name", 3, MAX_NAME);
        }
        if (spec.nameLanguage() == null || !spec.nameLanguage().matches("[a-z]{2,3}")) {
            throw new AgoraException("budget.error.language");
        }
        if (spec.totalBudget() == null || spec.totalBudget().signum() <= 0 || spec.totalBudget().compareTo(MAX_BUDGET) > 0
                || spec.totalBudget().scale() > 2) {
            throw new AgoraException("budget.error.total-budget");
        }
        if (spec.dates() == null || spec.format() == null || spec.rule() == null || spec.eligibility() == null
                || spec.tieBreak() == null) {
            throw new AgoraException("budget.error.incomplete");
        }
        BigDecimal categories = BigDecimal.ZERO;
        Set<String> names = new HashSet<>();
        for (CategorySpec c : spec.categories()) {
            String n = c.name() == null ? "" : c.name().strip();
            if (n.isEmpty() || n.length() > 120 || !names.add(n.toLowerCase(java.util.Locale.ROOT))) {
                throw new AgoraException("budget.error.category-name");
            }
            if (c.budget() == null || c.budget().signum() <= 0 || c.budget().scale() > 2) {
                throw new AgoraException("budget.error.category-budget", n);
            }
            categories = categories.add(c.budget());
        }
        if (categories.compareTo(spec.totalBudget()) > 0) {
            throw new AgoraException("budget.error.categories-exceed-total");
        }
        switch (spec.format()) {
            case APPROVAL -> {
                if (spec.maxChoices() == null || spec.maxChoices() < 1 || spec.maxChoices() > 100) {
                    throw new AgoraException("budget.error.max-choices");
                }
            }
            case CUMULATIVE -> {
                if (spec.totalPoints() == null || spec.totalPoints() < 1 || spec.totalPoints() > 1000) {
                    throw new AgoraException("budget.error.total-points");
                }
            }
            case ORDINAL -> {
                if (spec.maxChoices() == null || spec.maxChoices() < 1 || spec.maxChoices() > 20) {
                    throw new AgoraException("budget.error.max-choices");
                }
                List<Integer> ranks = spec.rankPoints();
                boolean ok = ranks.size() == spec.maxChoices();
                for (int i = 0; ok && i < ranks.size(); i++) {
                    ok = ranks.get(i) != null && ranks.get(i) > 0 && (i == 0 || ranks.get(i) <= ranks.get(i - 1));
                }
                if (!ok) {
                    throw new AgoraException("budget.error.rank-points");
                }
            }
            case KNAPSACK -> {
            }
        }
        if (!RULES.contains(spec.rule())) {
            throw new AgoraException("budget.error.rule");
        }
        if (spec.minAge() < 0 || spec.minAge() > 120) {
            throw new AgoraException("budget.error.min-age");
        }
    }

    private static String describe(EditionSpec spec) {
        return spec.format() + " k=" + spec.maxChoices() + " p=" + spec.totalPoints() + " ranks=" + spec.rankPoints()
                + " rule=" + spec.rule().code() + " budget=" + spec.totalBudget().toPlainString()
                + " categories=" + spec.categories().size() + " minAge=" + spec.minAge() + " " + spec.eligibility()
                + " tie=" + spec.tieBreak().code() + " voting=" + spec.dates().votingStart();
    }
}
