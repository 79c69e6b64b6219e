package pl.krakow.agora;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium through Playwright for browser tests, set up as in {@code shell.BrowserE2EIT}:
 * no browser download, a missing browser skips the tests loudly (fails them with CI=true), and
 * axe-core (fetched by the build) is injected into pages for WCAG 2.1 AA checks.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getProperty("agora.chromium", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    public static final Path AXE = Path.of(System.getProperty("agora.axe.script", "target/axe-core/package/axe.min.js"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts headless Chromium, or aborts (skips) the calling tests when it is not installed. */
    public static Chromium start() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String message = "Chromium not found at " + EXECUTABLE
                    + ": install it with `apt-get install -y chromium chromium-driver` (Debian) to run the browser tests";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("\n*** SKIPPING BROWSER TESTS *** " + message + "\n");
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public BrowserContext newContext(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
    }

    /** Signs in with a local account through the login form, by keyboard; returns when the shell shows the user. */
    public static void signIn(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        page.waitForSelector("#signed-in-user");
    }

    /**
     * The serious and critical WCAG 2.0/2.1 A and AA violations axe-core finds on the page, as JSON
     * ("[]" when there are none).
     */
    public static String seriousAccessibilityViolations(Page page) {
        if (!Files.exists(AXE)) {
            fail("axe-core is fetched by the build (download-maven-plugin) to " + AXE);
        }
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        return (String) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
                  return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact,
                                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})));
                }""");
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
