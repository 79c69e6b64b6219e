package pl.krakow.agora.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Issue 5, "Concurrency": 20 people comment, reply and react on one item at the same moment; no row
 * is lost or duplicated and the reaction counts equal the reaction rows. Each worker is its own
 * thread with its own transactions, released together by a latch, on the real database.
 */
@AgoraIntegrationTest
class DiscussionConcurrencyIT {

    static final int PEOPLE = 20;
    private static final AtomicLong USERS = new AtomicLong(300_000);

    @Autowired
    DiscussionService discussion;
    @Autowired
    DiscussionProperties properties;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void twentyPeopleCommentingReplyingAndReactingAtOnceLoseAndDuplicateNothing() throws Exception {
        CommentableRef item = new CommentableRef("test", "item", UUID.randomUUID().toString());
        long author = USERS.incrementAndGet();
        TestUsers.signIn(author, "author", Role.RESIDENT);
        long target = discussion.post(item, "Czy miasto powinno tłumaczyć formularze?", UiLanguage.PL);
        long second = discussion.post(item, "Drugi wątek", UiLanguage.PL);
        TestUsers.signOut();

        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Long>> work = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            int n = i;
            long user = USERS.incrementAndGet();
            work.add(() -> {
                TestUsers.signIn(user, "person-" + n, Role.RESIDENT);
                try {
                    start.await();
                    long own = discussion.post(item, "Głos nr " + n, UiLanguage.PL);
                    discussion.react(target, n % 2 == 0 ? ReactionKind.SUPPORT : ReactionKind.OPPOSE);
                    discussion.reply(target, "Odpowiedź nr " + n, UiLanguage.PL);
                    discussion.react(second, ReactionKind.SUPPORT);
                    if (n % 4 == 0) {
                        discussion.react(target, ReactionKind.OPPOSE); // changes their mind
                    }
                    if (n % 5 == 0) {
                        discussion.react(second, null); // takes it back
                    }
                    return own;
                } finally {
                    TestUsers.signOut();
                }
            });
        }
        List<Future<Long>> futures = new ArrayList<>();
        for (Callable<Long> job : work) {
            futures.add(pool.submit(job));
        }
        start.countDown();
        Set<Long> posted = new HashSet<>();
        for (Future<Long> f : futures) {
            posted.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(posted).hasSize(PEOPLE);

        // expected: evens support, odds oppose; every fourth (all even) switched to oppose
        long supportTarget = java.util.stream.IntStream.range(0, PEOPLE).filter(n -> n % 2 == 0 && n % 4 != 0).count();
        long opposeTarget = PEOPLE - supportTarget;
        long supportSecond = java.util.stream.IntStream.range(0, PEOPLE).filter(n -> n % 5 != 0).count();

        assertThat(count("SELECT COUNT(*) FROM discussion_comment WHERE target_id = :id AND depth = 0", item.id()))
                .isEqualTo(PEOPLE + 2);
        assertThat(count("SELECT COUNT(*) FROM discussion_comment WHERE parent_id = :id", Long.toString(target)))
                .isEqualTo(PEOPLE);
        assertThat(count("SELECT COUNT(DISTINCT body) FROM discussion_comment WHERE target_id = :id", item.id()))
                .isEqualTo(2 * PEOPLE + 2);
        assertThat(reactionRows(target)).isEqualTo(PEOPLE);
        assertThat(reactionRows(second)).isEqualTo(supportSecond);
        assertThat(countsOf(target)).containsExactly(supportTarget, opposeTarget);
        assertThat(countsOf(second)).containsExactly(supportSecond, 0L);
        assertThat(countsOf(target)).as("the stored counts equal the rows")
                .containsExactly(rows(target, "SUPPORT"), rows(target, "OPPOSE"));
        assertThat(discussion.visibleCount(item)).isEqualTo(2L * PEOPLE + 2);

        TestUsers.signIn(author, "author", Role.RESIDENT);
        CommentPage page = discussion.page(item, CommentSort.MOST_SUPPORTED, null, 100);
        assertThat(page.threads()).hasSize(PEOPLE + 2);
        CommentThread thread = page.threads().stream().filter(t -> t.root().id() == target).findFirst().orElseThrow();
        assertThat(thread.replies()).hasSize(PEOPLE);
        assertThat(thread.root().supportCount()).isEqualTo(supportTarget);
    }

    @Test
    void oneAuthorPostingManyCommentsAtOnceGetsExactlyTheRateLimit() throws Exception {
        CommentableRef item = new CommentableRef("test", "item", UUID.randomUUID().toString());
        long user = USERS.incrementAndGet();
        int max = properties.rateLimit().maxPerMinute();
        int attempts = max * 3;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                TestUsers.signIn(user, "fast-writer", Role.RESIDENT);
                try {
                    start.await();
                    discussion.post(item, "Szybki komentarz " + n, UiLanguage.PL);
                    return true;
                } catch (AgoraException e) {
                    assertThat(e.messageKey()).isEqualTo("discussion.error.rate-limit");
                    return false;
                } finally {
                    TestUsers.signOut();
                }
            }));
        }
        start.countDown();
        int saved = 0;
        for (Future<Boolean> r : results) {
            saved += r.get(120, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(saved).as("the database decides, on any number of threads or nodes").isEqualTo(max);
        assertThat(discussion.visibleCount(item)).isEqualTo(max);
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private long reactionRows(long comment) {
        return jdbc.sql("SELECT COUNT(*) FROM discussion_reaction WHERE comment_id = :id").param("id", comment)
                .query(Long.class).single();
    }

    private long rows(long comment, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM discussion_reaction WHERE comment_id = :id AND kind = :kind")
                .param("id", comment).param("kind", kind).query(Long.class).single();
    }

    private List<Long> countsOf(long comment) {
        return jdbc.sql("SELECT support_count, oppose_count FROM discussion_comment WHERE id = :id")
                .param("id", comment).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }
}
