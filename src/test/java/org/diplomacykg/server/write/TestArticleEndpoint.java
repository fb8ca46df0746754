package org.diplomacykg.server.write;

import static org.diplomacykg.server.write.WriteFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.store.ArticleTexts;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT /kg/articles/{slug}} with {@code {"text": ..., "facts": ...}} adds a whole article
 * through the same gate as other writes: its facts become queryable with their inferences, its
 * text is kept for the span check, and a bundle the gate refuses leaves nothing behind.
 */
class TestArticleEndpoint {

    private static final String ARTICLE = "test-bundle";
    private static final String TEXT = WriteFixture.BUNDLE_TEXT;
    private static final String FACTS = WriteFixture.bundleFacts(ARTICLE);

    @RegisterExtension
    static final WriteFixture kg = WriteFixture.perTest();

    @Test
    void anArticleIsAddedWithItsInferencesAndText() {
        HttpResponse<String> response = put(ARTICLE, bundle(TEXT, FACTS));
        assertEquals(201, response.statusCode(), response::body);
        JsonObject summary = JSON.parse(response.body());
        assertEquals(Graphs.sourceGraph(ARTICLE), summary.getString("graph"));

        assertTrue(kg.ask("ASK { GRAPH <%s> { id:test-bundle-call dkg:participant id:sergey-lavrov } }"
                          .formatted(Graphs.sourceGraph(ARTICLE))));
        // Inferred: a phone call is a meeting, and the officials acted for their states that day.
        assertTrue(kg.ask("ASK { GRAPH <%s> { id:test-bundle-call a dkg:Meeting } }".formatted(Graphs.INFERRED)));
        assertTrue(kg.ask("ASK { GRAPH <%s> { id:test-bundle-call dkg:involvesState id:russia , id:united-states } }"
                          .formatted(Graphs.INFERRED)));
        // The text sits on the article the facts describe, in the article's graph.
        Graph stored = SparqlClient.parseGraph(kg.send(kg.anonymous("/kg/get?graph="
            + URLEncoder.encode(Graphs.sourceGraph(ARTICLE), StandardCharsets.UTF_8)).header("Accept", "text/turtle").GET()).body(), Lang.TURTLE);
        assertTrue(stored.contains(DKG.Nodes.id("article-test-bundle"), ArticleTexts.TEXT, ArticleTexts.textLiteral(TEXT)));

        // Sending it again replaces it.
        HttpResponse<String> again = put(ARTICLE, bundle(TEXT, FACTS.replace("Lavrov-Rubio call", "The call")));
        assertEquals(200, again.statusCode(), again::body);
        assertFalse(kg.ask("ASK { id:test-bundle-call rdfs:label \"Lavrov-Rubio call of 1 November 2025\"@en }"));
    }

    @Test
    void laterWritesToTheArticleAreCheckedAgainstItsStoredText() {
        assertEquals(201, put(ARTICLE, bundle(TEXT, FACTS)).statusCode());
        String update = PREFIXES + """
            INSERT DATA { GRAPH <%s> {
              id:test-bundle-call dkg:evidence [ a oa:TextQuoteSelector ; oa:exact "%s" ; dkg:inArticle id:article-test-bundle ] .
            } }""";
        HttpResponse<String> inText = kg.update(update.formatted(Graphs.sourceGraph(ARTICLE), "Moskow, 1 November."));
        assertEquals(204, inText.statusCode(), inText::body);
        HttpResponse<String> notInText = kg.update(update.formatted(Graphs.sourceGraph(ARTICLE), "Moskow, 2 November."));
        assertEquals(422, notInText.statusCode(), notInText::body);
    }

    @Test
    void aBundleWhoseSpanIsNotInItsTextIs422AndLeavesNothing() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = put(ARTICLE, bundle(TEXT.replace("kembali", "lagi"), FACTS));
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.body().contains("Lavrov dan Rubio kembali berbicara melalui telepon"), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aBundleBreakingTheShapesIs422WithTheReport() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = put(ARTICLE, bundle(TEXT, FACTS.replace("dkg:status dkg:Held ;", "")));
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.body().contains("ValidationReport"), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aBodyThatIsNotABundleIs400() {
        Set<Quad> before = kg.dump();
        assertEquals(400, put(ARTICLE, "not json").statusCode());
        assertEquals(400, put(ARTICLE, "{\"facts\": \"\"}").statusCode());
        HttpResponse<String> badTurtle = put(ARTICLE, bundle(TEXT, "id:x dkg:y ."));
        assertEquals(400, badTurtle.statusCode(), badTurtle::body);
        assertTrue(badTurtle.body().contains("Turtle"), badTurtle::body);
        assertEquals(404, put("Not_A_Slug", bundle(TEXT, FACTS)).statusCode());
        assertSameData(before, kg.dump());
    }

    private HttpResponse<String> put(String slug, String body) {
        return kg.send(kg.request("/kg/articles/" + slug).header("Content-Type", "application/json")
                         .PUT(BodyPublishers.ofString(body)));
    }

    private static String bundle(String text, String facts) {
        JsonObject json = new JsonObject();
        json.put("text", text);
        json.put("facts", facts);
        return json.toString();
    }
}
