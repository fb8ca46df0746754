package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * {@code C rdfs:subClassOf D} and {@code x rdf:type C} give {@code x rdf:type D}, for named
 * classes C and D. Class expressions (blank nodes) are left to a DL reasoner; one step per
 * application, so a chain Summit, Meeting, Event is climbed one class per round.
 */
public final class SubClassRule extends OwlRule {

    private static final Node X = var("x");

    public SubClassRule(Graph ontology) {
        super("owl-subclass", "sub-class",
              "Everything of a class is also of each named class it is declared a sub-class of.",
              Axioms.betweenIris(ontology, RDFS.Nodes.subClassOf),
              axiom -> List.of(Clause.of(Triple.create(X, RDF.Nodes.type, axiom.getSubject()),
                                         Triple.create(X, RDF.Nodes.type, axiom.getObject()), axiom)));
    }
}
