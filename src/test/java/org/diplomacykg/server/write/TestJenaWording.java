package org.diplomacykg.server.write;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.G;
import org.apache.jena.system.RDFDataException;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;

/**
 * Pins the wording of the Jena message {@link WriteRefusals} rewrites: a reasoner that finds two
 * values where it reads one ({@link G#getZeroOrOneSP}) throws {@link RDFDataException}
 * "More than one match : ...", and the 422 replaces that prefix with "Found for: ". A Jena
 * upgrade that rewords it would leave Jena's words in the answer; this fails first.
 */
class TestJenaWording {

    @Test
    void twoValuesWhereOneIsReadSayMoreThanOneMatchAndNameTheSubjectAndProperty() {
        Graph data = GraphFactory.createDefaultGraph();
        Node tenure = NodeFactory.createURI(DKG.ID_BASE + "tenure-x");
        data.add(tenure, DKG.Nodes.post, NodeFactory.createURI(DKG.ID_BASE + "post-a"));
        data.add(tenure, DKG.Nodes.post, NodeFactory.createURI(DKG.ID_BASE + "post-b"));
        RDFDataException ex = assertThrows(RDFDataException.class, () -> G.getZeroOrOneSP(data, tenure, DKG.Nodes.post));
        assertTrue(ex.getMessage().startsWith("More than one match : "), ex.getMessage());
        String answered = ex.getMessage().replace("More than one match : ", "Found for: ");
        assertTrue(answered.contains("tenure-x") && answered.contains("post"), answered);
    }
}
