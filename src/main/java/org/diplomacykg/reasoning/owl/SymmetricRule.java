package org.diplomacykg.reasoning.owl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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
        this.byProperty = index(axioms(), Triple::getSubject);
    }

    private final Map<Node, List<Triple>> byProperty;

    @Override
    public void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : present(data, changed, properties) ) {
            if ( Axioms.isResource(t.getObject()) )
                for ( Triple axiom : byProperty.get(t.getPredicate()) )
                    emit(out, Triple.create(t.getObject(), t.getPredicate(), t.getSubject()), List.of(t, axiom));
        }
    }

    @Override
    public void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            if ( !Axioms.isResource(c.getSubject()) || !Axioms.isResource(c.getObject()) )
                continue;
            Triple t = Triple.create(c.getObject(), c.getPredicate(), c.getSubject());
            for ( Triple axiom : byProperty.getOrDefault(c.getPredicate(), List.of()) ) {
                if ( data.contains(t) )
                    emit(out, c, List.of(t, axiom));
            }
        }
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
