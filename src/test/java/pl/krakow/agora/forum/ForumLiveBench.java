package pl.krakow.agora.forum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.identity.UserRef;

/**
 * Issue 7, "-Pbench": 200 simulated members follow one session. Each member is a watcher of the change
 * feed that, when told of a change, re-reads the whole session state from the database (what each
 * member's screen does). The figure is the time from a change's commit until all 200 have read a
 * state showing it: this node (after-commit event) and another node (a second feed that only polls,
 * as a second application node would).
 *
 * <p>Run: {@code ./mvnw -Pbench test -Dtest=ForumLiveBench}
 */
// the service layer only: no web server (a mock servlet context), so that -Pbench (which leaves Vaadin's development server out) runs it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
class ForumLiveBench {

    static final int MEMBERS = 200;
    static final int CHANGES = 40;

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    ForumChangeFeed feed;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void twoHundredMembersFollowASession() throws Exception {
        ForumFixture f = ForumFixture.create(forum, live, MEMBERS,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        f.as(f.chair);
        live.checkIn(f.sessionId, AttendanceMode.ROOM);
        live.startItem(f.itemId);
        TestUsers.signOut();

        ForumChangeFeed otherNode = new ForumChangeFeed(jdbc);
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                otherNode.poll();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-other-node-poller");
        poller.setDaemon(true);

        List<Long> local = Collections.synchronizedList(new ArrayList<>());
        List<Long> remote = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Round> round = new AtomicReference<>();
        List<Runnable> subscriptions = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            subscriptions.add(feed.subscribe(f.sessionId, v -> arrive(round.get(), v, true, local, remote)));
            subscriptions.add(otherNode.subscribe(f.sessionId, v -> arrive(round.get(), v, false, local, remote)));
        }
        poller.start();
        try {
            for (int c = 0; c < CHANGES; c++) {
                UserRef member = f.members.get(c);
                f.as(member);
                Round r = new Round();
                r.sessionId = f.sessionId;
                round.set(r);
                live.checkIn(f.sessionId, c % 2 == 0 ? AttendanceMode.ROOM : AttendanceMode.REMOTE);
                r.version = live.version(f.sessionId);
                r.committedAt = System.nanoTime();
                r.ready.countDown();
                if (!r.done.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("not every member saw change " + c + ": " + r.done.getCount() + " missing");
                }
            }
        } finally {
            poller.interrupt();
            subscriptions.forEach(Runnable::run);
            otherNode.stop();
        }
        System.out.printf("%nForumLiveBench: %d members, %d changes, %d cores%n", MEMBERS, CHANGES,
                Runtime.getRuntime().availableProcessors());
        print("this node (after-commit event), commit to member's state read", local);
        print("other node (poll every 250 ms), commit to member's state read", remote);
    }

    /** One change: its version and commit time; done when 2 × MEMBERS watchers have read it. */
    static final class Round {
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(2 * MEMBERS);
        volatile long version;
        volatile long sessionId;
        volatile long committedAt;
        final java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    }

    private void arrive(Round r, long version, boolean here, List<Long> local, List<Long> remote) {
        if (r == null) {
            return;
        }
        try {
            r.ready.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (version < r.version) {
            return;
        }
        // what a member's screen does: read the state of the session from the database
        LiveState state = live.state(r.sessionId);
        if (state.version() >= r.version) {
            long ms = (System.nanoTime() - r.committedAt) / 1_000_000;
            (here ? local : remote).add(ms);
            r.done.countDown();
        }
    }

    private static void print(String what, List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("  %s: n=%d p50=%d ms p99=%d ms max=%d ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.getLast());
    }
}
