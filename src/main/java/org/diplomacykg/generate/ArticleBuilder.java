package org.diplomacykg.generate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.store.ArticleTexts;
import org.diplomacykg.vocab.DKG;

/**
 * One synthetic article, built up sentence by sentence: each fact added with
 * {@link #evidence} gets a sentence of the text and a {@code oa:TextQuoteSelector} quoting it,
 * so every span occurs verbatim (and, with the numbered things it names, exactly once) in the
 * text. The article's graph holds its text as {@code dkg:text}, where the store's span check
 * looks for it. Only one article is held at a time.
 */
final class ArticleBuilder {

    private final SyntheticIds ids;
    private final int number;
    private final int day;
    private final Node graph;
    private final Node article;
    private final StringBuilder text = new StringBuilder();
    private final List<Quad> quads = new ArrayList<>();
    private int spans;

    ArticleBuilder(SyntheticIds ids, long seed, int number, int day) {
        this.ids = ids;
        this.number = number;
        this.day = day;
        this.graph = ids.sourceGraph(number);
        this.article = ids.article(number);
        text.append("Synthetic article ").append(number).append(" of ").append(Days.words(day))
            .append(" (made up by the diplomacy-kg generator, seed ").append(seed).append("; not a real report).");
    }

    int day() { return day; }

    void add(Node s, Node p, Node o) {
        quads.add(Quad.create(graph, s, p, o));
    }

    /** Adds the sentence to the text and points {@code subject}'s evidence at it. */
    void evidence(Node subject, String sentence) {
        text.append(' ').append(sentence);
        Node span = ids.span(number, spans++);
        add(subject, DKG.Nodes.evidence, span);
        add(span, Terms.TYPE, Terms.TEXT_QUOTE_SELECTOR);
        add(span, Terms.EXACT, Terms.string(sentence));
        add(span, Terms.inArticle, article);
    }

    /** Sends the article: its description and text first, then its facts. */
    void writeTo(Emitter out) {
        out.quad(graph, article, Terms.TYPE, Terms.Article);
        out.quad(graph, article, Terms.LABEL, Terms.en("Synthetic article " + number + " (" + Days.words(day) + ")"));
        out.quad(graph, article, Terms.LANGUAGE, Terms.string("en"));
        out.quad(graph, article, ArticleTexts.TEXT, ArticleTexts.textLiteral(text.toString()));
        quads.forEach(out::quad);
    }
}
