package pl.krakow.agora.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * The catalogue in Chromium: a Ukrainian reader searches and reads with the keyboard only, proposal
 * titles from an XSS corpus are shown in every catalogue view without ever running, and axe-core
 * finds no serious or critical violation on the catalogue's pages.
 */
class CatalogueBrowserIT extends AgoraBrowserTest {

    /** The DOM a payload would leave behind if any user text were ever parsed as HTML. */
    static final String INJECTED = """
            () => document.querySelectorAll('main script, main iframe, main object, main embed, main math, '
                + 'main svg:not(vaadin-icon svg), main img, main [onerror], main [onload], main [onclick], '
                + 'main [onmouseover], main [onfocus], main a[href^="javascript"], main a[href^="data:"], main form, '
                + 'main input:not([slot]), main style, main meta, main link, main base').length""";

    @Autowired
    RecommendationCatalog catalog;

    @Test
    void aUkrainianReaderSearchesAndTogglesTheOriginalWithTheKeyboardOnly() {
        try (BrowserContext context = newContext("uk-UA")) {
            Page page = open(context, "/rekomendacje");
            assertThat(page.locator("h1").textContent()).isEqualTo("Каталог рекомендацій");
            for (int i = 0; i < 40 && !(Boolean) page.evaluate(
                    "() => !!document.activeElement && !!document.activeElement.closest('#catalogue-search')"); i++) {
                page.keyboard().press("Tab");
            }
            page.keyboard().type("tlumaczenie");
            page.keyboard().press("Enter");
            page.waitForURL("**/rekomendacje?q=tlumaczenie");
            page.waitForFunction("() => document.querySelector('#catalogue-count').textContent.startsWith('Знайдено рекомендацій: ')"
                    + " && !document.querySelector('#catalogue-count').textContent.endsWith(': 232')");
            assertThat(page.locator("#catalogue-results a").first().textContent()).isNotBlank();

            page.navigate(baseUrl() + "/rekomendacje/7.1.6-3");
            page.waitForSelector("h1");
            // Ukrainian is not translated yet (TranslationBrowserIT translates 8.6-3, not this one):
            // the Polish original is shown, marked as such, in lang="pl"
            assertThat(page.locator(".agora-translated-body").first().getAttribute("lang")).isEqualTo("pl");
            assertThat(page.locator(".agora-translation-note").first().textContent()).startsWith("Переклад готується");
            screenshot(page, "recommendation-uk.png");
        }
        try (BrowserContext context = newContext("en-GB")) {
            Page page = open(context, "/rekomendacje/7.1.6-3");
            assertThat(page.locator(".agora-translated-body").first().getAttribute("lang")).isEqualTo("en");
            page.locator(".agora-original-toggle").first().focus();
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.querySelector('.agora-translated-body').lang === 'pl'");
            assertThat(page.locator(".agora-original-toggle").first().getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(page.locator(".agora-translated-body").first().textContent()).contains("technologii AI");
        }
    }

    @Test
    void proposalTitlesFromTheXssCorpusNeverRunInAnyCatalogueView() throws IOException {
        List<String> corpus = Files.readAllLines(Path.of("src/test/resources/xss-corpus.txt"), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).toList();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
        List<String> codes = new ArrayList<>();
        int user = 20_000;
        for (String payload : corpus) {
            TestUsers.signIn(user++, "xss", Role.RESIDENT);
            String title = payload.length() >= 5 ? payload : payload + " xss!";
            codes.add(catalog.propose(new Proposal(title.length() > 300 ? title.substring(0, 300) : title,
                    "Opis testowy z ładunkiem: " + payload, null), UiLanguage.PL));
        }
        // the waiting list a moderator sees, before any is public
        TestUsers.signIn(1, "moderatorka", Role.RESIDENT, Role.MODERATOR);
        List<String> dialogs = Collections.synchronizedList(new ArrayList<>());
        try (BrowserContext context = newContext("pl-PL")) {
            Page page = context.newPage();
            watch(page, dialogs);
            signIn(page, "moderatorka");
            page.navigate(baseUrl() + "/rekomendacje/zaproponuj");
            page.waitForSelector("#proposals-waiting li");
            assertNothingInjected(page, "the waiting proposals");
            for (String code : codes.subList(0, 3)) {
                page.navigate(baseUrl() + "/rekomendacje/" + code);
                page.waitForSelector("#status-save");
                assertNothingInjected(page, "proposal " + code + " before moderation");
            }
        }
        for (String code : codes) {
            catalog.changeStatus(code, WorkflowStatus.UNDER_REVIEW, "Test: pokazujemy tytuł publicznie.");
        }
        TestUsers.signOut();
        // every catalogue page the proposals are listed on, and a sample of their own pages
        try (BrowserContext context = newContext("pl-PL")) {
            Page page = context.newPage();
            watch(page, dialogs);
            int pages = (catalog.count(RecommendationQuery.all()) + 24) / 25;
            for (int p = pages - (codes.size() + 24) / 25; p <= pages; p++) {
                page.navigate(baseUrl() + "/rekomendacje?strona=" + p);
                page.waitForSelector("#catalogue-results li");
                assertNothingInjected(page, "catalogue page " + p);
            }
            for (String code : codes.subList(0, 8)) {
                page.navigate(baseUrl() + "/rekomendacje/" + code);
                page.waitForSelector("h1");
                assertNothingInjected(page, "proposal " + code);
            }
            assertThat(page.locator("h1").textContent()).contains(corpus.get(7).length() >= 5 ? corpus.get(7).strip() : "xss");
        }
        assertThat(dialogs).as("dialogs opened by payloads").isEmpty();
    }

    @Test
    void theCataloguePagesHaveNoSeriousAccessibilityViolations() {
        for (String locale : List.of("pl-PL", "uk-UA")) {
            try (BrowserContext context = newContext(locale)) {
                for (String path : List.of("/rekomendacje", "/rekomendacje/7.1.6", "/rekomendacje/7.1.6-2",
                        "/rekomendacje/schemat", "/rekomendacje/wstep")) {
                    Page page = open(context, path);
                    assertNoSeriousAxeViolations(page, path + " in " + locale);
                }
                screenshot(open(context, "/rekomendacje/schemat"), "workflow-" + locale.substring(0, 2) + ".png");
            }
        }
    }

    private static void watch(Page page, List<String> dialogs) {
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    private static void assertNothingInjected(Page page, String where) {
        page.waitForTimeout(150);
        assertThat(((Number) page.evaluate(INJECTED)).intValue()).as("elements injected on %s", where).isZero();
    }
}
