package org.diplomacykg.reasoning.owl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.diplomacykg.reasoning.Derivation;

/**
 * {@code p owl:propertyChainAxiom (p1 ... pn)} and a path {@code s p1 x1 p2 ... pn o} give
 * {@code (s p o)}. The path is followed from each {@code p1} triple by subject lookups, so the
 * work is the number of paths. Chains with a member that is not an IRI (an inverse-property
 * expression) or a malformed list are ignored. The premises are the n path triples and then
 * the axiom triple, whose object is the list's head.
 */
public final class PropertyChainRule extends OwlRule {

    /** One usable axiom: the triple naming the list, and the list's properties. */
    private record Chain(Triple axiom, List<Node> steps) {}

    private final List<Chain> chains;
    private final Set<Node> inputs;
    private final Set<Node> outputs;

    public PropertyChainRule(Graph ontology) {
        this(chains(ontology));
    }

    private PropertyChainRule(List<Chain> chains) {
        super("owl-property-chain", "property chain",
              "A path along the properties of a declared chain, in order, gives a statement with the chain's property from the path's start to its end.",
              chains.stream().map(Chain::axiom).toList());
        this.chains = chains;
        Set<Node> in = new LinkedHashSet<>();
        Set<Node> outs = new LinkedHashSet<>();
        for ( Chain chain : chains ) {
            in.addAll(chain.steps());
            outs.add(chain.axiom().getSubject());
        }
        this.inputs = Collections.unmodifiableSet(in);
        this.outputs = Collections.unmodifiableSet(outs);
    }

    private static List<Chain> chains(Graph ontology) {
        List<Triple> candidates = Axioms.find(ontology, Node.ANY, OWL2.propertyChainAxiom.asNode(), Node.ANY);
        candidates.sort(Axioms.ORDER);
        List<Chain> chains = new ArrayList<>();
        for ( Triple axiom : candidates ) {
            if ( !axiom.getSubject().isURI() )
                continue;
            Optional<List<Node>> steps = Axioms.list(ontology, axiom.getObject());
            if ( steps.isPresent() && !steps.get().isEmpty() && steps.get().stream().allMatch(Node::isURI) )
                chains.add(new Chain(axiom, List.copyOf(steps.get())));
        }
        return List.copyOf(chains);
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
        for ( Chain chain : chains ) {
            for ( Triple start : Axioms.find(data, Node.ANY, chain.steps().get(0), Node.ANY) ) {
                List<Triple> path = new ArrayList<>(chain.steps().size() + 1);
                path.add(start);
                follow(data, chain, path, out);
            }
        }
    }

    @Override
    public void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : present(data, changed, inputs) ) {
            for ( Chain chain : chains ) {
                for ( int i = 0; i < chain.steps().size(); i++ ) {
                    if ( !chain.steps().get(i).equals(t.getPredicate()) )
                        continue;
                    // Every path through t at step i: the ways of reaching its subject, then on from it.
                    for ( List<Triple> before : reaching(data, chain, i, t.getSubject()) ) {
                        List<Triple> path = new ArrayList<>(before);
                        path.add(t);
                        follow(data, chain, path, out);
                    }
                }
            }
        }
    }

    @Override
    public void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            for ( Chain chain : chains ) {
                if ( !chain.axiom().getSubject().equals(c.getPredicate()) )
                    continue;
                for ( Triple start : Axioms.find(data, c.getSubject(), chain.steps().get(0), Node.ANY) ) {
                    List<Triple> path = new ArrayList<>(chain.steps().size() + 1);
                    path.add(start);
                    follow(data, chain, path, d -> {
                        if ( d.conclusion().equals(c) )
                            out.accept(d);
                    });
                }
            }
        }
    }

    /** The paths along the chain's first {@code steps} properties that end at {@code node}. */
    private static List<List<Triple>> reaching(Graph data, Chain chain, int steps, Node node) {
        if ( steps == 0 )
            return List.of(List.of());
        List<List<Triple>> paths = new ArrayList<>();
        for ( Triple last : Axioms.find(data, Node.ANY, chain.steps().get(steps - 1), node) ) {
            for ( List<Triple> before : reaching(data, chain, steps - 1, last.getSubject()) ) {
                List<Triple> path = new ArrayList<>(before);
                path.add(last);
                paths.add(path);
            }
        }
        return paths;
    }

    /** Extends {@code path} (its first k triples fixed) by every way of taking step k+1. */
    private void follow(Graph data, Chain chain, List<Triple> path, Consumer<Derivation> out) {
        Triple last = path.get(path.size() - 1);
        if ( path.size() == chain.steps().size() ) {
            Triple conclusion = Triple.create(path.get(0).getSubject(), chain.axiom().getSubject(), last.getObject());
            List<Triple> premises = new ArrayList<>(path);
            premises.add(chain.axiom());
            emit(out, conclusion, premises);
            return;
        }
        if ( !Axioms.isResource(last.getObject()) )
            return;
        Node step = chain.steps().get(path.size());
        for ( Triple next : Axioms.find(data, last.getObject(), step, Node.ANY) ) {
            path.add(next);
            follow(data, chain, path, out);
            path.remove(path.size() - 1);
        }
    }
}
