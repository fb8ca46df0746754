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
 * {@code p rdf:type owl:SymmetricProperty} and {@code (s p o)} give {@code (o p s)}, unless
 * o is a literal, so a relation such as counterpart need only be stated one way round.
 */
public final class SymmetricRule extends OwlRule {

    private final Set<Node> properties;

    public SymmetricRule(Graph ontology) {
        super("owl-symmetric", "symmetric property",
              "A statement with a symmetric property also holds with subject and object swapped.",
              Axioms.typed(ontology, OWL2.SymmetricProperty.asNode()));
        this.properties = nodes(axioms(), Triple::getSubject);
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
            Node p = axiom.getSubject();
            for ( Triple t : Axioms.find(data, Node.ANY, p, Node.ANY) ) {
                if ( Axioms.isResource(t.getObject()) )
                    emit(out, Triple.create(t.getObject(), p, t.getSubject()), List.of(t, axiom));
            }
        }
    }
}
