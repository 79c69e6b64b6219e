package pl.krakow.agora.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pl.krakow.agora.AgoraBrowserTest;
import pl.krakow.agora.budget.tally.Rule;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.platform.i18n.AgoraI18NProvider;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * The ballot in Chromium (issue 9, "Load and integrity tests"): a resident votes with a code in
 * Ukrainian using only the keyboard and gets a receipt; the same code used again is refused with a
 * clear message; axe-core finds no serious violation on the ballot, results and ballots pages.
 */
class BallotBrowserIT extends AgoraBrowserTest {

    @Autowired
    EditionService editions;
    @Autowired
    ProjectService projects;
    @Autowired
    VotingService voting;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void aResidentVotesWithACodeInUkrainianUsingOnlyTheKeyboardAndTheCodeWorksOnce() {
        var v = BudgetFixtures.votingEdition(editions, projects,
                BudgetFixtures.spec(BallotFormat.APPROVAL, Rule.MES_COST, Eligibility.CODES, new BigDecimal("200000"), List.of()),
                50_000, 70_000, 90_000, 30_000);
        String code = voting.issueCodes(v.edition(), "Browser test", 1).codes().get(0);
        TestUsers.signOut();
        String uk = "budget.vote.error.code-used";
        try (BrowserContext context = newContext("uk-UA")) {
            Page page = open(context, "/" + pl.krakow.agora.budget.ui.BudgetPaths.ballot(v.edition()));
            assertThat(page.locator("h1").textContent()).startsWith("Голосування: ");
            tabTo(page, "#ballot-code");
            page.keyboard().type(code.toLowerCase());
            tabTo(page, "#ballot-age");
            page.keyboard().press("Space");
            tabTo(page, "#ballot-code-next");
            page.keyboard().press("Enter");
            page.waitForSelector("#ballot-projects");
            assertThat(page.locator("#ballot-counter").textContent()).isEqualTo("Вибрано 0 з 3 проєктів");
            assertNoSeriousAxeViolations(page, "the ballot");
            tabTo(page, "#ballot-project-" + v.projects().get(1));
            page.keyboard().press("Space");
            page.waitForFunction("() => document.querySelector('#ballot-counter').textContent === 'Вибрано 1 з 3 проєктів'");
            tabTo(page, "#ballot-project-" + v.projects().get(3));
            page.keyboard().press("Space");
            page.waitForFunction("() => document.querySelector('#ballot-counter').textContent === 'Вибрано 2 з 3 проєктів'");
            // the counter is also said by the live region
            page.waitForFunction("() => [...document.querySelectorAll('[aria-live]')].some(e => e.textContent === 'Вибрано 2 з 3 проєктів')");
            tabTo(page, "#ballot-review");
            page.keyboard().press("Enter");
            page.waitForSelector("#ballot-summary li");
            assertThat(page.locator("#ballot-summary li").count()).isEqualTo(2);
            assertNoSeriousAxeViolations(page, "the confirmation step");
            tabTo(page, "#ballot-cast");
            page.keyboard().press("Enter");
            page.waitForSelector("#ballot-receipt");
            String receipt = page.locator("#ballot-receipt").textContent();
            assertThat(receipt).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
            assertThat(page.locator("#ballot-step-heading").textContent()).isEqualTo("Ваш голос збережено");
            assertNoSeriousAxeViolations(page, "the receipt");
            screenshot(page, "budget-ballot-receipt-uk.png");
            assertThat(voting.findReceipt(v.edition(), receipt).orElseThrow().projects())
                    .containsExactly(v.projects().get(1), v.projects().get(3));

            // the same code again, in a fresh page: refused at the first step, in words
            page.navigate(baseUrl() + "/" + pl.krakow.agora.budget.ui.BudgetPaths.ballot(v.edition()));
            page.waitForSelector("#ballot-code");
            tabTo(page, "#ballot-code");
            page.keyboard().type(code);
            tabTo(page, "#ballot-age");
            page.keyboard().press("Space");
            tabTo(page, "#ballot-code-next");
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.querySelector('#ballot-error').textContent.length > 0");
            assertThat(page.locator("#ballot-error").textContent())
                    .isEqualTo(AgoraI18NProvider.bundle(UiLanguage.UK).getString(uk))
                    .isEqualTo("Цей код уже використано для голосування. Кожен код діє лише один раз.");
            assertThat(page.locator("#ballot-error").getAttribute("role")).isEqualTo("alert");
            screenshot(page, "budget-ballot-code-used-uk.png");
        }
        assertThat(voting.ballotCount(v.edition())).isEqualTo(1);
    }

    @Test
    void theResultsAndBallotsPagesAreAxeCleanAndExplainEveryProject() {
        long finished = editions.editions().stream().filter(e -> e.name().equals(BudgetDemo.RESULTS_NAME))
                .findFirst().orElseThrow().id();
        try (BrowserContext context = newContext("pl-PL")) {
            Page page = open(context, "/" + pl.krakow.agora.budget.ui.BudgetPaths.results(finished));
            page.waitForSelector(".agora-results-why p");
            assertThat(page.locator(".agora-bar-chart [role=listitem]").count()).isEqualTo(6);
            assertThat(page.locator(".agora-results-why p").count()).isEqualTo(6);
            assertThat(page.locator(".agora-results-why").textContent()).contains("zapłaciło");
            assertNoSeriousAxeViolations(page, "the results page");
            screenshot(page, "budget-results-pl.png");
            page.navigate(baseUrl() + "/" + pl.krakow.agora.budget.ui.BudgetPaths.ballots(finished));
            page.waitForSelector("#published-ballots p");
            assertNoSeriousAxeViolations(page, "the published ballots");
        }
        try (BrowserContext context = newContext("uk-UA")) {
            Page page = open(context, "/" + pl.krakow.agora.budget.ui.BudgetPaths.results(finished));
            page.waitForSelector(".agora-results-why p");
            assertNoSeriousAxeViolations(page, "the results page in Ukrainian");
        }
    }

    /** Presses Tab (and only Tab) until the focus is inside the element. */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 80; i++) {
            if ((Boolean) page.evaluate("s => !!document.activeElement && !!document.activeElement.closest(s)", selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }
}
