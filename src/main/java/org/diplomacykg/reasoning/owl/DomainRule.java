package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;

/**
 * {@code p rdfs:domain C} and {@code (s p o)} give {@code s rdf:type C}, for a named class C.
 * Domains that are class expressions (blank nodes such as unions) are ignored: they say
 * "one of these", which is no single type to conclude.
 */
public final class DomainRule extends TypingRule {

    public DomainRule(Graph ontology) {
        super("owl-domain", "domain",
              "The subject of a statement with a property is of the named class declared as that property's domain.",
              Axioms.toNamedClass(ontology, RDFS.Nodes.domain));
    }

    @Override
    Node typed(Triple statement) {
        return statement.getSubject();
    }

    @Override
    List<Triple> statementsTyping(Graph data, Node property, Node thing) {
        return Axioms.find(data, thing, property, Node.ANY);
    }
}
