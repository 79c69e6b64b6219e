package pl.krakow.agora.moderation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import pl.krakow.agora.AgoraBrowserlessTest;
import pl.krakow.agora.discussion.CommentableRef;
import pl.krakow.agora.discussion.DiscussionService;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.moderation.FlagReason;
import pl.krakow.agora.moderation.ModerationService;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** The moderators' queue and the authors' notices, per role, without a browser. */
class ModerationViewBrowserlessIT extends AgoraBrowserlessTest {

    private static final AtomicLong USERS = new AtomicLong(500_000);

    @Autowired
    DiscussionService discussion;
    @Autowired
    ModerationService moderation;

    private void signIn(long id, Role... roles) {
        signIn(id, "Osoba " + id, roles);
    }

    private static long newUser() {
        return USERS.incrementAndGet();
    }

    /** Does something as another person, outside the UI under test. */
    private <T> T as(long user, Role role, java.util.function.Supplier<T> action) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn(user, "Osoba " + user, role);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private ContentRef flaggedComment(long author, String text, int flags) {
        CommentableRef item = new CommentableRef("test", "item", UUID.randomUUID().toString());
        long id = as(author, Role.RESIDENT, () -> discussion.post(item, text, UiLanguage.PL));
        ContentRef content = DiscussionService.contentRef(id);
        for (int i = 0; i < flags; i++) {
            FlagReason reason = i % 2 == 0 ? FlagReason.SPAM : FlagReason.OTHER;
            as(newUser(), Role.RESIDENT, () -> {
                moderation.flag(content, reason, "podejrzany link");
                return null;
            });
        }
        return content;
    }

    private static String cardId(ContentRef content) {
        return "case-" + content.module() + "-" + content.type() + "-" + content.id();
    }

    /** Who opens moderacja and powiadomienia: ok, the sign-in page, or "not found". */
    @ParameterizedTest(name = "{0} opens moderacja: {1}, powiadomienia: {2}")
    @CsvSource({
        "ANONYMOUS, LoginView, LoginView",
        "RESIDENT, NotFoundView, NotificationsView",
        "FORUM_MEMBER, NotFoundView, NotificationsView",
        "PANELIST, NotFoundView, NotificationsView",
        "TRANSLATOR, NotFoundView, NotificationsView",
        "MODERATOR, ModerationView, NotificationsView",
        "ADMIN, ModerationView, NotificationsView"})
    void theQueueIsForModeratorsAndNoticesForEverySignedInUser(String who, String queue, String notices) {
        if (!who.equals("ANONYMOUS")) {
            signIn(newUser(), Role.valueOf(who));
        }
        UI.getCurrent().navigate("moderacja");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo(queue);
        UI.getCurrent().navigate("powiadomienia");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo(notices);
        UI.getCurrent().navigate("");
        List<String> menu = $(SideNavItem.class).all().stream().map(SideNavItem::getPath).toList();
        if (queue.equals("ModerationView")) {
            assertThat(menu).contains("moderacja");
        } else {
            assertThat(menu).doesNotContain("moderacja");
        }
        if (who.equals("ANONYMOUS")) {
            assertThat(menu).doesNotContain("powiadomienia");
        } else {
            assertThat(menu).contains("powiadomienia");
        }
    }

    @Test
    void aModeratorHidesFromTheQueueWithAReasonAndRestoresFromTheHiddenList() {
        long author = newUser();
        ContentRef many = flaggedComment(author, "Najczęściej zgłaszany <b>tekst</b>", 3);
        ContentRef few = flaggedComment(newUser(), "Raz zgłoszony", 1);
        signIn(newUser(), Role.RESIDENT, Role.MODERATOR);
        UI.getCurrent().setLocale(UiLanguage.PL.locale());
        navigate(ModerationView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Moderacja");
        List<String> cards = $(Article.class).all().stream().map(a -> a.getId().orElse("")).toList();
        assertThat(cards).contains(cardId(many), cardId(few));
        assertThat(cards.indexOf(cardId(many))).isLessThan(cards.indexOf(cardId(few)));
        Article card = $(Article.class).id(cardId(many));
        assertThat($(Paragraph.class, card).id(cardId(many) + "-flags").getText())
                .isEqualTo("Zgłoszenia: 3 (spam lub reklama: 2, inny powód: 1)");
        assertThat(card.getElement().getTextRecursively()).contains("Najczęściej zgłaszany <b>tekst</b>",
                "Wpis autorstwa: Osoba " + author);

        test($(Button.class).id(cardId(many) + "-hide")).click();
        DecisionDialog dialog = $(DecisionDialog.class).first();
        test($(Button.class).id("decision-confirm")).click();
        assertThat(dialog.isOpened()).as("no decision without a reason").isTrue();
        test($(TextArea.class).id("decision-reason")).setValue("Spam");
        test($(Button.class).id("decision-confirm")).click();
        assertThat(dialog.isOpened()).isFalse();
        Article hidden = $(Article.class, $(com.vaadin.flow.component.html.Div.class).id("moderation-hidden"))
                .id(cardId(many));
        assertThat(hidden.getElement().getTextRecursively()).contains("Ukryte z powodu: Spam");
        assertThat($(Article.class, $(com.vaadin.flow.component.html.Div.class).id("moderation-queue")).all())
                .noneMatch(a -> a.getId().orElse("").equals(cardId(many)));

        test($(Button.class).id(cardId(many) + "-restore")).click();
        test($(TextArea.class).id("decision-reason")).setValue("Jednak w porządku");
        test($(Button.class).id("decision-confirm")).click();
        assertThat($(Article.class).all()).noneMatch(a -> a.getId().orElse("").equals(cardId(many)));

        // dismissing keeps the comment and empties its place in the queue
        test($(Button.class).id(cardId(few) + "-dismiss")).click();
        test($(TextArea.class).id("decision-reason")).setValue("Bez naruszenia");
        test($(Button.class).id("decision-confirm")).click();
        assertThat($(Article.class).all()).noneMatch(a -> a.getId().orElse("").equals(cardId(few)));

        // the author reads why, once as new
        signIn(author, Role.RESIDENT);
        UI.getCurrent().setLocale(UiLanguage.PL.locale());
        navigate(NotificationsView.class);
        assertThat($(Paragraph.class).id("notifications-summary").getText()).isEqualTo("Nowe powiadomienia: 2");
        String text = $(com.vaadin.flow.component.html.UnorderedList.class).id("notifications-list").getElement()
                .getTextRecursively();
        assertThat(text).contains("Moderator ukrył Twój wpis", "Uzasadnienie: Spam", "Moderator przywrócił Twój wpis",
                "Uzasadnienie: Jednak w porządku", "Treść: „Najczęściej zgłaszany <b>tekst</b>”", "nowe");
        UI.getCurrent().navigate("");
        navigate(NotificationsView.class);
        assertThat($(Paragraph.class).id("notifications-summary").getText()).isEqualTo("Nie masz nowych powiadomień.");
    }

    @Test
    void theQueueSpeaksEnglishToAnEnglishModerator() {
        flaggedComment(newUser(), "Text", 1);
        signIn(newUser(), Role.ADMIN);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(ModerationView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Moderation");
        assertThat($(com.vaadin.flow.component.html.H2.class).id("moderation-queue-heading").getText())
                .startsWith("Reported content (");
    }
}
