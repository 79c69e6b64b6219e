package pl.krakow.agora.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.forum.SecretBallots.Ballot;
import pl.krakow.agora.forum.SecretBallots.PublishedVote;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.TestUsers;

/** The published ballots of a secret vote and the receipt check, on the real database (issue 7, item 6). */
@AgoraIntegrationTest
class SecretBallotsIT {

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    SecretBallots ballots;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aClosedSecretVotePublishesEveryBallotByItsReceiptHashAndEachReceiptFindsItsOwnBallot() {
        ForumFixture f = presentBody();
        f.as(f.chair);
        long voteId = live.openVote(f.sessionId, true, Majority.SIMPLE);
        Choice[] choices = {Choice.YES, Choice.NO, Choice.YES, Choice.ABSTAIN};
        String[] receipts = new String[choices.length];
        for (int i = 0; i < choices.length; i++) {
            f.as(f.members.get(i));
            receipts[i] = live.cast(voteId, choices[i]).orElseThrow();
        }
        TestUsers.signOut();
        // nothing is published while the vote is open, not even to the check
        assertThatThrownBy(() -> ballots.published(voteId)).hasMessage("forum.error.ballots-still-open");
        assertThatThrownBy(() -> ballots.check(voteId, receipts[0])).hasMessage("forum.error.ballots-still-open");

        f.as(f.chair);
        live.closeVote(voteId);
        TestUsers.signOut();

        // anyone (signed out) reads them
        PublishedVote published = ballots.published(voteId);
        assertThat(published.sessionId()).isEqualTo(f.sessionId);
        assertThat(published.motion().kind()).isEqualTo(MotionKind.RESOLUTION);
        assertThat(List.of(published.yes(), published.no(), published.abstain())).containsExactly(2, 1, 1);
        assertThat(published.adopted()).isTrue();
        assertThat(published.ballots()).hasSize(4);
        assertThat(published.ballots()).map(Ballot::receiptHash).isSorted().doesNotHaveDuplicates()
                .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
        // the published ballots add up to the published totals
        for (Choice c : Choice.values()) {
            int counted = switch (c) {
                case YES -> published.yes();
                case NO -> published.no();
                case ABSTAIN -> published.abstain();
            };
            assertThat(published.ballots().stream().filter(b -> b.choice() == c).count()).isEqualTo(counted);
        }
        for (int i = 0; i < receipts.length; i++) {
            assertThat(published.ballots()).contains(new Ballot(LiveSession.sha256(receipts[i]), choices[i]));
            assertThat(ballots.check(voteId, receipts[i])).contains(new Ballot(LiveSession.sha256(receipts[i]), choices[i]));
        }
        // pasted with spaces or in capitals it is the same receipt
        String pasted = "  " + receipts[1].substring(0, 16).toUpperCase(Locale.ROOT) + " " + receipts[1].substring(16) + "\n";
        assertThat(ballots.check(voteId, pasted)).map(Ballot::choice).contains(Choice.NO);
        // a well-formed receipt that was never issued, and the hash itself instead of the receipt
        assertThat(ballots.check(voteId, "0123456789abcdef0123456789abcdef")).isEmpty();
        assertThatThrownBy(() -> ballots.check(voteId, LiveSession.sha256(receipts[0])))
                .hasMessage("forum.error.receipt-format");
        assertThatThrownBy(() -> ballots.check(voteId, "")).hasMessage("forum.error.receipt-format");
        assertThatThrownBy(() -> ballots.check(voteId, "zz" + receipts[0].substring(2))).hasMessage("forum.error.receipt-format");
    }

    @Test
    void aReceiptOfOneVoteIsNotFoundInAnother() {
        ForumFixture f = presentBody();
        f.as(f.chair);
        long first = live.openVote(f.sessionId, true, Majority.SIMPLE);
        f.as(f.members.get(0));
        String receipt = live.cast(first, Choice.YES).orElseThrow();
        f.as(f.chair);
        live.closeVote(first);
        f.as(f.members.get(0));
        live.submitMotion(f.itemId, null, "Drugi wniosek do tajnego głosowania.", pl.krakow.agora.platform.i18n.UiLanguage.PL);
        f.as(f.chair);
        long second = live.openVote(f.sessionId, true, Majority.SIMPLE);
        f.as(f.members.get(1));
        live.cast(second, Choice.NO);
        f.as(f.chair);
        live.closeVote(second);
        TestUsers.signOut();

        assertThat(ballots.check(first, receipt)).isPresent();
        assertThat(ballots.check(second, receipt)).isEmpty();
    }

    @Test
    void anOpenRollCallVoteAndAnUnknownVoteHaveNoPublishedBallots() {
        ForumFixture f = presentBody();
        f.as(f.chair);
        long voteId = live.openVote(f.sessionId, false, Majority.SIMPLE);
        f.as(f.members.get(0));
        assertThat(live.cast(voteId, Choice.YES)).isEmpty();
        f.as(f.chair);
        live.closeVote(voteId);
        TestUsers.signOut();

        assertThatThrownBy(() -> ballots.published(voteId)).hasMessage("forum.error.ballots-not-secret");
        assertThatThrownBy(() -> ballots.check(voteId, "0123456789abcdef0123456789abcdef"))
                .hasMessage("forum.error.ballots-not-secret");
        assertThatThrownBy(() -> ballots.published(Long.MAX_VALUE - 7)).hasMessage("forum.error.no-vote");
    }

    /** Chair and four members, all present, the item with its draft resolution started. */
    private ForumFixture presentBody() {
        ForumFixture f = ForumFixture.create(forum, live, 4,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, false, false));
        f.everyoneChecksIn(live);
        f.as(f.chair);
        live.startItem(f.itemId);
        TestUsers.signOut();
        return f;
    }
}
