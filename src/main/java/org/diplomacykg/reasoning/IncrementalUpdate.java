package org.diplomacykg.reasoning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.vocab.Graphs;

/**
 * One update of the derived graphs after a net change to the asserted triples, by delete and
 * re-derive (DRed), with nothing kept from earlier runs but the derived graphs themselves. The
 * first three steps run stratum by stratum ({@link Strata}), each stratum starting from every
 * change so far, its lower strata's included, so that a rule that reads the latest, earliest,
 * absence or count of a predicate sees it final:
 * <ol>
 * <li>over-delete: over the data as it was (the change undone), every derivation that uses a
 *     changed triple, or a triple over-deleted so far, gives up its conclusion, unless the
 *     grouped rule that gave it still concludes it over the data as it is ({@link UpdateGraph});</li>
 * <li>re-derive: over what is left, the over-deleted triples (and asserted triples no longer
 *     asserted) that still have a derivation come back;</li>
 * <li>insert: from the added, re-derived and removed triples, semi-naively, until no rule
 *     concludes anything new;</li>
 * <li>explain: for each triple whose derivations changed, the chosen derivations are
 *     worked out again and only the difference is written.</li>
 * </ol>
 * Each step costs lookups from the triples it starts from (see {@link Rule#applyChanged} and
 * {@link Rule#applyConcluding}). The stored graphs are written once, at the end.
 */
final class IncrementalUpdate {

    private final List<Rule> rules;
    private final List<List<Rule>> strata;
    private final DatasetGraph dsg;
    private final Set<Triple> added;
    private final Set<Triple> removed;

    private final Graph asserted;
    private final Graph storedInferred;
    /** The inferred graph as this update brings it. */
    private final Overlay inferred;
    private final UpdateGraph before;
    private final UpdateGraph after;

    private final Set<Rule> ran = new HashSet<>();
    /** Derivations over the data as it was that the change may have taken away, by conclusion. */
    private final Map<Triple, Set<Derivation>> lost = new HashMap<>();
    /** Derivations over the data as it is now found from the change, by conclusion. */
    private final Map<Triple, Set<Derivation>> found = new HashMap<>();
    private final Set<Triple> overDeleted = new LinkedHashSet<>();
    private final ExplanationWriter explanations;
    /** Whether each conclusion looked up so far is asserted. */
    private final Map<Triple, Boolean> assertedNow = new HashMap<>();
    /** The id of each derivation asked about so far: formatting and hashing a long premise list is not cheap. */
    private final Map<Derivation, String> ids = new HashMap<>();

    /**
     * With {@code keepWhatStillHolds}, the over-delete step keeps a conclusion that a group of a
     * grouped rule still concludes over the data as it is (see {@link #run}).
     */
    IncrementalUpdate(List<Rule> rules, List<List<Rule>> strata, Graph ontology, DatasetGraph dsg, Set<Triple> added,
                      Set<Triple> removed, boolean keepWhatStillHolds) {
        this.rules = rules;
        this.strata = strata;
        this.dsg = dsg;
        this.added = added;
        this.removed = removed;
        this.asserted = new AssertedGraph(dsg);
        Overlay assertedBefore = new Overlay(asserted);
        added.forEach(assertedBefore::exclude);
        removed.forEach(assertedBefore::include);
        this.storedInferred = dsg.getGraph(Graphs.Nodes.INFERRED);
        this.inferred = new Overlay(storedInferred);
        // Nothing this update reads as it was changes; what it reads as it is changes only through infer and unInfer.
        this.after = new UpdateGraph(new Union(asserted, inferred));
        this.before = new UpdateGraph(new Union(assertedBefore, storedInferred), keepWhatStillHolds ? after : null);
        this.explanations = new ExplanationWriter(dsg, ontology);
    }

    /**
     * Runs the update and writes it; returns false, having written nothing, when a conclusion the
     * over-delete step kept because its group still concluded it may not hold after all: a triple
     * that group read changed later in the update (an inferred one), so the caller runs the update
     * again without keeping any. Keeping them is what makes a write to a statement of a large
     * position cheap: every conclusion of the position is worked out again, and only those no
     * longer concluded are over-deleted, rather than all of them and what follows from them.
     */
    boolean run() {
        // A triple now asserted is no longer inferred; what rests on it stands.
        for ( Triple t : added ) {
            if ( storedInferred.contains(t) )
                unInfer(t);
        }
        // What this update has changed so far, asserted or derived, as the next stratum reads it.
        Set<Triple> pending = new LinkedHashSet<>(added);
        pending.addAll(removed);
        List<Rule> upToHere = new ArrayList<>();
        for ( List<Rule> stratum : strata ) {
            upToHere.addAll(stratum);
            pending.addAll(overDelete(stratum, pending));
            pending.addAll(rederive(upToHere));
            insert(stratum, pending);
        }
        if ( after.pinsBroken() )
            return false;
        explain();
        write();
        return true;
    }

    List<String> rulesRun() {
        return rules.stream().filter(ran::contains).map(Rule::iri).toList();
    }

    int addedCount() {
        return (int) inferred.extra().size();
    }

    int removedCount() {
        return inferred.hidden().size();
    }

    /**
     * Over the data as it was, gives up the conclusions of every derivation of the stratum's rules
     * that uses a changed triple, or a triple given up so far; returns those given up.
     */
    private Set<Triple> overDelete(List<Rule> stratum, Set<Triple> changed) {
        Set<Triple> deleted = new LinkedHashSet<>();
        Set<Triple> frontier = changed;
        while ( !frontier.isEmpty() ) {
            Set<Triple> next = new LinkedHashSet<>();
            for ( Rule rule : Materialiser.readersOf(stratum, frontier) ) {
                ran.add(rule);
                rule.applyChanged(before, frontier, d -> {
                    Triple c = d.conclusion();
                    lost.computeIfAbsent(c, k -> new HashSet<>()).add(d);
                    if ( storedInferred.contains(c) && !before.concludesNow(c) && overDeleted.add(c) )
                        next.add(c);
                });
            }
            deleted.addAll(next);
            frontier = next;
        }
        deleted.forEach(this::unInfer);
        return deleted;
    }

    /**
     * Brings back the over-deleted triples, and the retracted ones, that the given rules derive
     * without them (the strata done so far: what they read is final); returns those.
     */
    private Set<Triple> rederive(List<Rule> rulesSoFar) {
        Set<Triple> candidates = new LinkedHashSet<>(overDeleted);
        candidates.addAll(removed);
        candidates.removeIf(inferred::contains);
        Set<Triple> back = new LinkedHashSet<>();
        if ( candidates.isEmpty() )
            return back;
        List<Derivation> ds = new ArrayList<>();
        for ( Rule rule : Materialiser.concludersOf(rulesSoFar, candidates) ) {
            ran.add(rule);
            rule.applyConcluding(after, candidates, d -> {
                if ( candidates.contains(d.conclusion()) )
                    ds.add(d);
            });
        }
        keep(ds, back);
        return back;
    }

    /** Semi-naive forward closure of the stratum's rules from {@code pending} over the data as it is now; what it adds joins {@code pending}. */
    private void insert(List<Rule> stratum, Set<Triple> pending) {
        Set<Triple> frontier = new LinkedHashSet<>(pending);
        while ( !frontier.isEmpty() ) {
            Set<Triple> next = new LinkedHashSet<>();
            for ( Rule rule : Materialiser.readersOf(stratum, frontier) ) {
                ran.add(rule);
                List<Derivation> ds = new ArrayList<>();
                rule.applyChanged(after, frontier, ds::add);
                keep(ds, next);
            }
            pending.addAll(next);
            frontier = next;
        }
    }

    /** Records derivations found now, and infers their conclusions that are new; those go to {@code fresh}. */
    private void keep(List<Derivation> ds, Set<Triple> fresh) {
        for ( Derivation d : ds ) {
            Triple c = d.conclusion();
            found.computeIfAbsent(c, k -> new HashSet<>()).add(d);
            if ( !inferred.contains(c) && !isAsserted(c) ) {
                infer(c);
                fresh.add(c);
            }
        }
    }

    /**
     * Whether {@code t} is asserted, remembered: the asserted triples do not change during an
     * update, and a group worked out again gives the same conclusions to look up, each a scan of
     * every graph of the store.
     */
    private boolean isAsserted(Triple t) {
        return assertedNow.computeIfAbsent(t, asserted::contains);
    }

    private void infer(Triple t) {
        inferred.include(t);
        after.changed(t);
    }

    private void unInfer(Triple t) {
        inferred.exclude(t);
        after.changed(t);
    }

    /** Rewrites the chosen derivations of every triple whose derivations may have changed. */
    private void explain() {
        Set<Triple> touched = new LinkedHashSet<>(lost.keySet());
        touched.addAll(found.keySet());
        touched.addAll(overDeleted);
        touched.addAll(added);
        Map<Triple, Set<String>> writtenOf = new LinkedHashMap<>();
        Set<Triple> workedOutAgain = new LinkedHashSet<>();
        for ( Triple c : touched ) {
            boolean was = storedInferred.contains(c);
            boolean is = inferred.contains(c);
            if ( !was && !is )
                continue;
            Set<String> written = was ? new HashSet<>(explanations.written(c)) : Set.of();
            writtenOf.put(c, written);
            if ( is && needsAllDerivations(c, written) )
                workedOutAgain.add(c);
        }
        Map<Triple, Set<Derivation>> all = allDerivations(workedOutAgain);
        // Derivations given their rule and premises in this update (for another conclusion).
        Set<String> whole = new HashSet<>();
        writtenOf.forEach((c, written) -> {
            Map<String, Derivation> now;
            if ( !inferred.contains(c) )
                now = Map.of();
            else if ( workedOutAgain.contains(c) )
                now = byId(Materialiser.chosenOf(all.getOrDefault(c, Set.of()), this::id));
            else
                now = chosenFromWrittenAndFound(c, written);
            for ( String id : written ) {
                if ( !now.containsKey(id) )
                    explanations.remove(id, c);
            }
            now.forEach((id, d) -> {
                if ( !written.contains(id) )
                    explanations.write(d, id, whole);
            });
        });
    }

    /**
     * Whether the derivations to write for {@code c} (inferred now) must be chosen from all of
     * c's derivations, worked out backwards: when one of those written has been lost, or c was
     * asserted before. Otherwise the smallest ids of the written and the newly found are the
     * chosen ones (a derivation neither written nor found now was not chosen before and has a
     * larger id than every written one).
     */
    private boolean needsAllDerivations(Triple c, Set<String> written) {
        if ( !storedInferred.contains(c) && removed.contains(c) )
            return true;
        Set<Derivation> now = found.getOrDefault(c, Set.of());
        for ( Derivation d : lost.getOrDefault(c, Set.of()) ) {
            if ( !now.contains(d) && written.contains(id(d)) )
                return true;
        }
        return false;
    }

    /**
     * Every derivation of the given triples over the data as it is now, by conclusion. One
     * backward run per rule for all of them: a rule that works out whole groups (all the
     * tenures of a role) does each group once, not once per triple.
     */
    private Map<Triple, Set<Derivation>> allDerivations(Set<Triple> conclusions) {
        Map<Triple, Set<Derivation>> out = new HashMap<>();
        if ( conclusions.isEmpty() )
            return out;
        for ( Rule rule : Materialiser.concludersOf(rules, conclusions) ) {
            rule.applyConcluding(after, conclusions, d -> {
                if ( conclusions.contains(d.conclusion()) )
                    out.computeIfAbsent(d.conclusion(), k -> new LinkedHashSet<>()).add(d);
            });
        }
        return out;
    }

    /**
     * The chosen derivations of {@code c} among those written (null values) and those found now.
     * A derivation found again that held before (it is among the lost) is left out unhashed: the
     * written one was the smallest of those that held before, so it is not smaller.
     */
    private Map<String, Derivation> chosenFromWrittenAndFound(Triple c, Set<String> written) {
        Map<String, Derivation> candidates = new TreeMap<>();
        written.forEach(id -> candidates.put(id, null));
        Set<Derivation> before = lost.getOrDefault(c, Set.of());
        for ( Derivation d : found.getOrDefault(c, Set.of()) ) {
            if ( !before.contains(d) )
                candidates.put(id(d), d);
        }
        return Materialiser.chosen(candidates);
    }

    private Map<String, Derivation> byId(Collection<Derivation> ds) {
        Map<String, Derivation> out = new TreeMap<>();
        ds.forEach(d -> out.put(id(d), d));
        return out;
    }

    private String id(Derivation d) {
        return ids.computeIfAbsent(d, explanations::id);
    }

    private void write() {
        for ( Triple t : inferred.hidden() )
            dsg.delete(Graphs.Nodes.INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
        inferred.extra().find().forEachRemaining(t ->
            dsg.add(Graphs.Nodes.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
    }
}
