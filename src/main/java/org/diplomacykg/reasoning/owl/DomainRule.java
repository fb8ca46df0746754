package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * {@code p rdfs:domain C} and {@code (s p o)} give {@code s rdf:type C}, for a named class C.
 * Domains that are class expressions (blank nodes such as unions) are ignored: they say
 * "one of these", which is no single type to conclude.
 */
public final class DomainRule extends OwlRule {

    private static final Node S = var("s");
    private static final Node O = var("o");

    public DomainRule(Graph ontology) {
        super("owl-domain", "domain",
              "The subject of a statement with a property is of the named class declared as that property's domain.",
              Axioms.toNamedClass(ontology, RDFS.Nodes.domain),
              axiom -> List.of(Clause.of(Triple.create(S, axiom.getSubject(), O),
                                         Triple.create(S, RDF.Nodes.type, axiom.getObject()), axiom)));
    }
}
