package org.diplomacykg.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** /timeline/{slug}, over HTTP against the real server loaded with the project's data. */
class TestTimeline {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();

    /** Markup in every label, quote and expression a timeline shows, served as it is. */
    private static final String ODD = """
        PREFIX :     <https://w3id.org/diplomacy-kg/id/>
        PREFIX dkg:  <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
        <https://w3id.org/diplomacy-kg/graph/source/test> {
          :odd-position a dkg:NegotiatingPosition ; rdfs:label "<script>alert('p')</script> & \\"co\\""@en .
          :odd-statement dkg:reaffirms :odd-position ; rdfs:label "</text><script>bad()</script>"@en ;
              dkg:date "2025-01-02T00:00:00"^^xsd:dateTime ; dkg:quote "a < b & c > d"@en .
          :odd-revision dkg:revises :odd-position ; rdfs:label "a later revision"@en ;
              dkg:temporalExpression "some <b>day</b>"@en .
        }
        <https://w3id.org/diplomacy-kg/graph/inferred> {
          :odd-position dkg:unchangedSince "2024-12-01T00:00:00"^^xsd:dateTime ;
              dkg:lastReaffirmed "2025-01-02T00:00:00"^^xsd:dateTime .
        }
        """;

    @RegisterExtension
    static final KgServerExtension odd = KgServerExtension.serving(() -> {
        Dataset dataset = Store.createUnionDataset();
        Txn.executeWrite(dataset, () -> RDFParser.fromString(ODD, Lang.TRIG).parse(dataset));
        return dataset;
    }).queryTimeout(Duration.ofSeconds(30));

    @Test
    void positionTimelineDrawsItsStatementsInDateOrder() {
        HttpResponse<String> response = get(kg, "/timeline/russia-position-on-ukraine");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String body = response.body();
        assertTrue(body.contains("<svg"), "an inline SVG picture");
        assertTrue(body.contains("href=\"" + kg.baseUrl() + "/id/statement-lavrov-no-point-adjusted-since-alaska-2025-10-21\""), body);

        List<String> dates = tableDates(body);
        assertEquals(List.of("2025-08-15", "2025-10-20", "2025-10-21", "2025-10-21", "2025-10-21", "2025-10-21"),
                     dates, "the Alaska summit (baseline), the call's statement, the four of 21 October that reaffirm it");
        String table = body.substring(body.indexOf("<table"));
        assertTrue(table.indexOf("/id/alaska-summit-2025\"") < table.indexOf("/id/statement-lavrov-to-rubio-demands-unchanged-2025-10-20\""));
        assertTrue(table.indexOf("/id/statement-lavrov-to-rubio-demands-unchanged-2025-10-20\"")
                   < table.indexOf("/id/statement-lavrov-no-point-adjusted-since-alaska-2025-10-21\""));
        // The quote, in the article's words.
        assertTrue(table.contains("Rusia tidak menyesuaikan poin apa pun"), "quotes are shown");
    }

    @Test
    void positionTimelineShowsTheUnchangedSinceBand() {
        String body = get(kg, "/timeline/russia-position-on-ukraine").body();
        assertTrue(body.contains("unchanged since 15 Aug 2025"), "the band's label");
        assertTrue(body.contains("unchanged since <time datetime=\"2025-08-15\">15 Aug 2025</time>"), "the band summary, machine-readable too");
        assertTrue(body.contains("last reaffirmed <time datetime=\"2025-10-21\">"), "the band's end");

        Document svg = svgOf(body);
        Element band = (Element) svg.getElementsByTagNameNS(SVG_NS, "rect").item(0);
        assertTrue(band != null, "the band is a rect");
        assertTrue(Double.parseDouble(band.getAttribute("fill-opacity")) < 1, "translucent");
        assertTrue(band.getParentNode().getTextContent().contains("unchanged since 15 Aug 2025"));
    }

    @Test
    void positionTimelineSaysWhatUnchangedMeans() {
        String body = get(kg, "/timeline/russia-position-on-ukraine").body();
        String list = body.substring(body.indexOf("<ul class=\"timeline-assessments\">"));
        list = list.substring(0, list.indexOf("</ul>"));
        String[] items = list.split("<li>");
        String alaska = java.util.Arrays.stream(items).filter(i -> i.contains("/id/alaska-summit-2025\"")).findFirst().orElseThrow();
        assertTrue(alaska.startsWith("unchanged compared with"), alaska);
        assertTrue(alaska.contains("<time datetime=\"2025-08-15\">") && alaska.contains("as of <time datetime=\"2025-10-21\">"), alaska);
        assertTrue(alaska.contains("according to Sergey Lavrov"), alaska);
        assertFalse(alaska.contains("hedged"), "no point adjusted compared with Alaska is said flatly: " + alaska);
        String initial = java.util.Arrays.stream(items).filter(i -> i.contains("/id/russia-initial-demands-on-ukraine\"")).findFirst().orElseThrow();
        assertTrue(initial.contains("hedged: approximate, believed"), "\"Saya yakin ... hampir tidak berubah\" keeps its hedges: " + initial);
        assertFalse(initial.contains("<time datetime=\"2025-08-15\">"), "a reference point has no date: " + initial);
    }

    @Test
    void theSvgIsWellFormedWithOneLinkedMarkerPerDatedEvent() {
        Document svg = svgOf(get(kg, "/timeline/russia-position-on-ukraine").body());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        NodeList circles = svg.getElementsByTagNameNS(SVG_NS, "circle");
        assertEquals(6, circles.getLength(), "one marker per dated event");
        double x20 = markerX(svg, "/id/statement-lavrov-to-rubio-demands-unchanged-2025-10-20");
        double x21 = markerX(svg, "/id/statement-lavrov-no-point-adjusted-since-alaska-2025-10-21");
        double xAlaska = markerX(svg, "/id/alaska-summit-2025");
        assertTrue(xAlaska < x20 && x20 < x21, "later events further right: " + xAlaska + ", " + x20 + ", " + x21);
        assertTrue(svg.getElementsByTagNameNS(SVG_NS, "title").getLength() > 6, "tooltips");
        assertTrue(svg.getDocumentElement().getTextContent().contains("Sep 2025"), "month ticks");
    }

    @Test
    void undatedStatementsAreListedApart() {
        String body = get(kg, "/timeline/russia").body();
        String undated = body.substring(body.indexOf("class=\"timeline-undated\""));
        assertTrue(undated.contains("/id/statement-russia-root-causes\""), "an undated statement of Russia");
        assertTrue(undated.contains("undated (“for a long time”)"), "with the article's words for when");
        assertFalse(svgOf(body).getDocumentElement().getTextContent().contains("root causes"), "and not in the picture");
    }

    @Test
    void stateTimelineListsItsMeetingsStatementsAndStances() {
        HttpResponse<String> response = get(kg, "/timeline/russia");
        assertEquals(200, response.statusCode(), response::body);
        String body = response.body();
        svgOf(body);
        String table = body.substring(body.indexOf("<table"), body.indexOf("</table>"));
        int call = table.indexOf("/id/lavrov-rubio-call-2025-10-20\"");
        int rejection = table.indexOf("/id/stance-russia-rejects-front-line-halt\"");
        assertTrue(call > 0, "the 20 October call");
        assertTrue(rejection > 0, "the 21 October rejection");
        assertTrue(call < rejection, "in date order");
        assertTrue(table.contains("/id/alaska-summit-2025\""), "a meeting through its participants' posts");
        assertTrue(table.contains("/id/statement-lavrov-rejects-washington-signal-2025-10-21\""), "a statement on its behalf");
        assertTrue(table.contains("/id/disagreement-russia-united-states-proposal-halt-hostilities-along-current-front-line\""),
                   "a derived disagreement");
        assertTrue(table.contains("disagreement (Russia, United States): end hostilities along the current front line"),
                   "named by its parties and issue, having no label");
        List<String> dates = tableDates(body);
        assertEquals(dates.stream().sorted().toList(), dates, "rows in date order");
        assertTrue(body.contains("unchanged since 15 Aug 2025"), "the band of its position");
        assertTrue(body.contains("href=\"" + kg.baseUrl() + "/timeline/russia-position-on-ukraine\""), "a link to the position's timeline");
    }

    @Test
    void labelsInIndonesianOnRequest() {
        HttpResponse<String> byParameter = get(kg, "/timeline/russia-position-on-ukraine?lang=id");
        assertEquals(200, byParameter.statusCode());
        assertEquals("id", byParameter.headers().firstValue("Content-Language").orElse(""));
        assertTrue(byParameter.body().contains("posisi Rusia tentang perang di Ukraina"), "the Indonesian label");
        assertTrue(byParameter.body().contains("tidak berubah sejak 15 Agu 2025"), "the band in Indonesian");
        assertTrue(byParameter.body().contains("<html lang=\"id\">"));
        svgOf(byParameter.body());

        String byHeader = get(kg, "/timeline/russia-position-on-ukraine", "Accept-Language", "fr, id;q=0.8, en;q=0.5").body();
        assertTrue(byHeader.contains("tidak berubah sejak 15 Agu 2025"), "Accept-Language: id, in order of preference");

        String english = get(kg, "/timeline/russia-position-on-ukraine").body();
        assertTrue(english.contains("Russia&#39;s position on the war in Ukraine") || english.contains("Russia's position on the war in Ukraine"));
        assertFalse(english.contains("tidak berubah sejak"), "English by default");
    }

    @Test
    void aPersonHasNoTimeline() {
        HttpResponse<String> response = get(kg, "/timeline/sergey-lavrov");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("has no timeline"), response::body);
        assertTrue(response.body().contains("href=\"" + kg.baseUrl() + "/id/sergey-lavrov\""), "a link to what it is instead");
        assertTrue(response.body().contains("href=\"" + kg.baseUrl() + "/timeline/russia\""), "and to timelines there are");
    }

    @Test
    void unknownAndInvalidNamesAreClientErrors() {
        assertEquals(404, get(kg, "/timeline/no-such-thing").statusCode());
        assertEquals(404, get(kg, "/timeline/Russia").statusCode());
        assertEquals(404, get(kg, "/timeline/russia/extra").statusCode());
        HttpResponse<String> traversal = get(kg, "/timeline/..%2Fetc");
        assertEquals(4, traversal.statusCode() / 100, traversal::body);
        assertFalse(traversal.body().contains("at org."), "no stack trace");
    }

    @Test
    void theIndexListsTheTimelines() {
        HttpResponse<String> response = get(kg, "/timeline/");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/timeline/russia-position-on-ukraine\""));
        assertTrue(response.body().contains("/timeline/united-states\""));
    }

    @Test
    void aPositionWithoutDatedEventsStillHasAPage() {
        HttpResponse<String> response = get(kg, "/timeline/ukraine-position-on-peace");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("No dated events are recorded."));
        assertFalse(response.body().contains("<svg"));
    }

    /** Text from the graph is escaped in the table and in the picture, which stays well-formed. */
    @Test
    void everythingIsEscaped() {
        HttpResponse<String> response = get(odd, "/timeline/odd-position");
        assertEquals(200, response.statusCode(), response::body);
        String body = response.body();
        assertFalse(body.contains("<script>"), body);
        assertFalse(body.contains("<b>day"), body);
        assertTrue(body.contains("&lt;script&gt;alert("), "the label, escaped");
        assertTrue(body.contains("a &lt; b &amp; c &gt; d"), "the quote, escaped");
        assertTrue(body.contains("unchanged since 1 Dec 2024"), "the band");
        Document svg = svgOf(body);
        assertTrue(svg.getDocumentElement().getTextContent().contains("</text><script>bad()</script>"),
                   "the label reads back as text from the SVG");
        assertTrue(body.contains("undated (“some &lt;b&gt;day&lt;/b&gt;”)"), "the undated revision, apart");
    }

    private static HttpResponse<String> get(KgServerExtension server, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", "text/html");
        for ( int i = 0 ; i + 1 < headers.length ; i += 2 )
            request.header(headers[i], headers[i + 1]);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The {@code datetime} of each row of the events table, in page order. */
    private static List<String> tableDates(String body) {
        String table = body.substring(body.indexOf("<table"), body.indexOf("</table>"));
        Matcher m = Pattern.compile("<td class=\"tl-date\"><time datetime=\"([0-9-]+)\">").matcher(table);
        List<String> dates = new ArrayList<>();
        while ( m.find() )
            dates.add(m.group(1));
        return dates;
    }

    /** The inline SVG of the page, parsed as XML (no DTDs, no external entities). */
    private static Document svgOf(String body) {
        int start = body.indexOf("<svg");
        int end = body.indexOf("</svg>");
        assertTrue(start >= 0 && end > start, "the page has an SVG picture");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body.substring(start, end + "</svg>".length()))));
        } catch (ParserConfigurationException | SAXException | IOException ex) {
            throw new AssertionError("the SVG is not well-formed XML: " + ex.getMessage(), ex);
        }
    }

    /** The x of the marker linking to the path. */
    private static double markerX(Document svg, String path) {
        NodeList links = svg.getElementsByTagNameNS(SVG_NS, "a");
        for ( int i = 0 ; i < links.getLength() ; i++ ) {
            Element a = (Element) links.item(i);
            if ( a.getAttribute("href").endsWith(path) )
                return Double.parseDouble(((Element) a.getElementsByTagNameNS(SVG_NS, "circle").item(0)).getAttribute("cx"));
        }
        throw new AssertionError("no marker links to " + path);
    }
}
