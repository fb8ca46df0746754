package org.diplomacykg.server.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplomacykg.server.http.Responses;
import org.diplomacykg.store.ArticleTexts;
import org.diplomacykg.store.FactsSource;
import org.diplomacykg.store.FindingsReport;
import org.diplomacykg.store.WriteAuthor;
import org.diplomacykg.vocab.Graphs;
import org.diplomacykg.vocab.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /kg/articles/{slug}}: adds or replaces one article, its facts and its text, in one
 * write transaction through the same gate as every other write. The body is JSON,
 * {@code {"text": "...", "facts": "...Turtle..."}} ({@link ArticleUpload}); the graph
 * {@code https://w3id.org/diplomacy-kg/graph/source/{slug}} becomes the facts plus the text as
 * a {@code dkg:text} literal, which is where the evidence span check finds it.
 * <p>
 * Answers: 201 (new article) or 200 (replaced), with a JSON summary; 400 for a body that is not
 * an article upload; 422 or 403 as for any refused write ({@link WriteRefusals}); 401 without valid
 * credentials (the server's security handler, before this servlet).
 */
public final class ArticleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ArticleServlet.class);

    private final transient DatasetGraph dataset;

    public ArticleServlet(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ( !"PUT".equals(request.getMethod()) ) {
            response.setHeader("Allow", "PUT");
            Responses.text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "Send an article with PUT and a JSON body {\"text\": \"...\", \"facts\": \"...Turtle...\"}");
            return;
        }
        // The security handler already demands a login here; this guards against a wiring mistake.
        if ( request.getRemoteUser() == null ) {
            Responses.text(response, HttpServletResponse.SC_UNAUTHORIZED, "Writes need a user and password (HTTP Basic)");
            return;
        }
        put(request, response);
    }

    private void put(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = slug(request.getPathInfo());
        if ( !Slugs.isValid(slug) ) {
            Responses.text(response, HttpServletResponse.SC_NOT_FOUND, "'" + slug + "' is not an article name: use "
                + "/kg/articles/{slug}, with lower-case ASCII words joined by hyphens, e.g. /kg/articles/lavrov-rubio-2025-10");
            return;
        }
        ArticleUpload upload;
        try {
            upload = ArticleUpload.parse(slug, ArticleUpload.text(request.getInputStream().readAllBytes()));
        } catch (ArticleUpload.BadUploadException ex) {
            if ( ex.finding != null && WriteRefusals.wantsJson(request.getHeader("Accept")) )
                Responses.send(response, HttpServletResponse.SC_BAD_REQUEST, "application/json",
                    FindingsReport.json(List.of(ex.finding)).toString().getBytes(StandardCharsets.UTF_8));
            else
                Responses.text(response, HttpServletResponse.SC_BAD_REQUEST, ex.getMessage());
            return;
        }
        Node graph = Graphs.Nodes.sourceGraph(slug);
        boolean existed;
        try {
            existed = WriteAuthor.as(WriteAuthor.user(request.getRemoteUser(), "PUT /kg/articles/" + slug),
                                     () -> Txn.calculateWrite(dataset, () -> replace(graph, upload)));
        } catch (RuntimeException ex) {
            Optional<RuntimeException> refusal = WriteRefusals.refusalIn(ex);
            if ( refusal.isPresent() ) {
                LOG.info("Article {} by {} refused: {}", slug, request.getRemoteUser(), refusal.get().getMessage().lines().findFirst().orElse(""));
                WriteRefusals.send(request, response, refusal.get(), List.of(new FactsSource(ArticleUpload.FACTS, upload.factsText())));
                return;
            }
            LOG.warn("Storing article {} failed", slug, ex);
            Responses.text(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                "The article could not be stored; nothing of it was kept. The server log has the details.");
            return;
        }
        LOG.info("Article {} {} by {}: {} triples", slug, existed ? "replaced" : "added", request.getRemoteUser(), upload.facts().size() + 1);
        JsonObject summary = new JsonObject();
        summary.put("article", slug);
        summary.put("graph", graph.getURI());
        summary.put("triples", upload.facts().size() + 1);
        Responses.send(response, existed ? HttpServletResponse.SC_OK : HttpServletResponse.SC_CREATED,
            "application/json", summary.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Makes the graph the upload's facts and text; returns whether it held anything before. */
    private boolean replace(Node graph, ArticleUpload upload) {
        boolean existed = dataset.find(graph, Node.ANY, Node.ANY, Node.ANY).hasNext();
        dataset.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        upload.facts().find().forEachRemaining(t -> dataset.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
        Quad text = ArticleTexts.textQuad(graph, upload.article(), upload.text());
        dataset.add(text);
        return existed;
    }

    /** {@code /{slug}} to {@code slug}. */
    private static String slug(String pathInfo) {
        if ( pathInfo == null )
            return "";
        return pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
    }
}
