package org.diplomacykg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * The one check of an article bundle, whichever way it arrives: {@code validate}, {@code serve}
 * at start, {@code load}, {@code PUT /kg/articles/{slug}} and SPARQL Update or Graph Store writes
 * into an article graph all run it, so that the same mistake gets the same {@link Finding}s in
 * the same words. The checks, in order:
 * <ol>
 * <li>syntax: the facts parse as Turtle ({@link #parse});</li>
 * <li>terms: IRIs and literals are well-formed ({@link WellFormedTerms});</li>
 * <li>article: the graph's slug and the article IRI agree: the graph
 *     {@code .../graph/source/<slug>} describes the article {@code id:article-<slug>} and no
 *     other, and its spans quote that one;</li>
 * <li>spans: every {@code oa:exact} occurs in the article's text, made unique by
 *     {@code oa:prefix}/{@code oa:suffix} where it occurs more than once ({@link EvidenceCheck});</li>
 * <li>shapes: the asserted graphs conform to the SHACL shapes ({@link ShaclGate}).</li>
 * </ol>
 * A syntax error stops the check (there is nothing to look at); the other checks all run, so
 * that one pass reports every mistake.
 */
public final class BundleCheck {

    private static final Node OA_EXACT = EvidenceCheck.OA_EXACT;
    private static final Node IN_ARTICLE = DKG.Nodes.term("inArticle");
    private static final Node ARTICLE = DKG.Nodes.term("Article");
    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final String REFERENCE_HINT = " (people, posts, states and places that the article does not introduce "
        + "go in data/reference.ttl, each with a dcterms:source; see docs/authoring.md)";

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
    private final ArticleTexts texts;
    private final PrefixMapping prefixes;

    public BundleCheck(ShaclGate shapes, ArticleTexts texts) {
        this.shapes = shapes;
        this.texts = texts;
        this.prefixes = PrefixMapping.Factory.create()
            .setNsPrefixes(shapes.prefixes())
            .setNsPrefix("id", DKG.ID_BASE)
            .setNsPrefix("dkg", DKG.NS)
            .setNsPrefix("oa", "http://www.w3.org/ns/oa#")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .lock();
    }

    /** The shapes this check judges by. */
    public ShaclGate shapes() {
        return shapes;
    }

    /** Findings as text: one paragraph each, in order. */
    public static String text(List<Finding> findings) {
        return findings.stream().map(Finding::text).collect(Collectors.joining("\n"));
    }

    // --- 1. syntax ----------------------------------------------------------------------

    /**
     * Parses Turtle into {@code into}; the first syntax error is returned as a finding naming
     * {@code file}, line and column, with what to change.
     */
    public static Optional<Finding> parse(String file, String turtle, String base, Graph into) {
        Finding[] found = new Finding[1];
        ErrorHandler handler = new ErrorHandler() {
            @Override public void warning(String message, long line, long col) {}
            @Override public void error(String message, long line, long col) { fail(message, line, col); }
            @Override public void fatal(String message, long line, long col) { fail(message, line, col); }
            private void fail(String message, long line, long col) {
                if ( found[0] == null )
                    found[0] = syntax(file, line, col, message);
                throw new RiotException(message);
            }
        };
        try {
            RDFParser.fromString(turtle, Lang.TURTLE).base(base).errorHandler(handler).parse(into);
        } catch (StackOverflowError ex) {
            return Optional.of(syntax(file, -1, -1, "nested too deeply to read"));
        } catch (RuntimeException ex) {
            if ( found[0] == null )
                found[0] = syntax(file, -1, -1, ex.getMessage() == null ? "not valid Turtle" : ex.getMessage());
        }
        return Optional.ofNullable(found[0]);
    }

    /** A syntax error as a finding: Jena's words, and what usually fixes them. */
    public static Finding syntax(String file, long line, long col, String message) {
        return new Finding(Finding.SYNTAX, file, line, col, null, null, "not valid Turtle: " + message, syntaxFix(message));
    }

    private static String syntaxFix(String message) {
        String m = message == null ? "" : message;
        if ( m.contains("Undefined prefix") || m.contains("Unresolved prefixed name") || m.contains("prefix") )
            return "declare the prefix at the top of the file, e.g. @prefix dkg: <https://w3id.org/diplomacy-kg/ontology#> . "
                + "(copy the @prefix lines of data/articles/lavrov-rubio-2025-10/facts.ttl)";
        if ( m.contains("IRI") || m.contains("Bad character") )
            return "write the IRI without spaces or quotes, e.g. :sergey-lavrov or <https://w3id.org/diplomacy-kg/id/sergey-lavrov>";
        if ( m.contains("Broken token") || m.contains("string") || m.contains("quote") )
            return "close every string with the quote that opened it; inside a string write \\\" for a quotation mark";
        return "check the statement ending here: each ends with ' .', properties of one subject are separated by ' ;', "
            + "values of one property by ' ,'";
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
                findings.addAll(article(dsg.getGraph(graph), graph));
        }
        for ( Node graph : graphs ) {
            if ( ArticleTexts.slugOf(graph).isPresent() )
                findings.addAll(spans(dsg, graph));
        }
        Graph asserted = Store.assertedUnion(dsg);
        ValidationReport report = focus.isPresent() ? shapes.validate(asserted, focus.get()) : shapes.validate(asserted);
        // The article a span without dkg:inArticle should name, when the check is of one article.
        List<Node> articles = graphs.stream().map(ArticleTexts::slugOf).flatMap(Optional::stream)
            .map(slug -> DKG.Nodes.id("article-" + slug)).toList();
        findings.addAll(shapeFindings(report, asserted, articles.size() == 1 ? Optional.of(articles.get(0)) : Optional.empty()));
        return new Result(place(findings, sources), report);
    }

    // --- 3. the article ---------------------------------------------------------------------

    private List<Finding> article(Graph g, Node graph) {
        String slug = ArticleTexts.slugOf(graph).orElseThrow();
        Node expected = DKG.Nodes.id("article-" + slug);
        String name = abbreviate(expected);
        List<Finding> findings = new ArrayList<>();
        for ( Node other : Iter.toList(g.find(Node.ANY, RDF.Nodes.type, ARTICLE).mapWith(Triple::getSubject)) ) {
            if ( other.equals(expected) )
                continue;
            findings.add(new Finding(Finding.ARTICLE, null, -1, -1, uri(other), label(g, other),
                "the article '" + slug + "' (its folder name, or the URL it was sent to) is " + name
                    + ", but this graph describes " + abbreviate(other) + " as a dkg:Article",
                "name the article " + name + " throughout the facts" + folderHint(other)));
        }
        g.find(Node.ANY, IN_ARTICLE, Node.ANY).forEachRemaining(t -> {
            if ( t.getObject().equals(expected) )
                return;
            Node span = t.getSubject();
            findings.add(new Finding(Finding.ARTICLE, null, -1, -1, uri(span), spanWords(g, span),
                "this span says it quotes " + abbreviate(t.getObject()) + " (dkg:inArticle), but it is in the graph of "
                    + "the article '" + slug + "', " + name, "write dkg:inArticle " + name));
        });
        g.find(Node.ANY, RDF.Nodes.type, OWL2.Ontology.asNode()).forEachRemaining(t -> {
            Node header = t.getSubject();
            if ( header.isURI() && header.getURI().startsWith(Graphs.SOURCE_BASE) && !header.equals(graph) )
                findings.add(new Finding(Finding.ARTICLE, null, -1, -1, header.getURI(), null,
                    "the owl:Ontology header names the graph of another article; this is <" + graph.getURI() + ">",
                    "write <" + graph.getURI() + "> a owl:Ontology (and prov:wasDerivedFrom " + name + ")"));
        });
        g.find(graph, DERIVED_FROM, Node.ANY).forEachRemaining(t -> {
            if ( !t.getObject().equals(expected) )
                findings.add(new Finding(Finding.ARTICLE, null, -1, -1, graph.getURI(), null,
                    "the graph says it is derived from " + abbreviate(t.getObject()) + ", not from its article " + name,
                    "write <" + graph.getURI() + "> prov:wasDerivedFrom " + name));
        });
        return findings;
    }

    private static String folderHint(Node other) {
        if ( other.isURI() && other.getURI().startsWith(DKG.ID_BASE + "article-") )
            return ", or name the folder (and the graph) '" + other.getURI().substring((DKG.ID_BASE + "article-").length())
                + "' if that is the article's slug";
        return "";
    }

    // --- 4. spans -------------------------------------------------------------------------

    private List<Finding> spans(DatasetGraph dsg, Node graph) {
        String slug = ArticleTexts.slugOf(graph).orElseThrow();
        Graph g = dsg.getGraph(graph);
        List<Triple> exacts = Iter.toList(g.find(Node.ANY, OA_EXACT, Node.ANY).filterKeep(t -> t.getObject().isLiteral()));
        if ( exacts.isEmpty() )
            return List.of();
        Optional<String> text;
        try {
            text = texts.textOf(dsg, graph);
        } catch (WriteRejectedException ex) {
            return List.of(new Finding(Finding.SPAN, null, -1, -1, graph.getURI(), null, ex.getMessage(),
                "keep one dkg:text, the text the spans quote"));
        }
        if ( text.isEmpty() )
            return List.of(new Finding(Finding.SPAN, null, -1, -1, graph.getURI(), null,
                "No text is known for article '" + slug + "', so its " + exacts.size() + " evidence span(s) cannot be checked",
                "send the article with its text (PUT /kg/articles/" + slug + ") or add a dkg:text to <" + graph.getURI() + ">"));
        List<Finding> findings = new ArrayList<>();
        Set<Node> seen = new LinkedHashSet<>();
        for ( Triple t : exacts ) {
            if ( !seen.add(t.getSubject()) )
                continue;
            EvidenceCheck.Span span = new EvidenceCheck.Span(t.getObject().getLiteralLexicalForm(),
                literal(g, t.getSubject(), EvidenceCheck.OA_PREFIX), literal(g, t.getSubject(), EvidenceCheck.OA_SUFFIX));
            span(text.get(), slug, t.getSubject(), span).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> span(String text, String slug, Node subject, EvidenceCheck.Span span) {
        String context = span.prefix().isEmpty() && span.suffix().isEmpty() ? ""
            : " with its oa:prefix \"" + span.prefix() + "\" and oa:suffix \"" + span.suffix() + "\"";
        if ( span.exact().isEmpty() )
            return Optional.of(new Finding(Finding.SPAN, null, -1, -1, uri(subject), "",
                "an empty oa:exact quotes nothing", "copy into oa:exact the words of the text the facts rest on"));
        int count = EvidenceCheck.occurrences(text, span.quotation());
        if ( count == 1 )
            return Optional.empty();
        if ( count == 0 ) {
            String nearest = NearestText.describe(text, span.quotation()).map(n -> "; " + n).orElse("");
            return Optional.of(new Finding(Finding.SPAN, null, -1, -1, uri(subject), span.exact(),
                "does not occur verbatim" + context + " in the text of article '" + slug + "'",
                "copy the article's words character for character" + nearest));
        }
        return Optional.of(new Finding(Finding.SPAN, null, -1, -1, uri(subject), span.exact(),
            "occurs " + count + " times in the text of article '" + slug + "'" + context,
            "add an oa:prefix and/or oa:suffix (the words just before or after it) so that it names one place"));
    }

    // --- 5. shapes ----------------------------------------------------------------------

    private List<Finding> shapeFindings(ValidationReport report, Graph data, Optional<Node> article) {
        List<Finding> findings = new ArrayList<>();
        for ( ReportEntry entry : report.getEntries() ) {
            if ( !entry.severity().level().equals(Severity.Violation.level()) )
                continue;
            Node focus = entry.focusNode();
            // A span is named by its words, whether or not it has an IRI.
            String words = spanWords(data, focus);
            String label = words != null ? words : focus.isURI() ? label(data, focus) : blankLabel(data, focus);
            findings.add(new Finding(Finding.SHAPE, null, -1, -1, uri(focus), label, entry.message(), shapeFix(entry, data, article)));
        }
        // The report's order is the validator's: sort, so that the same data always reads the same.
        findings.sort(Comparator.comparing((Finding f) -> String.valueOf(f.focus()) + "\u0000" + f.label())
                                .thenComparing(Finding::message).thenComparing(f -> String.valueOf(f.fix())));
        return findings;
    }

    /** What to add or change, read off the constraint that failed. */
    private String shapeFix(ReportEntry entry, Graph data, Optional<Node> article) {
        Graph sg = shapes.graph();
        Node source = entry.source();
        Node component = entry.sourceConstraintComponent();
        String kind = component == null ? "" : component.getLocalName();
        String path = entry.resultPath() == null ? "the property" : PathWriter.asString(entry.resultPath(), new Prologue(prefixes));
        String focus = entry.focusNode().isURI() ? abbreviate(entry.focusNode()) : "it";
        Node value = entry.value();
        Optional<Node> cls = object(sg, source, SHACL.class_);
        Optional<Node> in = object(sg, source, SHACL.in);
        switch ( kind ) {
            case "MinCountConstraintComponent": {
                if ( IN_ARTICLE.equals(pathNode(entry)) && article.isPresent() )
                    return "add dkg:inArticle " + abbreviate(article.get()) + " to " + focus;
                String what = in.map(list -> " with one of " + listText(sg, list))
                    .or(() -> cls.map(c -> " pointing at a " + abbreviate(c)))
                    .or(() -> object(sg, source, SHACL.hasValue).map(v -> " " + abbreviate(v)))
                    .orElse("");
                return "add " + path + what + " to " + focus;
            }
            case "MaxCountConstraintComponent":
                return "keep " + object(sg, source, SHACL.maxCount).map(Node::getLiteralLexicalForm).orElse("one")
                    + " value of " + path + " on " + focus + " and remove the others";
            case "ClassConstraintComponent":
                return cls.map(c -> "give " + (value == null ? "the value" : abbreviate(value)) + " its type: add `"
                    + (value == null ? "..." : abbreviate(value)) + " a " + abbreviate(c) + "`" + kinds(data, c)
                    + ", or point " + path + " at something that has it" + REFERENCE_HINT).orElse("see the shape's message");
            case "DatatypeConstraintComponent":
                return "write the value as a " + object(sg, source, SHACL.datatype).map(this::abbreviate).orElse("typed")
                    + " literal, e.g. \"2025-10-20T00:00:00\"^^xsd:dateTime for a date";
            case "InConstraintComponent":
                return in.map(list -> "use one of " + listText(sg, list)).orElse("see the shape's message");
            case "HasValueConstraintComponent":
                return object(sg, source, SHACL.hasValue).map(v -> "add " + path + " " + abbreviate(v) + " to " + focus)
                    .orElse("see the shape's message");
            case "MinLengthConstraintComponent":
                return "give " + path + " a non-empty string";
            case "LessThanOrEqualsConstraintComponent":
                return "make " + path + " no later than the other bound";
            case "OrConstraintComponent":
                return "give the value one of the types the message names" + REFERENCE_HINT;
            default:
                return "see docs/authoring.md for what each class requires";
        }
    }

    /** ", or a more specific class: dkg:Person, dkg:State, ..." from the ontology's subclasses of {@code cls}. */
    private String kinds(Graph data, Node cls) {
        List<String> kinds = new ArrayList<>();
        List<Node> todo = new ArrayList<>(List.of(cls));
        Set<Node> seen = new LinkedHashSet<>(todo);
        while ( !todo.isEmpty() && kinds.size() < 8 ) {
            Node c = todo.remove(0);
            for ( Node sub : Iter.toList(data.find(Node.ANY, RDFS.Nodes.subClassOf, c).mapWith(Triple::getSubject)) ) {
                if ( sub.isURI() && seen.add(sub) ) {
                    kinds.add(abbreviate(sub));
                    todo.add(sub);
                }
            }
        }
        // Sorted: stores list triples in different orders, and every path must say the same.
        kinds.sort(null);
        return kinds.isEmpty() ? "" : " (or a more specific class: " + String.join(", ", kinds) + ")";
    }

    private static Node pathNode(ReportEntry entry) {
        return entry.resultPath() instanceof org.apache.jena.sparql.path.P_Link link ? link.getNode() : null;
    }

    private String listText(Graph g, Node list) {
        List<String> items = new ArrayList<>();
        for ( Node n = list; n != null && !n.equals(RDF.Nodes.nil); n = object(g, n, RDF.rest.asNode()).orElse(null) )
            object(g, n, RDF.first.asNode()).ifPresent(item -> items.add(abbreviate(item)));
        return String.join(", ", items);
    }

    // --- naming things ------------------------------------------------------------------------

    /** A blank node by what a reader can find: a span by its words, an axiom by what it annotates. */
    private String blankLabel(Graph data, Node node) {
        String words = spanWords(data, node);
        if ( words != null )
            return words;
        Optional<Node> source = object(data, node, OWL2.annotatedSource.asNode());
        if ( source.isPresent() )
            return "the owl:Axiom on " + abbreviate(source.get()) + " "
                + object(data, node, OWL2.annotatedProperty.asNode()).map(this::abbreviate).orElse("");
        return "a blank node" + object(data, node, RDF.Nodes.type).map(t -> " of type " + abbreviate(t)).orElse("");
    }

    private static String spanWords(Graph g, Node span) {
        return g.find(span, OA_EXACT, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral)
                .mapWith(Node::getLiteralLexicalForm).nextOptional().orElse(null);
    }

    /** The English label, else any label, else null. */
    static String label(Graph g, Node node) {
        List<Node> labels = Iter.toList(g.find(node, RDFS.Nodes.label, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral));
        return labels.stream().filter(l -> "en".equalsIgnoreCase(l.getLiteralLanguage())).findFirst()
            .or(() -> labels.stream().findFirst()).map(Node::getLiteralLexicalForm).orElse(null);
    }

    private String abbreviate(Node node) {
        return node.isBlank() ? "[]" : FmtUtils.stringForNode(node, prefixes);
    }

    private static String uri(Node node) {
        return node.isURI() ? node.getURI() : null;
    }

    private static Optional<Node> object(Graph g, Node s, Node p) {
        if ( s == null )
            return Optional.empty();
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).nextOptional();
    }

    private static String literal(Graph g, Node subject, Node property) {
        return object(g, subject, property).filter(Node::isLiteral).map(Node::getLiteralLexicalForm).orElse("");
    }

    // --- placing findings in the files ------------------------------------------------------

    /** Each finding with the file, line and column of its thing where the sources show it; duplicates dropped. */
    public static List<Finding> place(List<Finding> findings, List<FactsSource> sources) {
        List<Finding> out = new ArrayList<>();
        for ( Finding f : findings ) {
            Finding p = place(f, sources);
            if ( !out.contains(p) )
                out.add(p);
        }
        return out;
    }

    private static Finding place(Finding f, List<FactsSource> sources) {
        if ( f.file() != null || sources.isEmpty() )
            return f;
        for ( FactsSource source : sources ) {
            Optional<long[]> at = f.focus() == null ? Optional.empty() : source.positionOf(NodeFactory.createURI(f.focus()));
            if ( at.isEmpty() && f.label() != null && f.label().length() > 0 && (Finding.SPAN.equals(f.check()) || f.focus() == null) )
                at = source.positionOfQuote(f.label());
            if ( at.isPresent() )
                return f.at(source.file(), at.get()[0], at.get()[1]);
        }
        return sources.size() == 1 ? f.at(sources.get(0).file(), -1, -1) : f;
    }
}
