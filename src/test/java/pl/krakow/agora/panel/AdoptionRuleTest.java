package pl.krakow.agora.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The panel's qualified majority: 80 % of votes cast by default, abstentions cast, with a quorum. */
class AdoptionRuleTest {

    @Test
    void eightyPercentOfVotesCastAdoptsAndAbstentionsCountAsCast() {
        assertThat(AdoptionRule.tally(8, 2, 0, 20, 80, 50).adopted()).isTrue();
        assertThat(AdoptionRule.tally(8, 1, 1, 20, 80, 50).adopted()).isTrue();
        assertThat(AdoptionRule.tally(7, 1, 2, 20, 80, 50).adopted()).isFalse();
        assertThat(AdoptionRule.tally(4, 1, 0, 5, 80, 60).adopted()).isTrue();
        assertThat(AdoptionRule.tally(79, 21, 0, 100, 80, 50).adopted()).isFalse();
    }

    @Test
    void withoutTheQuorumNothingIsAdopted() {
        assertThat(AdoptionRule.tally(8, 0, 0, 20, 80, 50).quorumMet()).isFalse();
        assertThat(AdoptionRule.tally(8, 0, 0, 20, 80, 50).adopted()).isFalse();
        assertThat(AdoptionRule.tally(10, 0, 0, 20, 80, 50).adopted()).isTrue();
        assertThat(AdoptionRule.tally(0, 0, 0, 20, 80, 1).adopted()).isFalse();
    }
}
