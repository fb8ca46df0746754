package org.diplomacykg.reasoning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * The data as one update reads it (before the change, or as the update is bringing it), which
 * remembers the derivations a grouped rule worked out for each group (a position, for its
 * continuity or its incompatibilities) until a triple the group read changes. One update asks
 * for the same group up to four times: over-delete, re-derive, insert, and when the chosen
 * derivation is worked out again; a group can be hundreds of statements, each read and decoded
 * from the store every time. What
 * a group read is recorded as the patterns it looked up, so that a changed triple forgets
 * exactly the groups that could see it; the work itself is deterministic, so a group whose
 * reads did not change gives the same derivations again.
 * <p>
 * The graph of the data as it was also works each group out over the data as it is, so that the
 * over-delete step can keep what a group still concludes ({@link #concludesNow}) instead of
 * deleting all of a position's conclusions, and all that follows from them, to derive them again.
 * <p>
 * Lives for one update; the caller says what changes ({@link #changed}), as the graph below
 * changes under it.
 */
public final class UpdateGraph extends GraphBase {

    private record Key(String rule, Node group) {}

    private final Graph base;
    private final Map<Key, List<Derivation>> results = new HashMap<>();
    /** For each pattern looked up (Node.ANY where open), the groups whose work looked it up. */
    private final Map<Triple, Set<Key>> readers = new HashMap<>();
    /** Of the data as it was: the same data as the update is bringing it, or null. */
    private final UpdateGraph now;
    /** Of the data as it was: what the groups asked of it conclude in {@link #now}. */
    private final Set<Triple> concludedNow = new HashSet<>();
    /** Of the data as it is: the groups whose conclusions {@link #concludedNow} holds, and whether one has been forgotten since. */
    private final Set<Key> pinned = new HashSet<>();
    private boolean pinsBroken;

    /** Over the data as the update is bringing it. */
    UpdateGraph(Graph base) {
        this(base, null);
    }

    /**
     * Over the data as it was; each group asked of it is also worked out in {@code now}, so
     * that the update can tell what the group still concludes ({@link #concludesNow}).
     */
    UpdateGraph(Graph base, UpdateGraph now) {
        this.base = base;
        this.now = now;
    }

    /**
     * Gives {@code out} the derivations of {@code rule} for {@code group}: as found before if the
     * group's reads have not changed since, else by running {@code work} over this graph.
     */
    public void derivations(Rule rule, Node group, BiConsumer<Graph, Consumer<Derivation>> work, Consumer<Derivation> out) {
        Key key = new Key(rule.iri(), group);
        if ( now != null ) {
            now.result(key, work).forEach(d -> concludedNow.add(d.conclusion()));
            now.pinned.add(key);
        }
        result(key, work).forEach(out);
    }

    /**
     * Whether a group asked of this graph (the data as it was) concludes {@code t} in the data as
     * the update is bringing it: as long as {@link #pinsBroken} is false, {@code t} holds at the
     * end of the update.
     */
    boolean concludesNow(Triple t) {
        return concludedNow.contains(t);
    }

    /** Whether a group that {@link #concludesNow} rests on has read a triple that changed since. */
    boolean pinsBroken() {
        return pinsBroken;
    }

    private List<Derivation> result(Key key, BiConsumer<Graph, Consumer<Derivation>> work) {
        List<Derivation> found = results.get(key);
        if ( found == null ) {
            Recording reads = new Recording();
            found = new ArrayList<>();
            work.accept(reads, found::add);
            results.put(key, found);
            for ( Triple pattern : reads.patterns )
                readers.computeIfAbsent(pattern, k -> new HashSet<>()).add(key);
        }
        return found;
    }

    /** Forgets the groups that looked up a pattern {@code t} matches: it was added to or removed from the graph below. */
    void changed(Triple t) {
        if ( results.isEmpty() )
            return;
        for ( Node s : new Node[] { t.getSubject(), Node.ANY } )
            for ( Node p : new Node[] { t.getPredicate(), Node.ANY } )
                for ( Node o : new Node[] { t.getObject(), Node.ANY } ) {
                    Set<Key> keys = readers.remove(Triple.create(s, p, o));
                    if ( keys != null )
                        keys.forEach(this::forget);
                }
    }

    private void forget(Key key) {
        if ( results.remove(key) != null && pinned.contains(key) )
            pinsBroken = true;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        return base.find(pattern);
    }

    @Override
    protected boolean graphBaseContains(Triple t) {
        return base.contains(t);
    }

    /** This graph, noting each pattern looked up. */
    private final class Recording extends GraphBase {

        private final Set<Triple> patterns = new HashSet<>();

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            patterns.add(open(pattern));
            return base.find(pattern);
        }

        @Override
        protected boolean graphBaseContains(Triple t) {
            patterns.add(open(t));
            return base.contains(t);
        }

    }

    /** The pattern with Node.ANY for every open position (a variable matches anything too). */
    private static Triple open(Triple pattern) {
        return Triple.create(openNode(pattern.getSubject()), openNode(pattern.getPredicate()), openNode(pattern.getObject()));
    }

    private static Node openNode(Node n) {
        return n.isConcrete() ? n : Node.ANY;
    }
}
