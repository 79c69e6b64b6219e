package pl.krakow.agora.forum.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MajorityTest {

    @Test
    void simpleMajorityNeedsMoreYesThanNoAndIgnoresAbstentions() {
        assertThat(Majority.SIMPLE.adopted(5, 4, 0, 15)).isTrue();
        assertThat(Majority.SIMPLE.adopted(4, 4, 0, 15)).as("tie").isFalse();
        assertThat(Majority.SIMPLE.adopted(2, 1, 9, 15)).as("abstentions do not count against").isTrue();
        assertThat(Majority.SIMPLE.adopted(0, 0, 7, 15)).as("only abstentions").isFalse();
    }

    @Test
    void absoluteMajorityNeedsMoreThanHalfOfAllMembers() {
        assertThat(Majority.ABSOLUTE.adopted(8, 0, 0, 15)).isTrue();
        assertThat(Majority.ABSOLUTE.adopted(7, 0, 0, 15)).isFalse();
        assertThat(Majority.ABSOLUTE.adopted(7, 0, 0, 14)).as("exactly half is not more than half").isFalse();
        assertThat(Majority.ABSOLUTE.adopted(8, 6, 0, 14)).isTrue();
        assertThat(Majority.ABSOLUTE.adopted(7, 0, 0, 13)).isTrue();
    }

    @Test
    void twoThirdsCountsAbstentionsAsCastAndAcceptsExactlyTwoThirds() {
        assertThat(Majority.TWO_THIRDS.adopted(6, 3, 0, 15)).as("exactly 2/3").isTrue();
        assertThat(Majority.TWO_THIRDS.adopted(6, 2, 1, 15)).as("6 of 9 with an abstention").isTrue();
        assertThat(Majority.TWO_THIRDS.adopted(5, 2, 1, 15)).as("5 of 8 < 2/3").isFalse();
        assertThat(Majority.TWO_THIRDS.adopted(2, 1, 0, 15)).isTrue();
        assertThat(Majority.TWO_THIRDS.adopted(0, 0, 0, 15)).as("nobody voted").isFalse();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> Majority.SIMPLE.adopted(-1, 0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quorumRulesAtTheirBoundaries() {
        assertThat(QuorumRule.MORE_THAN_HALF.required(15)).isEqualTo(8);
        assertThat(QuorumRule.MORE_THAN_HALF.required(14)).isEqualTo(8);
        assertThat(QuorumRule.AT_LEAST_HALF.required(14)).isEqualTo(7);
        assertThat(QuorumRule.AT_LEAST_HALF.required(15)).isEqualTo(8);
        assertThat(QuorumRule.MORE_THAN_HALF.met(7, 14)).isFalse();
        assertThat(QuorumRule.AT_LEAST_HALF.met(7, 14)).isTrue();
        assertThat(QuorumRule.MORE_THAN_HALF.met(0, 0)).as("a body without members never has a quorum").isFalse();
    }
}
