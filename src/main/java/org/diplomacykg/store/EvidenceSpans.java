package org.diplomacykg.store;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Every evidence span in an article's source graph must name one place of the article's text
 * ({@link ArticleTexts}): its prefix + exact + suffix occurs there verbatim, once
 * ({@link EvidenceCheck}), as {@code load} demands of a bundle: a fact is only as good as the
 * words it points at. A span in a graph
 * whose text is not known is refused rather than trusted.
 */
final class EvidenceSpans {

    /** How many missing spans a refusal lists; the rest are counted. */
    private static final int LISTED = 10;

    private final ArticleTexts texts;

    EvidenceSpans(ArticleTexts texts) {
        this.texts = texts;
    }

    /** Checks the spans of {@code graph} if it is a source graph; throws {@link WriteRejectedException} if one does not name one place in the text. */
    void check(DatasetGraph dsg, Node graph) {
        Optional<String> slug = ArticleTexts.slugOf(graph);
        if ( slug.isEmpty() )
            return;
        List<EvidenceCheck.Span> spans = EvidenceCheck.spans(dsg.getGraph(graph));
        if ( spans.isEmpty() )
            return;
        Optional<String> text = texts.textOf(dsg, graph);
        if ( text.isEmpty() )
            throw new WriteRejectedException("No text is known for article '" + slug.get() + "', so its "
                + spans.size() + " evidence span(s) cannot be checked: send the article with its text "
                + "(PUT /kg/articles/" + slug.get() + ") or add a dkg:text to <" + graph.getURI() + ">");
        List<String> problems = EvidenceCheck.problems(text.get(), spans);
        if ( !problems.isEmpty() )
            throw new WriteRejectedException(describe(slug.get(), problems));
    }

    /** The refusal: how many spans are bad in which article, and the first few problems. */
    static String describe(String slug, List<String> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size() == 1 ? "1 evidence span does" : problems.size() + " evidence spans do")
          .append(" not name one place in the text of article '").append(slug).append("':");
        problems.stream().limit(LISTED).forEach(p -> sb.append("\n  ").append(p));
        if ( problems.size() > LISTED )
            sb.append("\n  ... and ").append(problems.size() - LISTED).append(" more");
        return sb.toString();
    }
}
