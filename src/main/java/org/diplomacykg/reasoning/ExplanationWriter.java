package org.diplomacykg.reasoning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * Turns derivations and rules into the triples of the explanations graph, with RDF 1.2 triple
 * terms (docs/architecture.md, "Explanations"):
 * <pre>
 * &lt;derivation/HASH&gt; dkg:conclusion &lt;&lt;( S P O )&gt;&gt; ; dkg:derivedBy &lt;rule&gt; ;
 *     dkg:premise &lt;&lt;( ... )&gt;&gt; , &lt;&lt;( ... )&gt;&gt; .
 * &lt;rule&gt; rdfs:label ... ; dcterms:description ... .
 * </pre>
 * Two quads and one per premise: no description node per premise, no type per derivation
 * (an issue-14 measure of the reification encoding: about 25 quads per inferred triple).
 * <p>
 * The IRI of a derivation is a hash of its rule, conclusion and premises as N-Triples, the
 * premises sorted (the stored premises are a set): the same derivation gets the same IRI in
 * every store built from the same files, and the smallest hash is the derivation written
 * when a triple has several ({@link Materialiser#chosen}).
 * <p>
 * Blank nodes have no name that outlives a store: the parser labels them afresh at every
 * load, so a hash or a stored triple term that held one would differ between two builds of
 * the same files. Rather than invent a name for them, a premise with a blank node (an OWL
 * axiom whose object is a list, as a property chain's) is left out of the stored derivation
 * and of its hash (the rule says which kind of axiom it applied), and an inferred triple with
 * a blank node gets no stored derivation. {@link Derivations} gives every premise on request.
 */
final class ExplanationWriter {

    /** Base of the IRIs of derivations. */
    static final String DERIVATION_BASE = "https://w3id.org/diplomacy-kg/derivation/";

    /** The hash naming a derivation: the order in which the written derivation is chosen. */
    static String id(Derivation d) {
        TreeSet<String> premises = new TreeSet<>();
        for ( Triple premise : storedPremises(d) )
            premises.add(NodeFmtLib.str(premise));
        StringBuilder key = new StringBuilder(d.rule().iri()).append('\n').append(NodeFmtLib.str(d.conclusion()));
        premises.forEach(p -> key.append('\n').append(p));
        return digest(key.toString());
    }

    /** The node of the derivation with this {@link #id}. */
    static Node node(String id) {
        return NodeFactory.createURI(DERIVATION_BASE + id);
    }

    /** The {@link #id} of a derivation node. */
    static String idOf(Node node) {
        return node.getURI().substring(DERIVATION_BASE.length());
    }

    /** The ids of the derivations of {@code conclusion} the explanations graph holds. */
    static List<String> written(DatasetGraph dsg, Triple conclusion) {
        List<String> ids = new ArrayList<>();
        Iterator<Quad> it = dsg.find(Graphs.Nodes.EXPLANATIONS, Node.ANY, DKG.Nodes.conclusion, NodeFactory.createTripleTerm(conclusion));
        try {
            it.forEachRemaining(q -> ids.add(idOf(q.getSubject())));
        } finally {
            Iter.close(it);
        }
        return ids;
    }

    /** Adds {@code d} to the explanations graph, unless its conclusion has a blank node. */
    static void write(DatasetGraph dsg, Derivation d) {
        if ( hasBlankNode(d.conclusion()) )
            return;
        Node g = Graphs.Nodes.EXPLANATIONS;
        Node node = node(id(d));
        dsg.add(g, node, DKG.Nodes.conclusion, NodeFactory.createTripleTerm(d.conclusion()));
        dsg.add(g, node, DKG.Nodes.derivedBy, NodeFactory.createURI(d.rule().iri()));
        for ( Triple premise : storedPremises(d) )
            dsg.add(g, node, DKG.Nodes.premise, NodeFactory.createTripleTerm(premise));
    }

    /** Removes the derivation with this id from the explanations graph. */
    static void remove(DatasetGraph dsg, String id) {
        dsg.deleteAny(Graphs.Nodes.EXPLANATIONS, node(id), Node.ANY, Node.ANY);
    }

    /** What the explanations graph says of a rule, once: its label and description. */
    static List<Triple> triplesOf(Rule rule) {
        Node node = NodeFactory.createURI(rule.iri());
        return List.of(
            Triple.create(node, RDFS.Nodes.label, NodeFactory.createLiteralLang(rule.label(), "en")),
            Triple.create(node, DCTerms.description.asNode(), NodeFactory.createLiteralLang(rule.description(), "en")));
    }

    private static List<Triple> storedPremises(Derivation d) {
        return d.premises().stream().filter(p -> !hasBlankNode(p)).toList();
    }

    private static boolean hasBlankNode(Triple t) {
        return t.getSubject().isBlank() || t.getObject().isBlank();
    }

    private static String digest(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            // 128 bits: collisions are not a practical concern at any size this store will hold.
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private ExplanationWriter() {}
}
