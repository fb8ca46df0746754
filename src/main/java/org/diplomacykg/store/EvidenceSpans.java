package org.diplomacykg.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Every evidence span ({@code oa:exact}) in an article's source graph must occur verbatim in
 * the article's text ({@link ArticleTexts}), as {@code load} demands of a bundle
 * ({@link EvidenceCheck}): a fact is only as good as the words it points at. A span in a graph
 * whose text is not known is refused rather than trusted.
 */
final class EvidenceSpans {

    /** How many missing spans a refusal lists; the rest are counted. */
    private static final int LISTED = 10;

    private final ArticleTexts texts;

    EvidenceSpans(ArticleTexts texts) {
        this.texts = texts;
    }

    /** Checks the spans of {@code graph} if it is a source graph; throws {@link WriteRejectedException} if one is not in the text. */
    void check(DatasetGraph dsg, Node graph) {
        Optional<String> slug = ArticleTexts.slugOf(graph);
        if ( slug.isEmpty() )
            return;
        Set<String> spans = new TreeSet<>();
        Iter.forEach(dsg.find(graph, Node.ANY, EvidenceCheck.OA_EXACT, Node.ANY), quad -> {
            // A non-literal oa:exact is the shapes' business (sh:datatype).
            if ( quad.getObject().isLiteral() )
                spans.add(quad.getObject().getLiteralLexicalForm());
        });
        if ( spans.isEmpty() )
            return;
        Optional<String> text = texts.textOf(dsg, graph);
        if ( text.isEmpty() )
            throw new WriteRejectedException("No text is known for article '" + slug.get() + "', so its "
                + spans.size() + " evidence span(s) cannot be checked: send the article with its text "
                + "(PUT /kg/articles/" + slug.get() + ") or add a dkg:text to <" + graph.getURI() + ">");
        List<String> missing = EvidenceCheck.missing(text.get(), spans);
        if ( !missing.isEmpty() )
            throw new WriteRejectedException(describe(slug.get(), missing));
    }

    private static String describe(String slug, List<String> missing) {
        StringBuilder sb = new StringBuilder();
        sb.append(missing.size() == 1 ? "1 evidence span does" : missing.size() + " evidence spans do")
          .append(" not occur verbatim in the text of article '").append(slug)
          .append("' (oa:exact must copy the article's words character for character):");
        missing.stream().limit(LISTED).forEach(span -> sb.append("\n  \"").append(span).append('"'));
        if ( missing.size() > LISTED )
            sb.append("\n  ... and ").append(missing.size() - LISTED).append(" more");
        return sb.toString();
    }
}
