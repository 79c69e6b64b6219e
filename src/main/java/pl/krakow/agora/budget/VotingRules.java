package pl.krakow.agora.budget;

import java.util.List;

/** An edition with the projects on its ballot: everything a ballot is checked and counted against. */
public record VotingRules(Edition edition, List<BallotProject> projects) {

    public VotingRules {
        projects = List.copyOf(projects);
    }
}
