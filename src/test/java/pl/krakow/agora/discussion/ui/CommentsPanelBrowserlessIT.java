package pl.krakow.agora.discussion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserlessTest;
import pl.krakow.agora.discussion.CommentableRef;
import pl.krakow.agora.discussion.DiscussionProperties;
import pl.krakow.agora.discussion.DiscussionService;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.moderation.ModerationService;
import pl.krakow.agora.moderation.ui.DecisionDialog;
import pl.krakow.agora.moderation.ui.FlagDialog;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** The comments panel for every kind of reader, without a browser, on the real services and database. */
class CommentsPanelBrowserlessIT extends AgoraBrowserlessTest {

    private static final AtomicLong USERS = new AtomicLong(400_000);

    @Autowired
    DiscussionService discussion;
    @Autowired
    ModerationService moderation;
    @Autowired
    DiscussionProperties properties;

    private void signIn(long id, Role... roles) {
        signIn(id, "Osoba " + id, roles.length == 0 ? new Role[] {Role.RESIDENT} : roles);
    }
    private static long newUser() {
        return USERS.incrementAndGet();
    }

    /** Writes through the service as another person, outside the UI under test. */
    private long seed(long user, String item, String text) {
        var before = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn(user, "Osoba " + user, Role.RESIDENT);
        try {
            return discussion.post(new CommentableRef("test", "item", item), text, UiLanguage.PL);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private CommentsPanel open(String item, UiLanguage language) {
        UI.getCurrent().setLocale(language.locale());
        UI.getCurrent().navigate("test/komentarze/" + item);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CommentsTestView");
        return $(CommentsPanel.class).first();
    }

    private CommentItem item(long id) {
        return $(CommentItem.class).all().stream().filter(c -> c.comment().id() == id).findFirst().orElseThrow();
    }

    private List<Long> shownIds() {
        return $(CommentItem.class).all().stream().map(c -> c.comment().id()).toList();
    }

    private Button button(String id) {
        return $(Button.class).id(id);
    }

    private boolean exists(Class<? extends Component> type, String id) {
        return $(type).all().stream().anyMatch(c -> c.getId().map(id::equals).orElse(false));
    }

    private String lastNotification() {
        List<Notification> all = $(Notification.class).all();
        return all.isEmpty() ? "" : test(all.getLast()).getText();
    }

    @Test
    void anonymousReadersReadThePublicThreadSeeASignInHintAndNoControls() {
        String item = UUID.randomUUID().toString();
        long first = seed(newUser(), item, "Pierwszy komentarz: https://www.krakow.pl/otwarty");
        anonymous();
        open(item, UiLanguage.PL);
        assertThat($(H2.class).id("comments-heading").getText()).isEqualTo("Komentarze (1)");
        assertThat($(TextArea.class).all()).isEmpty();
        Anchor login = $(Anchor.class).id("comments-login");
        assertThat(login.getHref()).isEqualTo("login");
        assertThat(login.getText()).isEqualTo("Zaloguj się");
        assertThat(shownIds()).containsExactly(first);
        CommentItem comment = item(first);
        assertThat(comment.getElement().getTextRecursively()).contains("Pierwszy komentarz", "Poparcie: 0 · sprzeciw: 0");
        Anchor link = $(Anchor.class, comment).first();
        assertThat(link.getHref()).isEqualTo("https://www.krakow.pl/otwarty");
        assertThat(link.getElement().getAttribute("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(link.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat($(Button.class, comment).all()).as("no reply, react or flag buttons for anonymous readers").isEmpty();
    }

    @Test
    void aResidentPostsRepliesEditsAndDeletesWithACounterAndAnnouncements() {
        String item = UUID.randomUUID().toString();
        long other = newUser();
        long otherComment = seed(other, item, "Komentarz innej osoby");
        signIn(newUser());
        open(item, UiLanguage.PL);
        TextArea text = $(TextArea.class).id("comment-new-text");
        assertThat(text.getLabel()).isEqualTo("Twój komentarz");
        assertThat(text.getMaxLength()).isEqualTo(properties.maxLength());
        assertThat(text.getValueChangeMode()).isEqualTo(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        assertThat(text.getHelperText()).isEqualTo("Znaki: 0 z 5\u00a0000");
        test(text).setValue("Mój głos\nw dwóch liniach");
        assertThat(text.getHelperText()).isEqualTo("Znaki: 24 z 5\u00a0000");
        test(button("comment-new-submit")).click();
        assertThat(text.getValue()).isEmpty();
        assertThat($(H2.class).id("comments-heading").getText()).isEqualTo("Komentarze (2)");
        long mine = shownIds().getFirst();
        CommentItem posted = item(mine);
        assertThat(posted.comment().text()).isEqualTo("Mój głos\nw dwóch liniach");
        assertThat(posted.getElement().getTextRecursively()).contains("Twój komentarz");

        // reply to the other person's comment
        test(button("comment-" + otherComment + "-reply")).click();
        TextArea reply = $(TextArea.class).id("comment-" + otherComment + "-reply-form-text");
        assertThat(reply.getLabel()).isEqualTo("Twoja odpowiedź");
        test(reply).setValue("Zgadzam się");
        test(button("comment-" + otherComment + "-reply-form-submit")).click();
        CommentItem parent = item(otherComment);
        List<CommentItem> nested = $(CommentItem.class, parent).all().stream().filter(c -> c != parent).toList();
        assertThat(nested).singleElement().satisfies(r -> {
            assertThat(r.comment().text()).isEqualTo("Zgadzam się");
            assertThat(r.comment().depth()).isEqualTo(1);
        });
        long replyId = nested.getFirst().comment().id();

        // edit own reply
        test(button("comment-" + replyId + "-edit")).click();
        TextArea edit = $(TextArea.class).id("comment-" + replyId + "-edit-form-text");
        assertThat(edit.getValue()).isEqualTo("Zgadzam się");
        test(edit).setValue("Zgadzam się w pełni");
        test(button("comment-" + replyId + "-edit-form-submit")).click();
        assertThat(item(replyId).comment().text()).isEqualTo("Zgadzam się w pełni");
        assertThat(item(replyId).getElement().getTextRecursively()).contains("(edytowano)");

        // delete own top-level comment: confirmed in a dialog, "deleted" shown in its place
        test(button("comment-" + mine + "-delete")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).first();
        assertThat(test(confirm).getHeader()).isEqualTo("Usunąć komentarz?");
        test(confirm).confirm();
        assertThat(item(mine).getElement().getTextRecursively()).contains("Komentarz został usunięty przez autora.")
                .doesNotContain("Mój głos");
        assertThat($(H2.class).id("comments-heading").getText()).isEqualTo("Komentarze (2)");
        // nobody else's comment offers edit or delete
        assertThat(exists(Button.class, "comment-" + otherComment + "-edit")).isFalse();
        assertThat(exists(Button.class, "comment-" + otherComment + "-delete")).isFalse();
    }

    @Test
    void refusalsAreShownTranslatedOnTheFieldAndNothingIsPosted() {
        String item = UUID.randomUUID().toString();
        signIn(newUser());
        open(item, UiLanguage.EN);
        TextArea text = $(TextArea.class).id("comment-new-text");
        test(text).setValue("   \u200b ");
        test(button("comment-new-submit")).click();
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("A comment cannot be empty.");
        assertThat(lastNotification()).isEqualTo("A comment cannot be empty.");
        assertThat(shownIds()).isEmpty();
        // a value longer than the limit (the browser would stop typing earlier): the counter says so at once
        text.setValue("x".repeat(properties.maxLength() + 3));
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("The comment is too long (limit: 5,000, entered: 5,003 characters).");
        test(button("comment-new-submit")).click();
        assertThat(shownIds()).isEmpty();
        test(text).setValue("x".repeat(properties.maxLength()));
        assertThat(text.isInvalid()).isFalse();
        assertThat(text.getHelperText()).isEqualTo("Length limit reached: 5,000 of 5,000");
    }

    @Test
    void supportAndOpposeToggleShowTheirPressedStateAndExactCounts() {
        String item = UUID.randomUUID().toString();
        long target = seed(newUser(), item, "Popieracie ten pomysł?");
        signIn(newUser());
        open(item, UiLanguage.PL);
        assertThat(button("comment-" + target + "-support").getText()).isEqualTo("Popieram (0)");
        test(button("comment-" + target + "-support")).click();
        Button support = button("comment-" + target + "-support");
        assertThat(support.getText()).isEqualTo("Popieram (1)");
        assertThat(support.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        test(button("comment-" + target + "-oppose")).click();
        assertThat(button("comment-" + target + "-support").getText()).isEqualTo("Popieram (0)");
        assertThat(button("comment-" + target + "-oppose").getText()).isEqualTo("Nie popieram (1)");
        assertThat(button("comment-" + target + "-oppose").getElement().getAttribute("aria-pressed")).isEqualTo("true");
        test(button("comment-" + target + "-oppose")).click();
        assertThat(button("comment-" + target + "-oppose").getText()).isEqualTo("Nie popieram (0)");
        assertThat(button("comment-" + target + "-oppose").getElement().getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void aReaderFlagsThroughTheDialogAndThenSeesThatTheyDid() {
        String item = UUID.randomUUID().toString();
        long target = seed(newUser(), item, "Kupuj tanio!!!");
        signIn(newUser());
        open(item, UiLanguage.PL);
        test(button("comment-" + target + "-flag")).click();
        FlagDialog dialog = $(FlagDialog.class).first();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Zgłoś moderatorom");
        // "other" needs details: refused, the dialog stays open
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> reason = $(RadioButtonGroup.class).id("flag-reason");
        test(reason).selectItem("inny powód");
        test(button("flag-send")).click();
        assertThat(lastNotification()).isEqualTo("Przy powodzie „inny powód” opisz krótko, co jest nie tak.");
        assertThat(dialog.isOpened()).isTrue();
        test(reason).selectItem("spam lub reklama");
        test(button("flag-send")).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(exists(Button.class, "comment-" + target + "-flag")).isFalse();
        assertThat($(com.vaadin.flow.component.html.Span.class).id("comment-" + target + "-flagged").getText())
                .isEqualTo("Zgłoszono moderatorom");
    }

    @Test
    void aModeratorHidesInPlaceWithAReasonAndTheAuthorAndOthersSeeTheRightThing() {
        String item = UUID.randomUUID().toString();
        long author = newUser();
        long target = seed(author, item, "Treść do ukrycia");
        long kept = seed(newUser(), item, "Treść, która zostaje");
        signIn(newUser(), Role.RESIDENT, Role.MODERATOR);
        open(item, UiLanguage.PL);
        test(button("comment-" + target + "-hide")).click();
        DecisionDialog dialog = $(DecisionDialog.class).first();
        test(button("decision-confirm")).click();
        TextArea reason = $(TextArea.class).id("decision-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Podaj uzasadnienie decyzji.");
        test(reason).setValue("Reklama bez związku z tematem");
        test(button("decision-confirm")).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(item(target).getElement().getTextRecursively())
                .contains("Ukryte przez moderatora: Reklama bez związku z tematem");
        assertThat(exists(Button.class, "comment-" + target + "-restore")).isTrue();
        assertThat($(H2.class).id("comments-heading").getText()).isEqualTo("Komentarze (1)");

        anonymous();
        open(item, UiLanguage.PL);
        assertThat(shownIds()).containsExactly(kept);

        signIn(author);
        open(item, UiLanguage.PL);
        assertThat(shownIds()).contains(target, kept);
        assertThat(item(target).getElement().getTextRecursively())
                .contains("Ukryte przez moderatora: Reklama bez związku z tematem",
                        "Ten komentarz widzisz tylko Ty i moderatorzy.");
        assertThat(exists(Button.class, "comment-" + target + "-edit")).isFalse();

        signIn(newUser(), Role.RESIDENT, Role.MODERATOR);
        open(item, UiLanguage.PL);
        test(button("comment-" + target + "-restore")).click();
        test($(TextArea.class).id("decision-reason")).setValue("Autor wyjaśnił kontekst");
        test(button("decision-confirm")).click();
        assertThat(item(target).getElement().getTextRecursively()).contains("Treść do ukrycia")
                .doesNotContain("Ukryte przez moderatora");
        assertThat($(H2.class).id("comments-heading").getText()).isEqualTo("Komentarze (2)");
    }

    @Test
    void pagesLoadOnDemandAndTheOrderCanBeChanged() {
        String item = UUID.randomUUID().toString();
        int pageSize = properties.pageSize();
        int total = pageSize + 3;
        long firstId = 0;
        long lastId = 0;
        for (int i = 0; i < total; i++) {
            long id = seed(newUser(), item, "Komentarz " + i);
            firstId = i == 0 ? id : firstId;
            lastId = id;
        }
        anonymous();
        open(item, UiLanguage.PL);
        assertThat(shownIds()).hasSize(pageSize).startsWith(lastId);
        Button more = button("comments-more");
        assertThat(more.isVisible()).isTrue();
        test(more).click();
        assertThat(shownIds()).hasSize(total).endsWith(firstId);
        assertThat(more.isVisible()).isFalse();
        @SuppressWarnings("unchecked")
        Select<Object> sort = $(Select.class).id("comments-sort");
        test(sort).selectItem("Najstarsze");
        assertThat(shownIds()).hasSize(pageSize).startsWith(firstId);
    }

    @Test
    void theWholePanelSpeaksTheReadersLanguage() {
        String item = UUID.randomUUID().toString();
        seed(newUser(), item, "Коментар українською");
        signIn(newUser());
        open(item, UiLanguage.UK);
        assertThat($(H2.class).id("comments-heading").getText()).isEqualTo("Коментарі (1)");
        assertThat($(TextArea.class).id("comment-new-text").getLabel()).isEqualTo("Ваш коментар");
        assertThat(button("comment-new-submit").getText()).isEqualTo("Опублікувати коментар");
        open(item, UiLanguage.RU);
        assertThat($(H2.class).id("comments-heading").getText()).isEqualTo("Комментарии (1)");
        assertThat($(CommentItem.class).first().getElement().getTextRecursively()).contains("Поддерживаю (0)");
    }
}
