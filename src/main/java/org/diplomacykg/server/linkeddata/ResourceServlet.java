package org.diplomacykg.server.linkeddata;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.http.ContentNegotiation;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.server.http.Responses;
import org.diplomacykg.server.pages.Templates;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /id/{slug}: describes one thing of the knowledge graph ({@link Describer}) in the format the
 * request negotiates ({@link ContentNegotiation}): RDF in six syntaxes, or the HTML page
 * ({@link ResourcePage}). The answer is 404 for a path that is not a slug or names no known
 * thing, 406 when no format on offer is acceptable, and 500 with a short message, logged, when
 * the store cannot be read. Every response varies by {@code Accept}.
 */
public final class ResourceServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceServlet.class);

    /** What {@code /id/{slug}} offers, Turtle first. */
    public static final ContentNegotiation FORMATS = ContentNegotiation.of(
        ResponseFormat.TURTLE, ResponseFormat.JSONLD, ResponseFormat.RDFXML, ResponseFormat.NTRIPLES,
        ResponseFormat.NQUADS, ResponseFormat.TRIG, ResponseFormat.HTML);

    private final transient ServerConfig config;

    public ResourceServlet(ServerConfig config) {
        this.config = config;
    }

    /** What the read found: the description (null when the thing is unknown) and the page's model, for HTML. */
    private record Found(Description description, Map<String, Object> page) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            respond(request, response);
        } catch (RuntimeException ex) {
            LOG.error("Could not answer {}", request.getRequestURI(), ex);
            NegotiatedResponses.varyByAccept(response);
            Responses.couldNotRead(response);
        }
    }

    private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ResponseFormat> format = NegotiatedResponses.choose(request, response, FORMATS);
        boolean html = format.orElse(null) == ResponseFormat.HTML;
        String slug = slug(request);
        String base = PublicUrls.base(request, config.baseUrl());
        String lang = PageLanguage.choose(request.getParameter("lang"), request.getHeader("Accept-Language"));
        DatasetGraph dataset = config.dataset();

        Found found = Txn.calculateRead(dataset, () -> {
            Optional<Description> description = slug == null
                ? Optional.empty()
                : Describer.describe(dataset, DKG.Nodes.id(slug));
            if ( description.isEmpty() )
                return new Found(null, html ? NotFoundPage.model(dataset, request.getRequestURI(), base) : null);
            return new Found(description.get(), html ? ResourcePage.model(dataset, description.get(), slug, lang, base) : null);
        });

        if ( found.description() == null ) {
            notFound(response, slug, found.page());
            return;
        }
        if ( format.isEmpty() ) {
            NegotiatedResponses.notAcceptable(response, FORMATS, "This resource");
            return;
        }
        response.setHeader("Link", alternates(base, slug, format.get()));
        if ( html ) {
            response.setHeader("Vary", "Accept, Accept-Language");
            Responses.html(response, HttpServletResponse.SC_OK, Templates.render("resource.ftlh", found.page()));
        } else {
            NegotiatedResponses.sendRdf(request, response, format.get(), DescriptionWriter.write(found.description(), format.get()));
        }
    }

    private static void notFound(HttpServletResponse response, String slug, Map<String, Object> page) throws IOException {
        if ( page != null ) {
            Responses.html(response, HttpServletResponse.SC_NOT_FOUND, Templates.render("resource-not-found.ftlh", page));
            return;
        }
        String what = slug == null ? "That path is not a slug (lower-case ASCII letters and digits, words joined by hyphens)."
                                   : "Nothing is known as " + DKG.ID_BASE + slug + ".";
        Responses.text(response, HttpServletResponse.SC_NOT_FOUND, what + " Ask the SPARQL endpoint at /kg/sparql to find things by label.");
    }

    /** The slug of {@code /id/{slug}}, or null when the rest of the path is not one. */
    private static String slug(HttpServletRequest request) {
        String path = request.getPathInfo();
        if ( path == null || !path.startsWith("/") )
            return null;
        String slug = path.substring(1);
        return Slugs.isValid(slug) ? slug : null;
    }

    /** A {@code Link} header naming the other representations of the resource. */
    private static String alternates(String base, String slug, ResponseFormat chosen) {
        StringJoiner links = new StringJoiner(", ");
        for ( ResponseFormat f : FORMATS.offers() ) {
            if ( f != chosen )
                links.add("<" + base + "/id/" + slug + "?format=" + f.parameterName() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\"");
        }
        return links.toString();
    }
}
