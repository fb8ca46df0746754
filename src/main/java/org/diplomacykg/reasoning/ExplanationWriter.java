package org.diplomacykg.reasoning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
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
 * Turns derivations and rules into the triples of the explanations graph of one dataset, with
 * RDF 1.2 triple terms (docs/architecture.md, "Explanations"):
 * <pre>
 * &lt;derivation/HASH&gt; dkg:conclusion &lt;&lt;( S P O )&gt;&gt; ; dkg:derivedBy &lt;rule&gt; ;
 *     dkg:premise &lt;&lt;( ... )&gt;&gt; , &lt;&lt;( ... )&gt;&gt; .
 * &lt;rule&gt; rdfs:label ... ; dcterms:description ... .
 * </pre>
 * One quad per conclusion and premise and one for the rule: no description node per premise, no
 * type per derivation (issue 14 measured the reification encoding at about 25 quads per
 * inferred triple).
 * <p>
 * What is stored of a derivation, and hashed into its IRI, is its rule and its <em>stored
 * premises</em>, sorted (they are a set), as N-Triples:
 * <ul>
 * <li>A premise stated in the ontology graph, the axiom an OWL rule applied, is left out: it
 *     follows from the rule, the conclusion and the other premises (a sub-class rule that
 *     concludes {@code x a D} from {@code x a C} applied {@code C rdfs:subClassOf D}), and it would
 *     double what an OWL derivation costs. A change to the ontology recomputes everything.</li>
 * <li>A premise with a blank node (an axiom whose object is a list, as a property chain's) is
 *     left out, and a conclusion with one gets no stored derivation. Blank nodes have no name
 *     that outlives a store: the parser labels them afresh at every load, so a hash or a stored
 *     triple term holding one would differ between two builds of the same files.</li>
 * </ul>
 * The conclusion is not hashed: one rule applied to the same premises concludes several
 * triples at once (a disagreement's type, parties, proposal and date), and they share one
 * derivation node with one {@code dkg:conclusion} each. The same derivation gets the same IRI in
 * every store built from the same files, and for each inferred triple the derivation with the
 * smallest IRI is the one written ({@link Materialiser#chosen}). {@link Derivations} gives every
 * derivation, with all its premises, on request.
 */
final class ExplanationWriter {

    /** Base of the IRIs of derivations. */
    static final String DERIVATION_BASE = "https://w3id.org/diplomacy-kg/derivation/";

    private final DatasetGraph dsg;
    /** The ontology graph, or a copy of it in memory: looked up for every premise. */
    private final Graph ontology;
    /**
     * Each node as {@link #format} writes it, for the life of one writer (one run of the
     * materialiser): a full run formats the same nodes many times over (the tenure a thousand
     * counterparts rest on), and Jena's formatter, which sets up a writer for every call, was a
     * sixth of the time it took to write the explanations. Nodes rather than triples, so that
     * the memo grows with the distinct terms, not with the premises.
     */
    private final Map<Node, String> formatted = new HashMap<>();
    /** One digest for the writer's ids, reset by each {@code digest()}: looking one up per id was a tenth of their cost. */
    private final MessageDigest sha256 = sha256();

    /** Over {@code dsg}, looking premises up in its ontology graph. */
    ExplanationWriter(DatasetGraph dsg) {
        this(dsg, dsg.getGraph(Graphs.Nodes.ONTOLOGY));
    }

    /** Over {@code dsg}, whose ontology graph is {@code ontology} (the same triples, maybe a copy). */
    ExplanationWriter(DatasetGraph dsg, Graph ontology) {
        this.dsg = dsg;
        this.ontology = ontology;
    }

    /** The hash naming a derivation: the order in which the written derivation is chosen. */
    String id(Derivation d) {
        return id(d.rule(), storedPremises(d));
    }

    /**
     * The digest of the rule's IRI and the distinct formatted premises in order, each after a
     * newline, in UTF-8. Fed to the digest part by part rather than joined into one string
     * first: the same bytes (a part never begins or ends inside a surrogate pair), without the
     * copies, for the hundred thousand ids of a full run at 100k.
     */
    private String id(Rule rule, List<Triple> stored) {
        String[] premises = new String[stored.size()];
        for ( int i = 0; i < premises.length; i++ )
            premises[i] = format(stored.get(i));
        Arrays.sort(premises);
        sha256.update(rule.iri().getBytes(StandardCharsets.UTF_8));
        String previous = null;
        for ( String p : premises ) {
            if ( p.equals(previous) )
                continue;
            sha256.update((byte) '\n');
            sha256.update(p.getBytes(StandardCharsets.UTF_8));
            previous = p;
        }
        // 128 bits: collisions are not a practical concern at any size this store will hold.
        return HexFormat.of().formatHex(sha256.digest(), 0, 16);
    }

    /**
     * The triple as {@link NodeFmtLib#str(Triple)} writes it (the nodes in Turtle form, no
     * prefixes, one space apart), which is what derivation ids were first hashed from: a store
     * built before keeps the names of its derivations.
     */
    String format(Triple t) {
        return format(t.getSubject()) + ' ' + format(t.getPredicate()) + ' ' + format(t.getObject());
    }

    private String format(Node n) {
        return formatted.computeIfAbsent(n, NodeFmtLib::strTTL);
    }

    /** The node of the derivation with this {@link #id}. */
    static Node node(String id) {
        return NodeFactory.createURI(DERIVATION_BASE + id);
    }

    /** The ids of the derivations of {@code conclusion} the explanations graph holds. */
    List<String> written(Triple conclusion) {
        List<String> ids = new ArrayList<>();
        Iterator<Quad> it = dsg.find(Graphs.Nodes.EXPLANATIONS, Node.ANY, DKG.Nodes.conclusion, NodeFactory.createTripleTerm(conclusion));
        try {
            it.forEachRemaining(q -> ids.add(q.getSubject().getURI().substring(DERIVATION_BASE.length())));
        } finally {
            Iter.close(it);
        }
        return ids;
    }

    /** Adds {@code d} to the explanations graph, unless its conclusion has a blank node. */
    void write(Derivation d) {
        write(d, null, new HashSet<>());
    }

    /**
     * {@link #write(Derivation)} of one of many derivations written together, as a full run
     * does, with its {@link #id} when the caller has it already (null if not). {@code whole}
     * holds the ids of the derivations written so far with their rule and premises, and gets
     * this one's: a derivation shared by several conclusions then gets only its
     * {@code dkg:conclusion} the second time. Adding the rest again would change no quad, yet
     * TDB2 looks each one up in all six indexes (a quarter of the additions at 100k).
     */
    void write(Derivation d, String knownId, Set<String> whole) {
        if ( hasBlankNode(d.conclusion()) )
            return;
        Node g = Graphs.Nodes.EXPLANATIONS;
        List<Triple> premises = storedPremises(d);
        String id = knownId != null ? knownId : id(d.rule(), premises);
        Node node = node(id);
        dsg.add(g, node, DKG.Nodes.conclusion, NodeFactory.createTripleTerm(d.conclusion()));
        // A derivation node already written for another conclusion has its rule and premises.
        if ( !whole.add(id) )
            return;
        dsg.add(g, node, DKG.Nodes.derivedBy, NodeFactory.createURI(d.rule().iri()));
        for ( Triple premise : premises )
            dsg.add(g, node, DKG.Nodes.premise, NodeFactory.createTripleTerm(premise));
    }

    /** Removes {@code conclusion} from the derivation with this id, and the derivation with its last conclusion. */
    void remove(String id, Triple conclusion) {
        Node g = Graphs.Nodes.EXPLANATIONS;
        Node node = node(id);
        dsg.delete(g, node, DKG.Nodes.conclusion, NodeFactory.createTripleTerm(conclusion));
        Iterator<Quad> others = dsg.find(g, node, DKG.Nodes.conclusion, Node.ANY);
        boolean concludesMore = others.hasNext();
        Iter.close(others);
        if ( !concludesMore )
            dsg.deleteAny(g, node, Node.ANY, Node.ANY);
    }

    /** What the explanations graph says of a rule, once: its label and description. */
    static List<Triple> triplesOf(Rule rule) {
        Node node = NodeFactory.createURI(rule.iri());
        return List.of(
            Triple.create(node, RDFS.Nodes.label, NodeFactory.createLiteralLang(rule.label(), "en")),
            Triple.create(node, DCTerms.description.asNode(), NodeFactory.createLiteralLang(rule.description(), "en")));
    }

    private List<Triple> storedPremises(Derivation d) {
        List<Triple> out = new ArrayList<>(d.premises().size());
        for ( Triple p : d.premises() ) {
            if ( !hasBlankNode(p) && !inOntology(p) )
                out.add(p);
        }
        return out;
    }

    private boolean inOntology(Triple t) {
        return ontology.contains(t);
    }

    private static boolean hasBlankNode(Triple t) {
        return t.getSubject().isBlank() || t.getObject().isBlank();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
