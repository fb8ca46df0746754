package org.diplomacykg.server;

import static org.diplomacykg.SparqlClient.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.Fixtures;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /kg/get}: the Graph Store Protocol, read only. */
class TestGraphStoreRead {

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    @Test
    void namedGraphIsExactlyItsFile() {
        HttpResponse<String> response = get(kg.datasetUrl() + "/get?graph=" + encode(Graphs.REFERENCE), TURTLE);
        requireOk(response);
        assertEquals(TURTLE, mediaType(response));
        Graph expected = GraphFactory.createDefaultGraph();
        RDFParser.source(Fixtures.path("kg/data/reference.ttl")).parse(expected);
        assertTrue(IsoMatcher.isomorphic(expected, parseGraph(response.body(), Lang.TURTLE)));
    }

    @Test
    void defaultGraphIsTheUnionOfTheFactGraphs() {
        HttpResponse<String> response = get(kg.datasetUrl() + "/get?default", "application/n-triples");
        requireOk(response);
        long explanations = Store.graphSizes(kg.dataset()).get(Graphs.EXPLANATIONS);
        long audit = Store.graphSizes(kg.dataset()).get(Graphs.AUDIT);
        assertTrue(explanations > 0 && audit > 0);
        assertEquals(kg.namedGraphTriples() - explanations - audit, parseGraph(response.body(), Lang.NTRIPLES).size(),
                     "every named graph but the explanations and the audit trail");
    }

    @Test
    void unknownGraphIsNotFound() {
        HttpResponse<String> response = get(kg.datasetUrl() + "/get?graph=" + encode(Graphs.sourceGraph("no-such-article")), TURTLE);
        assertEquals(404, response.statusCode());
    }

    @Test
    void wholeDatasetAsQuadsListsEachGraphOnce() {
        HttpResponse<String> response = get(kg.datasetUrl() + "/get", "application/n-quads");
        requireOk(response);
        assertEquals(kg.namedGraphTriples(), response.body().lines().filter(line -> !line.isBlank()).count());
    }
}
