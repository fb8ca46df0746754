package org.diplomacykg.server.write;

import static org.diplomacykg.server.write.WriteFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gate validates only the nodes a write can affect, and those include nodes the write does
 * not name: a write that breaks a shape of such a node is refused as a whole validation would
 * refuse it.
 */
class TestShaclNeighbourhood {

    private static final String ID = "https://w3id.org/diplomacy-kg/id/";

    @RegisterExtension
    static final WriteFixture kg = WriteFixture.perTest();

    @Test
    void removingTheTypeOfAValueThatAClassConstraintChecksIsRefused() {
        // Lavrov's tenure (not named by the write) needs a dkg:holder that is a dkg:Person.
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.update(PREFIXES + """
            DELETE DATA { GRAPH <%s> { id:sergey-lavrov a dkg:Person } }""".formatted(Graphs.REFERENCE), "text/turtle");
        assertEquals(422, response.statusCode(), response::body);
        Graph report = SparqlClient.parseGraph(response.body(), Lang.TURTLE);
        assertTrue(report.contains(Node.ANY, SHACL.focusNode,
                                   NodeFactory.createURI(ID + "tenure-sergey-lavrov-foreign-minister-of-russia-2004")),
                   response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aSubclassAxiomInAnArticleGraphIsJudgedOnEveryNodeItReclassifies() {
        // Declared in an article graph, it makes every person a statement, and no person has evidence.
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.update(PREFIXES + """
            INSERT DATA { GRAPH <%s> { dkg:Person rdfs:subClassOf dkg:Statement } }""".formatted(SOURCE), "text/turtle");
        assertEquals(422, response.statusCode(), response::body);
        Graph report = SparqlClient.parseGraph(response.body(), Lang.TURTLE);
        assertTrue(report.contains(Node.ANY, SHACL.focusNode, NodeFactory.createURI(ID + "sergey-lavrov")), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void retypingAValueCorrectlyStillCommits() {
        // The same node typed by a subclass instead: every sh:class that pointed at it still holds.
        HttpResponse<String> response = kg.update(PREFIXES + """
            DELETE DATA { GRAPH <%1$s> { id:sergey-lavrov a dkg:Person } } ;
            INSERT DATA { GRAPH <%1$s> { id:sergey-lavrov a dkg:Person , dkg:Agent } }""".formatted(Graphs.REFERENCE));
        assertEquals(204, response.statusCode(), response::body);
    }
}
