package org.diplomacykg.reasoning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * Turns derivations and rules into the triples of the explanations graph:
 * <pre>
 * &lt;explanation/HASH&gt; a dkg:Derivation ; rdf:subject S ; rdf:predicate P ; rdf:object O ;
 *     dkg:derivedBy &lt;rule&gt; ; dkg:premise &lt;explanation/triple/HASH1&gt; , ... .
 * &lt;explanation/triple/HASH1&gt; a dkg:Premise ; rdf:subject ... ; rdf:predicate ... ; rdf:object ... .
 * &lt;rule&gt; a dkg:Rule ; rdfs:label ... ; dcterms:description ... .
 * </pre>
 * The IRI of a derivation is a hash of rule, conclusion and premises, so the same
 * derivation always gets the same IRI and can be removed by recomputing its triples.
 * The IRI of a premise is a hash of its triple alone: every derivation resting on a triple
 * links to one description of it, written with the first such derivation and removed with the
 * last. A tenure's dates behind hundreds of counterparts are described once, not hundreds of
 * times (at 100k triples this cut the explanations graph from about 58 quads per inferred
 * triple to about 25).
 * <p>
 * Which derivations of a triple are written, when it has more than
 * {@link Materialiser#REASONS_PER_TRIPLE}: those with the smallest hashes ({@link #id}). The
 * choice depends only on the set of derivations, never on the order they were found in or
 * on the updates that led there, so a graph kept up to date change by change is the same
 * as one computed from scratch.
 */
final class ExplanationWriter {

    /** Base of the IRIs of derivations. */
    static final String EXPLANATION_BASE = "https://w3id.org/diplomacy-kg/explanation/";

    /** The hash naming a derivation: the order in which the explained derivations are chosen. */
    static String id(Derivation d) {
        return hash(d);
    }

    /** The node of the derivation with this {@link #id}. */
    static Node node(String id) {
        return NodeFactory.createURI(EXPLANATION_BASE + id);
    }

    /** The {@link #id} of an explanation node. */
    static String idOf(Node node) {
        return node.getURI().substring(EXPLANATION_BASE.length());
    }

    /** The ids of the derivations of {@code conclusion} the explanations graph holds. */
    static List<String> written(DatasetGraph dsg, Triple conclusion) {
        Node g = Graphs.Nodes.EXPLANATIONS;
        List<String> ids = new ArrayList<>();
        Iterator<Quad> it = dsg.find(g, Node.ANY, RDF.Nodes.subject, conclusion.getSubject());
        try {
            while ( it.hasNext() ) {
                Node e = it.next().getSubject();
                if ( dsg.contains(g, e, RDF.Nodes.predicate, conclusion.getPredicate())
                     && dsg.contains(g, e, RDF.Nodes.object, conclusion.getObject())
                     && dsg.contains(g, e, RDF.Nodes.type, DKG.Nodes.Derivation) )
                    ids.add(idOf(e));
            }
        } finally {
            Iter.close(it);
        }
        return ids;
    }

    /** Whether the explanations graph holds the derivation with this id. */
    static boolean isWritten(DatasetGraph dsg, String id) {
        return dsg.contains(Graphs.Nodes.EXPLANATIONS, node(id), RDF.Nodes.type, DKG.Nodes.Derivation);
    }

    /** Adds {@code d} to the explanations graph, and the description of each premise not there yet. */
    static void write(DatasetGraph dsg, Derivation d) {
        Node g = Graphs.Nodes.EXPLANATIONS;
        Node node = node(hash(d));
        List<Triple> out = new ArrayList<>();
        out.add(Triple.create(node, RDF.Nodes.type, DKG.Nodes.Derivation));
        describe(node, d.conclusion(), out);
        out.add(Triple.create(node, DKG.Nodes.derivedBy, NodeFactory.createURI(d.rule().iri())));
        for ( Triple premise : d.premises() ) {
            Node p = premiseNode(premise);
            out.add(Triple.create(node, DKG.Nodes.premise, p));
            if ( !dsg.contains(g, p, RDF.Nodes.type, DKG.Nodes.Premise) ) {
                out.add(Triple.create(p, RDF.Nodes.type, DKG.Nodes.Premise));
                describe(p, premise, out);
            }
        }
        out.forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /**
     * Removes the derivation with this id from the explanations graph, and the description of
     * each of its premises that no other derivation rests on.
     */
    static void remove(DatasetGraph dsg, String id) {
        Node g = Graphs.Nodes.EXPLANATIONS;
        Node e = node(id);
        List<Node> premises = new ArrayList<>();
        dsg.find(g, e, DKG.Nodes.premise, Node.ANY).forEachRemaining(q -> premises.add(q.getObject()));
        dsg.deleteAny(g, e, Node.ANY, Node.ANY);
        for ( Node p : premises ) {
            Iterator<Quad> users = dsg.find(g, Node.ANY, DKG.Nodes.premise, p);
            boolean used = users.hasNext();
            Iter.close(users);
            if ( !used )
                dsg.deleteAny(g, p, Node.ANY, Node.ANY);
        }
    }

    /** The node describing {@code premise}: the same for every derivation that rests on it. */
    static Node premiseNode(Triple premise) {
        return NodeFactory.createURI(EXPLANATION_BASE + "triple/" + digest(NodeFmtLib.str(premise)));
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
        return digest(key.toString());
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
