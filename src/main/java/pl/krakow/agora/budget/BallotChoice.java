package pl.krakow.agora.budget;

import java.util.List;

/**
 * A filled-in ballot as the voter sent it: project ids in ballot order (rank order for ordinal
 * ballots, best first) and, for cumulative ballots, the points given to each (same order).
 * Ordinal points come from the edition's points per rank, approval ballots have none.
 */
public record BallotChoice(List<Long> projects, List<Integer> points) {

    public BallotChoice {
        projects = projects == null ? List.of() : List.copyOf(projects);
        points = points == null ? List.of() : List.copyOf(points);
    }

    public static BallotChoice approving(List<Long> projects) {
        return new BallotChoice(projects, List.of());
    }
}
