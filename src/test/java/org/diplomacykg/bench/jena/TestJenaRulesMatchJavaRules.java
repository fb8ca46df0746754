package org.diplomacykg.bench.jena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;

/**
 * The Jena rules derive exactly what the service's Java rules derive on the project's own
 * ontology and data: the inferred graph of a store loaded as {@code serve} loads it, against
 * {@link JenaRules#materialise} over the same ontology and asserted graphs. This is what
 * keeps the two rule sets in step.
 */
class TestJenaRulesMatchJavaRules {

    @Test
    void sameInferencesOnTheProjectData() {
        Dataset dataset = Store.loadTemporary(new DataLayout(Path.of("ontology"), Path.of("data")));
        DatasetGraph dsg = dataset.asDatasetGraph();
        Graph ontology = GraphFactory.createGraphMem();
        Graph asserted = GraphFactory.createGraphMem();
        Graph java = GraphFactory.createGraphMem();
        Txn.executeRead(dsg, () -> {
            GraphUtil.addInto(ontology, dsg.getGraph(Graphs.Nodes.ONTOLOGY));
            GraphUtil.addInto(asserted, Store.assertedUnion(dsg));
            GraphUtil.addInto(java, dsg.getGraph(Graphs.Nodes.INFERRED));
        });
        assertFalse(java.isEmpty(), "the Java rules infer something from the project data");

        Graph jena = JenaRules.materialise(ontology, asserted);

        assertSameTriples(java, jena);
    }

    @Test
    void everyRuleIsStratifiedAndNoHelperLeaks() {
        Graph ontology = RDFParser.source("ontology/diplomacy.ttl").toGraph();
        // rules() checks the strata: a rule named without one, or a noValue its stratum can
        // still falsify, throws.
        assertFalse(JenaRules.rules(ontology).isEmpty());
        Graph data = RDFParser.source("data/reference.ttl").toGraph();
        RDFParser.source("data/articles/lavrov-rubio-2025-10/facts.ttl").parse(data);
        Graph inferred = JenaRules.materialise(ontology, data);
        assertFalse(inferred.isEmpty());
        inferred.find().forEachRemaining(t -> assertFalse(JenaRules.isHelper(t), () -> "helper triple inferred: " + t));
    }

    /** Asserts equality, listing what each side has that the other lacks. */
    static void assertSameTriples(Graph java, Graph jena) {
        Set<String> onlyJava = new TreeSet<>();
        Set<String> onlyJena = new TreeSet<>();
        java.find().forEachRemaining(t -> { if ( !jena.contains(t) ) onlyJava.add(str(t)); });
        jena.find().forEachRemaining(t -> { if ( !java.contains(t) ) onlyJena.add(str(t)); });
        assertTrue(onlyJava.isEmpty() && onlyJena.isEmpty(),
                   () -> "only Java: " + onlyJava + "\nonly Jena: " + onlyJena);
        assertEquals(java.size(), jena.size());
    }

    private static String str(Triple t) {
        return t.toString();
    }
}
