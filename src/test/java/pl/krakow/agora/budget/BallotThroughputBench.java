package pl.krakow.agora.budget;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import pl.krakow.agora.OidcTestProvider;
import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.identity.TestUsers;

/**
 * Ballots per second and p50/p99 latency through the service layer ({@link VotingService#cast}:
 * format check, code used up, "has voted" row, ballot row, one transaction), beside a raw JDBC
 * baseline measured in the same run on the same database and pool (one INSERT of a ballot row and
 * a COMMIT per ballot), and the ratio between them. Timings only (./mvnw -Pbench test
 * -Dtest=BallotThroughputBench); nothing is asserted about time. No real web server (a mock servlet context): the -Pbench build has no
 * Vaadin development bundle, and the service layer is what is measured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"dev", "test"})
@ContextConfiguration(initializers = OidcTestProvider.class)
class BallotThroughputBench {

    static final int THREADS = 8;
    static final int WARM_UP = 300;
    static final int BALLOTS = 3000;

    @Autowired
    EditionService editions;
    @Autowired
    ProjectService projects;
    @Autowired
    VotingService voting;
    @Autowired
    DataSource dataSource;

    @Test
    void ballotsPerSecondThroughTheServiceBesideRawJdbc() throws Exception {
        var v = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.MES_COST_ADD1, Eligibility.CODES, new BigDecimal("1000000"),
                        List.of()), 100_000, 200_000, 150_000, 50_000, 300_000, 250_000);
        List<String> codes = new ArrayList<>(voting.issueCodes(v.edition(), "bench", WARM_UP + BALLOTS).codes());
        TestUsers.signOut();
        List<Long> p = v.projects();
        AtomicInteger next = new AtomicInteger();
        Runnable service = () -> {
            int i = next.getAndIncrement();
            voting.cast(v.edition(), Credential.code(codes.get(i)),
                    BallotChoice.approving(List.of(p.get(i % 6), p.get((i + 2) % 6), p.get((i + 3) % 6))));
        };
        Runnable raw = () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO budget_ballot (id, edition_id, projects, points, receipt_hash, channel)
                        VALUES (?, ?, ?, '', ?, 'ONLINE')""")) {
                    s.setString(1, Secrets.randomId());
                    s.setLong(2, -v.edition());
                    s.setString(3, p.get(0) + "," + p.get(2) + "," + p.get(3));
                    s.setString(4, Secrets.receiptHash(Secrets.newCode()));
                    s.executeUpdate();
                }
                c.commit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        run(raw, WARM_UP);
        run(service, WARM_UP);
        Result baseline = run(raw, BALLOTS);
        Result through = run(service, BALLOTS);
        System.out.printf(Locale.ROOT, "%nBallotThroughputBench: %d cores (Runtime.availableProcessors), %d threads, %d ballots each, embedded MariaDB%n",
                Runtime.getRuntime().availableProcessors(), THREADS, BALLOTS);
        print("raw JDBC insert+commit", baseline);
        print("VotingService.cast", through);
        System.out.printf(Locale.ROOT, "ratio service/raw: throughput %.2f, p50 latency %.2f, p99 latency %.2f%n%n",
                through.perSecond / baseline.perSecond, through.p50 / baseline.p50, through.p99 / baseline.p99);
        if (voting.ballotCount(v.edition()) != WARM_UP + BALLOTS) {
            throw new AssertionError("lost ballots: " + voting.ballotCount(v.edition()));
        }
    }

    record Result(double perSecond, double p50, double p99) {
    }

    private static void print(String what, Result r) {
        System.out.printf(Locale.ROOT, "%-24s %8.0f ballots/s   p50 %6.2f ms   p99 %6.2f ms%n", what, r.perSecond, r.p50, r.p99);
    }

    private static Result run(Runnable task, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long[] latencies = new long[count];
        AtomicInteger slot = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                task.run();
                latencies[slot.getAndIncrement()] = System.nanoTime() - t;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6);
    }
}
