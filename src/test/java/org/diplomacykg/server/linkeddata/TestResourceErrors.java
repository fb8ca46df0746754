package org.diplomacykg.server.linkeddata;

import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.mediaType;
import static org.diplomacykg.SparqlClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;

import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /id/...: 404 for unknown things and for paths that are not slugs, 406 for formats not on offer, 500 without a trace. */
class TestResourceErrors {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();
    /** Over a store whose every read fails. */
    @RegisterExtension
    static final KgServerExtension broken = KgServerExtension.serving(() -> DatasetFactory.wrap(
        new DatasetGraphWrapper(Store.createUnionDataset().asDatasetGraph()) {
            @Override
            public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
                throw new IllegalStateException("disk on fire");
            }
        })).queryTimeout(Duration.ofSeconds(5));

    @Test
    void unknownSlugIsNotFoundAsText() {
        HttpResponse<String> response = get(kg.baseUrl() + "/id/no-such-thing", "text/turtle");
        assertEquals(404, response.statusCode());
        assertEquals("text/plain", mediaType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(null));
        assertTrue(response.body().contains("https://w3id.org/diplomacy-kg/id/no-such-thing"), response.body());
    }

    @Test
    void unknownSlugIsNotFoundAsAPageForBrowsers() {
        HttpResponse<String> response = get(kg.baseUrl() + "/id/no-such-thing", BROWSER);
        assertEquals(404, response.statusCode());
        assertEquals("text/html", mediaType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(null));
        String page = response.body();
        assertTrue(page.contains("href=\"" + kg.baseUrl() + "/\""), "links the home page");
        assertTrue(page.contains("href=\"" + kg.baseUrl() + "/kg/sparql\""), "links the SPARQL endpoint");
        assertTrue(page.contains("rdfs:label"), "shows a query to search the labels");
    }

    @Test
    void nearMissIsSuggested() {
        HttpResponse<String> response = get(kg.baseUrl() + "/id/Sergey_Lavrov", BROWSER);
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Did you mean <a href=\"" + kg.baseUrl() + "/id/sergey-lavrov\">Sergey Lavrov</a>"),
                   response.body());
    }

    @Test
    void unacceptableFormatIs406ListingTheFormats() {
        HttpResponse<String> response = get(kg.baseUrl() + "/id/sergey-lavrov", "image/png");
        assertEquals(406, response.statusCode());
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(null));
        for ( ResponseFormat format : ResourceServlet.FORMATS.offers() )
            assertTrue(response.body().contains(format.mediaType()), response.body());
    }

    @Test
    void unknownFormatParameterIs406() {
        HttpResponse<String> response = get(kg.baseUrl() + "/id/sergey-lavrov?format=png", "*/*");
        assertEquals(406, response.statusCode());
        assertTrue(response.body().contains("?format=ttl"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/id/..%2Fpom.xml",
        "/id/%2e%2e%2fpom.xml",
        "/id/sergey-lavrov%2F..%2F..%2Fpom.xml",
        "/id/%2e%2e",
        "/id/..;/pom.xml",
        "/id/sergey%20lavrov",
        "/id/Sergey-Lavrov",
        "/id/sergey--lavrov",
        "/id/sergey-lavrov/",
        "/id/sergey-lavrov/more",
        "/id/",
        "/id",
        "/id/%00",
        "/id/%C3%A9",
    })
    void pathsThatAreNotSlugsAreClientErrors(String path) {
        // A fresh client: a request the server rejects early may leave its connection unusable.
        HttpResponse<String> response = SparqlClient.send(HttpClient.newHttpClient(),
            HttpRequest.newBuilder(URI.create(kg.baseUrl() + path)).header("Accept", "text/turtle").GET());
        int status = response.statusCode();
        assertTrue(status == 400 || status == 404, path + " gave " + status + "\n" + response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("<project"), "never a file: " + response.body());
    }

    @Test
    void aStoreThatCannotBeReadGives500WithoutATrace() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
            URI.create(broken.baseUrl() + "/id/sergey-lavrov")).header("Accept", "text/turtle").GET());
        assertEquals(500, response.statusCode());
        assertEquals("text/plain", mediaType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(null));
        assertFalse(response.body().contains("disk on fire"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("\tat "), response.body());
    }
}
