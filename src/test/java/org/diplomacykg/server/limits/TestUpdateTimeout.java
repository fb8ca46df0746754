package org.diplomacykg.server.limits;

import static org.diplomacykg.server.limits.LimitsFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * The update timeout, here 1 s: an update still running then is cancelled, nothing of it is
 * kept (the inferences stay those of the last commit) and the answer is 503 with a message;
 * the next write goes through. The slow part is a three-fold cross product of the real data
 * (thousands of triples, so some 10^10 rows) under a filter that no row passes: it never
 * finishes, and it holds no rows while it runs. The class timeout turns an update that is not
 * cancelled into a failure rather than a hang.
 */
@Timeout(300)
class TestUpdateTimeout {

    private static final String NEVER_MATCHES = """
        GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?g ?h ?i }
        FILTER(CONCAT(STR(?a), STR(?d), STR(?g)) = "never")""";

    /** The revision (which moves an inference), then a pattern that takes forever. */
    private static final String REVISION_THEN_SLOW = REVISION + " ;\n"
        + "INSERT { GRAPH <" + SOURCE + "> { id:statement-limits-revision rdfs:comment ?c } } WHERE {\n" + NEVER_MATCHES + "\n}";

    @RegisterExtension
    static final KgServerExtension server = KgServerExtension.project().writable(USER + ": " + PASSWORD + "\n")
        .limits(Limits.DEFAULTS.withUpdateTimeout(Duration.ofSeconds(1)));

    private static void assertTimedOut(HttpResponse<String> response) {
        assertRefused(503, response, "Update timed out", "1 s", "--update-timeout", "nothing of it was kept");
    }

    @Test
    void aSlowUpdateIs503AndKeepsNothing() {
        Set<Quad> before = dump(server.running());
        assertTimedOut(update(server.running(), sized(REVISION_THEN_SLOW)));
        // The asserted, inferred and explanations graphs: all as they were.
        assertSameData(before, dump(server.running()));
        assertFalse(SparqlClient.ask(server.sparqlUrl(), HAS_REVISION));
    }

    @Test
    void aSlowUpdateByFormIs503AndKeepsNothing() {
        Set<Quad> before = dump(server.running());
        HttpResponse<String> response = send(authorised(server.running(), "/kg/update").header("Content-Type", SparqlClient.FORM)
            .POST(BodyPublishers.ofString("update=" + SparqlClient.encode(REVISION_THEN_SLOW))));
        assertTimedOut(response);
        assertSameData(before, dump(server.running()));
    }

    @Test
    void aSlowDeleteIs503AndKeepsNothing() {
        Set<Quad> before = dump(server.running());
        String delete = PREFIXES + "DELETE { GRAPH <" + SOURCE + "> { ?a ?b ?c } } WHERE {\n" + NEVER_MATCHES + "\n}";
        assertTimedOut(update(server.running(), sized(delete)));
        assertSameData(before, dump(server.running()));
    }

    @Test
    void theNextWriteGoesThrough() {
        // The cancelled update's transaction has ended: the write lock is free.
        aSlowUpdateIs503AndKeepsNothing();
        HttpResponse<String> response = update(server.running(), sized(REVISION));
        assertEquals(204, response.statusCode(), response::body);
        assertTrue(SparqlClient.ask(server.sparqlUrl(), HAS_REVISION));
        // And is undone the same way.
        HttpResponse<String> undo = update(server.running(), sized(PREFIXES + "DELETE WHERE { GRAPH <" + SOURCE + "> {"
            + " id:statement-limits-revision dkg:evidence ?e . ?e ?p ?o } } ;"
            + " DELETE WHERE { GRAPH <" + SOURCE + "> { id:statement-limits-revision ?q ?r } }"));
        assertEquals(204, undo.statusCode(), undo::body);
        assertFalse(SparqlClient.ask(server.sparqlUrl(), HAS_REVISION));
    }

    @Test
    void aQuickUpdateOfSeveralPatternsIsUnaffected() {
        // One timer for the request, not one that the first operation uses up.
        String nothing = "GRAPH <" + SOURCE + "> { ?s rdfs:comment \"no such comment\" }";
        HttpResponse<String> response = update(server.running(), sized(PREFIXES
            + "DELETE { " + nothing + " } WHERE { " + nothing + " } ;\n"
            + "DELETE { " + nothing + " } WHERE { " + nothing + " } ;\n"
            + "DELETE { " + nothing + " } WHERE { " + nothing + " }"));
        assertEquals(204, response.statusCode(), response::body);
    }

    @Test
    void queriesStillAnswerAfterACancelledUpdate() {
        aSlowUpdateIs503AndKeepsNothing();
        assertEquals(server.defaultGraphTriples(),
            SparqlClient.select(server.sparqlUrl(), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").next().getLiteral("n").getLong());
    }
}
