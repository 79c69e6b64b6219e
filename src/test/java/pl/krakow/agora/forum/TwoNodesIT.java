package pl.krakow.agora.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.audit.AuditLog;

/**
 * Issue 7, "Live updates must cross application nodes": a second application context (node B, with
 * its own connection pool, forum services and change feed with its own scheduler) on the same
 * database as the test's application (node A). A change committed on one node reaches the watchers
 * on the other, and the other reads the same state from the database.
 */
@AgoraIntegrationTest
class TwoNodesIT {

    @Autowired
    ForumService forum;
    @Autowired
    LiveSession live;
    @Autowired
    ForumChangeFeed feed;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** Node B's infrastructure (not a @Configuration, so that neither Spring Boot's test nor its scan picks it up). */
    @EnableTransactionManagement
    @EnableScheduling
    static class NodeB {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(org.springframework.core.env.Environment env) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(env.getRequiredProperty("nodeb.url"));
            ds.setUsername(env.getProperty("nodeb.user"));
            ds.setPassword(env.getProperty("nodeb.password"));
            ds.setMaximumPoolSize(4);
            return ds;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }

        @Bean
        JdbcClient jdbcClient(DataSource ds) {
            return JdbcClient.create(ds);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Test
    void aChangeOnOneNodeReachesTheOtherNodesWatchersAndState() throws Exception {
        ForumFixture f = ForumFixture.create(forum, live, 4,
                ForumFixture.statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true));
        HikariDataSource a = (HikariDataSource) dataSource;
        try (AnnotationConfigApplicationContext nodeB = new AnnotationConfigApplicationContext()) {
            var props = new java.util.Properties();
            props.setProperty("nodeb.url", a.getJdbcUrl());
            props.setProperty("nodeb.user", a.getUsername() == null ? "" : a.getUsername());
            props.setProperty("nodeb.password", a.getPassword() == null ? "" : a.getPassword());
            nodeB.getEnvironment().getPropertySources().addFirst(
                    new org.springframework.core.env.PropertiesPropertySource("nodeb", props));
            nodeB.register(NodeB.class, CurrentUser.class, AuditLog.class, ForumAccess.class, LiveSession.class,
                    ForumChangeFeed.class);
            nodeB.refresh();
            LiveSession liveB = nodeB.getBean(LiveSession.class);
            ForumChangeFeed feedB = nodeB.getBean(ForumChangeFeed.class);
            assertThat(feedB).isNotSameAs(feed);

            BlockingQueue<Long> seenByB = new ArrayBlockingQueue<>(100);
            BlockingQueue<Long> seenByA = new ArrayBlockingQueue<>(100);
            Runnable subB = feedB.subscribe(f.sessionId, seenByB::add);
            Runnable subA = feed.subscribe(f.sessionId, seenByA::add);

            // node A: a member checks in; node B's poller must tell its watcher, and B reads it
            f.as(f.members.get(0));
            long before = System.nanoTime();
            live.checkIn(f.sessionId, AttendanceMode.ROOM);
            Long versionOnB = seenByB.poll(5, TimeUnit.SECONDS);
            long aToB = (System.nanoTime() - before) / 1_000_000;
            assertThat(versionOnB).as("node B saw node A's change").isNotNull();
            assertThat(liveB.state(f.sessionId).present()).isEqualTo(1);
            assertThat(liveB.state(f.sessionId).viewer().checkedIn()).isEqualTo(AttendanceMode.ROOM);

            // node B: another member checks in through B's services; node A's watchers hear of it
            seenByA.clear();
            f.as(f.members.get(1));
            before = System.nanoTime();
            liveB.checkIn(f.sessionId, AttendanceMode.REMOTE);
            Long versionOnA = seenByA.poll(5, TimeUnit.SECONDS);
            long bToA = (System.nanoTime() - before) / 1_000_000;
            assertThat(versionOnA).as("node A saw node B's change").isNotNull();
            LiveState onA = live.state(f.sessionId);
            assertThat(onA.present()).isEqualTo(2);
            assertThat(onA.presentRemote()).isEqualTo(1);
            assertThat(onA.version()).isEqualTo(liveB.state(f.sessionId).version());
            System.out.printf("cross-node change feed: A->B %d ms, B->A %d ms (poll every 250 ms, %d cores)%n",
                    aToB, bToA, Runtime.getRuntime().availableProcessors());
            subA.run();
            subB.run();
        }
    }
}
