package pl.krakow.agora.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

/**
 * Issue 7, "60 members voting at the same instant" and "a vote closed while requests are in flight":
 * each member is a thread with its own transactions, released together by a latch.
 */
@AgoraIntegrationTest
class VoteConcurrencyIT {

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void sixtyMembersVotingAtTheSameInstantGiveExactlySixtyVotesAndTheRightTotals() throws Exception {
        ForumFixture f = ForumFixture.create(forum, live, 60,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        f.everyoneChecksIn(live);
        f.as(f.chair);
        live.startItem(f.itemId);
        long voteId = live.openVote(f.sessionId, false, null);
        TestUsers.signOut();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(60);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UserRef member = f.members.get(i);
            Choice choice = i < 31 ? Choice.YES : i < 55 ? Choice.NO : Choice.ABSTAIN;
            results.add(pool.submit(() -> {
                f.as(member);
                try {
                    start.await();
                    live.cast(voteId, choice);
                    // the same member again, at once: the register's key allows one row; an open vote may change
                    live.cast(voteId, choice);
                    return true;
                } finally {
                    TestUsers.signOut();
                }
            }));
        }
        start.countDown();
        for (Future<Boolean> r : results) {
            assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM forum_vote_register WHERE vote_id = :v").param("v", voteId)
                .query(Integer.class).single()).isEqualTo(60);
        f.as(f.chair);
        Vote closed = live.closeVote(voteId);
        assertThat(List.of(closed.yes(), closed.no(), closed.abstain())).containsExactly(31, 24, 5);
        assertThat(closed.rollCall()).hasSize(60);
        assertThat(closed.adopted()).isTrue();
    }

    @Test
    void aVoteClosedWhileVotesArriveCountsEachOnceOrRefusesItWithAMessage() throws Exception {
        ForumFixture f = ForumFixture.create(forum, live, 40,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, false, false));
        f.everyoneChecksIn(live);
        f.as(f.chair);
        live.startItem(f.itemId);
        long voteId = live.openVote(f.sessionId, true, null); // secret: the harder case, no member in the ballot
        TestUsers.signOut();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(41);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UserRef member = f.members.get(i);
            long delay = i * 5L;
            results.add(pool.submit(() -> {
                f.as(member);
                try {
                    start.await();
                    Thread.sleep(delay);
                    live.cast(voteId, Choice.YES);
                    return "counted";
                } catch (AgoraException e) {
                    return e.messageKey();
                } finally {
                    TestUsers.signOut();
                }
            }));
        }
        Callable<Vote> close = () -> {
            f.as(f.chair);
            try {
                start.await();
                // close once ten votes are in, while the others are still arriving (every 5 ms)
                while (jdbc.sql("SELECT COUNT(*) FROM forum_vote_register WHERE vote_id = :v").param("v", voteId)
                        .query(Integer.class).single() < 10) {
                    Thread.sleep(1);
                }
                return live.closeVote(voteId);
            } finally {
                TestUsers.signOut();
            }
        };
        Future<Vote> closing = pool.submit(close);
        start.countDown();
        int counted = 0;
        int refused = 0;
        for (Future<String> r : results) {
            String outcome = r.get(60, TimeUnit.SECONDS);
            if (outcome.equals("counted")) {
                counted++;
            } else {
                assertThat(outcome).isEqualTo("forum.error.vote-closed");
                refused++;
            }
        }
        Vote closed = closing.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(counted + refused).isEqualTo(40);
        assertThat(counted).isGreaterThanOrEqualTo(10);
        assertThat(refused).as("votes arriving after the close are refused").isPositive();
        assertThat(closed.yes()).as("every vote that was accepted is in the total, once").isEqualTo(counted);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM forum_secret_ballot WHERE vote_id = :v").param("v", voteId)
                .query(Integer.class).single()).isEqualTo(counted);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM forum_vote_register WHERE vote_id = :v").param("v", voteId)
                .query(Integer.class).single()).isEqualTo(counted);
        System.out.printf("close during voting: %d counted, %d refused as closed%n", counted, refused);
    }
}
