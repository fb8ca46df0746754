package org.diplomacykg.reasoning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;

/**
 * A rule declared once, as joins of triple patterns: each {@link Clause} says "these body
 * patterns, matched together in the data, give these head triples", and names the ontology
 * triples (axioms) a derivation also rests on. Everything else a {@link Rule} must say comes
 * from that one declaration, so that a rule that fits is written once:
 * <ul>
 * <li>{@link #inputs()} and {@link #outputs()}: the body's and the head's predicates;</li>
 * <li>{@link #apply}: every match of each clause's body, joined by lookups;</li>
 * <li>{@link #applyChanged}: semi-naive evaluation, each changed triple in the data bound to
 *     every body pattern it matches and the rest of the body joined from it;</li>
 * <li>{@link #applyConcluding}: a conclusion bound to a head and the whole body joined from it;</li>
 * <li>the premises: the matched body triples in body order, then the axioms.</li>
 * </ul>
 * The benchmark's Jena twin ({@code bench/jena}) writes the same clauses as Jena rules.
 * <p>
 * Such a rule is monotone (no absence, latest or count) and its derivations rest on their
 * premises alone. Two guards hold for every clause: a conclusion with a literal subject is not
 * drawn (a literal object never becomes a subject), nor one that is among its own premises (it
 * would explain nothing).
 */
public abstract class PatternRule implements Rule {

    /**
     * One join: {@code body} patterns (variables from {@link PatternRule#var}, constant
     * predicates) that give {@code head}, every head variable bound by the body; {@code axioms}
     * are the concrete ontology triples the derivation rests on besides what the body matched.
     */
    public record Clause(List<Triple> body, List<Triple> head, List<Triple> axioms) {

        public Clause {
            body = List.copyOf(body);
            head = List.copyOf(head);
            axioms = List.copyOf(axioms);
            if ( body.isEmpty() || head.isEmpty() )
                throw new IllegalArgumentException("A clause needs a body and a head");
            Set<Node> bound = new LinkedHashSet<>();
            for ( Triple pattern : body ) {
                if ( !pattern.getPredicate().isURI() )
                    throw new IllegalArgumentException("A body pattern's predicate must be an IRI: " + pattern);
                variables(pattern, bound);
            }
            for ( Triple pattern : head ) {
                if ( !pattern.getPredicate().isURI() )
                    throw new IllegalArgumentException("A head's predicate must be an IRI: " + pattern);
                Set<Node> used = variables(pattern, new LinkedHashSet<>());
                if ( !bound.containsAll(used) )
                    throw new IllegalArgumentException("A head variable the body does not bind: " + pattern);
            }
        }

        /** One pattern, one head and one axiom: the shape of most OWL rules. */
        public static Clause of(Triple body, Triple head, Triple axiom) {
            return new Clause(List.of(body), List.of(head), List.of(axiom));
        }
    }

    /** Where a pattern sits in the rule: the clause and the index of a body or head pattern. */
    private record Slot(Clause clause, int index) {}

    /** A pattern's predicate and, when constant, its object: {@code rdf:type} patterns differ by class. */
    private record Key(Node predicate, Node object) {
        static Key of(Triple pattern) {
            Node o = pattern.getObject();
            return new Key(pattern.getPredicate(), o.isVariable() ? null : o);
        }
    }

    private final String iri;
    private final String label;
    private final String description;
    private final List<Clause> clauses;
    private final Set<Node> inputs;
    private final Set<Node> outputs;
    private final Map<Key, List<Slot>> bodies = new HashMap<>();
    private final Map<Key, List<Slot>> heads = new HashMap<>();

    /** A rule named {@link Rule#RULE_BASE}{@code name}, made of these clauses, run in this order. */
    protected PatternRule(String name, String label, String description, List<Clause> clauses) {
        this.iri = RULE_BASE + name;
        this.label = label;
        this.description = description;
        this.clauses = List.copyOf(clauses);
        Set<Node> in = new LinkedHashSet<>();
        Set<Node> outs = new LinkedHashSet<>();
        for ( Clause clause : this.clauses ) {
            for ( int i = 0; i < clause.body().size(); i++ ) {
                in.add(clause.body().get(i).getPredicate());
                bodies.computeIfAbsent(Key.of(clause.body().get(i)), k -> new ArrayList<>()).add(new Slot(clause, i));
            }
            for ( int i = 0; i < clause.head().size(); i++ ) {
                outs.add(clause.head().get(i).getPredicate());
                heads.computeIfAbsent(Key.of(clause.head().get(i)), k -> new ArrayList<>()).add(new Slot(clause, i));
            }
        }
        this.inputs = Collections.unmodifiableSet(in);
        this.outputs = Collections.unmodifiableSet(outs);
    }

    /** A variable for a pattern, written {@code ?name} in the Jena twin. */
    protected static Node var(String name) {
        return NodeFactory.createVariable(name);
    }

    /** The clauses, in the order {@link #apply} runs them. */
    public final List<Clause> clauses() {
        return clauses;
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

    @Override
    public final Set<Node> inputs() {
        return inputs;
    }

    @Override
    public final Set<Node> outputs() {
        return outputs;
    }

    @Override
    public final void apply(Graph data, Consumer<Derivation> out) {
        for ( Clause clause : clauses )
            join(data, clause, new Triple[clause.body().size()], new HashMap<>(), clause.head(), out);
    }

    @Override
    public final void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        for ( Triple t : changed ) {
            List<Slot> slots = slots(bodies, t);
            if ( slots.isEmpty() || !data.contains(t) )
                continue;
            for ( Slot slot : slots ) {
                Map<Node, Node> binding = new HashMap<>();
                if ( !bind(slot.clause().body().get(slot.index()), t, binding) )
                    continue;
                Triple[] matched = new Triple[slot.clause().body().size()];
                matched[slot.index()] = t;
                join(data, slot.clause(), matched, binding, slot.clause().head(), out);
            }
        }
    }

    @Override
    public final void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        for ( Triple c : conclusions ) {
            for ( Slot slot : slots(heads, c) ) {
                Triple head = slot.clause().head().get(slot.index());
                Map<Node, Node> binding = new HashMap<>();
                if ( bind(head, c, binding) )
                    join(data, slot.clause(), new Triple[slot.clause().body().size()], binding, List.of(head), out);
            }
        }
    }

    /**
     * Matches the body patterns not yet in {@code matched}, next the one with the most bound
     * positions (a lookup rather than a scan), and emits {@code heads} for each full match.
     */
    private void join(Graph data, Clause clause, Triple[] matched, Map<Node, Node> binding, List<Triple> heads,
                      Consumer<Derivation> out) {
        int next = -1;
        int best = -1;
        for ( int i = 0; i < matched.length; i++ ) {
            if ( matched[i] != null )
                continue;
            int bound = boundPositions(clause.body().get(i), binding);
            if ( bound > best ) {
                best = bound;
                next = i;
            }
        }
        if ( next < 0 ) {
            emit(clause, matched, binding, heads, out);
            return;
        }
        Triple pattern = clause.body().get(next);
        // Read in full before going on: a materialiser may add conclusions to the same graph.
        List<Triple> found = G.find(data, lookup(pattern.getSubject(), binding), pattern.getPredicate(),
                                    lookup(pattern.getObject(), binding)).toList();
        for ( Triple t : found ) {
            Map<Node, Node> extended = new HashMap<>(binding);
            if ( !bind(pattern, t, extended) )
                continue;
            matched[next] = t;
            join(data, clause, matched, extended, heads, out);
        }
        matched[next] = null;
    }

    private void emit(Clause clause, Triple[] matched, Map<Node, Node> binding, List<Triple> heads, Consumer<Derivation> out) {
        List<Triple> premises = new ArrayList<>(matched.length + clause.axioms().size());
        Collections.addAll(premises, matched);
        premises.addAll(clause.axioms());
        for ( Triple head : heads ) {
            Triple conclusion = Triple.create(value(head.getSubject(), binding), head.getPredicate(),
                                              value(head.getObject(), binding));
            if ( !conclusion.getSubject().isLiteral() && !premises.contains(conclusion) )
                out.accept(new Derivation(conclusion, this, premises));
        }
    }

    private static List<Slot> slots(Map<Key, List<Slot>> index, Triple t) {
        List<Slot> exact = index.getOrDefault(new Key(t.getPredicate(), t.getObject()), List.of());
        List<Slot> any = index.getOrDefault(new Key(t.getPredicate(), null), List.of());
        if ( exact.isEmpty() )
            return any;
        if ( any.isEmpty() )
            return exact;
        List<Slot> both = new ArrayList<>(exact);
        both.addAll(any);
        return both;
    }

    /** Extends {@code binding} so that {@code pattern} is {@code t}; false when it cannot be. */
    private static boolean bind(Triple pattern, Triple t, Map<Node, Node> binding) {
        return bind(pattern.getSubject(), t.getSubject(), binding)
            && bind(pattern.getPredicate(), t.getPredicate(), binding)
            && bind(pattern.getObject(), t.getObject(), binding);
    }

    private static boolean bind(Node pattern, Node node, Map<Node, Node> binding) {
        if ( !pattern.isVariable() )
            return pattern.equals(node);
        Node already = binding.putIfAbsent(pattern, node);
        return already == null || already.equals(node);
    }

    private static int boundPositions(Triple pattern, Map<Node, Node> binding) {
        int n = 0;
        for ( Node node : List.of(pattern.getSubject(), pattern.getObject()) ) {
            if ( !node.isVariable() || binding.containsKey(node) )
                n++;
        }
        return n;
    }

    private static Node lookup(Node node, Map<Node, Node> binding) {
        return node.isVariable() ? binding.getOrDefault(node, Node.ANY) : node;
    }

    private static Node value(Node node, Map<Node, Node> binding) {
        return node.isVariable() ? binding.get(node) : node;
    }

    private static Set<Node> variables(Triple pattern, Set<Node> into) {
        for ( Node node : List.of(pattern.getSubject(), pattern.getPredicate(), pattern.getObject()) ) {
            if ( node.isVariable() )
                into.add(node);
        }
        return into;
    }

    @Override
    public String toString() {
        return label + " <" + iri + ">";
    }
}
