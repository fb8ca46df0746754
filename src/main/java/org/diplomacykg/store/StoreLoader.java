package org.diplomacykg.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files into a store while no server runs on it. Each load is one write transaction
 * through the store's {@link InferringDatasetGraph}: the file is parsed straight into its
 * graph, checked (evidence spans against the article text, then the SHACL gate over the
 * asserted graphs), and committed, which materialises; any failure aborts the transaction,
 * so a refused file changes nothing.
 */
public final class StoreLoader {

    private static final Logger LOG = LoggerFactory.getLogger(StoreLoader.class);

    /** What one load did. */
    public record Outcome(String graph, long triples, boolean replaced, Duration elapsed) {}

    private final DatasetGraph dsg;
    private final ShaclGate gate;
    private final long progressEvery;

    /** @param dsg the store's inferring dataset ({@link TdbStore#datasetGraph()}) */
    public StoreLoader(DatasetGraph dsg, ShaclGate gate) {
        this(dsg, gate, ProgressCounter.EVERY);
    }

    StoreLoader(DatasetGraph dsg, ShaclGate gate, long progressEvery) {
        this.dsg = dsg;
        this.gate = gate;
        this.progressEvery = progressEvery;
    }

    /**
     * Adds an article bundle as the graph {@code .../graph/source/<slug>}, replacing that graph
     * if the store has it. Refused, with nothing changed, if the facts do not parse (the
     * message names file, line and column), if an evidence span is not in the text (the
     * message names it), or if the store would break the shapes (the message is the report).
     */
    public Outcome loadBundle(ArticleBundle bundle) {
        // Read before the transaction: an unreadable text should not hold the writer lock.
        String text = bundle.text();
        Node graph = Graphs.Nodes.sourceGraph(bundle.slug());
        return timed(graph, () -> {
            boolean replaced = dsg.containsGraph(graph);
            if ( replaced )
                dsg.removeGraph(graph);
            ProgressCounter counter = new ProgressCounter(StreamRDFLib.graph(dsg.getGraph(graph)), bundle.factsFile().toString(), progressEvery);
            TurtleFiles.parse(bundle.factsFile(), Lang.TURTLE, counter);
            // The text goes with its facts, so that later writes' spans can be checked against it.
            dsg.add(ArticleTexts.textQuad(graph, DKG.Nodes.id("article-" + bundle.slug()), text));
            // The checks of every path (BundleCheck), so that load refuses what validate and PUT refuse.
            BundleCheck.Result result = new BundleCheck(gate, new ArticleTexts(null))
                .check(dsg, List.of(graph), Optional.empty(), List.of(BundleCheck.source(bundle)));
            if ( !result.findings().isEmpty() )
                throw BundleCheck.refusal(result.findings(), result.report());
            // The graph's triples, the text's included: what PUT /kg/articles/{slug} reports for the same bundle.
            return new Counted(dsg.getGraph(graph).size(), replaced);
        });
    }

    /**
     * Adds a quads file (N-Quads, or TriG for {@code .trig}; gzipped with {@code .gz}) such as
     * {@code generate} writes: article graphs ({@code .../graph/source/<slug>}), each holding its
     * text as {@code dkg:text}, and background facts for the reference graph. Each article graph
     * the file names replaces the store's graph of that name; reference triples are added. One
     * transaction: refused, with nothing changed, if a quad names another graph (the ontology,
     * the derived graphs, the default graph), if an evidence span is not in its article's text,
     * or if the store would break the shapes.
     */
    public Outcome loadQuads(Path file) {
        Lang lang = RDFLanguages.filenameToLang(file.toString().replaceFirst("(?i)\\.gz$", ""), Lang.NQUADS);
        if ( !RDFLanguages.isQuads(lang) )
            throw new LoadException(file + ": a quads file is N-Quads (.nq) or TriG (.trig), not " + lang.getLabel());
        return timed(null, () -> {
            Set<Node> articles = new LinkedHashSet<>();
            ProgressCounter counter = new ProgressCounter(StreamRDFLib.dataset(dsg), file.toString(), progressEvery);
            StreamRDF checked = new StreamRDFWrapper(counter) {
                @Override
                public void quad(Quad quad) {
                    Node graph = quad.getGraph();
                    if ( ArticleTexts.slugOf(graph).isPresent() ) {
                        if ( articles.add(graph) && dsg.containsGraph(graph) )
                            dsg.removeGraph(graph);
                    } else if ( !Graphs.Nodes.REFERENCE.equals(graph) ) {
                        throw new LoadException(file + ": a quad in " + (Quad.isDefaultGraph(graph) ? "the default graph"
                            : "<" + graph + ">") + ": a quads file may only fill article graphs (" + Graphs.SOURCE_BASE
                            + "<slug>) and the reference graph");
                    }
                    super.quad(quad);
                }
            };
            TurtleFiles.parse(file, lang, checked);
            EvidenceSpans spans = new EvidenceSpans(new ArticleTexts(null));
            for ( Node graph : articles ) {
                try {
                    spans.check(dsg, graph);
                } catch (WriteRejectedException ex) {
                    throw new LoadException(file + ": " + ex.getMessage());
                }
            }
            gate.check(Store.assertedUnion(dsg));
            return new Counted(counter.count(), false);
        });
    }

    /**
     * Replaces the ontology graph with the file. The commit recomputes every inference, since
     * the OWL rules are compiled from the ontology.
     */
    public Outcome reloadOntology(Path ontologyFile) {
        Node graph = Graphs.Nodes.ONTOLOGY;
        return timed(graph, () -> {
            boolean replaced = dsg.containsGraph(graph);
            dsg.removeGraph(graph);
            ProgressCounter counter = new ProgressCounter(StreamRDFLib.graph(dsg.getGraph(graph)),
                                                          ontologyFile.toString(), progressEvery);
            TurtleFiles.parse(ontologyFile, Lang.TURTLE, counter);
            gate.check(Store.assertedUnion(dsg));
            return new Counted(counter.count(), replaced);
        });
    }

    /**
     * Fills an empty store from an export of another (see {@link StoreExport}): every graph of the
     * file except the inferred and explanations graphs, which the commit derives again from
     * what was asserted. TriG unless the file name says otherwise ({@code .nq} for N-Quads).
     */
    public Outcome restore(Path exportFile) {
        Lang lang = RDFLanguages.filenameToLang(exportFile.toString(), Lang.TRIG);
        if ( !RDFLanguages.isQuads(lang) )
            throw new LoadException(exportFile + ": an export is TriG or N-Quads (named graphs), not " + lang.getLabel());
        return timed(null, () -> {
            if ( !dsg.isEmpty() )
                throw new LoadException("An export is restored into a new, empty store; this one holds data: pass a new --tdb DIR");
            ProgressCounter counter = new ProgressCounter(StreamRDFLib.dataset(dsg), exportFile.toString(), progressEvery);
            StreamRDF asserted = new StreamRDFWrapper(counter) {
                @Override
                public void quad(Quad quad) {
                    // The audit trail is history, kept as it was; the derived graphs are not restored:
                    // the commit recomputes them from the asserted ones.
                    if ( Graphs.Nodes.AUDIT.equals(quad.getGraph()) )
                        restoreAudit(quad);
                    else if ( !InferringDatasetGraph.isProtected(quad.getGraph()) )
                        super.quad(quad);
                }
            };
            TurtleFiles.parse(exportFile, lang, asserted);
            gate.check(Store.assertedUnion(dsg));
            return new Counted(counter.count(), false);
        });
    }

    private void restoreAudit(Quad quad) {
        if ( !(dsg instanceof InferringDatasetGraph inferring) )
            throw new LoadException("An export's audit trail is restored only through the store's inferring dataset");
        inferring.restoreAudit(quad);
    }

    private record Counted(long triples, boolean replaced) {}

    private interface Work {
        Counted run();
    }

    /** Runs the work in one write transaction, whose commit materialises; times both. */
    private Outcome timed(Node graph, Work work) {
        long start = System.nanoTime();
        Counted counted = Txn.calculateWrite(dsg, work::run);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String name = graph == null ? "the store" : graph.getURI();
        LOG.debug("Loaded {} triples into {} in {} ms", counted.triples(), name, elapsed.toMillis());
        return new Outcome(name, counted.triples(), counted.replaced(), elapsed);
    }
}
