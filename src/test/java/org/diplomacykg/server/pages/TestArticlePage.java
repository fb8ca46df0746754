package org.diplomacykg.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /article/{slug} over HTTP, against the real server loaded with {@link ArticleFixture}. */
class TestArticlePage {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** One highlighted segment: its target, the spans covering it, and its text. */
    private static final Pattern MARK = Pattern.compile(
        "<a class=\"ev\" href=\"#([^\"]+)\" data-spans=\"([^\"]+)\"[^>]*><mark[^>]*>([^<]*)</mark></a>");

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.writtenBy(ArticleFixture::write);

    /** A segment of the text as the page marks it. */
    record Mark(String target, List<String> spans, String text) {}

    @Test
    void theTextIsShownWholeWithEverySpanHighlighted() {
        String page = page("/article/" + ArticleFixture.SLUG);
        String text = textOf(page);
        assertEquals(ArticleFixture.TEXT.replace("\n", ""), text, "the text, in order, without a word lost or repeated");
        for ( String anchor : List.of("span-met", "span-geneva", "span-monday-agreed", "span-ministers-again", "span-lavrov") )
            assertTrue(marks(page).stream().anyMatch(m -> m.spans().contains(anchor)), anchor + " is highlighted");
    }

    @Test
    void aRepeatedQuoteIsHighlightedWherePrefixAndSuffixPlaceIt() {
        String section = section(page("/article/" + ArticleFixture.SLUG));
        Matcher again = Pattern.compile("<a class=\"ev\" href=\"#span-ministers-again\"[^>]*><mark[^>]*>([^<]*)</mark>").matcher(section);
        assertTrue(again.find(), section);
        assertEquals("The ministers", again.group(1));
        String before = unescape(section.substring(0, again.start()).replaceAll("<[^>]+>", "").replace("\n", ""));
        assertEquals(ArticleFixture.TEXT.indexOf("The ministers agreed"), before.length(),
                     "the second \"The ministers\", after \"Monday. \", not the first: " + before);
        assertFalse(again.find(), "highlighted once");
    }

    @Test
    void nestedAndOverlappingSpansMarkEachPieceWithAllItsSpans() {
        List<Mark> marks = marks(page("/article/" + ArticleFixture.SLUG));
        // Nested: "Geneva" lies inside the first sentence; a click selects the innermost.
        assertEquals(List.of(new Mark("span-geneva", List.of("span-geneva", "span-met"), "Geneva")), find(marks, "Geneva"));
        // Overlapping: "on Monday" is in both the first sentence and the span across its end.
        assertEquals(List.of("span-met", "span-monday-agreed"), find(marks, "on Monday").get(0).spans().stream().sorted().toList());
        assertEquals(List.of("span-monday-agreed"), find(marks, ". ").get(0).spans());
        assertEquals(List.of("span-ministers-again", "span-monday-agreed"), find(marks, "The ministers").get(0).spans());
        assertEquals(List.of("span-monday-agreed"), find(marks, " agreed").get(0).spans());
    }

    @Test
    void eachSpanListsTheFactsItSupportsLinkedToTheirPages() {
        String page = page("/article/" + ArticleFixture.SLUG);
        String geneva = entry(page, "span-geneva");
        assertTrue(geneva.contains("<a href=\"" + kg.baseUrl() + "/id/geneva-meeting\">Geneva meeting</a>"), geneva);
        assertTrue(geneva.contains(">location</a>"), geneva);
        assertTrue(geneva.contains("<a href=\"" + kg.baseUrl() + "/id/geneva\">Geneva</a>"), geneva);
        assertFalse(geneva.contains("participant"), "only the facts the span supports: " + geneva);
        // A thing's own evidence supports its type and its label in the page's language.
        String met = entry(page, "span-met");
        assertTrue(met.contains("the evidence of</span> <a href=\"" + kg.baseUrl() + "/id/geneva-meeting\">"), met);
        assertTrue(met.contains(">meeting</a>"), met);
        assertTrue(met.contains("Geneva meeting"), met);
        assertFalse(met.contains("Pertemuan Jenewa"), "labels in the page's language only: " + met);
        // Two spans name the same axiom: each lists the fact.
        assertTrue(entry(page, "span-ministers-again").contains("planned follow-up"));
        assertTrue(entry(page, "span-monday-agreed").contains("planned follow-up"));
        // The inner span says what it lies within.
        assertTrue(geneva.contains("href=\"#span-met\""), geneva);
        // Each highlight's title lists its facts, for a pointer hovering over it.
        assertTrue(page.contains("title=\"Geneva meeting \u2014 location \u2014 Geneva&#10;"), "tooltip of Geneva");
    }

    @Test
    void labelsFollowThePageLanguage() {
        String page = page("/article/" + ArticleFixture.SLUG + "?lang=id");
        String geneva = entry(page, "span-geneva");
        assertTrue(geneva.contains(">Pertemuan Jenewa</a>"), geneva);
        assertTrue(geneva.contains(">lokasi</a>"), geneva);
        assertTrue(geneva.contains(">Jenewa</a>"), geneva);
        assertTrue(page.contains("<h1>Artikel uji tentang bukti</h1>"), "the title in Indonesian");
    }

    @Test
    void factsWithoutASpanAreListedBesideTheText() {
        String page = page("/article/" + ArticleFixture.SLUG);
        int start = page.indexOf("id=\"without-span\"");
        assertTrue(start > 0, "a list of facts without a span");
        String list = page.substring(start, page.indexOf("</ul>", start));
        assertTrue(list.contains("2025-10-20"), "the date has no span: " + list);
        assertTrue(list.contains("Sergey Lavrov"), "Lavrov's label has no span: " + list);
        assertFalse(list.contains(">location</a>"), "the location has its span: " + list);
        assertFalse(list.contains("TextQuoteSelector") || list.contains("annotatedSource"), "no bookkeeping: " + list);
    }

    @Test
    void theResourcePageLinksEachFactToItsSpan() {
        String html = send("/id/geneva-meeting", "text/html").body();
        String spanUrl = kg.baseUrl() + "/article/" + ArticleFixture.SLUG + "#span-";
        assertTrue(html.contains("href=\"" + spanUrl + "geneva\""), "the location links to its span");
        assertTrue(html.contains("href=\"" + spanUrl + "lavrov\""), "the participant links to its span");
        assertTrue(html.contains("href=\"" + spanUrl + "met\""), "the thing's own evidence links to its span");
        String date = html.substring(html.indexOf("2025-10-20"));
        assertFalse(date.substring(0, date.indexOf("</li>")).contains("/article/"), "the date has no span");
    }

    @Test
    void unknownArticleIs404ListingTheArticles() {
        for ( String path : List.of("/article/no-such-article", "/article/Not%20A%20Slug") ) {
            HttpResponse<String> response = send(path, "text/html");
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("href=\"" + kg.baseUrl() + "/article/" + ArticleFixture.SLUG + "\""), path);
        }
        HttpResponse<String> index = send("/article/", "text/html");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains(">Test article on evidence</a>"), index.body());
    }

    @Test
    void thePageIsForPhonesToo() {
        String page = page("/article/" + ArticleFixture.SLUG);
        assertTrue(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertFalse(page.contains("<script"), "no script needed");
    }

    private static List<Mark> find(List<Mark> marks, String text) {
        return marks.stream().filter(m -> m.text().equals(text)).toList();
    }

    private static List<Mark> marks(String page) {
        List<Mark> out = new ArrayList<>();
        Matcher m = MARK.matcher(section(page));
        while ( m.find() )
            out.add(new Mark(m.group(1), List.of(m.group(2).split(" ")), unescape(m.group(3))));
        return out;
    }

    /** The text of the text section, tags removed. */
    private static String textOf(String page) {
        return unescape(section(page).replaceAll("<[^>]+>", "").replace("\n", ""));
    }

    private static String section(String page) {
        int start = page.indexOf("<section class=\"article-text\"");
        start = page.indexOf('>', start) + 1;
        return page.substring(start, page.indexOf("</section>", start));
    }

    /** The entry of a span in the list beside the text. */
    private static String entry(String page, String anchor) {
        int start = page.indexOf("<li id=\"" + anchor + "\"");
        assertTrue(start > 0, "an entry for " + anchor);
        return page.substring(start, page.indexOf("</ul>", start));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String page(String path) {
        HttpResponse<String> response = send(path, "text/html");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        return response.body();
    }

    private static HttpResponse<String> send(String path, String accept) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(kg.baseUrl() + path)).header("Accept", accept).GET().build(),
                               HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
