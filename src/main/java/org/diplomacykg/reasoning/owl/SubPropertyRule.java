package org.diplomacykg.reasoning.owl;

import java.util.List;
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
    }

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
}
