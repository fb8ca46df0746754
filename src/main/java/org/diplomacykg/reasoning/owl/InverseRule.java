package org.diplomacykg.reasoning.owl;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.diplomacykg.reasoning.Derivation;

/**
 * {@code p owl:inverseOf q} gives {@code (o q s)} from {@code (s p o)} and {@code (o p s)}
 * from {@code (s q o)}: the axiom works both ways, so data may use either property. A
 * literal object is never turned into a subject.
 */
public final class InverseRule extends OwlRule {

    private final Set<Node> properties;

    public InverseRule(Graph ontology) {
        super("owl-inverse", "inverse",
              "A statement with a property gives the reverse statement with its declared inverse, in both directions.",
              Axioms.betweenIris(ontology, OWL2.inverseOf.asNode()));
        this.properties = nodes(axioms(), Triple::getSubject, Triple::getObject);
    }

    @Override
    public Set<Node> inputs() {
        return properties;
    }

    @Override
    public Set<Node> outputs() {
        return properties;
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        for ( Triple axiom : axioms() ) {
            reverse(data, axiom, axiom.getSubject(), axiom.getObject(), out);
            if ( !axiom.getSubject().equals(axiom.getObject()) )
                reverse(data, axiom, axiom.getObject(), axiom.getSubject(), out);
        }
    }

    private void reverse(Graph data, Triple axiom, Node from, Node to, Consumer<Derivation> out) {
        for ( Triple t : Axioms.find(data, Node.ANY, from, Node.ANY) ) {
            if ( Axioms.isResource(t.getObject()) ) {
                Triple conclusion = Triple.create(t.getObject(), to, t.getSubject());
                emit(out, conclusion, List.of(t, axiom));
            }
        }
    }
}
