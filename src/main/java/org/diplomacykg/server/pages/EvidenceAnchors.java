package org.diplomacykg.server.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.store.ArticleTexts;

/**
 * Where the article page shows an evidence span: {@code /article/{slug}#span-...}. A named
 * span's anchor comes from its IRI ({@code id:lavrov-rubio-2025-10-span-alaska-meeting} is
 * {@code #span-alaska-meeting}); an unnamed one's from a hash of its words, so that the resource
 * pages and the article page, built apart, agree on it.
 */
public final class EvidenceAnchors {

    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final Node EXACT = NodeFactory.createURI(OA + "exact");
    public static final Node PREFIX = NodeFactory.createURI(OA + "prefix");
    public static final Node SUFFIX = NodeFactory.createURI(OA + "suffix");

    /** The article page's path, under the base URL. */
    public static final String PATH = "/article/";

    /** The fragment (without {@code #}) of the span {@code span} of the article {@code slug}. */
    static String anchor(Node span, String slug, String exact, String prefix, String suffix) {
        if ( span.isURI() ) {
            String iri = span.getURI();
            String local = iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
            for ( String redundant : new String[] {slug + "-span-", "span-"} )
                if ( local.startsWith(redundant) && local.length() > redundant.length() ) {
                    local = local.substring(redundant.length());
                    break;
                }
            return "span-" + local.replaceAll("[^A-Za-z0-9_-]", "_");
        }
        return "span-q" + hash((prefix == null ? "" : prefix) + '\u0000' + exact + '\u0000' + (suffix == null ? "" : suffix));
    }

    /**
     * The URL of a span on its article's page, or empty when {@code span} quotes no article
     * graph of {@code dataset} (read inside the caller's read transaction).
     */
    public static Optional<String> url(DatasetGraph dataset, Node span, String base) {
        var quads = dataset.find(Node.ANY, span, EXACT, Node.ANY);
        try {
            while ( quads.hasNext() ) {
                var quad = quads.next();
                Optional<String> slug = ArticleTexts.slugOf(quad.getGraph());
                if ( slug.isEmpty() || !quad.getObject().isLiteral() )
                    continue;
                Node graph = quad.getGraph();
                String anchor = anchor(span, slug.get(), quad.getObject().getLiteralLexicalForm(),
                                       literal(dataset, graph, span, PREFIX), literal(dataset, graph, span, SUFFIX));
                return Optional.of(base + PATH + slug.get() + "#" + anchor);
            }
            return Optional.empty();
        } finally {
            Iter.close(quads);
        }
    }

    /** The lexical form of {@code property} of {@code subject} in {@code graph}, or null. */
    static String literal(DatasetGraph dataset, Node graph, Node subject, Node property) {
        var quads = dataset.find(graph, subject, property, Node.ANY);
        try {
            while ( quads.hasNext() ) {
                Node o = quads.next().getObject();
                if ( o.isLiteral() )
                    return o.getLiteralLexicalForm();
            }
            return null;
        } finally {
            Iter.close(quads);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java", ex);
        }
    }

    private EvidenceAnchors() {}
}
