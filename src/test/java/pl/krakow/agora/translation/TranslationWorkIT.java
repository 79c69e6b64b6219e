package pl.krakow.agora.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;

/** Translators' pairs, queue, submission and four-eyes review on the embedded MariaDB. */
@AgoraIntegrationTest
class TranslationWorkIT {

    static final long TRANSLATOR = 9301;
    static final long SECOND = 9302;

    @Autowired
    TranslationWork work;
    @Autowired
    TranslationQueue queue;
    @Autowired
    Translations translations;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static void as(long id, Role... roles) {
        TestUsers.signIn(id, "t" + id, roles);
    }

    /** A Ukrainian original registered directly (its language known), with tasks for pl, en and ru. */
    private ContentRef ukrainian(String id) {
        ContentRef ref = new ContentRef("test", "text", id);
        translations.registerOriginal(ref, "Потрібні безкоштовні курси польської мови для дорослих " + id, "uk", Map.of());
        return ref;
    }

    private long task(ContentRef ref, String target) {
        return jdbc.sql("""
                SELECT t.id FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                WHERE s.content_module = :m AND s.content_type = :t AND s.content_id = :i AND t.target_language = :l""")
                .param("m", ref.module()).param("t", ref.type()).param("i", ref.id()).param("l", target)
                .query(Long.class).single();
    }

    @Test
    void theQueueShowsOnlyTheTranslatorsPairsAndCanBeFiltered() {
        ContentRef ref = ukrainian("q1");
        as(TRANSLATOR, Role.TRANSLATOR);
        assertThat(work.queue("", 100)).isEmpty();
        work.addPair(new LanguagePair("uk", "pl"));
        work.addPair(new LanguagePair("uk", "pl")); // twice is once
        assertThat(work.myPairs()).containsExactly(new LanguagePair("uk", "pl"));
        List<WorkItem> mine = work.queue("q1", 100);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).targetLanguage()).isEqualTo("pl");
        assertThat(mine.get(0).original()).contains("курси польської");
        assertThat(work.queue("no such words anywhere", 100)).isEmpty();
        assertThatThrownBy(() -> work.addPair(new LanguagePair("uk", "de")))
                .hasMessage("translation.error.target-not-ui");
        assertThatThrownBy(() -> new LanguagePair("uk", "uk")).hasMessage("translation.error.same-language");
        work.removePair(new LanguagePair("uk", "pl"));
        assertThat(work.queue("q1", 100)).isEmpty();
        assertThat(ref.id()).isEqualTo("q1");
    }

    @Test
    void theTextsReadersWantedMostComeFirstInTheQueue(@Autowired pl.krakow.agora.translation.internal.ReadDemand demand) {
        ContentRef older = ukrainian("w-older");
        ContentRef wanted = ukrainian("w-wanted");
        // three Polish readers open the newer text, which has no Polish translation yet
        for (int i = 0; i < 3; i++) {
            translations.shownIn("pl", List.of(wanted));
        }
        demand.flush();
        as(9310, Role.TRANSLATOR);
        work.addPair(new LanguagePair("uk", "pl"));
        List<String> order = work.queue("", 1000).stream().map(i -> i.content().id())
                .filter(id -> id.startsWith("w-")).toList();
        assertThat(order).containsExactly("w-wanted", "w-older");
        assertThat(older.id()).isEqualTo("w-older");
    }

    @Test
    void aSubmittedTranslationIsShownToReadersOnlyAfterASecondPersonApprovesIt() {
        ContentRef ref = ukrainian("r1");
        long taskId = task(ref, "pl");
        as(TRANSLATOR, Role.TRANSLATOR);
        assertThat(queue.claim(taskId)).isTrue();
        assertThat(work.myClaims()).extracting(WorkItem::taskId).contains(taskId);
        work.submit(taskId, "  Potrzebne są bezpłatne kursy języka polskiego dla dorosłych.  ");
        assertThat(translations.shownIn("pl", List.of(ref))).isEmpty();
        // nobody reviews their own work
        assertThat(work.reviewQueue("", 100)).extracting(WorkItem::taskId).doesNotContain(taskId);
        assertThatThrownBy(() -> work.approve(taskId)).hasMessage("translation.error.cannot-review");

        as(SECOND, Role.TRANSLATOR);
        work.addPair(new LanguagePair("uk", "pl"));
        assertThat(work.reviewQueue("", 100)).extracting(WorkItem::taskId).contains(taskId);
        work.approve(taskId);
        ShownTranslation shown = translations.shownIn("pl", List.of(ref)).get(ref);
        assertThat(shown.text()).isEqualTo("Potrzebne są bezpłatne kursy języka polskiego dla dorosłych.");
        assertThat(shown.reviewed()).isTrue();
        assertThat(shown.sourceLanguage()).isEqualTo("uk");
        assertThat(shown.translatorKind()).isEqualTo(TranslatorKind.VOLUNTEER);
        assertThatThrownBy(() -> work.approve(taskId)).hasMessage("translation.error.cannot-review");
    }

    @Test
    void workSentBackReturnsToItsTranslatorWithTheComment() {
        ContentRef ref = ukrainian("s1");
        long taskId = task(ref, "en");
        as(TRANSLATOR, Role.TRANSLATOR);
        queue.claim(taskId);
        work.submit(taskId, "Free Polish lessons are needed.");
        as(SECOND, Role.MODERATOR);
        assertThatThrownBy(() -> work.sendBack(taskId, "  ")).hasMessage("translation.error.comment-required");
        work.sendBack(taskId, "Missing: for adults.");
        as(TRANSLATOR, Role.TRANSLATOR);
        WorkItem back = work.myClaims().stream().filter(i -> i.taskId() == taskId).findFirst().orElseThrow();
        assertThat(back.reviewComment()).isEqualTo("Missing: for adults.");
        assertThat(back.translation()).isEqualTo("Free Polish lessons are needed.");
        work.submit(taskId, "Free Polish lessons for adults are needed.");
        assertThat(work.myClaims()).extracting(WorkItem::taskId).doesNotContain(taskId);
    }

    @Test
    void onlyTheClaimantSubmitsAndEmptyOrOverlongWorkIsRefused() {
        ContentRef ref = ukrainian("c1");
        long taskId = task(ref, "ru");
        as(TRANSLATOR, Role.TRANSLATOR);
        queue.claim(taskId);
        assertThatThrownBy(() -> work.submit(taskId, " \n ")).hasMessage("translation.error.empty");
        assertThatThrownBy(() -> work.submit(taskId, "я".repeat(TranslationWork.MAX_TRANSLATION + 1)))
                .hasMessage("translation.error.too-long");
        as(SECOND, Role.TRANSLATOR);
        assertThatThrownBy(() -> work.submit(taskId, "Нужны курсы.")).isInstanceOf(AgoraException.class)
                .hasMessage("translation.error.not-yours");
        TestUsers.signIn(9303, "mieszkanka", Role.RESIDENT);
        assertThatThrownBy(() -> work.submit(taskId, "Нужны курсы."))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        assertThat(jdbc.sql("SELECT status FROM translation_task WHERE id = :id").param("id", taskId)
                .query(String.class).single()).isEqualTo("CLAIMED");
    }

    @Test
    void twoReviewersApprovingAtOnceLeaveExactlyOneApproval() throws Exception {
        ContentRef ref = ukrainian("d1");
        long taskId = task(ref, "pl");
        as(TRANSLATOR, Role.TRANSLATOR);
        queue.claim(taskId);
        work.submit(taskId, "Kursy polskiego.");
        Callable<Boolean> approve = () -> {
            TestUsers.signIn(Thread.currentThread().threadId() + 100_000, "rev", Role.MODERATOR);
            try {
                work.approve(taskId);
                return true;
            } catch (AgoraException e) {
                return false;
            } finally {
                TestUsers.signOut();
            }
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(approve);
            var b = pool.submit(approve);
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'translation.approved'"
                + " AND target = :t").param("t", "translation-task:" + taskId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theDashboardCountsEachPairAndTheMedianTimeToTranslation() {
        ContentRef ref = ukrainian("e1");
        as(TRANSLATOR, Role.TRANSLATOR);
        long taskId = task(ref, "en");
        queue.claim(taskId);
        work.submit(taskId, "Free Polish courses for adults.");
        PairStatistics ukEn = work.statistics().stream()
                .filter(s -> s.pair().equals(new LanguagePair("uk", "en"))).findFirst().orElseThrow();
        assertThat(ukEn.awaitingReview()).isPositive();
        assertThat(ukEn.medianTimeToTranslation()).isNotNull();
        PairStatistics plUk = work.statistics().stream()
                .filter(s -> s.pair().equals(new LanguagePair("pl", "uk"))).findFirst().orElseThrow();
        assertThat(plUk.open()).isPositive(); // the report's texts wait for Ukrainian translators
        assertThat(plUk.oldestOpen()).isNotNull();
        assertThat(TranslationWork.median(List.of(5L, 1L, 3L)).getSeconds()).isEqualTo(3);
        assertThat(TranslationWork.median(List.of(4L, 1L, 3L, 2L)).getSeconds()).isEqualTo(2);
    }
}
