package org.diplomacykg.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.atlas.json.JsonObject;
import org.diplomacykg.Chromium;
import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The article page as a person sees it, in headless Chromium, on a desktop window and on a
 * phone-sized one, with JavaScript off: the highlights and the facts of a selected span work
 * without it. Screenshots go to {@code target/screenshots/}. Skipped without Chromium.
 */
class TestArticleInBrowser {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.writtenBy(ArticleFixture::write).onlyIf(Chromium::available);
    private static Chromium browser;

    @BeforeAll
    static void start() throws IOException {
        if ( !Chromium.available() )
            return;
        browser = Chromium.launch();
        JsonObject noScript = new JsonObject();
        noScript.put("value", true);
        browser.command("Emulation.setScriptExecutionDisabled", noScript);
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(Chromium.available(), "No browser at " + Chromium.EXECUTABLE + ": apt-get install chromium");
    }

    @AfterAll
    static void stop() {
        if ( browser != null )
            browser.close();
    }

    @Test
    void selectingAHighlightShowsItsFactsBesideTheText() throws IOException {
        browser.command("Emulation.clearDeviceMetricsOverride", new JsonObject());
        assertEquals(200, browser.navigate(kg.baseUrl() + "/article/" + ArticleFixture.SLUG));
        browser.screenshot(SCREENSHOTS.resolve("article-desktop.png"));
        assertTrue(browser.evaluateBoolean("document.querySelectorAll('.article-text mark').length >= 8"), "highlights");
        assertTrue(browser.evaluateBoolean(
            "getComputedStyle(document.querySelector('.article-text mark')).backgroundColor !== 'rgba(0, 0, 0, 0)'"),
            "a highlight is coloured");
        assertTrue(browser.evaluateBoolean("document.querySelector('aside.article-facts').getBoundingClientRect().left"
            + " >= document.querySelector('section.article-text').getBoundingClientRect().right - 1"), "the facts are beside the text");

        // A click on "Geneva" (a link, so no script is needed) selects its span.
        browser.evaluate("document.querySelector('a.ev[href=\"#span-geneva\"]').click()");
        browser.waitUntil("location.hash === '#span-geneva'", Duration.ofSeconds(10));
        assertTrue(browser.evaluateBoolean("document.getElementById('span-geneva').matches(':target')"));
        assertEquals("solid", browser.evaluateString("getComputedStyle(document.getElementById('span-geneva')).outlineStyle"),
                     "the span's facts are outlined");
        assertTrue(browser.evaluateBoolean("document.getElementById('span-geneva').innerText.includes('location')"));
        assertEquals("solid", browser.evaluateString(
            "getComputedStyle(document.querySelector('[data-spans~=\"span-geneva\"] mark')).outlineStyle"),
            "the span is outlined in the text");
        assertEquals("none", browser.evaluateString(
            "getComputedStyle(document.querySelector('[data-spans~=\"span-lavrov\"] mark')).outlineStyle"),
            "other spans are not");
        browser.screenshot(SCREENSHOTS.resolve("article-span-selected.png"));
    }

    @Test
    void onAPhoneTheFactsFollowTheTextAndNothingOverflows() throws IOException {
        JsonObject phone = new JsonObject();
        phone.put("width", 390);
        phone.put("height", 844);
        phone.put("deviceScaleFactor", 2);
        phone.put("mobile", true);
        browser.command("Emulation.setDeviceMetricsOverride", phone);
        try {
            assertEquals(200, browser.navigate(kg.baseUrl() + "/article/" + ArticleFixture.SLUG));
            browser.screenshot(SCREENSHOTS.resolve("article-phone.png"));
            assertEquals(390, browser.evaluateLong("window.innerWidth"), "the viewport is the phone's width");
            assertTrue(browser.evaluateLong("document.documentElement.scrollWidth") <= 390, "no sideways scrolling");
            assertTrue(browser.evaluateBoolean("document.querySelector('aside.article-facts').getBoundingClientRect().top"
                + " >= document.querySelector('section.article-text').getBoundingClientRect().bottom"), "the facts come after the text");
            assertTrue(browser.evaluateLong("parseFloat(getComputedStyle(document.querySelector('.article-text p')).fontSize)") >= 16,
                       "the text is readable without zooming");
        } finally {
            browser.command("Emulation.clearDeviceMetricsOverride", new JsonObject());
        }
    }
}
