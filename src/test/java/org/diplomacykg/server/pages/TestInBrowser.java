package org.diplomacykg.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.diplomacykg.Chromium;
import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * The pages as a person sees them: the real server on a free port with the real article, in
 * headless Chromium. Each test leaves a screenshot in {@code target/screenshots/}, also when it
 * fails. Skipped where Chromium is not installed ({@code .ci/run} installs it).
 */
class TestInBrowser {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The CodeMirror instance of YASGUI's query editor (the page keeps its Yasgui object private). */
    private static final String EDITOR = "document.querySelector('.yasqe .CodeMirror').CodeMirror";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project().onlyIf(Chromium::available);
    private static Chromium browser;

    @BeforeAll
    static void start() throws IOException {
        if ( !Chromium.available() )
            return;
        browser = Chromium.launch();
    }

    /** Each test, not only the class, is reported as skipped, with the reason. */
    @BeforeEach
    void needsChromium() {
        assumeTrue(Chromium.available(), "No browser at " + Chromium.EXECUTABLE
                   + ": install Debian's chromium package (apt-get install chromium) to run the browser tests");
    }

    @AfterAll
    static void stop() {
        if ( browser != null )
            browser.close();
    }

    @Test
    void homePageRunsACompetencyQuestion() throws Throwable {
        withScreenshot("home-question-results.png", "#yasgui", () -> {
            openHomePage();
            // A person clicks the question; the page loads it into the editor and runs it.
            browser.evaluate("document.querySelector('#q-04-call-participants-and-states a.run').click()");
            String results = resultsTable(2);
            assertTrue(results.contains("Sergey Lavrov"), "results table: " + results);
            assertTrue(results.contains("United States Secretary of State"), "results table: " + results);
            assertTrue(browser.evaluateString(EDITOR + ".getValue()").contains("Q4."), "the editor does not hold Q4");
        });
    }

    @Test
    void homePageRunsAQueryTypedInTheEditor() throws Throwable {
        String query = """
            PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
            SELECT ?summit ?date WHERE { ?summit a dkg:Summit ; dkg:date ?date }
            """;
        withScreenshot("home-editor-results.png", "#yasgui", () -> {
            openHomePage();
            browser.evaluate(EDITOR + ".setValue(" + jsString(query) + ")");
            browser.evaluate("document.querySelector('.yasqe_queryButton').click()");
            String results = resultsTable(1);
            assertTrue(results.contains("alaska-summit-2025"), "results table: " + results);
            assertTrue(results.contains("2025-08-15"), "results table: " + results);
        });
    }

    @Test
    void homePageOpensAtItsTop() throws Throwable {
        withScreenshot("home-top.png", null, () -> {
            // As in a window a person looks at: a headless tab has no focus, and nothing in it takes focus.
            JsonObject focus = new JsonObject();
            focus.put("enabled", true);
            browser.command("Emulation.setFocusEmulationEnabled", focus);
            openHomePage();
            // YASGUI would focus its editor a moment after it is built, and the browser scroll to it.
            Thread.sleep(500);
            assertTrue(browser.evaluateLong("document.documentElement.scrollHeight") > browser.evaluateLong("window.innerHeight"),
                       "the page is taller than the window, so focusing the editor would scroll it");
            assertEquals(0, browser.evaluateLong("window.scrollY"), "the page scrolled itself");
            assertFalse(browser.evaluateBoolean("document.activeElement && document.activeElement.closest('.yasqe') !== null"),
                        "the editor took the focus");
        });
    }

    private static void openHomePage() {
        assertEquals(200, browser.navigate(kg.baseUrl() + "/"));
        browser.waitUntil("document.querySelector('.yasqe .CodeMirror') && document.querySelector('.yasqe_queryButton')", WAIT);
    }

    /** Waits until YASGUI's results table has at least {@code rows} rows, and returns its text. */
    private static String resultsTable(int rows) {
        browser.waitUntil("document.querySelectorAll('.yasr table tbody tr').length >= " + rows, WAIT);
        return browser.evaluateString("document.querySelector('.yasr table').innerText");
    }

    @Test
    void resourcePageShowsTheLabelAndLinks() throws Throwable {
        withScreenshot("resource-sergey-lavrov.png", null, () -> {
            assertEquals(200, browser.navigate(kg.baseUrl() + "/id/sergey-lavrov"));
            String title = browser.evaluateString("document.title");
            assertTrue(title.contains("Sergey Lavrov"), "title: " + title);
            assertEquals("Sergey Lavrov", browser.evaluateString("document.querySelector('h1').innerText.trim()"));
            // What the page links to can be followed in the browser: the counterpart, for one.
            assertTrue(browser.evaluateBoolean("[...document.querySelectorAll('a')].some(a => a.href.endsWith('/id/marco-rubio'))"),
                       "no link to /id/marco-rubio");
        });
    }

    @Test
    void articlePageHighlightsTheArticlesEvidence() throws Throwable {
        withScreenshot("article-lavrov-rubio-2025-10.png", null, () -> {
            assertEquals(200, browser.navigate(kg.baseUrl() + "/article/lavrov-rubio-2025-10"));
            assertTrue(browser.evaluateLong("document.querySelectorAll('.article-text mark').length") >= 10, "highlights");
            // A click on the first highlight selects its span, whose facts link to their pages.
            String target = browser.evaluateString("document.querySelector('.article-text a.ev').getAttribute('href')");
            browser.evaluate("document.querySelector('.article-text a.ev').click()");
            browser.waitUntil("location.hash === " + jsString(target), WAIT);
            assertTrue(browser.evaluateBoolean("document.querySelector(':target').querySelectorAll('a[href*=\"/id/\"]').length > 0"),
                       "the selected span lists facts linked to their pages");
        });
    }

    @Test
    void timelineIsDrawnAsSvg() throws Throwable {
        withScreenshot("timeline-russia-position-on-ukraine.png", null, () -> {
            assertEquals(200, browser.navigate(kg.baseUrl() + "/timeline/russia-position-on-ukraine"));
            browser.waitUntil("document.querySelector('svg') !== null", WAIT);
            long shapes = browser.evaluateLong("document.querySelector('svg').querySelectorAll('circle, rect, line, path, text').length");
            assertTrue(shapes >= 5, "the timeline SVG has only " + shapes + " elements");
            long width = browser.evaluateLong("document.querySelector('svg').getBoundingClientRect().width");
            assertTrue(width > 100, "the timeline SVG is only " + width + " px wide");
            String text = browser.evaluateString("document.querySelector('svg').textContent");
            assertTrue(text.contains("2025"), "no date on the timeline: " + text);
        });
    }

    /**
     * Runs the steps, then saves a screenshot of the element {@code selector} picks (null: the
     * whole page); on failure saves one too and rethrows.
     */
    private static void withScreenshot(String name, String selector, Executable steps) throws Throwable {
        Path file = SCREENSHOTS.resolve(name);
        try {
            steps.execute();
        } catch (Throwable failure) {
            try {
                browser.screenshot(file);
            } catch (IOException | RuntimeException | AssertionError screenshotFailed) {
                failure.addSuppressed(screenshotFailed);
            }
            throw failure;
        }
        browser.screenshot(file, selector);
    }

    /** A JavaScript string literal (JSON's string syntax is JavaScript's). */
    private static String jsString(String s) {
        return JSON.toStringFlat(new JsonString(s));
    }
}
