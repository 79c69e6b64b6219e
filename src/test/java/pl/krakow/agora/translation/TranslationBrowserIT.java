package pl.krakow.agora.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraBrowserTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;

/**
 * In Chromium: a translator takes a task and translates the report's item 8.6-3 into Ukrainian, a
 * moderator approves it, and a Ukrainian reader then sees the translation with the original one
 * click away; axe-core finds nothing serious on the workbench and the dashboard.
 */
class TranslationBrowserIT extends AgoraBrowserTest {

    static final String UKRAINIAN = "Переклад міської інформації різними мовами, зокрема українською.";

    @Autowired
    TranslationWork work;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTranslatorTranslatesASecondApprovesAndTheReaderSeesItWithTheOriginal() {
        long translator = jdbc.sql("SELECT id FROM identity_user WHERE username = 'tlumacz'").query(Long.class).single();
        TestUsers.signIn(translator, "tlumacz", Role.TRANSLATOR);
        work.addPair(new LanguagePair("pl", "uk"));
        TestUsers.signOut();
        long taskId = jdbc.sql("""
                SELECT t.id FROM translation_task t JOIN translation_source s ON s.id = t.source_id
                WHERE s.content_module = 'recommendation' AND s.content_type = 'text' AND s.content_id = '8.6-3'
                  AND t.target_language = 'uk'""").query(Long.class).single();

        try (BrowserContext context = newContext("pl-PL")) {
            Page page = context.newPage();
            signIn(page, "tlumacz");
            page.navigate(baseUrl() + "/tlumaczenia");
            page.waitForSelector("#queue-filter");
            page.locator("#queue-filter input").fill("8.6-3");
            page.keyboard().press("Enter");
            page.waitForSelector("#claim-" + taskId);
            page.locator("#claim-" + taskId).click();
            page.waitForSelector("#translation-" + taskId);
            assertThat(page.locator("#translation-" + taskId).getAttribute("lang")).isEqualTo("uk");
            page.locator("#translation-" + taskId + " textarea").fill(UKRAINIAN);
            page.locator("#submit-" + taskId).click();
            page.waitForFunction("() => !document.querySelector('#submit-" + taskId + "')");
            assertNoSeriousAxeViolations(page, "the translator's workbench");
        }
        try (BrowserContext context = newContext("pl-PL")) {
            Page page = context.newPage();
            signIn(page, "moderatorka");
            page.navigate(baseUrl() + "/tlumaczenia");
            page.waitForSelector("#queue-filter");
            page.locator("#queue-filter input").fill("8.6-3");
            page.keyboard().press("Enter");
            page.waitForSelector("#approve-" + taskId);
            page.locator("#approve-" + taskId).click();
            page.waitForFunction("() => !document.querySelector('#approve-" + taskId + "')");
            page.navigate(baseUrl() + "/tlumaczenia/statystyki");
            page.waitForSelector("vaadin-grid");
            assertNoSeriousAxeViolations(page, "the translation dashboard");
        }
        try (BrowserContext context = newContext("uk-UA")) {
            Page page = open(context, "/rekomendacje/8.6-3");
            assertThat(page.locator(".agora-translated-body").first().getAttribute("lang")).isEqualTo("uk");
            assertThat(page.locator(".agora-translated-body").first().textContent()).isEqualTo(UKRAINIAN);
            assertThat(page.locator(".agora-translation-note").first().textContent()).contains("перевірено");
            page.locator(".agora-original-toggle").first().click();
            page.waitForFunction("() => document.querySelector('.agora-translated-body').lang === 'pl'");
            assertThat(page.locator(".agora-translated-body").first().textContent()).contains("Tłumaczenie");
            screenshot(page, "translated-uk.png");
        }
    }
}
