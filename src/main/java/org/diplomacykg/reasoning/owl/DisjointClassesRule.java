package org.diplomacykg.reasoning.owl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;

/**
 * {@code C owl:disjointWith D} (or C and D both members of one {@code owl:AllDisjointClasses})
 * and {@code x rdf:type C}, {@code x rdf:type D} give {@code x rdf:type owl:Nothing}: x is a
 * clash, something the data (with what the other rules infer from it) says is of two classes
 * that have no member in common. OWL 2 RL's rules cax-dw and cax-adc conclude "false" there;
 * typing the culprit {@code owl:Nothing}, as RDFox does, keeps the inconsistency where a
 * reader can find it ({@code ?x a owl:Nothing}) and explain it (its premises are the two
 * typings, each with its own derivation when inferred, say from a property's domain), and
 * refuses nothing: the SHACL gate is what refuses a write.
 * <p>
 * Named classes only; an {@code owl:AllDisjointClasses} whose list is malformed or holds a
 * class expression is ignored. One clause per pair of classes, in the axiom's order.
 */
public final class DisjointClassesRule extends OwlRule {

    private static final Node X = var("x");

    public DisjointClassesRule(Graph ontology) {
        super("owl-disjoint-classes", "disjoint classes",
              "Something of two classes declared disjoint is of the class owl:Nothing: the data contradicts the ontology there.",
              axioms(ontology),
              axiom -> clauses(axiom, members(ontology, axiom)));
    }

    /**
     * The {@code owl:disjointWith} axioms between named classes, sorted, then the
     * {@code owl:members} triple of each usable {@code owl:AllDisjointClasses}, sorted by its
     * members (its subject is a blank node, whose label changes with every parse).
     */
    private static List<Triple> axioms(Graph ontology) {
        List<Triple> axioms = new ArrayList<>();
        for ( Triple axiom : Axioms.betweenIris(ontology, OWL2.disjointWith.asNode()) ) {
            if ( Axioms.isNamedClass(ontology, axiom.getSubject()) && Axioms.isNamedClass(ontology, axiom.getObject()) )
                axioms.add(axiom);
        }
        List<Triple> groups = new ArrayList<>();
        for ( Triple declared : Axioms.find(ontology, Node.ANY, RDF.Nodes.type, OWL2.AllDisjointClasses.asNode()) ) {
            List<Triple> lists = Axioms.find(ontology, declared.getSubject(), OWL2.members.asNode(), Node.ANY);
            if ( lists.size() != 1 )
                continue;
            Optional<List<Node>> members = Axioms.list(ontology, lists.get(0).getObject());
            if ( members.isPresent() && members.get().size() > 1
                 && members.get().stream().allMatch(c -> Axioms.isNamedClass(ontology, c)) )
                groups.add(lists.get(0));
        }
        groups.sort(Comparator.comparing(group -> members(ontology, group).toString()));
        axioms.addAll(groups);
        return axioms;
    }

    /** The classes an axiom declares disjoint: the two ends of a disjointWith, or the list of an AllDisjointClasses. */
    private static List<Node> members(Graph ontology, Triple axiom) {
        if ( axiom.getPredicate().equals(OWL2.disjointWith.asNode()) )
            return List.of(axiom.getSubject(), axiom.getObject());
        return Axioms.list(ontology, axiom.getObject()).orElseThrow();
    }

    /** {@code (?x a Ci), (?x a Cj)} give {@code (?x a owl:Nothing)}, for each pair i < j. */
    private static List<Clause> clauses(Triple axiom, List<Node> classes) {
        List<Clause> clauses = new ArrayList<>();
        for ( int i = 0; i < classes.size(); i++ ) {
            for ( int j = i + 1; j < classes.size(); j++ ) {
                if ( classes.get(i).equals(classes.get(j)) )
                    continue;
                clauses.add(new Clause(List.of(Triple.create(X, RDF.Nodes.type, classes.get(i)),
                                               Triple.create(X, RDF.Nodes.type, classes.get(j))),
                                       List.of(Triple.create(X, RDF.Nodes.type, OWL2.Nothing.asNode())),
                                       List.of(axiom)));
            }
        }
        return clauses;
    }
}
