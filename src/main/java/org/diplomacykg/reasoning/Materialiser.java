package org.diplomacykg.reasoning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.diplomacykg.vocab.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rules to a fixpoint and writes what they derive: the conclusions that are not
 * asserted into the inferred graph, and one derivation per reason into the explanations
 * graph. Nothing else is written.
 * <p>
 * Incremental maintenance, in the manner of rdf4j's schema-caching inferencer: the
 * derivations of the last run are kept; after a change, only the rules that read a
 * touched predicate (and, transitively, the rules that read what those conclude) are
 * re-run, the others' derivations stand. A change to the ontology graph, a change whose
 * predicates are unknown, or a previous failure means a full recomputation.
 * <p>
 * Callers hold the dataset's write transaction; the methods are synchronized because
 * the state is the materialiser's, not the transaction's.
 */
public final class Materialiser {

    private static final Logger LOG = LoggerFactory.getLogger(Materialiser.class);

    /** How many derivations of one inferred triple the explanations graph holds. */
    static final int REASONS_PER_TRIPLE = 3;

    private final Function<Graph, List<Rule>> rulesFromOntology;
    /** Built from the ontology graph by the last full run; null before one. */
    private List<Rule> rules;
    /** Every derivation of the last run; null when unknown (then a full run is due). */
    private Set<Derivation> derivations;
    /** Those of them written to the explanations graph (their conclusion is not asserted). */
    private Set<Derivation> explainedLast;
    private MaterialisationReport lastReport = MaterialisationReport.nothing(0);

    public Materialiser(Function<Graph, List<Rule>> rulesFromOntology) {
        this.rulesFromOntology = rulesFromOntology;
    }

    /** The service's rules: the domain rules and the OWL rules compiled from the ontology. */
    public static Materialiser standard() {
        return new Materialiser(StandardRules::fromOntology);
    }

    /** What the last run did (for monitoring and tests). */
    public synchronized MaterialisationReport lastReport() {
        return lastReport;
    }

    /** Recomputes the inferred and explanations graphs from scratch. */
    public synchronized MaterialisationReport materialiseAll(DatasetGraph dsg) {
        rules = List.copyOf(rulesFromOntology.apply(dsg.getGraph(Graphs.Nodes.ONTOLOGY)));
        derivations = null;
        return run(dsg, rules);
    }

    /** Brings the inferred and explanations graphs up to date after {@code changes}. */
    public synchronized MaterialisationReport update(DatasetGraph dsg, ChangeSet changes) {
        if ( changes.isEmpty() )
            return lastReport = MaterialisationReport.nothing(dsg.getGraph(Graphs.Nodes.INFERRED).size());
        if ( rules == null || derivations == null || changes.isUnknown()
             || changes.graphs().contains(Graphs.Nodes.ONTOLOGY) )
            return materialiseAll(dsg);
        List<Rule> affected = affectedBy(changes.predicates());
        if ( affected.isEmpty() )
            return lastReport = MaterialisationReport.nothing(dsg.getGraph(Graphs.Nodes.INFERRED).size());
        return run(dsg, affected);
    }

    /** Forgets the kept derivations: the next update recomputes everything. */
    public synchronized void invalidate() {
        derivations = null;
    }

    /** The rules that read one of the predicates, closed under "reads what an affected rule concludes". */
    private List<Rule> affectedBy(Set<Node> touched) {
        Set<Node> predicates = new HashSet<>(touched);
        Set<Rule> affected = new LinkedHashSet<>();
        boolean grew = true;
        while ( grew ) {
            grew = false;
            for ( Rule rule : rules ) {
                if ( !affected.contains(rule) && !disjoint(rule.inputs(), predicates) ) {
                    affected.add(rule);
                    predicates.addAll(rule.outputs());
                    grew = true;
                }
            }
        }
        // Keep the rules' own order, so runs are deterministic.
        return rules.stream().filter(affected::contains).toList();
    }

    private MaterialisationReport run(DatasetGraph dsg, List<Rule> toRun) {
        long start = System.nanoTime();
        Graph asserted = new AssertedGraph(dsg);
        Set<String> rerun = new HashSet<>();
        toRun.forEach(r -> rerun.add(r.iri()));

        Set<Derivation> all = new LinkedHashSet<>();
        if ( derivations != null )
            derivations.stream().filter(d -> !rerun.contains(d.rule().iri())).forEach(all::add);
        Graph inferred = GraphFactory.createGraphMem();
        for ( Derivation d : all )
            if ( !asserted.contains(d.conclusion()) )
                inferred.add(d.conclusion());

        fixpoint(toRun, asserted, inferred, all);

        Set<Derivation> explained = explained(all, inferred);
        int[] counts = writeInferred(dsg, inferred);
        writeExplanations(dsg, derivations == null ? null : explainedLast, explained);
        derivations = all;
        explainedLast = explained;

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.debug("Ran {} rules: +{} -{} inferred triples in {} ms", toRun.size(), counts[0], counts[1], elapsed.toMillis());
        return lastReport = new MaterialisationReport(toRun.stream().map(Rule::iri).toList(), counts[0], counts[1],
                                                      inferred.size(), elapsed);
    }

    /** Applies the rules over asserted ∪ inferred until no rule adds a conclusion. */
    private static void fixpoint(List<Rule> toRun, Graph asserted, Graph inferred, Set<Derivation> all) {
        Graph view = new Union(asserted, inferred);
        boolean changed = true;
        while ( changed ) {
            changed = false;
            for ( Rule rule : toRun ) {
                List<Derivation> found = new ArrayList<>();
                rule.apply(view, found::add);
                for ( Derivation d : found ) {
                    Triple conclusion = d.conclusion();
                    if ( asserted.contains(conclusion) || !all.add(d) )
                        continue;
                    if ( !inferred.contains(conclusion) ) {
                        inferred.add(conclusion);
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * The derivations written to the explanations graph: for each inferred triple, the first
     * {@link #REASONS_PER_TRIPLE} found. A type that follows from the range of every property
     * pointing at a thing has as many derivations as such triples; a few say why as well as
     * all of them, and the graph stays proportional to the inferences. All derivations are
     * still kept in memory, so when a written one goes, the next one takes its place.
     */
    private static Set<Derivation> explained(Set<Derivation> ds, Graph inferred) {
        Set<Derivation> out = new LinkedHashSet<>();
        Map<Triple, Integer> reasons = new HashMap<>();
        for ( Derivation d : ds ) {
            if ( !inferred.contains(d.conclusion()) )
                continue;
            if ( reasons.merge(d.conclusion(), 1, Integer::sum) <= REASONS_PER_TRIPLE )
                out.add(d);
        }
        return out;
    }

    /** Makes the stored inferred graph equal to {@code inferred}; returns {added, removed}. */
    private static int[] writeInferred(DatasetGraph dsg, Graph inferred) {
        Graph stored = dsg.getGraph(Graphs.Nodes.INFERRED);
        List<Triple> remove = Iter.toList(stored.find().filterDrop(inferred::contains));
        List<Triple> add = Iter.toList(inferred.find().filterDrop(stored::contains));
        remove.forEach(t -> dsg.delete(Graphs.Nodes.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        add.forEach(t -> dsg.add(Graphs.Nodes.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        return new int[] { add.size(), remove.size() };
    }

    private void writeExplanations(DatasetGraph dsg, Set<Derivation> before, Set<Derivation> now) {
        Node g = Graphs.Nodes.EXPLANATIONS;
        if ( before == null ) {
            // Unknown previous state: rewrite the graph.
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            for ( Rule rule : rules )
                ExplanationWriter.triplesOf(rule).forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
            before = Set.of();
        }
        for ( Derivation d : before )
            if ( !now.contains(d) )
                ExplanationWriter.triplesOf(d).forEach(t -> dsg.delete(g, t.getSubject(), t.getPredicate(), t.getObject()));
        for ( Derivation d : now )
            if ( !before.contains(d) )
                ExplanationWriter.triplesOf(d).forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    private static boolean disjoint(Set<Node> a, Set<Node> b) {
        for ( Node n : a )
            if ( b.contains(n) )
                return false;
        return true;
    }
}
