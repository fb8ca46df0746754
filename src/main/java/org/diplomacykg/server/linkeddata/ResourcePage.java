package org.diplomacykg.server.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.server.linkeddata.PageModel.Evidence;
import org.diplomacykg.server.linkeddata.PageModel.Fact;
import org.diplomacykg.server.linkeddata.PageModel.Format;
import org.diplomacykg.server.linkeddata.PageModel.Premise;
import org.diplomacykg.server.linkeddata.PageModel.Term;
import org.diplomacykg.server.linkeddata.PageModel.Value;
import org.diplomacykg.server.linkeddata.PageModel.Why;
import org.diplomacykg.server.pages.EvidenceAnchors;
import org.diplomacykg.vocab.DKG;

/**
 * Builds the model of the HTML page of one thing from its {@link Description}: title and types,
 * its facts grouped by property, the links pointing at it, the evidence quotes, and for every
 * inferred fact the derivations that explain it. Labels in the page's language; every link
 * through {@link PublicUrls#local}, so a configured base URL reaches every link. Call inside a
 * read transaction; the model it returns is detached from the store.
 */
final class ResourcePage {

    private static final Node EXACT = NodeFactory.createURI("http://www.w3.org/ns/oa#exact");
    private static final Node IN_ARTICLE = DKG.Nodes.term("inArticle");
    private static final Node NEGOTIATING_POSITION = DKG.Nodes.term("NegotiatingPosition");
    private static final Node ANNOTATED_SOURCE = OWL2.annotatedSource.asNode();
    private static final Node ANNOTATED_PROPERTY = OWL2.annotatedProperty.asNode();
    private static final Node ANNOTATED_TARGET = OWL2.annotatedTarget.asNode();

    private final DatasetGraph dataset;
    private final Description description;
    private final Labels labels;
    private final Explanations explanations;
    private final String base;

    private ResourcePage(DatasetGraph dataset, Description description, String lang, String base) {
        this.dataset = dataset;
        this.description = description;
        this.labels = new Labels(dataset, lang);
        this.explanations = new Explanations(dataset);
        this.base = base;
    }

    /** The template model for {@code resource.ftlh}. */
    static Map<String, Object> model(DatasetGraph dataset, Description description, String slug, String lang, String base) {
        return new ResourcePage(dataset, description, lang, base).build(slug);
    }

    private Map<String, Object> build(String slug) {
        Node thing = description.thing();
        Map<String, Object> model = new HashMap<>();
        model.put("lang", labels.lang());
        model.put("base", base);
        model.put("slug", slug);
        model.put("iri", thing.getURI());
        model.put("title", labels.of(thing));
        model.put("types", types(thing));
        model.put("facts", facts(thing));
        model.put("inbound", inbound(thing));
        model.put("evidence", evidence(thing));
        if ( hasType(thing, DKG.Nodes.State) || hasType(thing, NEGOTIATING_POSITION) )
            model.put("timeline", base + "/timeline/" + slug);
        model.put("formats", formats(slug));
        return model;
    }

    private List<Value> types(Node thing) {
        List<Value> types = new ArrayList<>();
        for ( Triple t : sorted(outgoing(thing, RDF.Nodes.type)) )
            types.add(value(t, t.getObject(), null));
        return types;
    }

    /** The thing's own properties but its types and evidence (shown apart), rdfs:label first, then by label. */
    private List<Fact> facts(Node thing) {
        Map<Node, List<Value>> byProperty = new LinkedHashMap<>();
        for ( Triple t : sorted(outgoing(thing, Node.ANY)) ) {
            Node p = t.getPredicate();
            if ( p.equals(RDF.Nodes.type) || p.equals(DKG.Nodes.evidence) )
                continue;
            byProperty.computeIfAbsent(p, k -> new ArrayList<>()).add(value(t, t.getObject(), null));
        }
        return facts(byProperty);
    }

    /**
     * The triples pointing at the thing, grouped by property. A blank node pointing at it (a
     * selector quoting an article) is shown as the thing it is evidence of, with the quote.
     */
    private List<Fact> inbound(Node thing) {
        Map<Node, List<Value>> byProperty = new LinkedHashMap<>();
        for ( Triple t : sorted(incoming(thing)) ) {
            Node from = t.getSubject();
            if ( from.equals(thing) )
                continue;
            String note = null;
            if ( from.isBlank() ) {
                note = literal(from, EXACT);
                from = owner(from);
                if ( from == null )
                    continue;
            }
            byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(value(t, from, note));
        }
        return facts(byProperty);
    }

    private List<Evidence> evidence(Node thing) {
        List<Evidence> quotes = new ArrayList<>();
        for ( Triple t : outgoing(thing, DKG.Nodes.evidence) ) {
            String quote = literal(t.getObject(), EXACT);
            Node article = object(t.getObject(), IN_ARTICLE);
            if ( quote == null ) {
                // A named span is a thing of its own, outside the description: read it from the store.
                quote = storedValue(t.getObject(), EXACT);
                article = article == null ? storedNode(t.getObject(), IN_ARTICLE) : article;
            }
            if ( quote == null )
                continue;
            quotes.add(new Evidence(quote, article == null ? null : term(article),
                                    EvidenceAnchors.url(dataset, t.getObject(), base).orElse(null)));
        }
        return quotes;
    }

    private List<Format> formats(String slug) {
        List<Format> formats = new ArrayList<>();
        for ( ResponseFormat f : ResourceServlet.FORMATS.offers() ) {
            if ( f.isRdf() )
                formats.add(new Format(f.label(), f.mediaType(), base + "/id/" + slug + "?format=" + f.parameterName()));
        }
        return formats;
    }

    private List<Fact> facts(Map<Node, List<Value>> byProperty) {
        List<Fact> facts = new ArrayList<>();
        byProperty.forEach((p, values) -> facts.add(new Fact(term(p), values)));
        facts.sort(Comparator.comparing((Fact f) -> !RDFS.label.getURI().equals(f.property().iri()))
                             .thenComparing(f -> f.property().text().toLowerCase()));
        return facts;
    }

    /** The value {@code shown} of fact {@code t}, marked and explained when {@code t} is inferred. */
    private Value value(Triple t, Node shown, String note) {
        boolean inferred = description.isInferred(t);
        List<Why> why = inferred ? why(t) : List.of();
        return new Value(term(shown), inferred, why, note, inferred ? List.of() : spans(t));
    }

    /**
     * Where the article pages show the evidence of an asserted triple: the spans its
     * {@code owl:Axiom} annotations name as {@code dkg:evidence}.
     */
    private List<String> spans(Triple t) {
        List<String> urls = new ArrayList<>();
        dataset.find(Node.ANY, Node.ANY, ANNOTATED_SOURCE, t.getSubject()).forEachRemaining(q -> {
            Node axiom = q.getSubject();
            if ( !dataset.contains(q.getGraph(), axiom, ANNOTATED_PROPERTY, t.getPredicate())
                 || !dataset.contains(q.getGraph(), axiom, ANNOTATED_TARGET, t.getObject()) )
                return;
            dataset.find(q.getGraph(), axiom, DKG.Nodes.evidence, Node.ANY).forEachRemaining(e ->
                EvidenceAnchors.url(dataset, e.getObject(), base).filter(u -> !urls.contains(u)).ifPresent(urls::add));
        });
        return urls;
    }

    private List<Why> why(Triple t) {
        List<Why> out = new ArrayList<>();
        for ( Explanations.Derivation d : explanations.of(t) ) {
            List<Premise> premises = new ArrayList<>();
            for ( Triple p : d.premises() )
                premises.add(new Premise(term(p.getSubject()), term(p.getPredicate()), term(p.getObject()),
                                         explanations.isInferredOnly(p)));
            String rule = d.rule() == null ? "unknown rule" : labels.of(d.rule());
            String text = d.rule() == null ? null : labels.text(d.rule(), DCTerms.description.asNode());
            Explanations.Account account = explanations.accountOf(d);
            out.add(new Why(rule, text, premises, account.agents().stream().map(this::term).toList(),
                            account.articles().stream().map(this::term).toList()));
        }
        return out;
    }

    /** A node as the page shows it: IRIs as links with labels, literals as text with language or datatype. */
    private Term term(Node node) {
        if ( node.isURI() )
            return Term.link(labels.of(node), PublicUrls.local(node.getURI(), base), node.getURI());
        if ( node.isLiteral() ) {
            String lang = node.getLiteralLanguage();
            String datatype = node.getLiteralDatatypeURI();
            boolean plain = datatype == null || datatype.equals(XSD.xstring.getURI()) || datatype.equals(RDF.langString.getURI());
            return Term.literal(node.getLiteralLexicalForm(), lang == null || lang.isEmpty() ? null : lang,
                                plain ? null : DescriptionWriter.PREFIXES.abbreviate(datatype));
        }
        return Term.literal(Labels.fallback(node), null, null);
    }

    // ---- Reading the description (both origins together).

    private List<Triple> outgoing(Node subject, Node predicate) {
        List<Triple> out = new ArrayList<>();
        for ( Graph g : List.of(description.asserted(), description.inferred()) )
            g.find(subject, predicate, Node.ANY).forEachRemaining(out::add);
        return out;
    }

    private List<Triple> incoming(Node object) {
        List<Triple> out = new ArrayList<>();
        for ( Graph g : List.of(description.asserted(), description.inferred()) )
            g.find(Node.ANY, Node.ANY, object).forEachRemaining(out::add);
        return out;
    }

    private Node object(Node subject, Node predicate) {
        List<Triple> found = outgoing(subject, predicate);
        return found.isEmpty() ? null : found.get(0).getObject();
    }

    private String literal(Node subject, Node predicate) {
        Node value = object(subject, predicate);
        return value != null && value.isLiteral() ? value.getLiteralLexicalForm() : null;
    }

    /** The value of {@code property} of {@code subject} in any graph of the store, or null. */
    private Node storedNode(Node subject, Node predicate) {
        var quads = dataset.find(Node.ANY, subject, predicate, Node.ANY);
        try {
            return quads.hasNext() ? quads.next().getObject() : null;
        } finally {
            Iter.close(quads);
        }
    }

    private String storedValue(Node subject, Node predicate) {
        Node value = storedNode(subject, predicate);
        return value != null && value.isLiteral() ? value.getLiteralLexicalForm() : null;
    }

    /** The IRI whose property has {@code blank} as its value, if any. */
    private Node owner(Node blank) {
        for ( Triple t : incoming(blank) ) {
            if ( t.getSubject().isURI() )
                return t.getSubject();
        }
        return null;
    }

    private boolean hasType(Node thing, Node type) {
        return outgoing(thing, RDF.Nodes.type).stream().anyMatch(t -> t.getObject().equals(type));
    }

    /**
     * Asserted before inferred, then by the label of the value; literals in the page's language
     * before the others.
     */
    private List<Triple> sorted(List<Triple> triples) {
        List<Triple> copy = new ArrayList<>(triples);
        copy.sort(Comparator.comparing((Triple t) -> description.isInferred(t))
                            .thenComparing(t -> !Labels.matches(langOf(t.getObject()), labels.lang()))
                            .thenComparing(t -> sortKey(t.getObject()))
                            .thenComparing(t -> sortKey(t.getSubject())));
        return copy;
    }

    private static String langOf(Node node) {
        return node.isLiteral() ? node.getLiteralLanguage() : null;
    }

    private String sortKey(Node node) {
        if ( node.isLiteral() )
            return node.getLiteralLexicalForm();
        return node.isURI() ? labels.of(node).toLowerCase() : "";
    }
}
