package org.diplomacykg.server.write;

import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.store.BundleCheck;
import org.diplomacykg.store.Finding;
import org.diplomacykg.vocab.DKG;

/**
 * One article as a client sends it: {@code {"text": "...", "facts": "...Turtle..."}}. The text
 * is stored on the article's node: the one {@code dkg:Article} the facts describe, or
 * {@code id:article-<slug>} when they describe none or several. Relative IRIs in the facts
 * resolve against {@code https://w3id.org/diplomacy-kg/id/}.
 *
 * @param text      the article's full text, which the facts' evidence spans quote
 * @param facts     the facts, parsed
 * @param factsText the facts as the client wrote them, to place findings in
 * @param article   the node the text belongs to
 */
record ArticleUpload(String text, Graph facts, String factsText, Node article) {

    /** How findings name the facts of an upload, in place of a file. */
    static final String FACTS = "facts";

    /** The body does not hold an article; the message says what is wrong, for a 400. */
    static final class BadUploadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The syntax error of the facts, as every path words it; null for another fault. */
        final transient Finding finding;

        BadUploadException(String message) {
            super(message);
            this.finding = null;
        }

        BadUploadException(Finding finding) {
            super(finding.text());
            this.finding = finding;
        }
    }

    /** The body as text; it must be UTF-8, as JSON is. */
    static String text(byte[] body) {
        try {
            return Utf8.decode(body);
        } catch (CharacterCodingException ex) {
            throw new BadUploadException("The body is not UTF-8: " + Utf8.where(body) + ". Send the JSON encoded as UTF-8.");
        }
    }

    static ArticleUpload parse(String slug, String body) {
        JsonObject json;
        try {
            json = JSON.parse(body);
        } catch (JsonException | ClassCastException ex) {
            throw new BadUploadException("The body is not a JSON object {\"text\": \"...\", \"facts\": \"...\"}: " + ex.getMessage());
        } catch (StackOverflowError ex) {
            throw new BadUploadException("The body is nested too deeply to read: send a JSON object {\"text\": \"...\", \"facts\": \"...\"}");
        }
        if ( json == null )
            throw new BadUploadException("The body is not a JSON object {\"text\": \"...\", \"facts\": \"...\"}");
        String text = string(json, "text");
        String facts = string(json, "facts");
        if ( text.isBlank() )
            throw new BadUploadException("\"text\" is empty: send the article's full text, which the evidence spans quote");
        Graph graph = GraphFactory.createDefaultGraph();
        // The bundle check's parse, so that a syntax error reads as it does for validate and load.
        Optional<Finding> syntax = BundleCheck.parse(FACTS, facts, DKG.ID_BASE, graph);
        if ( syntax.isPresent() )
            throw new BadUploadException(syntax.get());
        return new ArticleUpload(text, graph, facts, articleNode(slug, graph));
    }

    private static String string(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if ( value == null || !value.isString() )
            throw new BadUploadException("The JSON body needs a string \"" + key + "\": {\"text\": \"...\", \"facts\": \"...Turtle...\"}");
        return value.getAsString().value();
    }

    private static Node articleNode(String slug, Graph facts) {
        List<Node> articles = facts.find(Node.ANY, RDF.Nodes.type, DKG.Nodes.term("Article")).mapWith(t -> t.getSubject()).toList();
        return articles.size() == 1 ? articles.get(0) : DKG.Nodes.id("article-" + slug);
    }
}
