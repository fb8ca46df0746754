package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

import static org.diplomacykg.store.FindingNames.label;
import static org.diplomacykg.store.FindingNames.spanWords;
import static org.diplomacykg.store.FindingNames.uri;

/**
 * Check 3 of {@link BundleCheck}, the article: the graph {@code .../graph/source/<slug>}
 * describes the article {@code id:article-<slug>} and no other, its spans quote that one, and
 * its {@code owl:Ontology} header and {@code prov:wasDerivedFrom} name that graph and article.
 */
final class ArticleFindings {

    private static final Node IN_ARTICLE = DKG.Nodes.term("inArticle");
    private static final Node ARTICLE = DKG.Nodes.term("Article");
    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    private final FindingNames names;

    ArticleFindings(FindingNames names) {
        this.names = names;
    }

    /** The findings of article graph {@code graph}, whose triples are {@code g}. */
    List<Finding> of(Graph g, Node graph) {
        String slug = ArticleTexts.slugOf(graph).orElseThrow();
        Node expected = DKG.Nodes.id("article-" + slug);
        String name = names.abbreviate(expected);
        List<Finding> findings = new ArrayList<>();
        for ( Node other : Iter.toList(g.find(Node.ANY, RDF.Nodes.type, ARTICLE).mapWith(Triple::getSubject)) ) {
            if ( other.equals(expected) )
                continue;
            findings.add(new Finding(Finding.ARTICLE, null, -1, -1, uri(other), label(g, other),
                "the article '" + slug + "' (its folder name, or the URL it was sent to) is " + name
                    + ", but this graph describes " + names.abbreviate(other) + " as a dkg:Article",
                "name the article " + name + " throughout the facts" + folderHint(other)));
        }
        g.find(Node.ANY, IN_ARTICLE, Node.ANY).forEachRemaining(t -> {
            if ( t.getObject().equals(expected) )
                return;
            Node span = t.getSubject();
            findings.add(new Finding(Finding.ARTICLE, null, -1, -1, uri(span), spanWords(g, span),
                "this span says it quotes " + names.abbreviate(t.getObject()) + " (dkg:inArticle), but it is in the graph of "
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
                    "the graph says it is derived from " + names.abbreviate(t.getObject()) + ", not from its article " + name,
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
}
