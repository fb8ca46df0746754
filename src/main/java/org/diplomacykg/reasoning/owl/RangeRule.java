package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * {@code p rdfs:range C} and {@code (s p o)} give {@code o rdf:type C}, for a named class C
 * and o an IRI or blank node. Datatype ranges (xsd:dateTime, rdfs:Literal) say nothing about
 * a resource and class expressions name no single type, so both are ignored.
 */
public final class RangeRule extends OwlRule {

    private static final Node S = var("s");
    private static final Node O = var("o");

    public RangeRule(Graph ontology) {
        super("owl-range", "range",
              "The object of a statement with a property, when a resource, is of the named class declared as that property's range.",
              Axioms.toNamedClass(ontology, RDFS.Nodes.range),
              axiom -> List.of(Clause.of(Triple.create(S, axiom.getSubject(), O),
                                         Triple.create(O, RDF.Nodes.type, axiom.getObject()), axiom)));
    }
}
