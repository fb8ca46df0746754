package org.diplomacykg.server.linkeddata;

import static org.diplomacykg.SparqlClient.mediaType;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.diplomacykg.SparqlClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTML page of a thing: labels by language, evidence, inferred facts and why they hold. */
class TestResourcePage {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();

    private static HttpResponse<String> page(String pathAndQuery, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(kg.baseUrl() + pathAndQuery)).header("Accept", BROWSER).GET();
        if ( acceptLanguage != null )
            request.header("Accept-Language", acceptLanguage);
        HttpResponse<String> response = send(request);
        requireOk(response);
        assertEquals("text/html", mediaType(response));
        return response;
    }

    private static String h1(String html) {
        Matcher m = Pattern.compile("<h1>(.*?)</h1>").matcher(html);
        assertTrue(m.find(), "page has an h1");
        return m.group(1);
    }

    @Test
    void labelFollowsAcceptLanguage() {
        assertEquals("Russia", h1(page("/id/russia", null).body()));
        assertEquals("Russia", h1(page("/id/russia", "en-GB,en;q=0.9").body()));
        assertEquals("Rusia", h1(page("/id/russia", "id").body()));
        assertEquals("Rusia", h1(page("/id/russia", "id-ID,id;q=0.9,en;q=0.8").body()));
    }

    @Test
    void langParameterSwitchesAndThePageLinksBothLanguages() {
        HttpResponse<String> english = page("/id/russia", null);
        assertTrue(english.body().contains("href=\"?lang=id\""), "links the Indonesian page");
        assertEquals("Rusia", h1(page("/id/russia?lang=id", "en").body()));
        assertTrue(page("/id/russia?lang=id", null).body().contains("<html lang=\"id\">"));
        assertEquals("Accept, Accept-Language", english.headers().firstValue("Vary").orElse(null));
    }

    @Test
    void typesAreLinkedByLabel() {
        String html = page("/id/russia", null).body();
        assertTrue(html.contains("<a href=\"" + kg.baseUrl() + "/ontology#State\""), "the class links to the ontology page");
        assertTrue(html.contains(">state</a>"), "under its label");
    }

    @Test
    void statementShowsItsEvidenceQuoteAndArticle() {
        String html = page("/id/statement-lavrov-no-point-adjusted-since-alaska-2025-10-21", null).body();
        int quote = html.indexOf("<blockquote class=\"evidence\">Rusia tidak menyesuaikan poin apa pun");
        assertTrue(quote >= 0, html);
        assertTrue(html.indexOf("href=\"" + kg.baseUrl() + "/id/article-lavrov-rubio-2025-10\"", quote) > quote, "the article is linked");
    }

    @Test
    void inferredFactIsMarkedAndExplained() {
        String html = page("/id/russia-position-on-ukraine", null).body();
        int row = html.indexOf(">unchanged since</a>");
        assertTrue(row >= 0, "the unchanged-since row, under the property's label");
        String rest = html.substring(row);
        assertTrue(rest.indexOf("2025-08-15") < rest.indexOf("<span class=\"badge inferred\">inferred</span>"), "the value is marked inferred");
        int why = rest.indexOf("<details class=\"why\">");
        assertTrue(why >= 0, "with a why");
        String explanation = rest.substring(why, rest.indexOf("</details>"));
        assertTrue(explanation.contains("position continuity"), explanation);
        assertTrue(explanation.contains("Lavrov: Russia has adjusted no point since Alaska (21 October 2025)"), "premises by label");
        assertTrue(explanation.contains(">compared with</a>"), "premise predicates by label");
        String account = explanation.substring(explanation.indexOf("<p class=\"account\">"));
        account = account.substring(0, account.indexOf("</p>"));
        assertTrue(account.startsWith("<p class=\"account\">according to <a href=\"" + kg.baseUrl() + "/id/sergey-lavrov\""),
                   "whose account the inference rests on: " + account);
        assertTrue(account.contains("; in <a href=\"" + kg.baseUrl() + "/id/article-lavrov-rubio-2025-10\""), "and in which article: " + account);
    }

    @Test
    void anInferenceThroughInferredPremisesNamesTheAgentsBehindThem() {
        // Russia's position is incompatibleWith Ukraine's: both speakers' statements stand behind it.
        String html = page("/id/russia-position-on-ukraine", null).body();
        int row = html.indexOf("/ontology#incompatibleWith\"");
        assertTrue(row >= 0, "the incompatible-with row");
        String explanation = html.substring(html.indexOf("<details class=\"why\">", row), html.indexOf("</details>", row));
        assertTrue(explanation.contains("/id/sergey-lavrov\""), explanation);
        assertTrue(explanation.contains("/id/leader-of-ukraine-unnamed-lavrov-rubio-2025-10\""), explanation);
    }

    @Test
    void everyDerivationOfAnInferredFactIsShown() {
        // Rubio is Lavrov's counterpart by the counterpart rule and, from Lavrov's side, by
        // symmetry: the page works out both, not only the one the explanations graph keeps.
        String html = page("/id/marco-rubio", null).body();
        int row = html.indexOf("<th scope=\"row\"><a href=\"" + kg.baseUrl() + "/ontology#counterpart\"");
        assertTrue(row >= 0, "the counterpart row");
        int why = html.indexOf("<details class=\"why\">", row);
        String explanation = html.substring(why, html.indexOf("</details>", why));
        assertTrue(explanation.contains("Rule: <strong>counterparts</strong>"), explanation);
        assertTrue(explanation.contains("Rule: <strong>symmetric property</strong>"), explanation);
    }

    @Test
    void inferredPremisesAreMarked() {
        // The call is a meeting involving states by the domain rule, resting on dkg:involvesState,
        // which is itself inferred (from who took part and the posts they held).
        String html = page("/id/lavrov-rubio-call-2025-10-20", null).body();
        Matcher premise = Pattern.compile("<li>[^\n]*>involves state</a></span> <a [^>]*>(?:Russia|United States)</a>( <span class=\"badge inferred\">inferred</span>)?</li>")
                                 .matcher(html);
        assertTrue(premise.find(), "an involves-state premise is shown");
        // Which state's derivation is shown is the explanation choice (smallest hashes); either is inferred.
        assertEquals(" <span class=\"badge inferred\">inferred</span>", premise.group(1), "and marked inferred");
    }

    @Test
    void positionsAndStatesLinkTheirTimeline() {
        assertTrue(page("/id/russia-position-on-ukraine", null).body().contains("href=\"" + kg.baseUrl() + "/timeline/russia-position-on-ukraine\""));
        assertTrue(page("/id/russia", null).body().contains("href=\"" + kg.baseUrl() + "/timeline/russia\""));
        assertFalse(page("/id/sergey-lavrov", null).body().contains("/timeline/"));
    }

    @Test
    void inboundLinksAreListed() {
        String html = page("/id/sergey-lavrov", null).body();
        int inbound = html.indexOf("<h2>Links to this</h2>");
        assertTrue(inbound >= 0);
        String rest = html.substring(inbound);
        assertTrue(rest.contains(">participant</a>"));
        assertTrue(rest.contains(">Lavrov-Rubio phone call, 20 October 2025</a>"));
    }

    @Test
    void pageLinksTheRdfFormats() {
        String html = page("/id/russia", null).body();
        assertTrue(html.contains("href=\"" + kg.baseUrl() + "/id/russia?format=ttl\""), "Turtle");
        assertTrue(html.contains("href=\"" + kg.baseUrl() + "/id/russia?format=jsonld\""), "JSON-LD");
    }

    @Test
    void labelsAreEscaped() {
        // The data holds apostrophes and double quotes; the template must escape them.
        String html = page("/id/demand-eliminate-root-causes", null).body();
        assertTrue(html.contains("eliminate the &quot;root causes&quot; of the war"), "escaped");
        assertFalse(html.contains("eliminate the \"root causes\""), "never raw");
    }
}
