package org.diplomacykg.reasoning.owl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.reasoning.Derivation;

/**
 * {@code p rdfs:subPropertyOf q} and {@code (s p o)} give {@code (s q o)}, for named
 * properties p and q (inverse-property expressions are blank nodes and are left out).
 */
public final class SubPropertyRule extends OwlRule {

    private final Set<Node> inputs;
    private final Set<Node> outputs;

    public SubPropertyRule(Graph ontology) {
        super("owl-subproperty", "sub-property",
              "A statement with a property also holds with each property it is declared a sub-property of.",
              Axioms.betweenIris(ontology, RDFS.Nodes.subPropertyOf));
        this.inputs = nodes(axioms(), Triple::getSubject);
        this.outputs = nodes(axioms(), Triple::getObject);
        this.bySub = index(axioms(), Triple::getSubject);
        this.bySuper = index(axioms(), Triple::getObject);
    }

    private final Map<Node, List<Triple>> bySub;
    private final Map<Node, List<Triple>> bySuper;

    @Override
    public Set<Node> inputs() {
        return inputs;
    }

    @Override
    public Set<Node> outputs() {
        return outputs;
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        for ( Triple axiom : axioms() ) {
            for ( Triple t : Axioms.find(data, Node.ANY, axiom.getSubject(), Node.ANY) ) {
                Triple conclusion = Triple.create(t.getSubject(), axiom.getObject(), t.getObject());
                emit(out, conclusion, List.of(t, axiom));
            }
        }
    }

    @Override
    public void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : present(data, changed, inputs) ) {
            for ( Triple axiom : bySub.get(t.getPredicate()) )
                emit(out, Triple.create(t.getSubject(), axiom.getObject(), t.getObject()), List.of(t, axiom));
        }
    }

    @Override
    public void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            for ( Triple axiom : bySuper.getOrDefault(c.getPredicate(), List.of()) ) {
                Triple t = Triple.create(c.getSubject(), axiom.getSubject(), c.getObject());
                if ( data.contains(t) )
                    emit(out, c, List.of(t, axiom));
            }
        }
    }
}
