package pl.krakow.agora;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the end-to-end tests in Debian's Chromium ({@link Chromium}: Playwright drives
 * /usr/bin/chromium, axe-core checks accessibility). With CI=true a missing browser fails the
 * build; elsewhere the tests are skipped loudly.
 */
public abstract class AgoraBrowserTest extends AgoraWebTest {

    /** The password of the demo accounts (dev profile). */
    protected static final String DEMO_PASSWORD = "agora-demo-2026";
    protected static Chromium chromium;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    protected BrowserContext newContext(String locale) {
        return chromium.newContext(locale);
    }

    protected Page open(BrowserContext context, String path) {
        Page page = context.newPage();
        page.navigate(baseUrl() + path);
        page.waitForSelector("h1");
        return page;
    }

    protected void signIn(Page page, String username) {
        Chromium.signIn(page, baseUrl(), username, DEMO_PASSWORD);
    }

    /** Runs axe-core's WCAG 2.1 A/AA rules on the page; serious and critical violations fail the test. */
    protected static void assertNoSeriousAxeViolations(Page page, String what) {
        assertThat(Chromium.seriousAccessibilityViolations(page)).as("axe on %s", what).isEqualTo("[]");
    }

    protected static void screenshot(Page page, String name) {
        Chromium.screenshot(page, name);
    }
}
