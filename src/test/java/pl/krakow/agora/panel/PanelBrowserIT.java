package pl.krakow.agora.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Citizen panels in Chromium: a volunteer registers in Ukrainian with the keyboard only; a
 * moderator runs the draw and publishes it; panelistka votes on a draft in the workspace of the
 * demo panel; axe-core finds no serious violation on those pages.
 */
class PanelBrowserIT extends AgoraBrowserTest {

    @Autowired
    Panels panels;
    @Autowired
    PanelRegistration registration;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private long newPanel(String topic, int volunteers, String secret) {
        TestUsers.signIn(993_000, "moderator-browser-it", Role.RESIDENT, Role.MODERATOR);
        long id = panels.create(new PanelDefinition(topic, "Panel do testu w przeglądarce.", 6, 1,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(10), 80, 50,
                QuotaText.categories("Płeć: kobieta 2-4; mężczyzna 2-4\nWiek: do 40 2-4; powyżej 40 2-4"), List.of()),
                UiLanguage.PL);
        PanelOverview p = panels.find(id).orElseThrow();
        TestUsers.signOut();
        for (int i = 0; i < volunteers; i++) {
            Map<Long, Long> values = new HashMap<>();
            values.put(p.categories().get(0).id(), p.categories().get(0).values().get(i % 2).id());
            values.put(p.categories().get(1).id(), p.categories().get(1).values().get((i / 2) % 2).id());
            registration.register(id, new VolunteerForm("przegladarka" + i + "-" + id + "@example.org", values, true),
                    UiLanguage.PL);
        }
        if (secret != null) {
            TestUsers.signIn(993_000, "moderator-browser-it", Role.RESIDENT, Role.MODERATOR);
            panels.commitSeed(id, secret, null);
            panels.closeRegistration(id);
            TestUsers.signOut();
        }
        return id;
    }

    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 80 && !(Boolean) page.evaluate(
                "s => !!document.activeElement && !!document.activeElement.closest(s)", selector); i++) {
            page.keyboard().press("Tab");
        }
        assertThat((Boolean) page.evaluate("s => !!document.activeElement.closest(s)", selector))
                .as("focus reached %s by Tab", selector).isTrue();
    }

    @Test
    void aVolunteerRegistersInUkrainianWithTheKeyboardOnly() {
        long id = newPanel("Panel w przeglądarce: rejestracja", 3, null);
        PanelOverview p = panels.find(id).orElseThrow();
        try (BrowserContext context = newContext("uk-UA")) {
            Page page = open(context, "/panel/" + id);
            assertThat(page.locator("#panel-register h2").textContent()).isEqualTo("Зголоситися до пулу");
            assertNoSeriousAxeViolations(page, "panel page in Ukrainian");
            tabTo(page, "#panel-contact");
            page.keyboard().type("wolontariuszka-uk-" + id + "@example.org");
            for (PanelOverview.CategoryComposition c : p.categories()) {
                tabTo(page, "#panel-value-" + c.id());
                page.keyboard().press("ArrowDown");
                page.waitForSelector("vaadin-select-overlay[opened]");
                page.keyboard().press("ArrowDown");
                page.keyboard().press("Enter");
                page.waitForFunction("s => !document.querySelector('vaadin-select-overlay[opened]')"
                        + " && document.querySelector(s).value", "#panel-value-" + c.id());
            }
            tabTo(page, "#panel-consent");
            page.keyboard().press("Space");
            tabTo(page, "#panel-register-submit");
            page.keyboard().press("Enter");
            page.waitForSelector("#panel-register-done");
            String done = page.locator("#panel-register-done").textContent();
            assertThat(done).startsWith("Дякуємо! Ви в пулі під анонімним номером V-").contains("код відмови");
            assertThat((Boolean) page.evaluate("() => document.activeElement.id === 'panel-register-done'")).isTrue();
            screenshot(page, "panel-registered-uk.png");
        }
        assertThat(panels.find(id).orElseThrow().poolSize()).isEqualTo(4);
    }

    @Test
    void aModeratorRunsTheDrawAndPublishesIt() {
        long id = newPanel("Panel w przeglądarce: losowanie", 14, "sekret-testu-przegladarki");
        try (BrowserContext context = newContext("pl-PL")) {
            Page page = context.newPage();
            signIn(page, "moderatorka");
            page.navigate(baseUrl() + "/panel/" + id);
            page.waitForSelector("#panel-draw-secret");
            page.locator("#panel-draw-secret input").fill("zły sekret, niezgodny");
            page.locator("#panel-draw-run").click();
            page.waitForSelector("vaadin-notification-card:has-text('Sekret nie pasuje')");
            page.locator("#panel-draw-secret input").fill("sekret-testu-przegladarki");
            page.locator("#panel-draw-run").click();
            page.waitForSelector("#panel-publish", new Page.WaitForSelectorOptions().setTimeout(180_000));
            assertThat(page.locator("#panel-result h2").textContent()).contains("jeszcze nieopublikowany");
            page.locator("#panel-publish").click();
            page.waitForFunction("() => document.querySelector('#panel-result h2')"
                    + " && document.querySelector('#panel-result h2').textContent === 'Wynik losowania'");
            assertThat(page.locator("#panel-result-members li").count()).isEqualTo(6);
            assertThat(page.locator("#panel-result-seed").textContent()).isEqualTo("sekret-testu-przegladarki");
            assertNoSeriousAxeViolations(page, "published draw");
            screenshot(page, "panel-draw-published.png");
        }
        try (BrowserContext context = newContext("en-GB")) {
            Page page = open(context, "/panel/" + id);
            assertThat(page.locator("#panel-result h2").textContent()).isEqualTo("Result of the draw");
            assertThat(page.locator("#panel-organiser").count()).isZero();
        }
    }

    @Test
    void aMemberVotesOnADraftInTheWorkspace() {
        long id = panels.list().stream().filter(s -> s.topic().equals(PanelDemoData.DRAWN_TOPIC)).findFirst()
                .orElseThrow().id();
        try (BrowserContext context = newContext("pl-PL")) {
            Page page = context.newPage();
            signIn(page, "panelistka");
            page.navigate(baseUrl() + "/panel/" + id);
            page.waitForSelector("#panel-workspace-link");
            page.locator("#panel-workspace-link").click();
            page.waitForSelector("#workspace-heading");
            assertNoSeriousAxeViolations(page, "panel workspace");
            String draft = page.locator(".agora-panel-draft").first().getAttribute("id").substring("draft-".length());
            page.locator("#draft-choice-" + draft + " vaadin-radio-button").first().click();
            page.locator("#draft-cast-" + draft).click();
            page.waitForSelector("vaadin-notification-card:has-text('Głos oddany')");
            assertThat(page.locator("#draft-" + draft).textContent()).contains("Już oddałeś(-aś) głos w tej sprawie.");
            assertThat(page.locator("#draft-cast-" + draft).count()).isZero();
            screenshot(page, "panel-voted.png");
        }
    }
}
