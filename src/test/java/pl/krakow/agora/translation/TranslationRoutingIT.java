package pl.krakow.agora.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;

/**
 * Routing on the real database and the real event publication registry: a submitted text reaches
 * translators after commit, once, in the right languages, and claims are decided by the database.
 */
@AgoraIntegrationTest
class TranslationRoutingIT {

    static final String UKRAINIAN = "Дуже дякую за цю ініціативу, сподіваюся, що місто підтримає українських батьків.";
    static final String POLISH = "Bardzo dziękuję za tę inicjatywę, mam nadzieję, że miasto ją poprze.";
    static final String RUSSIAN = "Большое спасибо за эту инициативу, надеюсь, город её поддержит.";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TranslationQueue queue;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private ContentRef submit(String text) {
        ContentRef ref = new ContentRef("discussion", "comment", UUID.randomUUID().toString());
        submit(ref, text);
        return ref;
    }

    private void submit(ContentRef ref, String text) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new ContentSubmitted(ref, text, 7L, "pl")));
    }

    private List<String> targets(ContentRef ref) {
        return queue.tasksFor(ref).stream().map(TranslationTaskView::targetLanguage).sorted().toList();
    }

    @Test
    void aUkrainianCommentOpensTasksForPolishEnglishAndRussianButNotUkrainian() {
        ContentRef ref = submit(UKRAINIAN);
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.tasksFor(ref).size() == 3);
        assertThat(targets(ref)).containsExactly("en", "pl", "ru");
        assertThat(queue.tasksFor(ref)).allSatisfy(task -> {
            assertThat(task.sourceLanguage()).isEqualTo("uk");
            assertThat(task.status()).isEqualTo("OPEN");
        });
    }

    @Test
    void theSameTextDeliveredTwiceOpensNothingTwice() {
        ContentRef ref = submit(POLISH);
        submit(ref, POLISH);
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.tasksFor(ref).size() == 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> queue.tasksFor(ref).size() == 3);
        assertThat(targets(ref)).containsExactly("en", "ru", "uk");
    }

    @Test
    void aTextWhoseLanguageCannotBeToldWaitsUntilAPersonSetsIt() {
        ContentRef ref = submit("ok");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM translation_source WHERE content_id = :id").param("id", ref.id())
                .query(Long.class).single() == 1);
        assertThat(queue.tasksFor(ref)).isEmpty();

        TestUsers.signIn(50, "tlumacz-test", Role.TRANSLATOR);
        UnsureSource unsure = queue.unsure().stream().filter(s -> s.content().equals(ref)).findFirst().orElseThrow();
        assertThat(unsure.authorLanguage()).isEqualTo("pl");
        queue.setLanguage(unsure.id(), "en");
        assertThat(targets(ref)).containsExactly("pl", "ru", "uk");
        assertThatThrownBy(() -> queue.setLanguage(unsure.id(), "pl")).isInstanceOf(AgoraException.class)
                .hasMessage("translation.error.language-already-set");
        assertThatThrownBy(() -> queue.setLanguage(unsure.id(), "xx")).isInstanceOf(AgoraException.class)
                .hasMessage("translation.error.unknown-language");
    }

    @Test
    void manyParallelSubmissionsOpenExactlyTheRightTasks() throws Exception {
        int submissions = 500;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<ContentRef>> work = new ArrayList<>();
        for (int i = 0; i < submissions; i++) {
            String text = i % 2 == 0 ? POLISH + " #" + i : RUSSIAN + " #" + i;
            work.add(() -> submit(text));
        }
        List<ContentRef> refs = new ArrayList<>();
        for (Future<ContentRef> f : pool.invokeAll(work)) {
            refs.add(f.get());
        }
        pool.shutdown();
        List<String> ids = refs.stream().map(ContentRef::id).toList();
        await().atMost(Duration.ofSeconds(300)).until(() -> countTasks(ids) == submissions * 3L);
        for (int i = 0; i < submissions; i++) {
            assertThat(targets(refs.get(i))).as("tasks of submission %d", i)
                    .containsExactlyElementsOf(i % 2 == 0 ? List.of("en", "ru", "uk") : List.of("en", "pl", "uk"));
        }
    }

    private long countTasks(List<String> contentIds) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                WHERE s.content_id IN (:ids)""").param("ids", contentIds).query(Long.class).single();
    }

    @Test
    void ofTwoTranslatorsClaimingTheSameTaskAtOnceExactlyOneWins() throws Exception {
        ContentRef ref = submit(UKRAINIAN);
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.tasksFor(ref).size() == 3);
        long task = queue.tasksFor(ref).getFirst().id();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (long translator : new long[] {61, 62}) {
            claims.add(pool.submit(() -> {
                TestUsers.signIn(translator, "translator-" + translator, Role.TRANSLATOR);
                start.await();
                try {
                    return queue.claim(task);
                } finally {
                    TestUsers.signOut();
                }
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> claim : claims) {
            winners += claim.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aListenerThatFailsIsDeliveredAgainAndTheTasksStillAppear() throws Exception {
        // a database hiccup while the listener runs: its table is briefly unavailable
        jdbc.sql("RENAME TABLE translation_task TO translation_task_away").update();
        ContentRef ref;
        try {
            ref = submit(UKRAINIAN + " Ще раз.");
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                    + " AND serialized_event LIKE :id").param("id", "%" + ref.id() + "%")
                    .query(Long.class).single() == 1);
            Thread.sleep(1000);
        } finally {
            jdbc.sql("RENAME TABLE translation_task_away TO translation_task").update();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.tasksFor(ref).size() == 3);
        assertThat(targets(ref)).containsExactly("en", "pl", "ru");
    }

    @Test
    void editingTheOriginalMarksClaimedTranslationsOutdated() {
        ContentRef ref = submit(RUSSIAN);
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.tasksFor(ref).size() == 3);
        TestUsers.signIn(63, "translator-63", Role.TRANSLATOR);
        long claimed = queue.tasksFor(ref).getFirst().id();
        assertThat(queue.claim(claimed)).isTrue();
        submit(ref, RUSSIAN + " Исправлено.");
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.tasksFor(ref).stream()
                .anyMatch(t -> t.id() == claimed && t.status().equals("OUTDATED")));
    }
}
