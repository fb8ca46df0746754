package org.diplomacykg.server.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * Why an inferred triple holds, read from the explanations graph: each derivation of it, with
 * the rule that made it and the premises it rests on (in N-Triples order: a premise's
 * description is shared by every derivation resting on it, so it keeps no position).
 * Call inside a read transaction.
 */
final class Explanations {

    /** One derivation: the rule's IRI and the premises. */
    record Derivation(Node rule, List<Triple> premises) {}

    private static final Node GRAPH = Graphs.Nodes.EXPLANATIONS;

    private final DatasetGraph dataset;

    Explanations(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The derivations of {@code conclusion}; empty when none is recorded. */
    List<Derivation> of(Triple conclusion) {
        List<Derivation> out = new ArrayList<>();
        dataset.find(GRAPH, Node.ANY, RDF.Nodes.subject, conclusion.getSubject()).forEachRemaining(quad -> {
            Node d = quad.getSubject();
            if ( dataset.contains(GRAPH, d, RDF.Nodes.type, DKG.Nodes.Derivation)
                 && dataset.contains(GRAPH, d, RDF.Nodes.predicate, conclusion.getPredicate())
                 && dataset.contains(GRAPH, d, RDF.Nodes.object, conclusion.getObject()) )
                out.add(new Derivation(one(d, DKG.Nodes.derivedBy), premises(d)));
        });
        out.sort(Comparator.comparing(derivation -> String.valueOf(derivation.rule())));
        return out;
    }

    /** Whether {@code triple} is only inferred: in the inferred graph and in no asserted one. */
    boolean isInferredOnly(Triple triple) {
        boolean inferred = false;
        var quads = dataset.find(Node.ANY, triple.getSubject(), triple.getPredicate(), triple.getObject());
        while ( quads.hasNext() ) {
            Node graph = quads.next().getGraph();
            if ( Graphs.Nodes.INFERRED.equals(graph) )
                inferred = true;
            else if ( !GRAPH.equals(graph) )
                return false;
        }
        return inferred;
    }

    private List<Triple> premises(Node derivation) {
        List<Node> nodes = new ArrayList<>();
        dataset.find(GRAPH, derivation, DKG.Nodes.premise, Node.ANY).forEachRemaining(q -> nodes.add(q.getObject()));
        List<Triple> premises = new ArrayList<>();
        for ( Node p : nodes ) {
            Node s = one(p, RDF.Nodes.subject), pr = one(p, RDF.Nodes.predicate), o = one(p, RDF.Nodes.object);
            if ( s != null && pr != null && o != null )
                premises.add(Triple.create(s, pr, o));
        }
        premises.sort(Comparator.comparing(NodeFmtLib::str));
        return premises;
    }

    private Node one(Node subject, Node predicate) {
        var it = dataset.find(GRAPH, subject, predicate, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }
}
