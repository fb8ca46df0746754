package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;

/**
 * Derivation ids hash their premises as Jena's {@link NodeFmtLib#str(Triple)} writes them; the
 * writer formats node by node, with a memo, and must write exactly the same, or a store built
 * before would hold derivations under names the next update no longer finds.
 */
class TestDerivationIdFormat {

    @Test
    void formatsEveryTripleOfTheOntologyAndDataAsJenaDoes() {
        ExplanationWriter writer = new ExplanationWriter(DatasetGraphFactory.create());
        for ( String file : List.of("ontology/diplomacy.ttl", "data/reference.ttl", "data/articles/lavrov-rubio-2025-10/facts.ttl") )
            RDFDataMgr.loadGraph(file).find().forEachRemaining(t -> assertEquals(NodeFmtLib.str(t), writer.format(t)));
    }

    @Test
    void formatsTheAwkwardTermsAsJenaDoes() {
        Node s = NodeFactory.createURI("http://example.org/a b\u00e9");
        Node p = NodeFactory.createURI("http://example.org/p");
        List<Node> objects = List.of(
            NodeFactory.createLiteralString("line\none \"quoted\" \\ tab\t"),
            NodeFactory.createLiteralLang("kata", "id"),
            NodeFactory.createLiteralDT("5.0", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal),
            NodeFactory.createLiteralDT("2025-10-21", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate),
            NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean),
            NodeFactory.createBlankNode("b0"),
            NodeFactory.createTripleTerm(Triple.create(s, p, NodeFactory.createLiteralString("x"))));
        ExplanationWriter writer = new ExplanationWriter(DatasetGraphFactory.create());
        for ( Node o : objects ) {
            Triple t = Triple.create(s, p, o);
            assertEquals(NodeFmtLib.str(t), writer.format(t));
        }
    }
}
