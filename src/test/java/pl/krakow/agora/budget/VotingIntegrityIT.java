package pl.krakow.agora.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.budget.pabulib.PabulibReader;
import pl.krakow.agora.budget.tally.PbTally;
import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.budget.tally.TallyInput;
import pl.krakow.agora.budget.tally.TallyResult;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.AgoraException;

/**
 * Issue 9, "Load and integrity tests", on the embedded MariaDB through the service layer: one code
 * used by 50 threads at once gives one ballot; 2,000 voters at once give 2,000 ballots whose tally
 * equals the tally of the exported .pb file; a connection killed in the middle of a vote leaves
 * nothing behind and the voter can vote again.
 */
@AgoraIntegrationTest
class VotingIntegrityIT {

    @Autowired
    EditionService editions;
    @Autowired
    ProjectService projects;
    @Autowired
    VotingService voting;
    @Autowired
    ResultsService results;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void fiftyThreadsCastingWithOneCodeAtOnceLeaveExactlyOneBallot() throws Exception {
        var v = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY, Eligibility.CODES, new BigDecimal("100000"), List.of()),
                30_000, 40_000, 50_000);
        String code = voting.issueCodes(v.edition(), "NGO test", 1).codes().get(0);
        TestUsers.signOut();
        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long project = v.projects().get(i % 3);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return "receipt " + voting.cast(v.edition(), Credential.code(code), BallotChoice.approving(List.of(project))).code();
                } catch (AgoraException refused) {
                    return refused.messageKey();
                }
            }));
        }
        start.countDown();
        List<String> got = new ArrayList<>();
        for (Future<String> f : outcomes) {
            got.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(got.stream().filter(s -> s.startsWith("receipt ")).count()).isEqualTo(1);
        assertThat(got.stream().filter(s -> !s.startsWith("receipt "))).allMatch(s -> s.equals("budget.vote.error.code-used"));
        assertThat(voting.ballotCount(v.edition())).isEqualTo(1);
        assertThat(count("budget_voter_mark", v.edition())).isEqualTo(1);
        assertThatThrownBy(() -> voting.cast(v.edition(), Credential.code(code),
                BallotChoice.approving(List.of(v.projects().get(0)))))
                .isInstanceOf(AgoraException.class).hasMessage("budget.vote.error.code-used");
    }

    @Test
    void twoThousandVotersAtOnceGiveTwoThousandBallotsTalliedAsTheirExportedPabulibFile() throws Exception {
        long[] costs = {120_000, 80_000, 200_000, 45_000, 150_000, 60_000, 95_000, 30_000, 175_000, 110_000};
        var v = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.MES_COST_ADD1, Eligibility.CODES, new BigDecimal("500000"),
                        List.of()), costs);
        int voters = 2000;
        List<String> codes = voting.issueCodes(v.edition(), "Load test", voters).codes();
        TestUsers.signOut();
        Random random = new Random(2026);
        List<List<Long>> choices = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            Set<Long> chosen = new HashSet<>();
            int k = 1 + random.nextInt(3);
            while (chosen.size() < k) {
                // a skewed preference, so that the result is not a coin toss
                int p = Math.min(costs.length - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 3.5));
                chosen.add(v.projects().get(p));
            }
            choices.add(new ArrayList<>(chosen));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Receipt>> receipts = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            int voter = i;
            receipts.add(pool.submit((Callable<Receipt>) () -> {
                start.await();
                return voting.cast(v.edition(), Credential.code(codes.get(voter)), BallotChoice.approving(choices.get(voter)));
            }));
        }
        start.countDown();
        Set<String> distinct = new HashSet<>();
        for (Future<Receipt> f : receipts) {
            distinct.add(f.get(120, TimeUnit.SECONDS).code());
        }
        pool.shutdown();
        assertThat(distinct).hasSize(voters);
        assertThat(voting.ballotCount(v.edition())).isEqualTo(voters);
        assertThat(count("budget_voter_mark", v.edition())).isEqualTo(voters);

        BudgetFixtures.signInAdmin();
        PoolResult inApp = results.results(v.edition()).pools().get(0);
        assertThat(inApp.voters()).isEqualTo(voters);
        String pb = results.exportPabulib(v.edition(), "general");
        // voting is still open: each interim look by an administrator is on the audit record
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'budget.results.interim-view'"
                + " AND target = :t").param("t", EditionService.target(v.edition())).query(Integer.class).single())
                .isEqualTo(2);
        TallyInput fromFile = TallyInput.fromPabulib(PabulibReader.parse(pb));
        assertThat(fromFile.ballots()).hasSize(voters);
        TallyResult recomputed = PbTally.tally(fromFile, Rule.MES_COST_ADD1);
        assertThat(inApp.winners().stream().map(String::valueOf).toList()).isEqualTo(recomputed.selected());
        assertThat(inApp.totalCost()).isEqualByComparingTo(recomputed.totalCost());
        assertThat(recomputed.selected()).isNotEmpty();
        // the same ballots under greedy too: the file carries every vote
        assertThat(PbTally.tally(fromFile, Rule.GREEDY).selected()).isEqualTo(
                ResultsService.tally(new VotingRules(editions.edition(v.edition()).withRule(Rule.GREEDY),
                        editions.ballotProjects(v.edition())), Pool.of(new VotingRules(editions.edition(v.edition()),
                        editions.ballotProjects(v.edition()))).get(0), voting.box().ballots(v.edition()))
                        .winners().stream().map(String::valueOf).toList());
        // and a voter finds their ballot by the receipt
        String someReceipt = distinct.iterator().next();
        assertThat(voting.findReceipt(v.edition(), someReceipt)).isPresent();
    }

    @Test
    void aConnectionKilledInTheMiddleOfAVoteLeavesNothingAndTheVoterVotesAgain() throws Exception {
        var v = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.GREEDY, Eligibility.CODES, new BigDecimal("100000"), List.of()),
                30_000, 40_000);
        String code = voting.issueCodes(v.edition(), "Kill test", 1).codes().get(0);
        TestUsers.signOut();
        long ballotsBefore = voting.ballotCount(v.edition());

        AtomicBoolean killed = new AtomicBoolean();
        DataSource killing = new KillingDataSource(dataSource, "INSERT INTO budget_ballot", killed);
        BallotBox box = new BallotBox(JdbcClient.create(killing),
                new TransactionTemplate(new DataSourceTransactionManager(killing)));

        assertThatThrownBy(() -> voting.cast(box, v.edition(), Credential.code(code),
                BallotChoice.approving(List.of(v.projects().get(0))), VotingService.ONLINE))
                .isInstanceOf(AgoraException.class).hasMessage("budget.vote.error.not-recorded");
        assertThat(killed).isTrue();
        // the server rolled the transaction back: code unused, no "has voted", no ballot
        assertThat(jdbc.sql("SELECT used FROM budget_voting_code WHERE edition_id = :e").param("e", v.edition())
                .query(Boolean.class).single()).isFalse();
        assertThat(count("budget_voter_mark", v.edition())).isZero();
        assertThat(voting.ballotCount(v.edition())).isEqualTo(ballotsBefore);

        Receipt receipt = voting.cast(v.edition(), Credential.code(code), BallotChoice.approving(List.of(v.projects().get(1))));
        assertThat(receipt.code()).isNotBlank();
        assertThat(voting.ballotCount(v.edition())).isEqualTo(ballotsBefore + 1);
        assertThat(voting.findReceipt(v.edition(), receipt.code()).orElseThrow().projects()).containsExactly(v.projects().get(1));
    }

    private long count(String table, long edition) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE edition_id = :e").param("e", edition)
                .query(Long.class).single();
    }

    /**
     * Hands out connections that the server kills (KILL CONNECTION, from another connection) as soon
     * as a statement containing the trigger is prepared: what a crashed database node or a cut
     * network does to a vote in flight.
     */
    static final class KillingDataSource extends DelegatingDataSource {
        private final String trigger;
        private final AtomicBoolean killed;

        KillingDataSource(DataSource target, String trigger, AtomicBoolean killed) {
            super(target);
            this.trigger = trigger;
            this.killed = killed;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection real = obtainTargetDataSource().getConnection();
            long id;
            try (Statement s = real.createStatement(); var rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
                                && sql.contains(trigger)) {
                            try (Connection admin = obtainTargetDataSource().getConnection();
                                    Statement s = admin.createStatement()) {
                                s.execute("KILL CONNECTION " + id);
                            }
                            killed.set(true);
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getTargetException();
                        }
                    });
        }
    }
}
