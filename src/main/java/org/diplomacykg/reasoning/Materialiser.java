package org.diplomacykg.reasoning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
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
 * asserted into the inferred graph, and one derivation per inferred triple into the
 * explanations graph (the one with the smallest hash, see {@link #chosen} and
 * {@link ExplanationWriter}). Nothing else is written.
 * <p>
 * A full run ({@link #materialiseAll}) applies every rule over everything once, then
 * semi-naively: each further round gives the rules only the triples the previous round
 * inferred. It is what the first update, an update that touches the ontology graph or whose
 * change is unknown (a pattern delete, more than {@link ChangeSet#MAX_TRIPLES} triples),
 * and the first update after a failure do. Its rules read only memory and run on a thread of
 * their own while the caller's thread writes the inferred graph ({@link InferredWriter}); the
 * explanations are written once the rules are done.
 * <p>
 * Any other update is maintained in time proportional to the change, by delete and
 * re-derive ({@link IncrementalUpdate}): nothing but the inferred and explanations graphs
 * is kept between updates (no derivation in memory), so the state rolls back with the
 * transaction. The changed asserted triples are propagated forward to over-delete every
 * inferred triple one of whose derivations used them; those that still have a derivation
 * are re-derived backwards; then what the change and the re-derived triples give is added
 * forward, semi-naively. The rules do the forward and backward steps
 * ({@link Rule#applyChanged}, {@link Rule#applyConcluding}): the OWL rules by lookups from
 * the triples, the domain rules by working out again only the positions, roles, meetings
 * and proposals the change concerns. The result is the same as a full run's, explanations
 * included.
 * <p>
 * Callers hold the dataset's write transaction; the methods are synchronized because
 * the state is the materialiser's, not the transaction's.
 */
public final class Materialiser {

    private static final Logger LOG = LoggerFactory.getLogger(Materialiser.class);

    private final Function<Graph, List<Rule>> rulesFromOntology;
    /** Built from the ontology graph by the last full run; null before one. */
    private List<Rule> rules;
    /** {@link #rules} in the order they run ({@link Strata}). */
    private List<List<Rule>> strata;
    /**
     * A copy in memory of the ontology graph the rules were built from: explanations leave out
     * premises stated there, and asking the store for each premise was an eighth of an update's
     * time at 1M triples. A change to the ontology graph runs everything again, with a new copy.
     */
    private Graph ontology;
    /** True when the derived graphs follow the last full run and every update since; else a full run is due. */
    private boolean current;
    /** How many triples the inferred graph holds, kept so that no update counts them. */
    private long inferredCount;
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
        current = false;
        ontology = GraphMemFactory.createGraphMem2();
        dsg.getGraph(Graphs.Nodes.ONTOLOGY).find().forEachRemaining(ontology::add);
        rules = List.copyOf(rulesFromOntology.apply(ontology));
        strata = Strata.of(rules);
        MaterialisationReport report = full(dsg);
        current = true;
        return report;
    }

    /** Brings the inferred and explanations graphs up to date after {@code changes}. */
    public synchronized MaterialisationReport update(DatasetGraph dsg, ChangeSet changes) {
        if ( changes.isEmpty() )
            return lastReport = MaterialisationReport.nothing(inferredCount);
        if ( rules == null || !current || !changes.tracksTriples()
             || changes.graphs().contains(Graphs.Nodes.ONTOLOGY) )
            return materialiseAll(dsg);
        Set<Triple> added = changes.addedTriples();
        Set<Triple> removed = changes.removedTriples();
        if ( added.isEmpty() && removed.isEmpty() )
            return lastReport = MaterialisationReport.nothing(inferredCount);
        current = false;
        long start = System.nanoTime();
        IncrementalUpdate run = new IncrementalUpdate(rules, strata, ontology, dsg, added, removed, true);
        if ( !run.run() ) {
            LOG.debug("Update of +{} -{} asserted: a kept conclusion's group changed later, run again keeping none", added.size(),
                      removed.size());
            run = new IncrementalUpdate(rules, strata, ontology, dsg, added, removed, false);
            run.run();
        }
        inferredCount += run.addedCount() - run.removedCount();
        current = true;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.debug("Update of +{} -{} asserted: +{} -{} inferred triples in {} ms", added.size(), removed.size(),
                  run.addedCount(), run.removedCount(), elapsed.toMillis());
        return lastReport = new MaterialisationReport(run.rulesRun(), run.addedCount(), run.removedCount(),
                                                      inferredCount, elapsed);
    }

    /**
     * What the rules derive from the asserted triples of {@code dsg}, to a fixpoint, in memory:
     * the inferred graph a full run would write, without writing it or any explanation. For
     * benchmarks, to set the rules' own cost beside the cost of storing what they derive.
     */
    public Graph derive(DatasetGraph dsg) {
        List<Rule> rs = rulesFromOntology.apply(dsg.getGraph(Graphs.Nodes.ONTOLOGY));
        Graph inferred = GraphFactory.createGraphMem();
        fixpoint(Strata.of(rs), assertedCopy(dsg), inferred, d -> {}, batch -> {});
        return inferred;
    }

    /** Forgets that the derived graphs are current: the next update recomputes everything. */
    public synchronized void invalidate() {
        current = false;
    }

    private MaterialisationReport full(DatasetGraph dsg) {
        long start = System.nanoTime();
        Graph asserted = assertedCopy(dsg);
        Graph inferred = GraphFactory.createGraphMem();
        ChosenDerivations chosen = new ChosenDerivations(new ExplanationWriter(dsg, ontology));
        int[] counts = InferredWriter.whileDeriving(dsg, inferred,
                                                    batches -> fixpoint(strata, asserted, inferred, chosen::add, batches));
        writeExplanations(dsg, chosen);
        inferredCount = inferred.size();

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.debug("Ran {} rules: +{} -{} inferred triples in {} ms", rules.size(), counts[0], counts[1], elapsed.toMillis());
        return lastReport = new MaterialisationReport(rules.stream().map(Rule::iri).toList(), counts[0], counts[1],
                                                      inferredCount, elapsed);
    }

    /**
     * The asserted triples of {@code dsg}, copied into one in-memory graph for a full run. The
     * rules look them up many times over; hash lookups in memory are about twice as fast as
     * quad-index scans through {@link AssertedGraph} that filter out the derived graphs (a
     * generated world of 100k triples: 1.3 s to 0.5 s, the copy included). The copy lives
     * only as long as the run. Updates stay on the view: they look up little.
     */
    private static Graph assertedCopy(DatasetGraph dsg) {
        Graph copy = GraphMemFactory.createGraphMem2();
        new AssertedGraph(dsg).find().forEachRemaining(copy::add);
        return copy;
    }

    /**
     * Applies the rules over asserted ∪ inferred until no rule adds a conclusion, stratum by
     * stratum ({@link Strata}): in each, every rule over everything once, then each round only
     * from what the last one inferred. A rule never reads what a higher stratum concludes, so a
     * stratum done stays done. Every derivation of a triple not asserted goes to {@code derivations},
     * and each rule application's new conclusions, once in {@code inferred}, to {@code batches}.
     */
    private static void fixpoint(List<List<Rule>> strata, Graph asserted, Graph inferred, Consumer<Derivation> derivations,
                                 Consumer<List<Triple>> batches) {
        Graph view = new Union(asserted, inferred);
        for ( List<Rule> stratum : strata ) {
            Set<Triple> fresh = new LinkedHashSet<>();
            for ( Rule rule : stratum ) {
                List<Derivation> found = new ArrayList<>();
                rule.apply(view, found::add);
                keep(found, asserted, inferred, derivations, fresh, batches);
            }
            while ( !fresh.isEmpty() ) {
                Set<Triple> frontier = fresh;
                fresh = new LinkedHashSet<>();
                for ( Rule rule : readersOf(stratum, frontier) ) {
                    List<Derivation> found = new ArrayList<>();
                    rule.applyChanged(view, frontier, found::add);
                    keep(found, asserted, inferred, derivations, fresh, batches);
                }
            }
        }
    }

    private static void keep(List<Derivation> found, Graph asserted, Graph inferred, Consumer<Derivation> derivations,
                             Set<Triple> fresh, Consumer<List<Triple>> batches) {
        List<Triple> batch = new ArrayList<>();
        for ( Derivation d : found ) {
            Triple conclusion = d.conclusion();
            if ( asserted.contains(conclusion) )
                continue;
            derivations.accept(d);
            if ( !inferred.contains(conclusion) ) {
                inferred.add(conclusion);
                fresh.add(conclusion);
                batch.add(conclusion);
            }
        }
        if ( !batch.isEmpty() )
            batches.accept(batch);
    }

    /** The rules, in their order, that read a predicate of one of the triples. */
    static List<Rule> readersOf(List<Rule> rules, Collection<Triple> triples) {
        Set<Node> predicates = new HashSet<>();
        triples.forEach(t -> predicates.add(t.getPredicate()));
        return rules.stream().filter(r -> !disjoint(r.inputs(), predicates)).toList();
    }

    /** The rules, in their order, that conclude a predicate of one of the triples. */
    static List<Rule> concludersOf(List<Rule> rules, Collection<Triple> triples) {
        Set<Node> predicates = new HashSet<>();
        triples.forEach(t -> predicates.add(t.getPredicate()));
        return rules.stream().filter(r -> !disjoint(r.outputs(), predicates)).toList();
    }

    /**
     * The derivation written for one inferred triple, as a map of at most one entry: the one
     * with the smallest id. One says why; the others are worked out on request
     * ({@link Derivations}), and the graph stays proportional to the inferences. The choice
     * depends only on the set of derivations, never on the order they were found in or on the
     * updates that led there, so a graph kept up to date change by change is the same as one
     * computed from scratch.
     */
    static Map<String, Derivation> chosen(Map<String, Derivation> byId) {
        if ( byId.size() <= 1 )
            return byId;
        Map.Entry<String, Derivation> smallest = (byId instanceof TreeMap<String, Derivation> t ? t : new TreeMap<>(byId)).firstEntry();
        Map<String, Derivation> out = new TreeMap<>();
        out.put(smallest.getKey(), smallest.getValue());
        return out;
    }

    /** Rewrites the explanations graph: the rules, then the chosen derivations of each inferred triple. */
    private void writeExplanations(DatasetGraph dsg, ChosenDerivations chosen) {
        Node g = Graphs.Nodes.EXPLANATIONS;
        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        for ( Rule rule : rules )
            ExplanationWriter.triplesOf(rule).forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        chosen.writeAll();
    }

    /** {@link #chosen} of a collection; hashing only for the triples with more than one derivation. */
    static Collection<Derivation> chosenOf(Collection<Derivation> ds, Function<Derivation, String> id) {
        if ( ds.size() <= 1 )
            return ds;
        Map<String, Derivation> byId = new TreeMap<>();
        ds.forEach(d -> byId.put(id.apply(d), d));
        return chosen(byId).values();
    }

    private static boolean disjoint(Set<Node> a, Set<Node> b) {
        for ( Node n : a )
            if ( b.contains(n) )
                return false;
        return true;
    }
}
