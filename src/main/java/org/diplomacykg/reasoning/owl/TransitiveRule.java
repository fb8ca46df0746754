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
 * {@code p rdf:type owl:TransitiveProperty}, {@code (a p b)} and {@code (b p c)} give
 * {@code (a p c)}: one step, joining each triple with the triples leaving its object (a
 * subject lookup, so the work is the number of two-step paths, not the square of the data).
 * Steps where a = b or b = c are skipped, since their conclusion is one of their premises.
 */
public final class TransitiveRule extends OwlRule {

    private final Set<Node> properties;

    public TransitiveRule(Graph ontology) {
        super("owl-transitive", "transitive property",
              "Two statements with a transitive property, the object of the first being the subject of the second, give the statement joining their ends.",
              Axioms.typed(ontology, OWL2.TransitiveProperty.asNode()));
        this.properties = nodes(axioms(), Triple::getSubject);
        this.byProperty = index(axioms(), Triple::getSubject);
    }

    private final Map<Node, List<Triple>> byProperty;

    @Override
    public void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : present(data, changed, properties) ) {
            Node p = t.getPredicate();
            for ( Triple axiom : byProperty.get(p) ) {
                // t as the first step: (a p b) with each (b p c).
                Node a = t.getSubject(), b = t.getObject();
                if ( !a.equals(b) && Axioms.isResource(b) ) {
                    for ( Triple second : Axioms.find(data, b, p, Node.ANY) ) {
                        if ( !second.getObject().equals(b) )
                            emit(out, Triple.create(a, p, second.getObject()), List.of(t, second, axiom));
                    }
                }
                // t as the second step: each (a p b) with (b p c).
                Node mid = t.getSubject(), c = t.getObject();
                if ( c.equals(mid) )
                    continue;
                for ( Triple first : Axioms.find(data, Node.ANY, p, mid) ) {
                    if ( !first.getSubject().equals(mid) )
                        emit(out, Triple.create(first.getSubject(), p, c), List.of(first, t, axiom));
                }
            }
        }
    }

    @Override
    public void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            Node p = c.getPredicate();
            for ( Triple axiom : byProperty.getOrDefault(p, List.of()) ) {
                for ( Triple first : Axioms.find(data, c.getSubject(), p, Node.ANY) ) {
                    Node b = first.getObject();
                    if ( b.equals(c.getSubject()) || b.equals(c.getObject()) || !Axioms.isResource(b) )
                        continue;
                    Triple second = Triple.create(b, p, c.getObject());
                    if ( data.contains(second) )
                        emit(out, c, List.of(first, second, axiom));
                }
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
            for ( Triple first : Axioms.find(data, Node.ANY, p, Node.ANY) ) {
                Node a = first.getSubject();
                Node b = first.getObject();
                if ( a.equals(b) || !Axioms.isResource(b) )
                    continue;
                for ( Triple second : Axioms.find(data, b, p, Node.ANY) ) {
                    Node c = second.getObject();
                    if ( !c.equals(b) )
                        emit(out, Triple.create(a, p, c), List.of(first, second, axiom));
                }
            }
        }
    }
}
