package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** Only shapes that judge a node by its own triples and its values' types are validated by neighbourhood. */
class TestShapeLocality {

    private static final String PREFIXES = """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <https://example.org/synthetic#> .
        """;

    @Test
    void theProjectShapesAreLocal() {
        assertTrue(ShaclGate.fromFile(Path.of("ontology/shapes.ttl")).isLocal());
    }

    @Test
    void classCountDatatypeAndLogicalConstraintsAreLocal() {
        assertTrue(ShapeLocality.isLocal(parse("""
            ex:S a sh:NodeShape ; sh:targetClass ex:C ;
                sh:or ( [ sh:path ex:p ; sh:minCount 1 ] [ sh:path ex:q ; sh:minCount 1 ] ) ;
                sh:property [ sh:path ex:r ; sh:class ex:D ; sh:or ( [ sh:datatype ex:T ] [ sh:nodeKind sh:IRI ] ) ] .
            """)));
    }

    @Test
    void shapesThatLookBeyondTheValuesAreNotLocal() {
        assertFalse(ShapeLocality.isLocal(parse("""
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:T ] .
            ex:T a sh:NodeShape ; sh:property [ sh:path ex:q ; sh:minCount 1 ] .
            """)), "sh:node");
        assertFalse(ShapeLocality.isLocal(parse("""
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:maxCount 1 ] .
            """)), "an inverse path");
        assertFalse(ShapeLocality.isLocal(parse("""
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .
            """)), "a sequence path");
        assertFalse(ShapeLocality.isLocal(parse("""
            ex:S a sh:NodeShape ; sh:targetClass ex:C ;
                sh:property [ sh:path ex:p ; sh:or ( [ sh:path ex:q ; sh:minCount 1 ] [ sh:datatype ex:T ] ) ] .
            """)), "a path judged on the values");
    }

    private static Graph parse(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(graph);
        return graph;
    }
}
