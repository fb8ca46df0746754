package org.diplomacykg.server.write;

import static org.diplomacykg.server.write.WriteFixture.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.TestServers;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.ServerConfigException;
import org.diplomacykg.store.CommitGate;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may write: without a password file nobody (the write endpoints do not exist); with one,
 * only its users, by HTTP Basic. A write without valid credentials gets 401 and changes
 * nothing; reads stay public.
 */
class TestWriteAccess {

    private static final String ARTICLE_JSON = """
        {"text": "Lavrov and Rubio spoke.", "facts": "<https://example.org/s> <https://example.org/p> <https://example.org/o> ."}""";

    @TempDir
    Path tmp;

    private WriteFixture writable;

    @BeforeEach
    void start() {
        writable = new WriteFixture(tmp);
    }

    @AfterEach
    void stop() {
        writable.close();
    }

    @Test
    void withoutAPasswordFileTheWriteEndpointsDoNotExist() {
        try ( TestServers.Running kg = TestServers.start(Path.of("ontology"), Path.of("data")) ) {
            String base = kg.baseUrl();
            String auth = basic(USER, PASSWORD);
            assertEquals(404, status(HttpRequest.newBuilder(URI.create(base + "/kg/update")).header("Authorization", auth)
                .header("Content-Type", SparqlClient.SPARQL_UPDATE).POST(BodyPublishers.ofString(REVISION))));
            assertEquals(404, status(HttpRequest.newBuilder(URI.create(base + "/kg/data?default")).header("Authorization", auth)
                .header("Content-Type", "text/turtle").PUT(BodyPublishers.ofString("<https://example.org/s> <https://example.org/p> <https://example.org/o> ."))));
            assertEquals(404, status(HttpRequest.newBuilder(URI.create(base + "/kg/articles/test-bundle")).header("Authorization", auth)
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(ARTICLE_JSON))));
        }
    }

    @Test
    void aWriteWithoutCredentialsIs401AndChangesNothing() {
        Set<Quad> before = writable.dump();
        HttpResponse<String> update = writable.send(writable.anonymous("/kg/update")
            .header("Content-Type", SparqlClient.SPARQL_UPDATE).POST(BodyPublishers.ofString(REVISION)));
        assertUnauthorized(update);
        HttpResponse<String> put = writable.send(writable.anonymous("/kg/data?graph=" + SOURCE)
            .header("Content-Type", "text/turtle").PUT(BodyPublishers.ofString("<https://example.org/s> <https://example.org/p> <https://example.org/o> .")));
        assertUnauthorized(put);
        HttpResponse<String> delete = writable.send(writable.anonymous("/kg/data?graph=" + SOURCE).DELETE());
        assertUnauthorized(delete);
        HttpResponse<String> article = writable.send(writable.anonymous("/kg/articles/test-bundle")
            .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(ARTICLE_JSON)));
        assertUnauthorized(article);
        assertSameData(before, writable.dump());
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401AndChangesNothing() {
        Set<Quad> before = writable.dump();
        for ( String auth : new String[] { basic(USER, "wrong"), basic("mallory", PASSWORD), basic(USER, "") } ) {
            HttpResponse<String> response = writable.send(writable.anonymous("/kg/update").header("Authorization", auth)
                .header("Content-Type", SparqlClient.SPARQL_UPDATE).POST(BodyPublishers.ofString(REVISION)));
            assertUnauthorized(response);
            HttpResponse<String> article = writable.send(writable.anonymous("/kg/articles/test-bundle").header("Authorization", auth)
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(ARTICLE_JSON)));
            assertUnauthorized(article);
        }
        assertSameData(before, writable.dump());
    }

    @Test
    void readsStayPublic() {
        assertTrue(writable.ask("ASK { id:sergey-lavrov ?p ?o }"));
        HttpResponse<String> get = writable.send(writable.anonymous("/kg/get?graph=" + SOURCE).header("Accept", "text/turtle").GET());
        assertEquals(200, get.statusCode());
        assertEquals(200, writable.send(writable.anonymous("/id/sergey-lavrov").header("Accept", "text/turtle").GET()).statusCode());
    }

    @Test
    void theHomePageListsTheWriteEndpoints() {
        HttpResponse<String> home = writable.send(writable.anonymous("/").header("Accept", "text/html").GET());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("/kg/articles/{slug}"), "the write endpoints are listed");
        assertTrue(!home.body().contains("This server is read-only"), "the page does not say it is read-only");
    }

    @Test
    void theRightCredentialsWrite() {
        assertEquals("2025-08-15T00:00:00", writable.unchangedSince());
        HttpResponse<String> response = writable.update(REVISION);
        assertEquals(204, response.statusCode(), response::body);
        assertTrue(writable.ask("ASK { id:statement-test-revision dkg:revises id:russia-position-on-ukraine }"));
    }

    /** The gate is the store's, given when it is built: a server cannot take writes from a store without one. */
    @Test
    void aServerTakesWritesOnlyOnAStoreBuiltWithAGate() {
        WriteAccess writers = new WriteAccess(tmp.resolve("passwd"));
        try ( TdbStore ungated = StoreStack.temporary().open() ) {
            ServerConfigException ex = assertThrows(ServerConfigException.class,
                () -> new ServerConfig(0, ServerConfig.DEFAULT_QUERY_TIMEOUT, ungated.datasetGraph(), null, writers));
            assertTrue(ex.getMessage().contains("gate"), ex.getMessage());
        }
        CommitGate gate = (dsg, changes) -> {};
        try ( TdbStore gated = StoreStack.temporary().gate(gate).open() ) {
            assertDoesNotThrow(() -> new ServerConfig(0, ServerConfig.DEFAULT_QUERY_TIMEOUT, gated.datasetGraph(), null, writers));
        }
    }

    private static int status(HttpRequest.Builder request) {
        return SparqlClient.send(HttpClient.newHttpClient(), request).statusCode();
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response::body);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Basic"), challenge);
    }
}
