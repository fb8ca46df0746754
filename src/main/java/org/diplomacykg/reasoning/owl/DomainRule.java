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
 * {@code p rdfs:domain C} and {@code (s p o)} give {@code s rdf:type C}, for a named class C.
 * Domains that are class expressions (blank nodes such as unions) are ignored: they say
 * "one of these", which is no single type to conclude.
 */
public final class DomainRule extends OwlRule {

    private static final Set<Node> TYPE = Set.of(RDF.Nodes.type);

    private final Set<Node> inputs;

    public DomainRule(Graph ontology) {
        super("owl-domain", "domain",
              "The subject of a statement with a property is of the named class declared as that property's domain.",
              Axioms.toNamedClass(ontology, RDFS.Nodes.domain));
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
                if ( Axioms.isResource(t.getSubject()) )
                    emit(out, Triple.create(t.getSubject(), RDF.Nodes.type, axiom.getObject()), List.of(t, axiom));
            }
        }
    }

    @Override
    public void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : present(data, changed, inputs) ) {
            if ( Axioms.isResource(t.getSubject()) )
                for ( Triple axiom : byProperty.get(t.getPredicate()) )
                    emit(out, Triple.create(t.getSubject(), RDF.Nodes.type, axiom.getObject()), List.of(t, axiom));
        }
    }

    @Override
    public void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            if ( !RDF.Nodes.type.equals(c.getPredicate()) || !Axioms.isResource(c.getSubject()) )
                continue;
            for ( Triple axiom : byClass.getOrDefault(c.getObject(), List.of()) ) {
                for ( Triple t : Axioms.find(data, c.getSubject(), axiom.getSubject(), Node.ANY) )
                    emit(out, c, List.of(t, axiom));
            }
        }
    }
}
