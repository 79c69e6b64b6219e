package pl.krakow.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import pl.krakow.agora.AgoraIntegrationTest;
import pl.krakow.agora.discussion.CommentState;
import pl.krakow.agora.discussion.CommentSort;
import pl.krakow.agora.discussion.CommentableRef;
import pl.krakow.agora.discussion.DiscussionService;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.audit.AuditEntry;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** Flags, the queue and decisions (issue 5, items 10-11) on the embedded MariaDB, with real comments. */
@AgoraIntegrationTest
class ModerationServiceIT {

    private static final AtomicLong USERS = new AtomicLong(200_000);

    @Autowired
    ModerationService moderation;
    @Autowired
    NotificationInbox inbox;
    @Autowired
    DiscussionService discussion;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static long newUser() {
        return USERS.incrementAndGet();
    }

    static void as(long user, Role... roles) {
        TestUsers.signIn(user, "user-" + user, roles.length == 0 ? new Role[] {Role.RESIDENT} : roles);
    }

    static void asModerator() {
        as(newUser(), Role.RESIDENT, Role.MODERATOR);
    }

    private ContentRef comment(long author, CommentableRef item, String text) {
        as(author);
        return DiscussionService.contentRef(discussion.post(item, text, UiLanguage.PL));
    }

    private static CommentableRef newItem() {
        return new CommentableRef("test", "item", UUID.randomUUID().toString());
    }

    private void flag(ContentRef content, FlagReason reason, String details) {
        as(newUser());
        moderation.flag(content, reason, details);
    }

    private ModerationCase caseOf(List<ModerationCase> cases, ContentRef content) {
        return cases.stream().filter(c -> c.content().equals(content)).findFirst().orElseThrow();
    }

    @Test
    void readersFlagOnceEachAndTheQueueShowsTheMostFlaggedFirst() {
        CommentableRef item = newItem();
        long author = newUser();
        ContentRef often = comment(author, item, "Kupuj tanie zegarki na stronie ...");
        ContentRef once = comment(newUser(), item, "Trochę nie na temat");
        flag(once, FlagReason.OFF_TOPIC, "");
        long reader = newUser();
        as(reader);
        moderation.flag(often, FlagReason.SPAM, null);
        assertThatThrownBy(() -> moderation.flag(often, FlagReason.HATE, "jeszcze raz"))
                .isInstanceOf(AgoraException.class).hasMessage("moderation.error.already-flagged");
        assertThat(moderation.flaggedByMe(List.of(often, once))).containsExactly(often);
        flag(often, FlagReason.SPAM, "reklama");
        flag(often, FlagReason.OTHER, "link do podejrzanej strony");
        assertThatThrownBy(() -> flag(often, FlagReason.OTHER, "  ")).isInstanceOf(AgoraException.class)
                .hasMessage("moderation.error.details-required");
        as(author);
        assertThatThrownBy(() -> moderation.flag(often, FlagReason.SPAM, null)).isInstanceOf(AgoraException.class)
                .hasMessage("moderation.error.own-content");
        TestUsers.signOut();
        assertThatThrownBy(() -> moderation.flag(often, FlagReason.SPAM, null))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);

        asModerator();
        List<ModerationCase> queue = moderation.queue(500);
        List<ContentRef> order = queue.stream().map(ModerationCase::content).filter(c -> c.equals(often) || c.equals(once))
                .toList();
        assertThat(order).containsExactly(often, once);
        ModerationCase top = caseOf(queue, often);
        assertThat(top.openFlags()).isEqualTo(3);
        assertThat(top.reasons()).containsEntry(FlagReason.SPAM, 2).containsEntry(FlagReason.OTHER, 1);
        assertThat(top.flags()).extracting(FlagView::details).contains("reklama", "link do podejrzanej strony");
        assertThat(top.item()).isNotNull();
        assertThat(top.item().text()).isEqualTo("Kupuj tanie zegarki na stronie ...");
        assertThat(top.item().context()).isEqualTo(item.toString());
        for (int i = 1; i < queue.size(); i++) {
            assertThat(queue.get(i - 1).openFlags()).isGreaterThanOrEqualTo(queue.get(i).openFlags());
        }
    }

    @Test
    void hidingNeedsAReasonShowsItInPlaceSettlesTheFlagsNotifiesTheAuthorAndIsAudited() {
        CommentableRef item = newItem();
        long author = newUser();
        ContentRef content = comment(author, item, "Tekst z obelgami");
        flag(content, FlagReason.HATE, "");
        flag(content, FlagReason.HATE, "obelgi");

        asModerator();
        assertThatThrownBy(() -> moderation.hide(content, "   ")).isInstanceOf(AgoraException.class)
                .hasMessage("moderation.error.reason-required");
        moderation.hide(content, "Mowa nienawiści wobec sąsiadów");
        assertThatThrownBy(() -> moderation.hide(content, "Drugi raz")).isInstanceOf(AgoraException.class)
                .hasMessage("moderation.error.already-hidden");
        assertThat(moderation.queue(500)).noneMatch(c -> c.content().equals(content));
        ModerationCase hidden = caseOf(moderation.hidden(500), content);
        assertThat(hidden.status()).isEqualTo(CaseStatus.HIDDEN);
        assertThat(hidden.openFlags()).isZero();
        assertThat(hidden.totalFlags()).isEqualTo(2);
        assertThat(hidden.lastDecision().action()).isEqualTo(DecisionAction.HIDE);
        assertThat(hidden.lastDecision().reason()).isEqualTo("Mowa nienawiści wobec sąsiadów");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM moderation_flag f JOIN moderation_case c ON c.id = f.case_id
                WHERE c.content_id = :id AND f.decision_id IS NULL""").param("id", content.id())
                .query(Long.class).single()).isZero();

        as(newUser(), Role.ADMIN);
        List<AuditEntry> audit = auditLog.latest(20);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("moderation.content.hidden");
            assertThat(e.target()).isEqualTo(content.toString());
            assertThat(e.details()).contains("Mowa nienawiści wobec sąsiadów", "settled-flags=2");
        });
        assertThat(auditLog.verify().isIntact()).isTrue();

        as(author);
        assertThat(inbox.unreadCount()).isEqualTo(1);
        assertThat(inbox.mine(10)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("HIDDEN");
            assertThat(n.content()).isEqualTo(content);
            assertThat(n.reason()).isEqualTo("Mowa nienawiści wobec sąsiadów");
            assertThat(n.excerpt()).isEqualTo("Tekst z obelgami");
        });
        var own = discussion.page(item, CommentSort.NEWEST, null, 10).threads().getFirst().root();
        assertThat(own.state()).isEqualTo(CommentState.HIDDEN);
        assertThat(own.hiddenReason()).isEqualTo("Mowa nienawiści wobec sąsiadów");
        inbox.markAllRead();
        assertThat(inbox.unreadCount()).isZero();
        as(newUser());
        assertThat(inbox.mine(10)).as("notices are their addressee's only").isEmpty();
        assertThatThrownBy(() -> moderation.flag(content, FlagReason.SPAM, null)).isInstanceOf(AgoraException.class)
                .hasMessage("moderation.error.not-flaggable");
    }

    @Test
    void restoringShowsTheContentAgainNotifiesTheAuthorAndKeepsTheHistory() {
        CommentableRef item = newItem();
        long author = newUser();
        ContentRef content = comment(author, item, "Ostra, ale rzeczowa krytyka");
        asModerator();
        moderation.hide(content, "Zbyt ostre słowa");
        assertThatThrownBy(() -> moderation.restore(content, "")).isInstanceOf(AgoraException.class)
                .hasMessage("moderation.error.reason-required");
        moderation.restore(content, "Krytyka jest rzeczowa");
        assertThatThrownBy(() -> moderation.restore(content, "Drugi raz")).isInstanceOf(AgoraException.class)
                .hasMessage("moderation.error.not-hidden");
        assertThat(moderation.hidden(500)).noneMatch(c -> c.content().equals(content));
        assertThat(moderation.history(content)).extracting(DecisionView::action)
                .containsExactly(DecisionAction.HIDE, DecisionAction.RESTORE);
        TestUsers.signOut();
        assertThat(discussion.visibleCount(item)).isEqualTo(1);
        assertThat(discussion.page(item, CommentSort.NEWEST, null, 10).threads().getFirst().root().state())
                .isEqualTo(CommentState.VISIBLE);
        as(author);
        assertThat(inbox.mine(10)).extracting(InboxNotification::kind).containsExactly("RESTORED", "HIDDEN");
    }

    @Test
    void dismissingKeepsTheContentAndClosesItsFlags() {
        CommentableRef item = newItem();
        ContentRef content = comment(newUser(), item, "Zdanie odrębne");
        flag(content, FlagReason.OFF_TOPIC, "");
        asModerator();
        moderation.dismiss(content, "Na temat, to tylko inne zdanie");
        assertThatThrownBy(() -> moderation.dismiss(content, "Jeszcze raz")).isInstanceOf(AgoraException.class)
                .hasMessage("moderation.error.nothing-to-dismiss");
        assertThat(moderation.queue(500)).noneMatch(c -> c.content().equals(content));
        TestUsers.signOut();
        assertThat(discussion.visibleCount(item)).isEqualTo(1);
        // a new flag opens the case again
        flag(content, FlagReason.SPAM, "");
        asModerator();
        assertThat(caseOf(moderation.queue(500), content).openFlags()).isEqualTo(1);
    }

    @Test
    void onlyModeratorsAndAdministratorsSeeTheQueueAndDecide() {
        ContentRef content = comment(newUser(), newItem(), "Komentarz");
        for (Role role : List.of(Role.RESIDENT, Role.FORUM_MEMBER, Role.PANELIST, Role.TRANSLATOR)) {
            as(newUser(), role);
            assertThatThrownBy(() -> moderation.queue(10)).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> moderation.hide(content, "x")).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> moderation.restore(content, "x")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> moderation.dismiss(content, "x")).isInstanceOf(AccessDeniedException.class);
        }
        as(newUser(), Role.ADMIN);
        moderation.hide(content, "Administrator też może");
        moderation.restore(content, "I przywrócić");
    }

    @Test
    void unknownContentIsRefusedWithATranslatedMessage() {
        asModerator();
        assertThatThrownBy(() -> moderation.hide(new ContentRef("discussion", "comment", "999999999"), "powód"))
                .isInstanceOf(AgoraException.class).hasMessage("moderation.error.no-such-content");
        assertThatThrownBy(() -> moderation.hide(new ContentRef("nothing", "here", "1"), "powód"))
                .isInstanceOf(AgoraException.class).hasMessage("moderation.error.no-such-content");
    }

    @Test
    void anExcerptIsOneLineAndCutBetweenCodePoints() {
        assertThat(NotificationInbox.excerpt("a\n\nb\tc")).isEqualTo("a b c");
        String emoji = "\uD83D\uDE00".repeat(NotificationInbox.EXCERPT + 5);
        String cut = NotificationInbox.excerpt(emoji);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(NotificationInbox.EXCERPT + 1);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }
}
