package pl.krakow.agora.panel;

/**
 * When a panel adopts a draft (issue 6, item 9): with a quorum of the members voting, by a
 * qualified majority of the votes cast, abstentions counted as cast (the common 80 % rule of
 * citizens' assemblies). Integer arithmetic: no rounding decides a vote.
 */
public final class AdoptionRule {

    private AdoptionRule() {
    }

    public static Workspace.Tally tally(int yes, int no, int abstain, int members, int thresholdPercent,
            int quorumPercent) {
        int cast = yes + no + abstain;
        boolean quorum = cast > 0 && (long) cast * 100 >= (long) quorumPercent * members;
        boolean adopted = quorum && (long) yes * 100 >= (long) thresholdPercent * cast;
        return new Workspace.Tally(yes, no, abstain, members, quorum, adopted);
    }
}
