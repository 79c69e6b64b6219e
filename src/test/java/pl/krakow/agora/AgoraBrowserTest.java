package pl.krakow.agora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the end-to-end tests in Debian's Chromium (Playwright drives /usr/bin/chromium; its own
 * browser download does not work here), with axe-core for accessibility. With CI=true a missing
 * browser fails the build; elsewhere the tests are skipped loudly.
 */
public abstract class AgoraBrowserTest extends AgoraWebTest {

    public static final Path CHROMIUM = Path.of(System.getProperty("agora.chromium", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    public static final Path AXE = Path.of(System.getProperty("agora.axe.script", "target/axe-core/package/axe.min.js"));
    protected static Playwright playwright;
    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Chromium not found at " + CHROMIUM
                    + ": install it with `apt-get install -y chromium chromium-driver` (Debian) to run the browser tests";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("\n*** SKIPPING BROWSER TESTS *** " + message + "\n");
            Assumptions.abort(message);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    protected BrowserContext newContext(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
    }

    protected Page open(BrowserContext context, String path) {
        Page page = context.newPage();
        page.navigate(baseUrl() + path);
        page.waitForSelector("h1");
        return page;
    }

    /** Runs axe-core's WCAG 2.1 A/AA rules on the page; serious and critical violations fail the test. */
    protected static void assertNoSeriousAxeViolations(Page page, String what) {
        assertThat(AXE).as("axe-core is fetched by the build (download-maven-plugin)").exists();
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        String violations = (String) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
                  return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact,
                                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})));
                }""");
        assertThat(violations).as("axe on %s", what).isEqualTo("[]");
    }

    protected static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
