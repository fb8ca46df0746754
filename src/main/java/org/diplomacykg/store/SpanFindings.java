package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;

import static org.diplomacykg.store.FindingNames.literal;
import static org.diplomacykg.store.FindingNames.uri;

/**
 * Check 4 of {@link BundleCheck}, spans: every {@code oa:exact} of an article graph occurs in
 * the article's text, made unique by {@code oa:prefix}/{@code oa:suffix} where it occurs more
 * than once ({@link EvidenceCheck}), and the text is known.
 */
final class SpanFindings {

    private final ArticleTexts texts;

    SpanFindings(ArticleTexts texts) {
        this.texts = texts;
    }

    /** The findings of the spans of article graph {@code graph} of {@code dsg}. */
    List<Finding> of(DatasetGraph dsg, Node graph) {
        String slug = ArticleTexts.slugOf(graph).orElseThrow();
        Graph g = dsg.getGraph(graph);
        List<Triple> exacts = Iter.toList(g.find(Node.ANY, EvidenceCheck.OA_EXACT, Node.ANY).filterKeep(t -> t.getObject().isLiteral()));
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
}
