package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;

/**
 * Two stores built from the same files hold the same derived quads, names of derivations
 * included: the names hash terms, never the labels a parser gives blank nodes (the ontology
 * has some, in its property chain's list), so they survive a rebuild.
 */
class TestStableDerivations {

    private static final DataLayout REAL = new DataLayout(Path.of("ontology"), Path.of("data"));

    @Test
    void twoBuildsFromTheSameFilesHoldTheSameInferredAndExplanationQuads() {
        Set<Quad> first = derivedQuads(Store.loadTemporary(REAL));
        Set<Quad> second = derivedQuads(Store.loadTemporary(REAL));
        assertFalse(first.isEmpty());
        assertEquals(first, second);
    }

    private static Set<Quad> derivedQuads(Dataset dataset) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        return Txn.calculateRead(dsg, () -> dsg.stream().filter(q -> Graphs.Nodes.INFERRED.equals(q.getGraph()) || Graphs.Nodes.EXPLANATIONS.equals(q.getGraph())).collect(Collectors.toSet()));
    }
}
