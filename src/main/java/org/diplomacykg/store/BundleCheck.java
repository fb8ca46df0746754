package org.diplomacykg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * The one check of an article bundle, whichever way it arrives: {@code validate}, {@code serve}
 * at start, {@code load}, {@code PUT /kg/articles/{slug}} and SPARQL Update or Graph Store writes
 * into an article graph all run it, so that the same mistake gets the same {@link Finding}s in
 * the same words. The checks, in order:
 * <ol>
 * <li>syntax: the facts parse as Turtle ({@link #parse}, {@link SyntaxFindings});</li>
 * <li>terms: IRIs and literals are well-formed ({@link WellFormedTerms});</li>
 * <li>article: the graph's slug and the article IRI agree: the graph
 *     {@code .../graph/source/<slug>} describes the article {@code id:article-<slug>} and no
 *     other, and its spans quote that one ({@link ArticleFindings});</li>
 * <li>spans: every {@code oa:exact} occurs in the article's text, made unique by
 *     {@code oa:prefix}/{@code oa:suffix} where it occurs more than once ({@link SpanFindings});</li>
 * <li>shapes: the asserted graphs conform to the SHACL shapes ({@link ShaclGate},
 *     {@link ShapeFindings}).</li>
 * </ol>
 * A syntax error stops the check (there is nothing to look at); the other checks all run, so
 * that one pass reports every mistake. The findings name things alike ({@link FindingNames})
 * and are placed in the files as written ({@link FindingPlaces}).
 */
public final class BundleCheck {

    /** What the checks found, and the SHACL report when the shapes were run. */
    public record Result(List<Finding> findings, ValidationReport report) {
        public boolean hasShapeFindings() {
            return findings.stream().anyMatch(f -> Finding.SHAPE.equals(f.check()));
        }

        /** The findings as one text, a finding a paragraph. */
        public String text() {
            return BundleCheck.text(findings);
        }
    }

    private final ShaclGate shapes;
    private final ArticleFindings articles;
    private final SpanFindings spans;
    private final ShapeFindings shapeFindings;

    public BundleCheck(ShaclGate shapes, ArticleTexts texts) {
        FindingNames names = new FindingNames(shapes.prefixes());
        this.shapes = shapes;
        this.articles = new ArticleFindings(names);
        this.spans = new SpanFindings(texts);
        this.shapeFindings = new ShapeFindings(shapes, names);
    }

    /** The shapes this check judges by. */
    public ShaclGate shapes() {
        return shapes;
    }

    /** Findings as text: one paragraph each, in order. */
    public static String text(List<Finding> findings) {
        return findings.stream().map(Finding::text).collect(Collectors.joining("\n"));
    }

    /**
     * Parses Turtle into {@code into}; the first syntax error is returned as a finding naming
     * {@code file}, line and column, with what to change.
     */
    public static Optional<Finding> parse(String file, String turtle, String base, Graph into) {
        return SyntaxFindings.parse(file, turtle, base, into);
    }

    /** A syntax error as a finding: Jena's words, and what usually fixes them. */
    public static Finding syntax(String file, long line, long col, String message) {
        return SyntaxFindings.syntax(file, line, col, message);
    }

    // --- whole layouts and bundles ---------------------------------------------------------

    /**
     * Loads the ontology, the reference data and every article of {@code layout} into {@code dsg}
     * and runs the checks (as {@code serve} and {@code validate} do); throws {@link LoadException}
     * carrying the findings if there are any. The caller holds the write transaction.
     */
    public void loadLayout(DataLayout layout, DatasetGraph dsg) {
        layout.check();
        DatasetLoader.loadFile(layout.ontologyFile(), dsg, Graphs.Nodes.ONTOLOGY);
        List<Node> graphs = new ArrayList<>();
        if ( Files.isRegularFile(layout.referenceFile()) ) {
            DatasetLoader.loadFile(layout.referenceFile(), dsg, Graphs.Nodes.REFERENCE);
            graphs.add(Graphs.Nodes.REFERENCE);
        }
        List<Finding> syntax = new ArrayList<>();
        List<FactsSource> sources = new ArrayList<>();
        for ( DataLayout.Article article : layout.articles() ) {
            Node graph = Graphs.Nodes.sourceGraph(article.slug());
            graphs.add(graph);
            sources.add(new FactsSource(article.factsFile().toString(), read(article.factsFile())));
            try {
                DatasetLoader.loadFile(article.factsFile(), dsg, graph);
            } catch (LoadException ex) {
                if ( ex.findings().isEmpty() )
                    throw ex;
                syntax.addAll(ex.findings());
            }
        }
        if ( !syntax.isEmpty() )
            throw refusal(syntax, null);
        Result result = check(dsg, graphs, Optional.empty(), sources);
        if ( !result.findings().isEmpty() )
            throw refusal(result.findings(), result.report());
    }

    /**
     * Puts a bundle into its graph {@code .../graph/source/<slug>} of {@code dsg}, replacing what
     * was there: its facts, and its text as the article's {@code dkg:text} (as {@code load} and
     * {@code PUT /kg/articles/{slug}} store it). A syntax error throws {@link LoadException}
     * with its finding.
     */
    public static Node put(ArticleBundle bundle, DatasetGraph dsg) {
        Node graph = Graphs.Nodes.sourceGraph(bundle.slug());
        dsg.removeGraph(graph);
        DatasetLoader.loadFile(bundle.factsFile(), dsg, graph);
        dsg.add(ArticleTexts.textQuad(graph, DKG.Nodes.id("article-" + bundle.slug()), bundle.text()));
        return graph;
    }

    /** The facts of a bundle as written, to place findings in. */
    public static FactsSource source(ArticleBundle bundle) {
        return new FactsSource(bundle.factsFile().toString(), read(bundle.factsFile()));
    }

    /**
     * A refusal of files: the findings, then a line that counts them. A
     * {@link ShaclViolationException} when the shapes were broken, carrying their report.
     */
    public static LoadException refusal(List<Finding> findings, ValidationReport report) {
        String message = text(findings) + "\n" + (findings.size() == 1 ? "1 problem" : findings.size() + " problems")
            + " to fix; nothing was loaded";
        if ( report != null && findings.stream().anyMatch(f -> Finding.SHAPE.equals(f.check())) )
            return new ShaclViolationException(message, report, findings);
        return new LoadException(message, findings);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new LoadException("Cannot read " + file + " as UTF-8 text: " + ex.getMessage(), ex);
        }
    }

    // --- 2 to 5 -------------------------------------------------------------------------

    /**
     * Runs checks 2 to 5 over {@code graphs} of {@code dsg} (the graphs a load or write touched)
     * and the asserted graphs as a whole; the shapes validate only {@code focus} when given.
     * {@code sources} are the facts as written, to place findings in them.
     */
    public Result check(DatasetGraph dsg, Collection<Node> graphs, Optional<Set<Node>> focus, List<FactsSource> sources) {
        List<Finding> findings = new ArrayList<>();
        for ( Node graph : graphs )
            findings.addAll(WellFormedTerms.findings(dsg, graph));
        for ( Node graph : graphs ) {
            if ( ArticleTexts.slugOf(graph).isPresent() )
                findings.addAll(articles.of(dsg.getGraph(graph), graph));
        }
        for ( Node graph : graphs ) {
            if ( ArticleTexts.slugOf(graph).isPresent() )
                findings.addAll(spans.of(dsg, graph));
        }
        Graph asserted = Store.assertedUnion(dsg);
        ValidationReport report = focus.isPresent() ? shapes.validate(asserted, focus.get()) : shapes.validate(asserted);
        // The article a span without dkg:inArticle should name, when the check is of one article.
        List<Node> articleNodes = graphs.stream().map(ArticleTexts::slugOf).flatMap(Optional::stream)
            .map(slug -> DKG.Nodes.id("article-" + slug)).toList();
        findings.addAll(shapeFindings.of(report, asserted, articleNodes.size() == 1 ? Optional.of(articleNodes.get(0)) : Optional.empty()));
        return new Result(place(findings, sources), report);
    }

    /** Each finding with the file, line and column of its thing where the sources show it; duplicates dropped. */
    public static List<Finding> place(List<Finding> findings, List<FactsSource> sources) {
        return FindingPlaces.place(findings, sources);
    }
}
