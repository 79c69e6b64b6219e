package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pl.krakow.agora.platform.AgoraException;

/**
 * Checks a ballot against its edition's format on the server (whatever the page allowed) and
 * gives it its final form: approval and knapsack ballots carry no points, ordinal ballots get the
 * edition's points per rank.
 */
final class BallotRules {

    /** A ballot that passed the checks. */
    record Checked(List<Long> projects, List<Integer> points) {
        String projectsText() {
            return String.join(",", projects.stream().map(String::valueOf).toList());
        }

        String pointsText() {
            return String.join(",", points.stream().map(String::valueOf).toList());
        }
    }

    private BallotRules() {
    }

    static Checked check(VotingRules rules, BallotChoice choice) {
        Edition e = rules.edition();
        Map<Long, BallotProject> byId = new HashMap<>();
        for (BallotProject p : rules.projects()) {
            byId.put(p.id(), p);
        }
        List<Long> projects = choice.projects();
        if (projects.isEmpty()) {
            throw new AgoraException("budget.vote.error.empty");
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : projects) {
            if (id == null || !byId.containsKey(id)) {
                throw new AgoraException("budget.vote.error.unknown-project");
            }
            if (!seen.add(id)) {
                throw new AgoraException("budget.vote.error.duplicate");
            }
        }
        return switch (e.format()) {
            case APPROVAL -> {
                if (projects.size() > e.maxChoices()) {
                    throw new AgoraException("budget.vote.error.too-many", e.maxChoices());
                }
                yield new Checked(projects, List.of());
            }
            case KNAPSACK -> {
                for (Pool pool : Pool.of(rules)) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (Long id : projects) {
                        if (pool.contains(id)) {
                            sum = sum.add(byId.get(id).cost());
                        }
                    }
                    if (sum.compareTo(pool.budget()) > 0) {
                        throw new AgoraException("budget.vote.error.over-budget", sum, pool.budget());
                    }
                }
                yield new Checked(projects, List.of());
            }
            case CUMULATIVE -> {
                List<Integer> points = choice.points();
                if (points.size() != projects.size()) {
                    throw new AgoraException("budget.vote.error.points-invalid");
                }
                long sum = 0;
                for (Integer p : points) {
                    if (p == null || p < 1) {
                        throw new AgoraException("budget.vote.error.points-invalid");
                    }
                    sum += p;
                }
                if (sum > e.totalPoints()) {
                    throw new AgoraException("budget.vote.error.points-over", sum, e.totalPoints());
                }
                yield new Checked(projects, points);
            }
            case ORDINAL -> {
                if (projects.size() > e.maxChoices()) {
                    throw new AgoraException("budget.vote.error.too-many", e.maxChoices());
                }
                yield new Checked(projects, new ArrayList<>(e.rankPoints().subList(0, projects.size())));
            }
        };
    }
}
