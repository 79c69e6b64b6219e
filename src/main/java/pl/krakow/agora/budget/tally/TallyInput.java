package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import pl.krakow.agora.budget.pabulib.PbFile;
import pl.krakow.agora.budget.pabulib.VoteType;

/**
 * What a tally needs: the projects in their listed order (the default tie-break), the budget,
 * the ballot format and every ballot (an empty ballot still counts as a voter).
 *
 * @param minScoreThreshold META {@code min_project_score_threshold}, used by greedy-threshold
 */
public record TallyInput(List<Project> projects,
                         BigDecimal budget,
                         VoteType voteType,
                         List<Ballot> ballots,
                         Optional<BigDecimal> minScoreThreshold) {

    /** A project as listed; {@code cost} is exact. */
    public record Project(String id, BigDecimal cost) {
        public Project {
            Objects.requireNonNull(id, "id");
            if (cost.signum() < 0) {
                throw new IllegalArgumentException("negative cost of project " + id);
            }
        }
    }

    /**
     * One voter's ballot: project ids in ballot order (rank order for ordinal ballots) and,
     * when the format has them, the points for those projects (same order), else empty.
     */
    public record Ballot(List<String> projects, List<BigDecimal> points) {
        public Ballot {
            projects = List.copyOf(projects);
            points = List.copyOf(points);
            if (!points.isEmpty() && points.size() != projects.size()) {
                throw new IllegalArgumentException(points.size() + " points for " + projects.size() + " projects");
            }
        }

        public static Ballot approving(String... ids) {
            return new Ballot(List.of(ids), List.of());
        }
    }

    public TallyInput {
        projects = List.copyOf(projects);
        ballots = List.copyOf(ballots);
        Objects.requireNonNull(voteType, "voteType");
        Objects.requireNonNull(minScoreThreshold, "minScoreThreshold");
        if (budget.signum() < 0) {
            throw new IllegalArgumentException("negative budget");
        }
        Set<String> ids = new HashSet<>();
        for (Project p : projects) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("project " + p.id() + " listed twice");
            }
        }
        for (Ballot b : ballots) {
            Set<String> seen = new HashSet<>();
            for (String id : b.projects()) {
                if (!ids.contains(id)) {
                    throw new IllegalArgumentException("ballot names unknown project " + id);
                }
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("ballot names project " + id + " twice");
                }
            }
        }
    }

    public static TallyInput of(List<Project> projects, BigDecimal budget, VoteType voteType, List<Ballot> ballots) {
        return new TallyInput(projects, budget, voteType, ballots, Optional.empty());
    }

    /** The tally input of a parsed Pabulib file. */
    public static TallyInput fromPabulib(PbFile file) {
        List<Project> projects = file.projects().stream().map(p -> new Project(p.id(), p.cost())).toList();
        List<Ballot> ballots = file.votes().stream().map(v -> new Ballot(v.projects(), v.points())).toList();
        Optional<BigDecimal> threshold = file.metaValue("min_project_score_threshold").map(BigDecimal::new);
        return new TallyInput(projects, file.budget(), file.voteType(), ballots, threshold);
    }

    Map<String, Integer> indexById() {
        Map<String, Integer> m = new HashMap<>(projects.size() * 2);
        for (int i = 0; i < projects.size(); i++) {
            m.put(projects.get(i).id(), i);
        }
        return m;
    }
}
