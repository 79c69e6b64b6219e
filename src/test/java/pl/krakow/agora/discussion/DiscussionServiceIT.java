package pl.krakow.agora.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.moderation.ModerationService;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** The discussion rules of issue 5 (items 7-9, 11) on the embedded MariaDB, through the public service. */
@AgoraIntegrationTest
class DiscussionServiceIT {

    private static final AtomicLong USERS = new AtomicLong(100_000);

    @Autowired
    DiscussionService discussion;
    @Autowired
    ModerationService moderation;
    @Autowired
    DiscussionProperties properties;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static long newUser() {
        return USERS.incrementAndGet();
    }

    static CommentableRef newItem() {
        return new CommentableRef("test", "item", UUID.randomUUID().toString());
    }

    static void as(long user, Role... roles) {
        TestUsers.signIn(user, "user-" + user, roles.length == 0 ? new Role[] {Role.RESIDENT} : roles);
    }

    private long post(long user, CommentableRef item, String text) {
        as(user);
        return discussion.post(item, text, UiLanguage.PL);
    }

    private long reply(long user, long parent, String text) {
        as(user);
        return discussion.reply(parent, text, UiLanguage.PL);
    }

    private List<CommentThread> threads(CommentableRef item) {
        return discussion.page(item, CommentSort.OLDEST, null, 100).threads();
    }

    private static AgoraException refusal(String key) {
        return new AgoraException(key);
    }

    @Test
    void aCommentIsKeptAsPlainTextWithItsLineBreaksAndCountedForThePublic() {
        CommentableRef item = newItem();
        post(newUser(), item, "  Dzień dobry,\r\nto <b>nie</b> jest HTML: <script>alert(1)</script>  ");
        TestUsers.signOut();
        List<CommentThread> threads = threads(item);
        assertThat(threads).hasSize(1);
        CommentView comment = threads.getFirst().root();
        assertThat(comment.text()).isEqualTo("Dzień dobry,\nto <b>nie</b> jest HTML: <script>alert(1)</script>");
        assertThat(comment.state()).isEqualTo(CommentState.VISIBLE);
        assertThat(comment.authorName()).startsWith("user-");
        assertThat(comment.canReply()).as("anonymous readers only read").isFalse();
        assertThat(comment.canReact()).isFalse();
        assertThat(discussion.visibleCount(item)).isEqualTo(1);
    }

    @Test
    void anEmptyOrInvisibleOrTooLongCommentIsRefusedAndNothingIsSaved() {
        CommentableRef item = newItem();
        long user = newUser();
        for (String empty : List.of("", "   ", "\n\t\n", "\u200b\u200d\ufeff", "\u2800")) {
            assertThatThrownBy(() -> post(user, item, empty)).isInstanceOf(AgoraException.class)
                    .hasMessage("discussion.error.empty");
        }
        assertThatThrownBy(() -> post(user, item, "x".repeat(properties.maxLength() + 1)))
                .isInstanceOf(AgoraException.class).hasMessage("discussion.error.too-long");
        assertThat(discussion.visibleCount(item)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM discussion_comment WHERE target_id = :id")
                .param("id", item.id()).query(Long.class).single()).isZero();
        post(user, item, "x".repeat(properties.maxLength()));
        assertThat(discussion.visibleCount(item)).isEqualTo(1);
    }

    @Test
    void aCommentAtTheFullLengthFitsTheEventRegistryAndReachesTranslation() {
        CommentableRef item = newItem();
        String text = "Długi komentarz o tłumaczeniach. ".repeat(properties.maxLength() / 33).strip();
        long id = post(newUser(), item, text);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM translation_source
                WHERE content_module = 'discussion' AND content_type = 'comment' AND content_id = :id
                  AND original_text = :text AND author_language = 'pl'""")
                .param("id", Long.toString(id)).param("text", text).query(Long.class).single() == 1);
    }

    @Test
    void repliesNestToTheConfiguredDepthAndNoDeeperInReadingOrder() {
        CommentableRef item = newItem();
        long root = post(newUser(), item, "Pytanie");
        long first = reply(newUser(), root, "Odpowiedź 1");
        long second = reply(newUser(), root, "Odpowiedź 2");
        long deeper = reply(newUser(), first, "Odpowiedź na odpowiedź 1");
        long deepest = reply(newUser(), deeper, "Trzeci poziom");
        assertThat(properties.maxDepth()).isEqualTo(3);
        assertThatThrownBy(() -> reply(newUser(), deepest, "Czwarty poziom"))
                .isInstanceOfSatisfying(AgoraException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("discussion.error.too-deep");
                    assertThat(e.arguments()).containsExactly(3);
                });
        CommentThread thread = threads(item).getFirst();
        assertThat(thread.root().id()).isEqualTo(root);
        assertThat(thread.replies()).extracting(CommentView::id).containsExactly(first, deeper, deepest, second);
        assertThat(thread.replies()).extracting(CommentView::depth).containsExactly(1, 2, 3, 1);
        assertThat(thread.replyCount()).isEqualTo(4);
        as(newUser());
        CommentView last = discussion.thread(deepest).orElseThrow().replies().get(2);
        assertThat(last.canReply()).as("no reply button at the deepest level").isFalse();
        assertThat(discussion.visibleCount(item)).isEqualTo(5);
    }

    @Test
    void theAuthorEditsWithinTheWindowTheCommentShowsEditedAndTheNewTextGoesToTranslation() {
        CommentableRef item = newItem();
        long author = newUser();
        long id = post(author, item, "Pierwsza wersja komentarza o bibliotekach.");
        CommentView before = threads(item).getFirst().root();
        assertThat(before.canEdit()).isTrue();
        assertThat(before.edited()).isFalse();
        discussion.edit(id, "Druga, poprawiona wersja komentarza o bibliotekach.", UiLanguage.PL);
        CommentView after = threads(item).getFirst().root();
        assertThat(after.text()).isEqualTo("Druga, poprawiona wersja komentarza o bibliotekach.");
        assertThat(after.edited()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT original_text FROM translation_source
                WHERE content_module = 'discussion' AND content_type = 'comment' AND content_id = :id""")
                .param("id", Long.toString(id)).query(String.class).optional()
                .filter(t -> t.startsWith("Druga")).isPresent());
    }

    @Test
    void anEditAfterTheWindowIsRefused() {
        CommentableRef item = newItem();
        long id = post(newUser(), item, "Komentarz");
        jdbc.sql("UPDATE discussion_comment SET created_at = created_at - INTERVAL :minutes MINUTE WHERE id = :id")
                .param("minutes", properties.editWindow().toMinutes() + 1).param("id", id).update();
        assertThat(threads(item).getFirst().root().canEdit()).isFalse();
        assertThatThrownBy(() -> discussion.edit(id, "Za późno", UiLanguage.PL))
                .isInstanceOfSatisfying(AgoraException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("discussion.error.edit-window-closed");
                    assertThat(e.arguments()).containsExactly(15L);
                });
        assertThat(threads(item).getFirst().root().text()).isEqualTo("Komentarz");
    }

    @Test
    void onlyTheAuthorEditsOrDeletesAndAnonymousVisitorsWriteNothing() {
        CommentableRef item = newItem();
        long id = post(newUser(), item, "Mój komentarz");
        as(newUser());
        assertThatThrownBy(() -> discussion.edit(id, "Cudzy", UiLanguage.PL)).isInstanceOf(AgoraException.class)
                .hasMessage("discussion.error.not-author");
        assertThatThrownBy(() -> discussion.delete(id)).isInstanceOf(AgoraException.class)
                .hasMessage("discussion.error.not-author");
        TestUsers.signOut();
        assertThatThrownBy(() -> discussion.post(item, "Anonim", UiLanguage.PL))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        assertThatThrownBy(() -> discussion.react(id, ReactionKind.SUPPORT))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        assertThat(threads(item).getFirst().root().text()).isEqualTo("Mój komentarz");
    }

    @Test
    void aDeletedCommentKeepsItsThreadShowsDeletedAndLeavesTheCount() {
        CommentableRef item = newItem();
        long author = newUser();
        long root = post(author, item, "Do usunięcia");
        long answer = reply(newUser(), root, "Odpowiedź zostaje");
        assertThat(discussion.visibleCount(item)).isEqualTo(2);
        as(author);
        discussion.delete(root);
        discussion.delete(root); // twice is harmless
        TestUsers.signOut();
        CommentThread thread = threads(item).getFirst();
        assertThat(thread.root().state()).isEqualTo(CommentState.DELETED);
        assertThat(thread.root().text()).isEmpty();
        assertThat(thread.root().authorName()).isNull();
        assertThat(thread.replies()).extracting(CommentView::id).containsExactly(answer);
        assertThat(discussion.visibleCount(item)).isEqualTo(1);
        as(newUser());
        assertThatThrownBy(() -> discussion.reply(root, "Na usunięty", UiLanguage.PL))
                .isInstanceOf(AgoraException.class).hasMessage("discussion.error.reply-to-deleted");
        assertThatThrownBy(() -> discussion.react(root, ReactionKind.SUPPORT))
                .isInstanceOf(AgoraException.class).hasMessage("discussion.error.cannot-react");
    }

    @Test
    void oneReactionPerUserThatSwitchesAndWithdrawsWithExactCounts() {
        CommentableRef item = newItem();
        long author = newUser();
        long id = post(author, item, "Popieracie?");
        long reader = newUser();
        as(reader);
        discussion.react(id, ReactionKind.SUPPORT);
        discussion.react(id, ReactionKind.SUPPORT);
        assertThat(counts(id)).containsExactly(1L, 0L);
        assertThat(threads(item).getFirst().root().myReaction()).isEqualTo(ReactionKind.SUPPORT);
        discussion.react(id, ReactionKind.OPPOSE);
        assertThat(counts(id)).containsExactly(0L, 1L);
        as(newUser());
        discussion.react(id, ReactionKind.SUPPORT);
        assertThat(counts(id)).containsExactly(1L, 1L);
        as(reader);
        discussion.react(id, null);
        assertThat(counts(id)).containsExactly(1L, 0L);
        assertThat(threads(item).getFirst().root().myReaction()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM discussion_reaction WHERE comment_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        as(author);
        assertThatThrownBy(() -> discussion.react(id, ReactionKind.SUPPORT)).isInstanceOf(AgoraException.class)
                .hasMessage("discussion.error.own-reaction");
        // the database itself refuses a second reaction of one user, whatever the code does
        long other = newUser();
        jdbc.sql("INSERT INTO discussion_reaction (comment_id, user_id, kind, reacted_at) VALUES (:c, :u, 'SUPPORT', NOW())")
                .param("c", id).param("u", other).update();
        assertThatThrownBy(() -> jdbc.sql(
                "INSERT INTO discussion_reaction (comment_id, user_id, kind, reacted_at) VALUES (:c, :u, 'OPPOSE', NOW())")
                .param("c", id).param("u", other).update()).isInstanceOf(DuplicateKeyException.class);
    }

    private List<Long> counts(long id) {
        return jdbc.sql("SELECT support_count, oppose_count FROM discussion_comment WHERE id = :id").param("id", id)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    @Test
    void theRateLimitRefusesTheNextCommentWithinAMinuteAndCountsReplies() {
        CommentableRef item = newItem();
        long user = newUser();
        int max = properties.rateLimit().maxPerMinute();
        long first = post(user, item, "Komentarz 0");
        for (int i = 1; i < max - 1; i++) {
            post(user, item, "Komentarz " + i);
        }
        reply(user, first, "Odpowiedź też się liczy");
        assertThatThrownBy(() -> post(user, item, "Jeden za dużo"))
                .isInstanceOfSatisfying(AgoraException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("discussion.error.rate-limit");
                    assertThat(e.arguments()).containsExactly(max);
                });
        assertThatThrownBy(() -> reply(user, first, "Odpowiedź za dużo")).isInstanceOf(AgoraException.class)
                .hasMessage("discussion.error.rate-limit");
        assertThat(discussion.visibleCount(item)).isEqualTo(max);
        // another person is not affected
        post(newUser(), item, "Ktoś inny");
        // a minute later the author may write again
        jdbc.sql("UPDATE discussion_comment SET created_at = created_at - INTERVAL 61 SECOND WHERE author_id = :u")
                .param("u", user).update();
        post(user, item, "Po minucie");
        assertThat(discussion.visibleCount(item)).isEqualTo(max + 2);
    }

    @Test
    void aHiddenCommentAndItsRepliesDisappearForEveryoneButItsAuthorAndModerators() {
        CommentableRef item = newItem();
        long author = newUser();
        long replier = newUser();
        long hiddenRoot = post(author, item, "Obraźliwy komentarz");
        long replyToHidden = reply(replier, hiddenRoot, "Odpowiedź pod obraźliwym");
        long kept = post(newUser(), item, "Rzeczowy komentarz");
        assertThat(discussion.visibleCount(item)).isEqualTo(3);

        as(newUser(), Role.RESIDENT, Role.MODERATOR);
        moderation.hide(DiscussionService.contentRef(hiddenRoot), "Obraża innych uczestników");

        TestUsers.signOut();
        assertThat(threads(item)).extracting(t -> t.root().id()).containsExactly(kept);
        assertThat(discussion.thread(hiddenRoot)).isEmpty();
        assertThat(discussion.thread(replyToHidden)).isEmpty();
        assertThat(discussion.visibleCount(item)).isEqualTo(1);
        assertThat(discussion.visibleCounts(List.of(item))).containsEntry(item, 1L);

        as(replier);
        assertThat(threads(item)).extracting(t -> t.root().id()).containsExactly(kept);
        assertThatThrownBy(() -> discussion.reply(hiddenRoot, "Jeszcze raz", UiLanguage.PL))
                .isInstanceOf(AgoraException.class).hasMessage("discussion.error.reply-to-hidden");

        as(author);
        CommentThread own = threads(item).getFirst();
        assertThat(own.root().id()).isEqualTo(hiddenRoot);
        assertThat(own.root().state()).isEqualTo(CommentState.HIDDEN);
        assertThat(own.root().hiddenReason()).isEqualTo("Obraża innych uczestników");
        assertThat(own.root().canEdit()).isFalse();
        assertThat(own.root().canReply()).isFalse();
        assertThatThrownBy(() -> discussion.edit(hiddenRoot, "Poprawiony", UiLanguage.PL))
                .isInstanceOf(AgoraException.class).hasMessage("discussion.error.hidden");

        as(newUser(), Role.RESIDENT, Role.MODERATOR);
        List<CommentThread> all = threads(item);
        assertThat(all).extracting(t -> t.root().id()).containsExactly(hiddenRoot, kept);
        assertThat(all.getFirst().root().text()).isEqualTo("Obraźliwy komentarz");
        assertThat(all.getFirst().replies()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(replyToHidden);
            assertThat(r.inHiddenBranch()).isTrue();
            assertThat(r.canReply()).isFalse();
        });

        moderation.restore(DiscussionService.contentRef(hiddenRoot), "Po ponownym sprawdzeniu: w porządku");
        TestUsers.signOut();
        assertThat(threads(item)).hasSize(2);
        assertThat(discussion.visibleCount(item)).isEqualTo(3);
    }

    @Test
    void hidingAReplyInTheMiddleHidesTheAnswersBelowItButNotItsParent() {
        CommentableRef item = newItem();
        long root = post(newUser(), item, "Korzeń");
        long middle = reply(newUser(), root, "Środek");
        long below = reply(newUser(), middle, "Pod środkiem");
        long sibling = reply(newUser(), root, "Obok");
        as(newUser(), Role.MODERATOR);
        moderation.hide(DiscussionService.contentRef(middle), "Dane osobowe");
        TestUsers.signOut();
        assertThat(threads(item).getFirst().replies()).extracting(CommentView::id).containsExactly(sibling);
        assertThat(discussion.visibleCount(item)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT id FROM discussion_comment WHERE root_id = :r AND in_hidden_branch")
                .param("r", root).query(Long.class).list()).containsExactlyInAnyOrder(middle, below);
    }

    @Test
    void visibleCountsOfManyThingsComeFromOneQueryAndIncludeThingsWithoutComments() {
        CommentableRef two = newItem();
        CommentableRef none = newItem();
        CommentableRef oneLeft = newItem();
        post(newUser(), two, "a");
        post(newUser(), two, "b");
        long author = newUser();
        long deleted = post(author, oneLeft, "usunę");
        post(newUser(), oneLeft, "zostaje");
        long hidden = post(newUser(), oneLeft, "ukryty");
        as(author);
        discussion.delete(deleted);
        as(newUser(), Role.ADMIN);
        moderation.hide(DiscussionService.contentRef(hidden), "Spam");
        TestUsers.signOut();
        CommentableRef sameIdOtherType = new CommentableRef("test", "other", two.id());
        Map<CommentableRef, Long> counts = discussion.visibleCounts(List.of(two, none, oneLeft, sameIdOtherType));
        assertThat(counts).containsExactly(Map.entry(two, 2L), Map.entry(none, 0L), Map.entry(oneLeft, 1L),
                Map.entry(sameIdOtherType, 0L));
    }

    @Test
    void keysetPagesWalkThousandsOfCommentsInEveryOrderWithoutGapsOrRepeats() {
        CommentableRef item = newItem();
        int total = 3000;
        // seeded in one statement (MariaDB's sequence engine); support counts repeat, so ties are exercised
        jdbc.sql("""
                INSERT INTO discussion_comment (target_module, target_type, target_id, depth, author_id, author_name,
                    author_language, body, created_at, support_count)
                SELECT :module, :type, :id, 0, 1, 'seed', 'pl', CONCAT('Komentarz ', seq), UTC_TIMESTAMP(6), seq MOD 37
                FROM seq_1_to_3000""")
                .param("module", item.module()).param("type", item.type()).param("id", item.id()).update();
        assertThat(discussion.visibleCount(item)).isEqualTo(total);
        for (CommentSort sort : CommentSort.values()) {
            List<CommentView> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                CommentPage page = discussion.page(item, sort, cursor, 100);
                page.threads().forEach(t -> seen.add(t.root()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(total / 100);
            Set<Long> ids = new HashSet<>();
            seen.forEach(c -> ids.add(c.id()));
            assertThat(ids).as("%s: every comment once", sort).hasSize(total);
            for (int i = 1; i < seen.size(); i++) {
                CommentView a = seen.get(i - 1);
                CommentView b = seen.get(i);
                switch (sort) {
                    case NEWEST -> assertThat(a.id()).isGreaterThan(b.id());
                    case OLDEST -> assertThat(a.id()).isLessThan(b.id());
                    case MOST_SUPPORTED -> assertThat(a.supportCount() > b.supportCount()
                            || a.supportCount() == b.supportCount() && a.id() > b.id()).isTrue();
                }
            }
        }
        // the pages read the index in order: no sort of the whole discussion per page
        for (String order : List.of("id DESC", "support_count DESC, id DESC")) {
            List<Map<String, Object>> plan = jdbc.sql("EXPLAIN SELECT id FROM discussion_comment"
                    + " WHERE target_module = :module AND target_type = :type AND target_id = :id AND depth = 0"
                    + " AND (hidden_at IS NULL OR author_id = -1) ORDER BY " + order + " LIMIT 21")
                    .param("module", item.module()).param("type", item.type()).param("id", item.id())
                    .query().listOfRows();
            assertThat(plan).singleElement().satisfies(row -> {
                assertThat(String.valueOf(row.get("key"))).startsWith("discussion_comment_");
                assertThat(String.valueOf(row.get("Extra"))).doesNotContain("filesort");
            });
        }
    }
}
