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
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.reasoning.Derivation;

/**
 * {@code p rdfs:range C} and {@code (s p o)} give {@code o rdf:type C}, for a named class C
 * and o an IRI or blank node. Datatype ranges (xsd:dateTime, rdfs:Literal) say nothing about
 * a resource and class expressions name no single type, so both are ignored.
 */
public final class RangeRule extends OwlRule {

    private static final Set<Node> TYPE = Set.of(RDF.Nodes.type);

    private final Set<Node> inputs;

    public RangeRule(Graph ontology) {
        super("owl-range", "range",
              "The object of a statement with a property, when a resource, is of the named class declared as that property's range.",
              Axioms.toNamedClass(ontology, RDFS.Nodes.range));
        this.inputs = nodes(axioms(), Triple::getSubject);
        this.byProperty = index(axioms(), Triple::getSubject);
        this.byClass = index(axioms(), Triple::getObject);
    }

    private final Map<Node, List<Triple>> byProperty;
    private final Map<Node, List<Triple>> byClass;

    @Override
    public Set<Node> inputs() {
        return inputs;
    }

    @Override
    public Set<Node> outputs() {
        return TYPE;
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        for ( Triple axiom : axioms() ) {
            for ( Triple t : Axioms.find(data, Node.ANY, axiom.getSubject(), Node.ANY) ) {
                if ( Axioms.isResource(t.getObject()) )
                    emit(out, Triple.create(t.getObject(), RDF.Nodes.type, axiom.getObject()), List.of(t, axiom));
            }
        }
    }

    @Override
    public void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : present(data, changed, inputs) ) {
            if ( Axioms.isResource(t.getObject()) )
                for ( Triple axiom : byProperty.get(t.getPredicate()) )
                    emit(out, Triple.create(t.getObject(), RDF.Nodes.type, axiom.getObject()), List.of(t, axiom));
        }
    }

    @Override
    public void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            if ( !RDF.Nodes.type.equals(c.getPredicate()) || !Axioms.isResource(c.getSubject()) )
                continue;
            for ( Triple axiom : byClass.getOrDefault(c.getObject(), List.of()) ) {
                for ( Triple t : Axioms.find(data, Node.ANY, axiom.getSubject(), c.getSubject()) )
                    emit(out, c, List.of(t, axiom));
            }
        }
    }
}
