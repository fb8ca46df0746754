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
