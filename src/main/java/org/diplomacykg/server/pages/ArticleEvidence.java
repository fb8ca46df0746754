package org.diplomacykg.server.pages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.linkeddata.Labels;
import org.diplomacykg.store.ArticleTexts;
import org.diplomacykg.store.WriteRejectedException;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * What the article page shows, read from the article's graph
 * ({@code .../graph/source/{slug}}) as {@code docs/architecture.md} encodes evidence: the
 * text, its {@code oa:TextQuoteSelector} spans located by {@code oa:prefix + oa:exact +
 * oa:suffix}, and for each span the facts it supports: the triples whose {@code owl:Axiom}
 * names it as {@code dkg:evidence}, and the type and labels of each thing whose own
 * {@code dkg:evidence} it is. The article's other facts have no span. Read inside the caller's
 * read transaction; the result is plain values, with labels in the page's language.
 */
public final class ArticleEvidence {

    /** A node as shown: a link to its page ({@code href}) or literal text ({@code lang} may be null). */
    public record Term(String text, String href, String lang) {}

    /** One triple, readable. */
    public record Fact(Term subject, Term predicate, Term object) {
        String plain() {
            return subject.text() + " \u2014 " + predicate.text() + " \u2014 " + object.text();
        }
    }

    /**
     * One evidence span: its anchor on the page, its words, whether it was found in the text,
     * the things whose own evidence it is, the facts it supports, and the spans that contain it
     * (for nested and overlapping quotes).
     */
    public record Span(String anchor, String exact, boolean located, List<Term> things, List<Fact> facts, List<Ref> within) {}

    /** A span named from another: its anchor and words. */
    public record Ref(String anchor, String exact) {}

    /** An article found: its text as highlighted paragraphs (empty when its text is unknown). */
    public record Article(String slug, String title, boolean hasText, List<List<HighlightedText.Segment>> paragraphs,
                   List<Span> spans, Map<String, String> tooltips, List<Fact> withoutSpan) {}

    /** An article of the list at {@code /article/}. */
    public record Entry(String slug, String title, String href) {}

    private static final Node IN_ARTICLE = DKG.Nodes.term("inArticle");
    private static final Node AXIOM = OWL2.Axiom.asNode();
    private static final Node SOURCE = OWL2.annotatedSource.asNode();
    private static final Node PROPERTY = OWL2.annotatedProperty.asNode();
    private static final Node TARGET = OWL2.annotatedTarget.asNode();

    private final DatasetGraph dataset;
    private final Labels labels;
    private final String base;

    ArticleEvidence(DatasetGraph dataset, String lang, String base) {
        this.dataset = dataset;
        this.labels = new Labels(dataset, lang);
        this.base = base;
    }

    /** The articles there are (each a source graph), by title. */
    List<Entry> articles() {
        List<Entry> out = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(g -> ArticleTexts.slugOf(g).ifPresent(slug ->
            out.add(new Entry(slug, title(g, slug), base + EvidenceAnchors.PATH + slug))));
        out.sort(Comparator.comparing(Entry::title, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** The article {@code slug}, or empty when the dataset has no graph for it. */
    Optional<Article> article(String slug, Path articlesDir) {
        Node graphName = Graphs.Nodes.sourceGraph(slug);
        if ( !dataset.containsGraph(graphName) )
            return Optional.empty();
        Graph graph = dataset.getGraph(graphName);
        String text = text(graphName, articlesDir);

        // The spans, merged by anchor: unnamed spans with the same words are one place.
        Map<Node, String> anchorOf = new HashMap<>();
        Map<String, String> exactOf = new LinkedHashMap<>();
        Map<String, HighlightedText.Placed> placed = new LinkedHashMap<>();
        graph.find(Node.ANY, EvidenceAnchors.EXACT, Node.ANY).forEachRemaining(t -> {
            if ( !t.getObject().isLiteral() )
                return;
            Node span = t.getSubject();
            String exact = t.getObject().getLiteralLexicalForm();
            String prefix = literal(graph, span, EvidenceAnchors.PREFIX);
            String suffix = literal(graph, span, EvidenceAnchors.SUFFIX);
            String anchor = EvidenceAnchors.anchor(span, slug, exact, prefix, suffix);
            anchorOf.put(span, anchor);
            exactOf.putIfAbsent(anchor, exact);
            int at = text == null ? -1 : HighlightedText.locate(text, exact, prefix, suffix);
            if ( at >= 0 )
                placed.putIfAbsent(anchor, new HighlightedText.Placed(anchor, at, at + exact.length()));
        });

        // What each span supports; every triple so explained is not "without a span".
        Map<String, Set<Triple>> supported = new LinkedHashMap<>();
        Map<String, Set<Node>> things = new LinkedHashMap<>();
        Set<Triple> explained = new HashSet<>();
        Set<Node> axioms = new HashSet<>();
        graph.find(Node.ANY, DKG.Nodes.evidence, Node.ANY).forEachRemaining(t -> {
            String anchor = anchorOf.get(t.getObject());
            if ( anchor == null )
                return;
            Node x = t.getSubject();
            Set<Triple> facts = supported.computeIfAbsent(anchor, a -> new LinkedHashSet<>());
            Node source = object(graph, x, SOURCE);
            if ( source != null || graph.contains(x, RDF.Nodes.type, AXIOM) ) {
                axioms.add(x);
                Node property = object(graph, x, PROPERTY);
                Node target = object(graph, x, TARGET);
                if ( source != null && property != null && target != null ) {
                    Triple fact = Triple.create(source, property, target);
                    facts.add(fact);
                    explained.add(fact);
                }
            } else {
                things.computeIfAbsent(anchor, a -> new LinkedHashSet<>()).add(x);
                // A thing's own evidence supports its types and labels.
                for ( Node p : List.of(RDF.Nodes.type, RDFS.Nodes.label) )
                    graph.find(x, p, Node.ANY).forEachRemaining(own -> {
                        explained.add(own);
                        if ( !p.equals(RDFS.Nodes.label) || shownLabel(graph, own) )
                            facts.add(own);
                    });
            }
        });

        List<HighlightedText.Placed> located = new ArrayList<>(placed.values());
        List<Span> spans = new ArrayList<>();
        Map<String, String> tooltips = new LinkedHashMap<>();
        for ( Map.Entry<String, String> e : exactOf.entrySet() ) {
            String anchor = e.getKey();
            List<Fact> facts = facts(supported.getOrDefault(anchor, Set.of()));
            List<Ref> within = within(placed.get(anchor), located).stream().map(a -> new Ref(a, exactOf.get(a))).toList();
            List<Term> introduced = things.getOrDefault(anchor, Set.of()).stream().map(this::term)
                .sorted(Comparator.comparing(Term::text, String.CASE_INSENSITIVE_ORDER)).toList();
            spans.add(new Span(anchor, e.getValue(), placed.containsKey(anchor), introduced, facts, within));
            List<String> tooltip = new ArrayList<>(introduced.stream().map(Term::text).toList());
            facts.stream().map(Fact::plain).forEach(tooltip::add);
            tooltips.put(anchor, String.join("\n", tooltip));
        }
        spans.sort(Comparator.comparing((Span s) -> !s.located())
                             .thenComparing(s -> placed.containsKey(s.anchor()) ? placed.get(s.anchor()).start() : 0)
                             .thenComparing(Span::anchor));

        List<Triple> withoutSpan = new ArrayList<>();
        graph.find().forEachRemaining(t -> {
            if ( !explained.contains(t) && !bookkeeping(t, graphName, anchorOf.keySet(), axioms) )
                withoutSpan.add(t);
        });

        List<List<HighlightedText.Segment>> paragraphs = text == null ? List.of() : HighlightedText.segments(text, located);
        return Optional.of(new Article(slug, title(graphName, slug), text != null, paragraphs, spans, tooltips,
                                       facts(withoutSpan)));
    }

    /**
     * Triples that say where evidence is rather than what the article says: the graph's
     * ontology header, the spans and axiom annotations, the evidence links, the text.
     */
    private static boolean bookkeeping(Triple t, Node graphName, Set<Node> spans, Set<Node> axioms) {
        Node s = t.getSubject();
        Node p = t.getPredicate();
        return s.equals(graphName) || spans.contains(s) || axioms.contains(s)
               || p.equals(DKG.Nodes.evidence) || p.equals(ArticleTexts.TEXT);
    }

    /** The spans, other than {@code span}, that contain it. */
    private static List<String> within(HighlightedText.Placed span, List<HighlightedText.Placed> all) {
        if ( span == null )
            return List.of();
        return all.stream()
            .filter(o -> !o.anchor().equals(span.anchor()) && o.start() <= span.start() && o.end() >= span.end())
            .map(HighlightedText.Placed::anchor)
            .toList();
    }

    /** A label is listed when it is in the page's language, or when the thing has none in it. */
    private boolean shownLabel(Graph graph, Triple label) {
        Node value = label.getObject();
        if ( !value.isLiteral() || Labels.matches(value.getLiteralLanguage(), labels.lang()) )
            return true;
        return graph.find(label.getSubject(), RDFS.Nodes.label, Node.ANY).toList().stream()
            .noneMatch(t -> t.getObject().isLiteral() && Labels.matches(t.getObject().getLiteralLanguage(), labels.lang()));
    }

    private List<Fact> facts(Collection<Triple> triples) {
        List<Fact> out = new ArrayList<>();
        for ( Triple t : triples )
            out.add(new Fact(term(t.getSubject()), term(t.getPredicate()), term(t.getObject())));
        out.sort(Comparator.comparing((Fact f) -> f.subject().text(), String.CASE_INSENSITIVE_ORDER)
                           .thenComparing(f -> f.predicate().text(), String.CASE_INSENSITIVE_ORDER)
                           .thenComparing(f -> f.object().text(), String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    private Term term(Node node) {
        if ( node.isURI() )
            return new Term(labels.of(node), PublicUrls.local(node.getURI(), base), null);
        if ( node.isLiteral() ) {
            String lang = node.getLiteralLanguage();
            return new Term(node.getLiteralLexicalForm(), null, lang == null || lang.isEmpty() ? null : lang);
        }
        return new Term(Labels.fallback(node), null, null);
    }

    /** The article's title: its label (or {@code dcterms:title}) in the page's language, else the slug. */
    private String title(Node graphName, String slug) {
        Node article = article(graphName, slug);
        String title = labels.text(article, RDFS.Nodes.label);
        if ( title == null )
            title = labels.text(article, DCTerms.title.asNode());
        return title == null ? slug : title;
    }

    /** The article the graph quotes: what its spans are {@code dkg:inArticle}, else what holds its text, else {@code id:article-{slug}}. */
    private Node article(Node graphName, String slug) {
        for ( Node p : List.of(IN_ARTICLE, ArticleTexts.TEXT) ) {
            var quads = dataset.find(graphName, Node.ANY, p, Node.ANY);
            try {
                if ( quads.hasNext() ) {
                    var quad = quads.next();
                    return p.equals(IN_ARTICLE) ? quad.getObject() : quad.getSubject();
                }
            } finally {
                Iter.close(quads);
            }
        }
        return DKG.Nodes.id("article-" + slug);
    }

    /** The text: the graph's {@code dkg:text}, else the bundle's file; null when neither is there or readable. */
    private String text(Node graphName, Path articlesDir) {
        try {
            return new ArticleTexts(articlesDir).textOf(dataset, graphName).orElse(null);
        } catch (WriteRejectedException ex) {
            // Two texts, or an unreadable file: the page still lists the facts.
            return null;
        }
    }

    private static Node object(Graph graph, Node subject, Node property) {
        var it = graph.find(subject, property, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String literal(Graph graph, Node subject, Node property) {
        Node o = object(graph, subject, property);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
