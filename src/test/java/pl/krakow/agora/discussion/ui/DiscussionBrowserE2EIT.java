package pl.krakow.agora.discussion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraBrowserTest;
import pl.krakow.agora.Chromium;
import pl.krakow.agora.discussion.CommentPage;
import pl.krakow.agora.discussion.CommentSort;
import pl.krakow.agora.discussion.CommentThread;
import pl.krakow.agora.discussion.CommentView;
import pl.krakow.agora.discussion.CommentableRef;
import pl.krakow.agora.discussion.DiscussionService;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.moderation.FlagReason;
import pl.krakow.agora.moderation.ModerationService;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * The discussion end to end in Chromium (issue 5, "Tests"): demo users comment, reply, react and
 * flag; a moderator hides and restores from the queue; the author reads the notice. The XSS corpus
 * (src/test/resources/xss-corpus.txt), posted as comments, must not execute on the discussion page,
 * in the moderators' queue or on the notifications page: no dialog opens, no marker reaches the
 * console, and the DOM holds no element or attribute a user wrote. axe-core finds no serious or
 * critical violation on a page with comments and on the moderation view.
 */
class DiscussionBrowserE2EIT extends AgoraBrowserTest {

    static final String PASSWORD = DEMO_PASSWORD;
    static final String AUTHOR = "panelistka";
    static final String READER = "radny";
    static final String MODERATOR = "moderatorka";
    private static final AtomicLong USERS = new AtomicLong(600_000);

    /** Makes any use of the native dialogs visible on the console as well. */
    static final String TRAP = """
            for (const name of ['alert', 'confirm', 'prompt', 'print']) {
              const original = window[name];
              window[name] = function (...args) {
                console.log('XSS-EXECUTED ' + name + ' ' + args.join(','));
                return original.apply(window, args);
              };
            }""";

    /** Elements that a comment's text may produce: text and links only. Inside the rest of a comment: our own. */
    static final String INJECTED = """
            (root) => {
              const problems = [];
              const scope = document.querySelector(root);
              if (!scope) { return ['no ' + root]; }
              for (const body of scope.querySelectorAll('.agora-comment-body, .agora-moderation-text, .agora-notification-excerpt')) {
                for (const el of body.querySelectorAll('*')) {
                  const allowed = body.classList.contains('agora-comment-body') && el.tagName === 'A'
                      && /^https?:\\/\\//.test(el.getAttribute('href') || '')
                      && el.getAttribute('rel') === 'nofollow ugc noopener' && el.getAttribute('target') === '_blank'
                      && el.children.length === 0;
                  if (!allowed) { problems.push('element ' + el.outerHTML.slice(0, 120)); }
                }
              }
              for (const el of scope.querySelectorAll('*')) {
                for (const attr of el.getAttributeNames()) {
                  if (attr.toLowerCase().startsWith('on')) { problems.push('handler ' + attr + ' on ' + el.tagName); }
                }
                for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data']) {
                  const v = (el.getAttribute(attr) || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
                  if (v.startsWith('javascript:') || v.startsWith('data:') || v.startsWith('vbscript:')) {
                    problems.push(attr + '=' + v + ' on ' + el.tagName);
                  }
                }
                if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'IMG', 'STYLE', 'LINK', 'META', 'BASE',
                     'FORM', 'VIDEO', 'AUDIO', 'MARQUEE', 'TEMPLATE', 'NOSCRIPT', 'X-FOO'].includes(el.tagName.toUpperCase())) {
                  problems.push('tag ' + el.tagName);
                }
              }
              return problems;
            }""";

    @Autowired
    DiscussionService discussion;
    @Autowired
    ModerationService moderation;
    @Autowired
    JdbcClient jdbc;

    final List<String> dialogs = new CopyOnWriteArrayList<>();
    final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeEach
    void speakPolish() {
        // other tests switch demo users' languages; these speak the browser's language (Polish)
        jdbc.sql("UPDATE identity_user SET preferred_language = NULL WHERE username IN (:users)")
                .param("users", List.of(AUTHOR, READER, MODERATOR)).update();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM identity_user WHERE username = :u").param("u", username).query(Long.class)
                .single();
    }

    private Page page(BrowserContext context) {
        Page page = context.newPage();
        page.addInitScript(TRAP);
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        page.onConsoleMessage(message -> console.add(message.text()));
        return page;
    }

    private Page signedIn(BrowserContext context, String username) {
        Page page = page(context);
        Chromium.signIn(page, baseUrl(), username, PASSWORD);
        return page;
    }

    private void openDiscussion(Page page, String item) {
        page.navigate(baseUrl() + "/test/komentarze/" + item);
        page.waitForSelector("#comments-heading");
    }

    private static String idOf(Locator article) {
        return article.getAttribute("id").substring("comment-".length());
    }

    private void assertNothingExecuted() {
        assertThat(dialogs).as("dialogs opened by user content").isEmpty();
        assertThat(console).as("console").noneMatch(m -> m.contains("XSS-EXECUTED"));
    }

    @Test
    void residentsCommentReplyReactAndFlagAndAModeratorHidesAndRestores() {
        String item = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        try (BrowserContext authorContext = chromium.newContext("pl-PL");
                BrowserContext readerContext = chromium.newContext("pl-PL");
                BrowserContext moderatorContext = chromium.newContext("pl-PL")) {
            Page author = signedIn(authorContext, AUTHOR);
            openDiscussion(author, item);
            // the live counter is the field's description
            Locator field = author.locator("#comment-new-text textarea");
            String typed = "Proponuję tłumaczyć formularze.\nWięcej: https://www.krakow.pl/otwarty";
            field.click();
            author.keyboard().type(typed);
            // what a screen reader reads with the field: its description, which is the counter
            String describedBy = """
                    () => { const t = document.querySelector('#comment-new-text textarea');
                            return (t.getAttribute('aria-describedby') || '').split(' ')
                              .map(id => document.getElementById(id)).filter(e => e).map(e => e.textContent).join('|'); }""";
            String counter = "Znaki: " + typed.length() + " z 5\u00a0000";
            author.waitForFunction("expected => (" + describedBy + ")().includes(expected)", counter);
            assertThat((String) author.evaluate(describedBy)).contains(counter);
            assertThat(field.getAttribute("maxlength")).isEqualTo("5000");
            author.locator("#comment-new-submit").click();
            Locator comment = author.locator("article.agora-comment", new Page.LocatorOptions().setHasText("Proponuję"));
            comment.waitFor();
            String id = idOf(comment);
            author.waitForFunction("() => [...document.querySelectorAll('.agora-comments [role=status]')]"
                    + ".some(e => e.textContent === 'Komentarz został opublikowany.')");
            assertThat(comment.locator(".agora-comment-body").innerText())
                    .isEqualTo("Proponuję tłumaczyć formularze.\nWięcej: https://www.krakow.pl/otwarty");
            Locator link = comment.locator("a.agora-comment-link");
            assertThat(link.getAttribute("href")).isEqualTo("https://www.krakow.pl/otwarty");
            assertThat(link.getAttribute("rel")).isEqualTo("nofollow ugc noopener");
            assertThat(link.getAttribute("target")).isEqualTo("_blank");

            Page reader = signedIn(readerContext, READER);
            openDiscussion(reader, item);
            reader.locator("#comment-" + id + "-reply").click();
            reader.locator("#comment-" + id + "-reply-form-text textarea").fill("Zgadzam się, zwłaszcza w szkołach.");
            reader.locator("#comment-" + id + "-reply-form-submit").click();
            reader.locator(".agora-comment-body", new Page.LocatorOptions().setHasText("Zgadzam się")).waitFor();
            // by keyboard: the support button is pressed, the count goes up and the focus stays on it
            reader.locator("#comment-" + id + "-support").focus();
            reader.keyboard().press("Enter");
            reader.waitForFunction("() => { const b = document.getElementById('comment-" + id + "-support');"
                    + " return b && b.getAttribute('aria-pressed') === 'true'; }");
            assertThat(reader.locator("#comment-" + id + "-support").innerText()).isEqualTo("Popieram (1)");
            reader.waitForFunction("() => document.activeElement && document.activeElement.id === 'comment-" + id
                    + "-support'");
            reader.locator("#comment-" + id + "-flag").click();
            reader.locator("#flag-reason vaadin-radio-button", new Page.LocatorOptions().setHasText("spam lub reklama"))
                    .click();
            reader.locator("#flag-send").click();
            reader.locator("#comment-" + id + "-flagged").waitFor();
            Chromium.screenshot(reader, "discussion-reader-pl.png");

            Page moderator = signedIn(moderatorContext, MODERATOR);
            assertThat(moderator.locator("#main-nav").innerText()).contains("Moderacja");
            moderator.navigate(baseUrl() + "/moderacja");
            String card = "#case-discussion-comment-" + id;
            moderator.locator("#moderation-queue " + card).waitFor();
            assertThat(moderator.locator(card + "-flags").innerText()).isEqualTo("Zgłoszenia: 1 (spam lub reklama: 1)");
            assertThat(Chromium.seriousAccessibilityViolations(moderator)).as("axe on the moderation view").isEqualTo("[]");
            Chromium.screenshot(moderator, "moderation-queue-pl.png");
            moderator.locator(card + "-hide").click();
            moderator.locator("#decision-reason textarea").fill("Reklama, nie głos w dyskusji");
            moderator.locator("#decision-confirm").click();
            moderator.locator("#moderation-hidden " + card).waitFor();

            reader.reload();
            reader.waitForSelector("#comments-heading");
            assertThat(reader.locator("#comment-" + id).count()).as("hidden for other readers").isZero();
            assertThat(reader.locator(".agora-comment-body", new Page.LocatorOptions().setHasText("Zgadzam się"))
                    .count()).as("and so are the replies below it").isZero();
            assertThat(reader.locator("#comments-heading").innerText()).isEqualTo("Komentarze (0)");

            author.reload();
            author.locator("#comment-" + id + "-hidden-reason").waitFor();
            assertThat(author.locator("#comment-" + id + "-hidden-reason").innerText())
                    .isEqualTo("Ukryte przez moderatora: Reklama, nie głos w dyskusji");
            author.navigate(baseUrl() + "/powiadomienia");
            author.locator("#notifications-list").waitFor();
            assertThat(author.locator("#notifications-list").innerText())
                    .contains("Moderator ukrył Twój wpis", "Uzasadnienie: Reklama, nie głos w dyskusji");
            assertThat(Chromium.seriousAccessibilityViolations(author)).as("axe on the notifications").isEqualTo("[]");

            moderator.locator(card + "-restore").click();
            moderator.locator("#decision-reason textarea").fill("Autor wyjaśnił, że to informacja");
            moderator.locator("#decision-confirm").click();
            moderator.waitForFunction("() => !document.querySelector('#moderation-hidden " + card + "')");

            reader.reload();
            reader.locator("#comment-" + id).waitFor();
            reader.locator(".agora-comment-body", new Page.LocatorOptions().setHasText("Zgadzam się")).waitFor();
            assertThat(reader.locator("#comments-heading").innerText()).isEqualTo("Komentarze (2)");
        }
        assertNothingExecuted();
    }

    @Test
    void aPageWithCommentsHasNoSeriousAccessibilityViolationsInAnyLanguage() {
        String item = "axe-" + UUID.randomUUID().toString().substring(0, 8);
        CommentableRef ref = new CommentableRef("test", "item", item);
        long first = as(USERS.incrementAndGet(), () -> discussion.post(ref,
                "Pierwszy komentarz z linkiem https://www.krakow.pl/ i dwiema liniami.\nDruga linia.", UiLanguage.PL));
        as(USERS.incrementAndGet(), () -> discussion.reply(first, "Odpowiedź", UiLanguage.PL));
        long deleted = USERS.incrementAndGet();
        long gone = as(deleted, () -> discussion.post(ref, "Usunięty", UiLanguage.PL));
        as(deleted, () -> {
            discussion.delete(gone);
            return 0L;
        });
        long hidden = as(USERS.incrementAndGet(), () -> discussion.post(ref, "Ukryty", UiLanguage.PL));
        TestUsers.signIn(USERS.incrementAndGet(), "moderator", Role.MODERATOR);
        moderation.hide(DiscussionService.contentRef(hidden), "Test dostępności");
        TestUsers.signOut();
        for (String locale : List.of("pl-PL", "en-GB", "uk-UA", "ru-RU")) {
            try (BrowserContext context = chromium.newContext(locale)) {
                Page page = page(context);
                openDiscussion(page, item);
                assertThat(Chromium.seriousAccessibilityViolations(page)).as("axe on comments, anonymous, %s", locale)
                        .isEqualTo("[]");
                Chromium.screenshot(page, "comments-anonymous-" + locale.substring(0, 2) + ".png");
            }
        }
        try (BrowserContext context = chromium.newContext("pl-PL")) {
            Page page = signedIn(context, MODERATOR);
            openDiscussion(page, item);
            page.locator("#comment-" + first + "-reply").click();
            assertThat(Chromium.seriousAccessibilityViolations(page)).as("axe on comments, moderator with a form open")
                    .isEqualTo("[]");
            Chromium.screenshot(page, "comments-moderator-pl.png");
        }
        assertNothingExecuted();
    }

    @Test
    void theXssCorpusPostedAsCommentsNeverExecutesInAnyView() throws IOException {
        List<String> corpus = CommentBodyTest.corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
        String item = "xss-" + UUID.randomUUID().toString().substring(0, 8);
        CommentableRef ref = new CommentableRef("test", "item", item);
        // most payloads through the service, one writer each (the rate limit holds per person); every
        // fourth as a reply, so that nested comments render them too
        long lastRoot = 0;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String payload = corpus.get(i);
            long parent = lastRoot;
            long id = i % 4 == 3 && parent != 0
                    ? as(USERS.incrementAndGet(), () -> discussion.reply(parent, payload, UiLanguage.PL))
                    : as(USERS.incrementAndGet(), () -> discussion.post(ref, payload, UiLanguage.PL));
            if (i % 4 != 3) {
                lastRoot = id;
            }
            ids.add(id);
        }
        // a few typed into the real form by a demo user, who is then told about one being hidden
        List<String> typed = List.of(corpus.get(0), corpus.get(8), corpus.get(13));
        try (BrowserContext context = chromium.newContext("pl-PL")) {
            Page author = signedIn(context, AUTHOR);
            openDiscussion(author, item);
            for (String payload : typed) {
                author.locator("#comment-new-text textarea").fill(payload);
                author.locator("#comment-new-submit").click();
                author.waitForFunction("() => document.querySelector('#comment-new-text textarea').value === ''");
            }
        }
        // flags on the first ten, so that they are in the moderators' queue; one of the typed ones hidden
        long flagger = USERS.incrementAndGet();
        for (long id : ids.subList(0, 10)) {
            as(flagger, () -> {
                moderation.flag(DiscussionService.contentRef(id), FlagReason.OTHER, corpus.get(ids.indexOf(id)));
                return 0L;
            });
        }
        TestUsers.signIn(USERS.incrementAndGet(), "moderator", Role.MODERATOR);
        long typedId = jdbc.sql("SELECT MAX(id) FROM discussion_comment WHERE target_id = :item AND author_id = :a")
                .param("item", item).param("a", userId(AUTHOR)).query(Long.class).single();
        moderation.hide(DiscussionService.contentRef(typedId), corpus.get(1));
        TestUsers.signOut();

        Map<String, String> expected = publicTexts(ref);
        assertThat(expected).hasSize(corpus.size() + typed.size() - 1);

        // anonymous readers: every comment's text shown exactly as text
        try (BrowserContext context = chromium.newContext("pl-PL")) {
            Page page = page(context);
            openDiscussion(page, item);
            loadAll(page);
            assertThat(injected(page, "#comment-list")).isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, String> shown = (Map<String, String>) page.evaluate("""
                    () => Object.fromEntries([...document.querySelectorAll('article.agora-comment')]
                      .map(a => [a.id.substring('comment-'.length),
                                 (a.querySelector(':scope > .agora-comment-content .agora-comment-body') || {}).textContent]))""");
            assertThat(shown).containsExactlyInAnyOrderEntriesOf(expected);
            Chromium.screenshot(page, "xss-anonymous.png");
        }
        // a signed-in reader (with buttons), the moderator (hidden text in place, the queue) and the author's notices
        try (BrowserContext context = chromium.newContext("pl-PL")) {
            Page page = signedIn(context, READER);
            openDiscussion(page, item);
            loadAll(page);
            assertThat(injected(page, "#comment-list")).isEmpty();
        }
        try (BrowserContext context = chromium.newContext("pl-PL")) {
            Page page = signedIn(context, MODERATOR);
            openDiscussion(page, item);
            loadAll(page);
            page.locator("#comment-" + typedId + " vaadin-details").click();
            assertThat(injected(page, "#comment-list")).isEmpty();
            page.navigate(baseUrl() + "/moderacja");
            page.locator("#moderation-queue").waitFor();
            page.locator("#moderation-queue #case-discussion-comment-" + ids.get(9)).waitFor();
            assertThat(injected(page, "#moderation-queue")).isEmpty();
            assertThat(injected(page, "#moderation-hidden")).isEmpty();
            assertThat(page.locator("#moderation-queue #case-discussion-comment-" + ids.getFirst()).innerText())
                    .contains(corpus.getFirst());
            Chromium.screenshot(page, "xss-moderation.png");
        }
        try (BrowserContext context = chromium.newContext("pl-PL")) {
            Page page = signedIn(context, AUTHOR);
            page.navigate(baseUrl() + "/powiadomienia");
            page.locator("#notifications-list").waitFor();
            assertThat(injected(page, "#notifications-list")).isEmpty();
            assertThat(page.locator("#notifications-list").innerText()).contains(corpus.get(1));
        }
        assertNothingExecuted();
    }

    /** What the public sees, comment by comment, according to the service (the DOM must show the same). */
    private Map<String, String> publicTexts(CommentableRef ref) {
        Map<String, String> texts = new HashMap<>();
        String cursor = null;
        do {
            CommentPage page = discussion.page(ref, CommentSort.NEWEST, cursor, 100);
            for (CommentThread thread : page.threads()) {
                texts.put(Long.toString(thread.root().id()), thread.root().text());
                for (CommentView reply : thread.replies()) {
                    texts.put(Long.toString(reply.id()), reply.text());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return texts;
    }

    private static void loadAll(Page page) {
        for (int i = 0; i < 20 && page.locator("#comments-more").isVisible(); i++) {
            int before = page.locator("article.agora-comment").count();
            page.locator("#comments-more").click();
            page.waitForFunction("n => document.querySelectorAll('article.agora-comment').length > n", before);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> injected(Page page, String root) {
        return (List<String>) page.evaluate(INJECTED, root);
    }

    private static <T> T as(long user, java.util.function.Supplier<T> action) {
        TestUsers.signIn(user, "Osoba " + user, Role.RESIDENT);
        try {
            return action.get();
        } finally {
            TestUsers.signOut();
        }
    }
}
