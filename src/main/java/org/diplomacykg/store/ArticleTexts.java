package org.diplomacykg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.diplomacykg.vocab.Slugs;

/**
 * Where the text of an article is, for the evidence span check. An article's source graph
 * ({@code .../graph/source/<slug>}) may carry its text as a {@code dkg:text} literal (how
 * articles sent to the server keep theirs: a read-only checkout cannot take files); otherwise
 * the text is the file {@code <articles dir>/<slug>/text.<lang>.txt} of the article's bundle
 * ({@link ArticleBundle}), as for the articles loaded from {@code data/}.
 */
public final class ArticleTexts {

    /** The property holding an article's full text, in the article's source graph. */
    public static final Node TEXT = DKG.Nodes.term("text");

    private final Path articlesDir;

    /** Texts from the dataset, and from files under {@code articlesDir} (null: from the dataset only). */
    public ArticleTexts(Path articlesDir) {
        this.articlesDir = articlesDir;
    }

    /** The slug of a source graph ({@code .../graph/source/<slug>}); empty for any other graph. */
    public static Optional<String> slugOf(Node graph) {
        if ( graph == null || !graph.isURI() || !graph.getURI().startsWith(Graphs.SOURCE_BASE) )
            return Optional.empty();
        return Optional.of(graph.getURI().substring(Graphs.SOURCE_BASE.length()));
    }

    /**
     * The text of the article whose source graph is {@code graph}; empty when none is known.
     * Two different {@code dkg:text} values in one graph are refused: spans could not say
     * which text they quote.
     */
    public Optional<String> textOf(DatasetGraph dsg, Node graph) {
        Set<String> texts = new TreeSet<>();
        Iter.forEach(dsg.find(graph, Node.ANY, TEXT, Node.ANY), quad -> {
            if ( quad.getObject().isLiteral() )
                texts.add(quad.getObject().getLiteralLexicalForm());
        });
        if ( texts.size() > 1 )
            throw new WriteRejectedException("<" + graph.getURI() + "> holds " + texts.size()
                + " different dkg:text values: an article's graph holds one text, the one its evidence spans quote");
        if ( texts.size() == 1 )
            return Optional.of(texts.iterator().next());
        return fromFile(slugOf(graph).orElse(null));
    }

    private Optional<String> fromFile(String slug) {
        // A valid slug cannot climb out of the articles directory.
        if ( articlesDir == null || !Slugs.isValid(slug) )
            return Optional.empty();
        Path dir = articlesDir.resolve(slug);
        if ( !Files.isDirectory(dir) )
            return Optional.empty();
        try {
            return Optional.of(ArticleBundle.of(dir).text());
        } catch (LoadException ex) {
            throw new WriteRejectedException("The text of article '" + slug + "' cannot be read: " + ex.getMessage());
        }
    }

    /** A literal for {@link #TEXT}. */
    public static Node textLiteral(String text) {
        return NodeFactory.createLiteralString(text);
    }

    /** The quad that stores {@code text} as the text of {@code article} in the graph {@code graph}. */
    public static Quad textQuad(Node graph, Node article, String text) {
        return Quad.create(graph, article, TEXT, textLiteral(text));
    }
}
