package pl.krakow.agora.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.forum.LiveState.Vote;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** Issue 7 on the real database: quorum, majorities at their boundaries, secret ballots, the speakers list. */
@AgoraIntegrationTest
class LiveSessionIT {

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretBallots ballots;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void quorumFollowsCheckInsAndAVoteCannotOpenWithoutIt() {
        // chair + 4 members = 5; more than half = 3
        ForumFixture f = ForumFixture.create(forum, live, 4,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        f.as(f.chair);
        live.checkIn(f.sessionId, AttendanceMode.ROOM);
        live.startItem(f.itemId);
        f.as(f.members.get(0));
        live.checkIn(f.sessionId, AttendanceMode.REMOTE);
        LiveState two = live.state(f.sessionId);
        assertThat(two.members()).isEqualTo(5);
        assertThat(two.quorumRequired()).isEqualTo(3);
        assertThat(two.present()).isEqualTo(2);
        assertThat(two.presentRemote()).isEqualTo(1);
        assertThat(two.quorum()).isFalse();
        f.as(f.chair);
        assertThatThrownBy(() -> live.openVote(f.sessionId, null, null))
                .isInstanceOf(AgoraException.class).hasMessage("forum.error.no-quorum");

        f.as(f.members.get(1));
        live.checkIn(f.sessionId, AttendanceMode.ROOM);
        assertThat(live.state(f.sessionId).quorum()).isTrue();
        live.checkOut(f.sessionId);
        assertThat(live.state(f.sessionId).quorum()).isFalse();
        live.checkIn(f.sessionId, AttendanceMode.ROOM);
        f.as(f.chair);
        long vote = live.openVote(f.sessionId, null, null);
        assertThat(vote).isPositive();
    }

    @Test
    void atLeastHalfQuorumIsMetByExactlyHalf() {
        // chair + 3 = 4; at least half = 2
        ForumFixture f = ForumFixture.create(forum, live, 3,
                ForumFixture.statute(QuorumRule.AT_LEAST_HALF, Majority.SIMPLE, true, true));
        f.as(f.chair);
        live.checkIn(f.sessionId, AttendanceMode.ROOM);
        assertThat(live.state(f.sessionId).quorum()).isFalse();
        f.as(f.members.get(2));
        live.checkIn(f.sessionId, AttendanceMode.ROOM);
        LiveState s = live.state(f.sessionId);
        assertThat(s.quorumRequired()).isEqualTo(2);
        assertThat(s.quorum()).isTrue();
    }

    @Test
    void simpleMajorityAtItsBoundaries() {
        ForumFixture f = sixMembersAllPresent(Majority.SIMPLE);
        assertThat(vote(f, null, 2, 2, 3).adopted()).as("tie 2:2").isFalse();
        assertThat(vote(f, null, 2, 1, 4).adopted()).as("2:1 with 4 abstentions").isTrue();
        assertThat(vote(f, null, 0, 0, 7).adopted()).as("only abstentions").isFalse();
    }

    @Test
    void absoluteMajorityOfMembersAtItsBoundaries() {
        ForumFixture f = sixMembersAllPresent(Majority.SIMPLE); // 7 members: more than half = 4
        Vote three = vote(f, Majority.ABSOLUTE, 3, 0, 0);
        assertThat(three.adopted()).as("3 of 7 members, no votes against").isFalse();
        assertThat(three.membersCount()).isEqualTo(7);
        assertThat(vote(f, Majority.ABSOLUTE, 4, 3, 0).adopted()).as("4 of 7").isTrue();
    }

    @Test
    void twoThirdsAtItsBoundaries() {
        ForumFixture f = sixMembersAllPresent(Majority.TWO_THIRDS);
        assertThat(vote(f, null, 4, 2, 0).adopted()).as("exactly 2/3").isTrue();
        assertThat(vote(f, null, 4, 1, 1).adopted()).as("4 of 6 cast with an abstention").isTrue();
        assertThat(vote(f, null, 4, 2, 1).adopted()).as("4 of 7 cast").isFalse();
        Vote v = vote(f, null, 4, 2, 1);
        assertThat(List.of(v.yes(), v.no(), v.abstain())).containsExactly(4, 2, 1);
    }

    @Test
    void quorumIsCheckedAgainWhenTheVoteCloses() {
        ForumFixture f = sixMembersAllPresent(Majority.SIMPLE);
        f.as(f.members.get(0));
        long motion = live.submitMotion(f.itemId, null, "Wniosek o przerwę", UiLanguage.PL);
        f.as(f.chair);
        skipTo(f, motion);
        long voteId = live.openVote(f.sessionId, false, null);
        f.as(f.members.get(0));
        live.cast(voteId, Choice.YES);
        for (int i = 0; i < 4; i++) {
            f.as(f.members.get(i));
            live.checkOut(f.sessionId);
        }
        f.as(f.chair);
        Vote closed = live.closeVote(voteId);
        assertThat(closed.quorumMet()).isFalse();
        assertThat(closed.adopted()).isFalse();
        assertThat(closed.yes()).isEqualTo(1);
    }

    @Test
    void anOpenVoteMayBeChangedUntilItClosesWhenTheStatuteAllowsAndOnlyThen() {
        ForumFixture f = sixMembersAllPresent(Majority.SIMPLE);
        long voteId = openOnResolution(f, false);
        UserRef m = f.members.get(0);
        f.as(m);
        live.cast(voteId, Choice.YES);
        live.cast(voteId, Choice.NO);
        assertThat(jdbc.sql("SELECT choice FROM forum_vote_register WHERE vote_id = :v").param("v", voteId)
                .query(String.class).list()).containsExactly("NO");
        assertThat(live.state(f.sessionId).viewer().choice()).isEqualTo(Choice.NO);
        f.as(f.chair);
        Vote closed = live.closeVote(voteId);
        assertThat(closed.rollCall()).extracting(LiveState.RollCall::name).containsExactly(m.displayName());
        f.as(m);
        assertThatThrownBy(() -> live.cast(voteId, Choice.YES)).hasMessage("forum.error.vote-closed");

        ForumFixture strict = ForumFixture.create(forum, live, 3,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, false));
        strict.everyoneChecksIn(live);
        strict.as(strict.chair);
        live.startItem(strict.itemId);
        long strictVote = live.openVote(strict.sessionId, null, null);
        strict.as(strict.members.get(0));
        live.cast(strictVote, Choice.YES);
        assertThatThrownBy(() -> live.cast(strictVote, Choice.NO)).hasMessage("forum.error.already-voted");
    }

    @Test
    void aSecretVoteStoresNoLinkBetweenMemberAndChoice() {
        ForumFixture f = sixMembersAllPresent(Majority.SIMPLE);
        long voteId = openOnResolution(f, true);
        Choice[] choices = {Choice.YES, Choice.YES, Choice.NO, Choice.ABSTAIN};
        String[] receipts = new String[choices.length];
        for (int i = 0; i < choices.length; i++) {
            f.as(f.members.get(i));
            receipts[i] = live.cast(voteId, choices[i]).orElseThrow();
        }
        f.as(f.members.get(0));
        assertThatThrownBy(() -> live.cast(voteId, Choice.NO)).hasMessage("forum.error.already-voted");
        LiveState during = live.state(f.sessionId);
        assertThat(during.vote().cast()).isEqualTo(4);
        assertThat(during.vote().yes()).as("no totals while a secret vote is open").isNull();
        assertThat(during.viewer().voted()).isTrue();
        assertThat(during.viewer().choice()).isNull();

        // the register knows who voted, never what or when
        List<Object[]> register = jdbc.sql("SELECT member_id, choice, cast_at FROM forum_vote_register WHERE vote_id = :v")
                .param("v", voteId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3)}).list();
        assertThat(register).hasSize(4).allSatisfy(r -> {
            assertThat(r[1]).isNull();
            assertThat(r[2]).isNull();
        });
        // the ballots have no column that could name a member or order them in time
        List<String> columns = jdbc.sql("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND table_name = 'forum_secret_ballot'""")
                .query(String.class).list();
        assertThat(columns).map(String::toLowerCase).containsExactlyInAnyOrder("id", "vote_id", "choice", "receipt_hash");
        List<String> ballotIds = jdbc.sql("SELECT id FROM forum_secret_ballot WHERE vote_id = :v").param("v", voteId)
                .query(String.class).list();
        assertThat(ballotIds).hasSize(4).allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"));

        f.as(f.chair);
        Vote closed = live.closeVote(voteId);
        assertThat(List.of(closed.yes(), closed.no(), closed.abstain())).containsExactly(2, 1, 1);
        assertThat(closed.rollCall()).as("no roll call of a secret vote").isEmpty();
        assertThat(closed.adopted()).isTrue();
        List<String> published = ballots.published(voteId).ballots().stream()
                .map(b -> b.receiptHash() + " " + b.choice().name()).toList();
        for (int i = 0; i < receipts.length; i++) {
            assertThat(published).contains(LiveSession.sha256(receipts[i]) + " " + choices[i].name());
        }
    }

    @Test
    void theChairLetsAnAdVocemJumpTheQueueAndTheTurnIsTimedFromTheStoredStart() {
        ForumFixture f = sixMembersAllPresent(Majority.SIMPLE);
        UserRef a = f.members.get(0);
        UserRef b = f.members.get(1);
        UserRef c = f.members.get(2);
        f.as(a);
        live.requestFloor(f.sessionId, SpeechKind.SPEECH);
        assertThatThrownBy(() -> live.requestFloor(f.sessionId, SpeechKind.SPEECH)).hasMessage("forum.error.already-requested");
        f.as(b);
        live.requestFloor(f.sessionId, SpeechKind.SPEECH);
        f.as(c);
        long adVocem = live.requestFloor(f.sessionId, SpeechKind.AD_VOCEM);
        assertThat(live.state(f.sessionId).queue()).extracting(LiveState.Speaker::name)
                .containsExactly(a.displayName(), b.displayName(), c.displayName());
        f.as(a);
        assertThatThrownBy(() -> live.decideRequest(adVocem, true)).hasMessage("forum.error.not-chair");
        f.as(f.chair);
        live.decideRequest(adVocem, true);
        assertThat(live.state(f.sessionId).queue()).extracting(LiveState.Speaker::name)
                .containsExactly(c.displayName(), a.displayName(), b.displayName());
        live.giveFloorToNext(f.sessionId);
        LiveState s = live.state(f.sessionId);
        assertThat(s.speaking().name()).isEqualTo(c.displayName());
        assertThat(s.speaking().secondsAllowed()).isEqualTo(60);
        assertThat(s.speaking().floorStartedAt()).isNotNull();
        assertThat(s.speaking().secondsLeft(s.speaking().floorStartedAt().plusSeconds(61))).isEqualTo(-1);
        live.giveFloorToNext(f.sessionId);
        s = live.state(f.sessionId);
        assertThat(s.speaking().name()).isEqualTo(a.displayName());
        assertThat(s.speaking().secondsAllowed()).isEqualTo(120);
        live.endFloor(f.sessionId);
        assertThat(live.state(f.sessionId).speaking()).isNull();
        assertThat(live.state(f.sessionId).queue()).hasSize(1);
    }

    @Test
    void motionsAreVotedInTheOrderTheChairSets() {
        ForumFixture f = sixMembersAllPresent(Majority.SIMPLE);
        f.as(f.members.get(0));
        long first = live.submitMotion(f.itemId, null, "Pierwszy wniosek", UiLanguage.PL);
        long amendment = live.submitMotion(f.itemId, first, "Poprawka do pierwszego", UiLanguage.PL);
        assertThatThrownBy(() -> live.submitMotion(f.itemId, null, "  ", UiLanguage.PL))
                .hasMessage("forum.error.motion-required");
        f.as(f.chair);
        // resolution (from the draft) first, then first, then amendment; move the amendment before "first"
        live.moveMotion(amendment, true);
        List<Long> order = live.state(f.sessionId).motions().stream().map(LiveState.Motion::id).toList();
        assertThat(order.indexOf(amendment)).isLessThan(order.indexOf(first));
        long resolutionVote = live.openVote(f.sessionId, null, null);
        assertThat(live.state(f.sessionId).vote().motionKind()).isEqualTo(MotionKind.RESOLUTION);
        live.closeVote(resolutionVote);
        long next = live.openVote(f.sessionId, null, null);
        assertThat(live.state(f.sessionId).vote().motionId()).isEqualTo(amendment);
        assertThatThrownBy(() -> live.openVote(f.sessionId, null, null)).hasMessage("forum.error.vote-still-open");
        live.closeVote(next);
    }

    @Test
    void membersOnlyAndCheckedInOnly() {
        ForumFixture f = ForumFixture.create(forum, live, 2,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        UserRef outsider = ForumFixture.user("gosc");
        f.as(outsider);
        assertThatThrownBy(() -> live.checkIn(f.sessionId, AttendanceMode.ROOM)).hasMessage("forum.error.not-member");
        assertThat(live.state(f.sessionId).viewer()).isNull();
        f.as(f.members.get(0));
        assertThatThrownBy(() -> live.open(f.sessionId)).hasMessage("forum.error.not-chair");
        f.as(f.chair);
        live.startItem(f.itemId);
        f.as(f.members.get(0));
        assertThatThrownBy(() -> live.requestFloor(f.sessionId, SpeechKind.SPEECH)).hasMessage("forum.error.not-checked-in");
        TestUsers.signOut();
        assertThat(live.state(f.sessionId).session().status()).isEqualTo(SessionStatus.OPEN);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** chair + 6 members, all present, the item started (its resolution is the first pending motion). */
    private ForumFixture sixMembersAllPresent(Majority majority) {
        ForumFixture f = ForumFixture.create(forum, live, 6,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, majority, true, true));
        f.everyoneChecksIn(live);
        f.as(f.chair);
        live.startItem(f.itemId);
        TestUsers.signOut();
        return f;
    }

    private long openOnResolution(ForumFixture f, boolean secret) {
        f.as(f.chair);
        return live.openVote(f.sessionId, secret, null);
    }

    /** Withdraws/rejects nothing: puts earlier pending motions to a quick vote until {@code motion} is next. */
    private void skipTo(ForumFixture f, long motion) {
        while (true) {
            LiveState s = live.state(f.sessionId);
            Optional<LiveState.Motion> next = s.motions().stream().filter(m -> m.status() == MotionStatus.PENDING).findFirst();
            if (next.isEmpty() || next.get().id() == motion) {
                return;
            }
            live.closeVote(live.openVote(f.sessionId, null, null));
        }
    }

    /** A new motion voted with the given counts by the members (the chair does not vote). */
    private Vote vote(ForumFixture f, Majority majority, int yes, int no, int abstain) {
        f.as(f.members.get(0));
        long motion = live.submitMotion(f.itemId, null, "Wniosek " + yes + "/" + no + "/" + abstain, UiLanguage.PL);
        f.as(f.chair);
        skipTo(f, motion);
        long voteId = live.openVote(f.sessionId, false, majority);
        int i = 0;
        List<UserRef> voters = new java.util.ArrayList<>(f.members);
        voters.add(f.chair);
        for (int k = 0; k < yes; k++) {
            f.as(voters.get(i++));
            live.cast(voteId, Choice.YES);
        }
        for (int k = 0; k < no; k++) {
            f.as(voters.get(i++));
            live.cast(voteId, Choice.NO);
        }
        for (int k = 0; k < abstain; k++) {
            f.as(voters.get(i++));
            live.cast(voteId, Choice.ABSTAIN);
        }
        f.as(f.chair);
        return live.closeVote(voteId);
    }
}
