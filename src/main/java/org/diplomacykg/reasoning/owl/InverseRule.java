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
        this.bySubject = index(axioms(), Triple::getSubject);
        this.byObject = index(axioms(), Triple::getObject);
    }

    private final Map<Node, List<Triple>> bySubject;
    private final Map<Node, List<Triple>> byObject;

    @Override
    public void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : present(data, changed, properties) ) {
            if ( !Axioms.isResource(t.getObject()) )
                continue;
            for ( Triple axiom : bySubject.getOrDefault(t.getPredicate(), List.of()) )
                emit(out, Triple.create(t.getObject(), axiom.getObject(), t.getSubject()), List.of(t, axiom));
            for ( Triple axiom : byObject.getOrDefault(t.getPredicate(), List.of()) ) {
                if ( !axiom.getSubject().equals(axiom.getObject()) )
                    emit(out, Triple.create(t.getObject(), axiom.getSubject(), t.getSubject()), List.of(t, axiom));
            }
        }
    }

    @Override
    public void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            if ( !Axioms.isResource(c.getSubject()) || !Axioms.isResource(c.getObject()) )
                continue;
            // (o q s) comes from (s p o) with p inverseOf q, or with q inverseOf p.
            for ( Triple axiom : byObject.getOrDefault(c.getPredicate(), List.of()) )
                concludeFrom(data, c, axiom, axiom.getSubject(), out);
            for ( Triple axiom : bySubject.getOrDefault(c.getPredicate(), List.of()) ) {
                if ( !axiom.getSubject().equals(axiom.getObject()) )
                    concludeFrom(data, c, axiom, axiom.getObject(), out);
            }
        }
    }

    private void concludeFrom(Graph data, Triple c, Triple axiom, Node from, Consumer<Derivation> out) {
        Triple t = Triple.create(c.getObject(), from, c.getSubject());
        if ( data.contains(t) )
            emit(out, c, List.of(t, axiom));
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
