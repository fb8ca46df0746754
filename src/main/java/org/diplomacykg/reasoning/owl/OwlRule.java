package org.diplomacykg.reasoning.owl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Rule;

/**
 * What the OWL rules share: a name under {@link Rule#RULE_BASE}, a label, a description and
 * the ontology axioms the rule was compiled from, read once at construction so that the
 * data given to {@link #apply} is never consulted for axioms.
 * <p>
 * Every OWL rule's derivation rests on its premises alone, so {@link #applyChanged} is
 * semi-naive evaluation (the derivations that use a changed triple present in the data,
 * joined with the rest of the data) and {@link #applyConcluding} reads the axioms backwards
 * from a conclusion: both cost lookups, not scans.
 */
public abstract class OwlRule implements Rule {

    private final String iri;
    private final String label;
    private final String description;
    private final List<Triple> axioms;

    protected OwlRule(String name, String label, String description, List<Triple> axioms) {
        this.iri = RULE_BASE + name;
        this.label = label;
        this.description = description;
        this.axioms = List.copyOf(axioms);
    }

    @Override
    public final String iri() {
        return iri;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The ontology triples this rule was compiled from, in a fixed order. */
    public final List<Triple> axioms() {
        return axioms;
    }

    /**
     * Passes on one derivation, unless its conclusion is one of its own premises: such a
     * step (a triple "derived" from itself) adds nothing and would explain nothing.
     */
    protected final void emit(Consumer<Derivation> out, Triple conclusion, List<Triple> premises) {
        if ( !premises.contains(conclusion) )
            out.accept(new Derivation(conclusion, this, premises));
    }

    /** The axioms grouped by the node {@code key} picks out of each, in axiom order. */
    protected static Map<Node, List<Triple>> index(Collection<Triple> axioms, Function<Triple, Node> key) {
        Map<Node, List<Triple>> index = new HashMap<>();
        for ( Triple axiom : axioms )
            index.computeIfAbsent(key.apply(axiom), k -> new ArrayList<>()).add(axiom);
        return index;
    }

    /** The changed triples with one of the predicates that are in {@code data}: the only ones a derivation can use. */
    protected static List<Triple> present(Graph data, Collection<Triple> changed, Set<Node> predicates) {
        List<Triple> out = new ArrayList<>();
        for ( Triple t : changed ) {
            if ( predicates.contains(t.getPredicate()) && data.contains(t) )
                out.add(t);
        }
        return out;
    }

    /** The nodes picked out of each axiom, in axiom order, as an unmodifiable set. */
    @SafeVarargs
    protected static Set<Node> nodes(Collection<Triple> axioms, Function<Triple, Node>... picks) {
        Set<Node> nodes = new LinkedHashSet<>();
        for ( Triple axiom : axioms ) {
            for ( Function<Triple, Node> pick : picks )
                nodes.add(pick.apply(axiom));
        }
        return Collections.unmodifiableSet(nodes);
    }

    @Override
    public String toString() {
        return label + " <" + iri + ">";
    }
}
