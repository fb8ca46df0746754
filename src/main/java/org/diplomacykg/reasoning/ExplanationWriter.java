package org.diplomacykg.reasoning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.vocab.DKG;

/**
 * Turns derivations and rules into the triples of the explanations graph:
 * <pre>
 * &lt;explanation/HASH&gt; a dkg:Derivation ; rdf:subject S ; rdf:predicate P ; rdf:object O ;
 *     dkg:derivedBy &lt;rule&gt; ; dkg:premise &lt;explanation/HASH/premise/1&gt; , ... .
 * &lt;explanation/HASH/premise/1&gt; a dkg:Premise ; rdf:subject ... ; rdf:predicate ... ; rdf:object ... .
 * &lt;rule&gt; a dkg:Rule ; rdfs:label ... ; dcterms:description ... .
 * </pre>
 * The IRI of a derivation is a hash of rule, conclusion and premises, so the same
 * derivation always gets the same IRI and can be removed by recomputing its triples.
 */
final class ExplanationWriter {

    /** Base of the IRIs of derivations. */
    static final String EXPLANATION_BASE = "https://w3id.org/diplomacy-kg/explanation/";

    static List<Triple> triplesOf(Derivation d) {
        List<Triple> out = new ArrayList<>();
        Node node = NodeFactory.createURI(EXPLANATION_BASE + hash(d));
        out.add(Triple.create(node, RDF.Nodes.type, DKG.Nodes.Derivation));
        describe(node, d.conclusion(), out);
        out.add(Triple.create(node, DKG.Nodes.derivedBy, NodeFactory.createURI(d.rule().iri())));
        int i = 1;
        for ( Triple premise : d.premises() ) {
            Node p = NodeFactory.createURI(node.getURI() + "/premise/" + i++);
            out.add(Triple.create(node, DKG.Nodes.premise, p));
            out.add(Triple.create(p, RDF.Nodes.type, DKG.Nodes.Premise));
            describe(p, premise, out);
        }
        return out;
    }

    static List<Triple> triplesOf(Rule rule) {
        Node node = NodeFactory.createURI(rule.iri());
        return List.of(
            Triple.create(node, RDF.Nodes.type, DKG.Nodes.Rule),
            Triple.create(node, RDFS.Nodes.label, NodeFactory.createLiteralLang(rule.label(), "en")),
            Triple.create(node, DCTerms.description.asNode(), NodeFactory.createLiteralLang(rule.description(), "en")));
    }

    private static void describe(Node node, Triple t, List<Triple> out) {
        out.add(Triple.create(node, RDF.Nodes.subject, t.getSubject()));
        out.add(Triple.create(node, RDF.Nodes.predicate, t.getPredicate()));
        out.add(Triple.create(node, RDF.Nodes.object, t.getObject()));
    }

    private static String hash(Derivation d) {
        StringBuilder key = new StringBuilder(d.rule().iri()).append('\n').append(NodeFmtLib.str(d.conclusion()));
        for ( Triple premise : d.premises() )
            key.append('\n').append(NodeFmtLib.str(premise));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            // 128 bits: collisions are not a practical concern at any size this store will hold.
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private ExplanationWriter() {}
}
