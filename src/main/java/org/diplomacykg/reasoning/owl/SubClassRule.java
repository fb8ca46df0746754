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
 * {@code C rdfs:subClassOf D} and {@code x rdf:type C} give {@code x rdf:type D}, for named
 * classes C and D. Class expressions (blank nodes) are left to a DL reasoner; one step per
 * application, so a chain Summit, Meeting, Event is climbed one class per round.
 */
public final class SubClassRule extends OwlRule {

    private static final Set<Node> TYPE = Set.of(RDF.Nodes.type);

    private final Map<Node, List<Triple>> bySubClass;
    private final Map<Node, List<Triple>> bySuperClass;

    public SubClassRule(Graph ontology) {
        super("owl-subclass", "sub-class",
              "Everything of a class is also of each named class it is declared a sub-class of.",
              Axioms.betweenIris(ontology, RDFS.Nodes.subClassOf));
        this.bySubClass = index(axioms(), Triple::getSubject);
        this.bySuperClass = index(axioms(), Triple::getObject);
    }

    @Override
    public Set<Node> inputs() {
        return TYPE;
    }

    @Override
    public Set<Node> outputs() {
        return TYPE;
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        for ( Triple axiom : axioms() ) {
            for ( Triple typing : Axioms.find(data, Node.ANY, RDF.Nodes.type, axiom.getSubject()) ) {
                Triple conclusion = Triple.create(typing.getSubject(), RDF.Nodes.type, axiom.getObject());
                emit(out, conclusion, List.of(typing, axiom));
            }
        }
    }

    @Override
    public void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple typing : present(data, changed, TYPE) ) {
            for ( Triple axiom : bySubClass.getOrDefault(typing.getObject(), List.of()) )
                emit(out, Triple.create(typing.getSubject(), RDF.Nodes.type, axiom.getObject()), List.of(typing, axiom));
        }
    }

    @Override
    public void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            if ( !RDF.Nodes.type.equals(c.getPredicate()) )
                continue;
            for ( Triple axiom : bySuperClass.getOrDefault(c.getObject(), List.of()) ) {
                Triple typing = Triple.create(c.getSubject(), RDF.Nodes.type, axiom.getSubject());
                if ( data.contains(typing) )
                    emit(out, c, List.of(typing, axiom));
            }
        }
    }
}
