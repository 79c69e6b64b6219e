package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.budget.pabulib.PabulibWriter;
import pl.krakow.agora.budget.pabulib.PbFile;
import pl.krakow.agora.budget.pabulib.PbProject;
import pl.krakow.agora.budget.pabulib.PbVote;
import pl.krakow.agora.budget.tally.PbTally;
import pl.krakow.agora.budget.tally.TallyInput;
import pl.krakow.agora.budget.tally.TallyResult;
import pl.krakow.agora.budget.tally.TraceEntry;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.audit.AuditLog;

/**
 * Results (issue 9, item 5): every pool tallied by the pure {@code budget.tally} engine on the
 * edition's frozen rules and tie-break, with its explanation trace; the same ballots exported as a
 * Pabulib file (META, PROJECTS, VOTES with numbered, anonymous voters) that {@code pb-tally}
 * recomputes, and as CSV. Public once voting has ended; administrators may look earlier.
 */
@Service
public class ResultsService {

    private final EditionStore store;
    private final VotingService voting;
    private final AuditLog audit;

    ResultsService(EditionStore store, VotingService voting, AuditLog audit) {
        this.store = store;
        this.voting = voting;
        this.audit = audit;
    }

    @Transactional // not read-only: an administrator's interim look during voting is audit-logged
    public EditionResults results(long editionId) {
        VotingRules rules = visibleRules(editionId);
        List<BallotBox.StoredBallot> ballots = voting.box().ballots(editionId);
        List<PoolResult> pools = new ArrayList<>();
        for (Pool pool : Pool.of(rules)) {
            pools.add(tally(rules, pool, ballots));
        }
        return new EditionResults(rules.edition(), ballots.size(), pools);
    }

    /** The pool's ballots as a Pabulib file. */
    @Transactional
    public String exportPabulib(long editionId, String poolKey) {
        VotingRules rules = visibleRules(editionId);
        Pool pool = Pool.byKey(rules, poolKey);
        List<BallotBox.StoredBallot> ballots = voting.box().ballots(editionId);
        PoolResult result = tally(rules, pool, ballots);
        return PabulibWriter.toText(pabulib(rules, pool, ballots, result));
    }

    /** Every project with its pool, cost, supporters, score and result, as CSV (; separated, UTF-8). */
    @Transactional
    public String exportCsv(long editionId) {
        EditionResults r = results(editionId);
        StringBuilder b = new StringBuilder("\uFEFFproject_id;title;pool;cost;supporters;score;selected\r\n");
        for (PoolResult pool : r.pools()) {
            for (ProjectResult p : pool.projects()) {
                b.append(p.project().id()).append(';').append(csv(p.project().title())).append(';')
                        .append(csv(pool.pool().name() == null ? "" : pool.pool().name())).append(';')
                        .append(p.project().cost().toPlainString()).append(';').append(p.supporters()).append(';')
                        .append(p.score().toPlainString()).append(';').append(p.funded() ? 1 : 0).append("\r\n");
            }
        }
        return b.toString();
    }

    static TallyInput input(VotingRules rules, Pool pool, List<BallotBox.StoredBallot> ballots) {
        List<TallyInput.Project> projects = pool.projects().stream()
                .map(p -> new TallyInput.Project(String.valueOf(p.id()), p.cost())).toList();
        boolean points = rules.edition().format().usesPoints();
        List<TallyInput.Ballot> in = new ArrayList<>();
        for (BallotBox.StoredBallot b : restrict(pool, ballots)) {
            in.add(new TallyInput.Ballot(b.projects().stream().map(String::valueOf).toList(),
                    points ? b.points().stream().map(BigDecimal::valueOf).toList() : List.of()));
        }
        return TallyInput.of(projects, pool.budget(), rules.edition().format().voteType(), in);
    }

    /** The ballots restricted to the pool's projects; a ballot choosing none of them is not a voter of the pool. */
    static List<BallotBox.StoredBallot> restrict(Pool pool, List<BallotBox.StoredBallot> ballots) {
        List<BallotBox.StoredBallot> out = new ArrayList<>();
        for (BallotBox.StoredBallot b : ballots) {
            List<Long> ps = new ArrayList<>();
            List<Integer> pts = new ArrayList<>();
            for (int i = 0; i < b.projects().size(); i++) {
                if (pool.contains(b.projects().get(i))) {
                    ps.add(b.projects().get(i));
                    if (!b.points().isEmpty()) {
                        pts.add(b.points().get(i));
                    }
                }
            }
            if (!ps.isEmpty()) {
                out.add(new BallotBox.StoredBallot(ps, pts, b.receiptHash(), b.channel()));
            }
        }
        return out;
    }

    static PoolResult tally(VotingRules rules, Pool pool, List<BallotBox.StoredBallot> ballots) {
        TallyInput input = input(rules, pool, ballots);
        TallyResult t = PbTally.tally(input, rules.edition().rule(), rules.edition().tieBreak().tieBreak(), true);
        Map<Long, Long> supporters = new HashMap<>();
        Map<Long, BigDecimal> score = new HashMap<>();
        boolean points = rules.edition().format().usesPoints();
        for (TallyInput.Ballot b : input.ballots()) {
            for (int i = 0; i < b.projects().size(); i++) {
                long id = Long.parseLong(b.projects().get(i));
                supporters.merge(id, 1L, Long::sum);
                score.merge(id, points ? b.points().get(i) : BigDecimal.ONE, BigDecimal::add);
            }
        }
        Map<String, TraceEntry> trace = new HashMap<>();
        for (TraceEntry e : t.trace()) {
            trace.put(e.projectId(), e);
        }
        List<Long> winners = t.selected().stream().map(Long::valueOf).toList();
        Map<Long, ProjectResult> byId = new LinkedHashMap<>();
        for (BallotProject p : pool.projects()) {
            byId.put(p.id(), new ProjectResult(p, winners.contains(p.id()), supporters.getOrDefault(p.id(), 0L),
                    score.getOrDefault(p.id(), BigDecimal.ZERO), trace.get(String.valueOf(p.id()))));
        }
        List<ProjectResult> ordered = new ArrayList<>();
        winners.forEach(id -> ordered.add(byId.get(id)));
        byId.values().stream().filter(p -> !p.funded())
                .sorted(Comparator.comparing(ProjectResult::score).reversed())
                .forEach(ordered::add);
        return new PoolResult(pool, rules.edition().rule(), input.ballots().size(), ordered, winners, t.totalCost(),
                t.add1K(), t.perVoterBudget());
    }

    static PbFile pabulib(VotingRules rules, Pool pool, List<BallotBox.StoredBallot> ballots, PoolResult result) {
        Edition e = rules.edition();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", "Agora: " + e.name() + (pool.name() == null ? "" : " / " + pool.name()));
        meta.put("country", "Poland");
        meta.put("unit", "Kraków");
        meta.put("instance", String.valueOf(e.id()));
        if (pool.name() != null) {
            meta.put("subunit", pool.name());
        }
        List<BallotBox.StoredBallot> voters = restrict(pool, ballots);
        meta.put("num_projects", String.valueOf(pool.projects().size()));
        meta.put("num_votes", String.valueOf(voters.size()));
        meta.put("budget", pool.budget().toPlainString());
        meta.put("vote_type", e.format().voteType().code());
        meta.put("rule", e.rule().code());
        meta.put("tie_break", e.tieBreak().code());
        meta.put("date_begin", e.dates().votingStart().toString());
        meta.put("date_end", e.dates().resultsStart().toString());
        switch (e.format()) {
            case APPROVAL, ORDINAL -> meta.put("max_length", String.valueOf(e.maxChoices()));
            case CUMULATIVE -> meta.put("max_sum_points", String.valueOf(e.totalPoints()));
            case KNAPSACK -> meta.put("max_sum_cost", pool.budget().toPlainString());
        }
        if (e.format() == BallotFormat.ORDINAL) {
            meta.put("scoring_fn", String.join(",", e.rankPoints().stream().map(String::valueOf).toList()));
        }
        List<String> projectColumns = List.of("project_id", "cost", "votes", "score", "name", "selected");
        Map<Long, ProjectResult> byId = new HashMap<>();
        result.projects().forEach(p -> byId.put(p.project().id(), p));
        List<PbProject> projects = new ArrayList<>();
        for (BallotProject p : pool.projects()) {
            ProjectResult r = byId.get(p.id());
            Map<String, String> f = new LinkedHashMap<>();
            f.put("project_id", String.valueOf(p.id()));
            f.put("cost", p.cost().toPlainString());
            f.put("votes", String.valueOf(r.supporters()));
            f.put("score", r.score().toPlainString());
            f.put("name", p.title());
            f.put("selected", r.funded() ? "1" : "0");
            projects.add(new PbProject(String.valueOf(p.id()), p.cost(), f));
        }
        boolean points = e.format().usesPoints();
        List<String> voteColumns = points ? List.of("voter_id", "vote", "points") : List.of("voter_id", "vote");
        List<PbVote> votes = new ArrayList<>();
        int n = 0;
        for (BallotBox.StoredBallot b : voters) {
            String id = String.valueOf(++n);
            List<String> ps = b.projects().stream().map(String::valueOf).toList();
            List<BigDecimal> pts = points ? b.points().stream().map(BigDecimal::valueOf).toList() : List.of();
            Map<String, String> f = new LinkedHashMap<>();
            f.put("voter_id", id);
            f.put("vote", String.join(",", ps));
            if (points) {
                f.put("points", String.join(",", b.points().stream().map(String::valueOf).toList()));
            }
            votes.add(new PbVote(id, ps, pts, f));
        }
        return new PbFile(meta, projectColumns, projects, voteColumns, votes);
    }

    private VotingRules visibleRules(long editionId) {
        VotingRules rules = store.rules(editionId);
        Phase phase = rules.edition().phase();
        boolean admin = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (phase != Phase.RESULTS && !(admin && phase == Phase.VOTING)) {
            throw new AgoraException("budget.results.error.not-yet");
        }
        if (phase == Phase.VOTING) {
            // interim results are for the administrators' checks only, and every look is on the record
            audit.record("budget.results.interim-view", EditionService.target(editionId),
                    "results seen by an administrator while voting is open");
        }
        return rules;
    }

    /** A CSV cell: quoted when needed, and never read by a spreadsheet as a formula. */
    static String csv(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "’" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
