package org.diplomacykg.store;

import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.vocab.DKG;

/**
 * How {@link BundleCheck}'s findings name things, so that every check words them alike:
 * IRIs abbreviated with the shapes' prefixes and the project's, a thing by its label, a span
 * by its words, an axiom by what it annotates.
 */
final class FindingNames {

    private final PrefixMapping prefixes;

    FindingNames(PrefixMapping shapePrefixes) {
        this.prefixes = PrefixMapping.Factory.create()
            .setNsPrefixes(shapePrefixes)
            .setNsPrefix("id", DKG.ID_BASE)
            .setNsPrefix("dkg", DKG.NS)
            .setNsPrefix("oa", "http://www.w3.org/ns/oa#")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .lock();
    }

    PrefixMapping prefixes() {
        return prefixes;
    }

    String abbreviate(Node node) {
        return node.isBlank() ? "[]" : FmtUtils.stringForNode(node, prefixes);
    }

    /** A blank node by what a reader can find: a span by its words, an axiom by what it annotates. */
    String blankLabel(Graph data, Node node) {
        String words = spanWords(data, node);
        if ( words != null )
            return words;
        Optional<Node> source = object(data, node, OWL2.annotatedSource.asNode());
        if ( source.isPresent() )
            return "the owl:Axiom on " + abbreviate(source.get()) + " "
                + object(data, node, OWL2.annotatedProperty.asNode()).map(this::abbreviate).orElse("");
        return "a blank node" + object(data, node, RDF.Nodes.type).map(t -> " of type " + abbreviate(t)).orElse("");
    }

    static String spanWords(Graph g, Node span) {
        return g.find(span, EvidenceCheck.OA_EXACT, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral)
                .mapWith(Node::getLiteralLexicalForm).nextOptional().orElse(null);
    }

    /** The English label, else any label, else null. */
    static String label(Graph g, Node node) {
        List<Node> labels = Iter.toList(g.find(node, RDFS.Nodes.label, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral));
        return labels.stream().filter(l -> "en".equalsIgnoreCase(l.getLiteralLanguage())).findFirst()
            .or(() -> labels.stream().findFirst()).map(Node::getLiteralLexicalForm).orElse(null);
    }

    static String uri(Node node) {
        return node.isURI() ? node.getURI() : null;
    }

    static Optional<Node> object(Graph g, Node s, Node p) {
        if ( s == null )
            return Optional.empty();
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).nextOptional();
    }

    static String literal(Graph g, Node subject, Node property) {
        return object(g, subject, property).filter(Node::isLiteral).map(Node::getLiteralLexicalForm).orElse("");
    }
}
