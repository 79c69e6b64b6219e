package pl.krakow.agora.budget.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pl.krakow.agora.budget.tally.Instances.approval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pl.krakow.agora.budget.pabulib.VoteType;

class GreedyTest {

    @Test
    void greedyFundsByApprovalCountAndSkipsWhatDoesNotFit() {
        // A: 3 votes cost 60, B: 2 votes cost 50 (does not fit in 40 left), C: 1 vote cost 40
        TallyInput in = approval(100, List.of("A:60", "B:50", "C:40"), "A,B", "A,B", "A,C");

        TallyResult r = PbTally.tally(in, Rule.GREEDY, TieBreak.fileOrder(), true);

        assertThat(r.selected()).containsExactly("A", "C");
        assertThat(r.totalCost()).isEqualByComparingTo("100");
        assertThat(r.trace()).extracting(TraceEntry::projectId, TraceEntry::status, TraceEntry::score, TraceEntry::budgetLeft)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", TraceEntry.Status.FUNDED, new BigDecimal(3), Rational.of(100)),
                        org.assertj.core.groups.Tuple.tuple("B", TraceEntry.Status.DOES_NOT_FIT, new BigDecimal(2), Rational.of(40)),
                        org.assertj.core.groups.Tuple.tuple("C", TraceEntry.Status.FUNDED, new BigDecimal(1), Rational.of(40)));
    }

    @Test
    void greedyNeverFundsProjectsWithScoreZero() {
        TallyInput in = approval(100, List.of("A:10", "B:10"), "A", "");
        TallyResult r = PbTally.tally(in, Rule.GREEDY, TieBreak.fileOrder(), true);
        assertThat(r.selected()).containsExactly("A");
        assertThat(r.trace().get(1).status()).isEqualTo(TraceEntry.Status.NO_SUPPORT);
    }

    @Test
    void greedyTieGoesToTheProjectListedFirstByDefault() {
        TallyInput in = approval(10, List.of("A:6", "B:6"), "A", "B");
        assertThat(PbTally.tally(in, Rule.GREEDY).selected()).containsExactly("A");
        assertThat(PbTally.tally(in, Rule.GREEDY, TieBreak.lastListed(), false).selected()).containsExactly("B");
    }

    @Test
    void greedyTieBreakOrderIsPluggable() {
        TallyInput in = approval(10, List.of("A:7", "B:6"), "A", "B");
        assertThat(PbTally.tally(in, Rule.GREEDY, TieBreak.lowerCostFirst(), false).selected()).containsExactly("B");
    }

    @Test
    void greedyOnCumulativeBallotsSumsPoints() {
        // A: 1 voter 10 points; B: two voters 3+4 = 7 points. A first.
        TallyInput in = Instances.of(VoteType.CUMULATIVE, 10, List.of("B:6", "A:6"), "A|10", "B,A|3,0", "B|4");
        assertThat(Greedy.scores(in, in.indexById())).containsExactly(new BigDecimal(7), new BigDecimal(10));
        assertThat(PbTally.tally(in, Rule.GREEDY).selected()).containsExactly("A");
    }

    @Test
    void greedyOnOrdinalBallotsWithoutPointsGivesLMinusRPlusOne() {
        TallyInput in = Instances.of(VoteType.ORDINAL, 100, List.of("A:1", "B:1", "C:1"), "A,B,C", "C,B");
        // A: 3; B: 2 + 1 = 3; C: 1 + 2 = 3
        assertThat(Greedy.scores(in, in.indexById())).containsExactly(new BigDecimal(3), new BigDecimal(3), new BigDecimal(3));
    }

    @Test
    void greedyOnOrdinalBallotsWithPointsUsesThePoints() {
        TallyInput in = Instances.of(VoteType.ORDINAL, 100, List.of("A:1", "B:1", "C:1"), "A,B,C|3,2,1", "C,B,A|3,2,1");
        assertThat(Greedy.scores(in, in.indexById())).containsExactly(new BigDecimal(4), new BigDecimal(4), new BigDecimal(4));
    }

    @Test
    void greedyThresholdExcludesProjectsBelowTheMinimumScore() {
        TallyInput base = approval(100, List.of("A:10", "B:10", "C:10"), "A,B", "A,B", "A,C");
        TallyInput in = new TallyInput(base.projects(), base.budget(), base.voteType(), base.ballots(),
                Optional.of(new BigDecimal(2)));

        TallyResult r = PbTally.tally(in, Rule.GREEDY_THRESHOLD, TieBreak.fileOrder(), true);

        assertThat(r.selected()).containsExactly("A", "B");
        assertThat(r.trace().get(2).status()).isEqualTo(TraceEntry.Status.BELOW_THRESHOLD);
    }

    @Test
    void greedyThresholdNeedsAThreshold() {
        TallyInput in = approval(100, List.of("A:10"), "A");
        assertThatThrownBy(() -> PbTally.tally(in, Rule.GREEDY_THRESHOLD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min_project_score_threshold");
    }

    @Test
    void greedySupportShareFilterNeedsVoterShareAtLeastCostShareOverDivisor() {
        // 4 voters, budget 120. A: cost 90 → needs supporters/4 ≥ 90/360 → ≥ 1 voter (has 1: eligible).
        // B: cost 120 → needs ≥ 4/3 voters; has 1 → excluded.
        TallyInput in = approval(120, List.of("B:120", "A:90"), "B", "A", "", "");
        Map<String, TraceEntry.Status> status = new java.util.HashMap<>();
        PbTally.greedyWithSupportShare(in, 3, TieBreak.fileOrder(), true).trace()
                .forEach(t -> status.put(t.projectId(), t.status()));
        assertThat(status).containsEntry("A", TraceEntry.Status.FUNDED)
                .containsEntry("B", TraceEntry.Status.BELOW_SUPPORT_SHARE);
    }
}
