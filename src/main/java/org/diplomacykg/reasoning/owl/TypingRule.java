package org.diplomacykg.reasoning.owl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Derivation;

/**
 * What {@link DomainRule} and {@link RangeRule} share: an axiom {@code p AXIOM C} and a
 * statement {@code (s p o)} give one end of the statement, when it is a resource, the type C.
 * They differ only in the end ({@link #typed}).
 */
public abstract class TypingRule extends OwlRule {

    private static final Set<Node> TYPE = Set.of(RDF.Nodes.type);

    private final Set<Node> inputs;
    private final Map<Node, List<Triple>> byProperty;
    private final Map<Node, List<Triple>> byClass;

    TypingRule(String name, String label, String description, List<Triple> axioms) {
        super(name, label, description, axioms);
        this.inputs = nodes(axioms(), Triple::getSubject);
        this.byProperty = index(axioms(), Triple::getSubject);
        this.byClass = index(axioms(), Triple::getObject);
    }

    /** The end of {@code statement} that gets the type. */
    abstract Node typed(Triple statement);

    /** The statements with {@code property} whose typed end is {@code thing}. */
    abstract List<Triple> statementsTyping(Graph data, Node property, Node thing);

    @Override
    public final Set<Node> inputs() {
        return inputs;
    }

    @Override
    public final Set<Node> outputs() {
        return TYPE;
    }

    @Override
    public final void apply(Graph data, Consumer<Derivation> out) {
        for ( Triple axiom : axioms() ) {
            for ( Triple t : Axioms.find(data, Node.ANY, axiom.getSubject(), Node.ANY) )
                typeOf(t, axiom, out);
        }
    }

    @Override
    public final void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : present(data, changed, inputs) ) {
            for ( Triple axiom : byProperty.get(t.getPredicate()) )
                typeOf(t, axiom, out);
        }
    }

    @Override
    public final void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            if ( !RDF.Nodes.type.equals(c.getPredicate()) || !Axioms.isResource(c.getSubject()) )
                continue;
            for ( Triple axiom : byClass.getOrDefault(c.getObject(), List.of()) ) {
                for ( Triple t : statementsTyping(data, axiom.getSubject(), c.getSubject()) )
                    emit(out, c, List.of(t, axiom));
            }
        }
    }

    private void typeOf(Triple statement, Triple axiom, Consumer<Derivation> out) {
        Node end = typed(statement);
        if ( Axioms.isResource(end) )
            emit(out, Triple.create(end, RDF.Nodes.type, axiom.getObject()), List.of(statement, axiom));
    }
}
