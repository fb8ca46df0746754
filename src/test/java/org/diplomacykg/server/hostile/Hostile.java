package org.diplomacykg.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server over the real ontology and data, read-only or taking writes from one user, and
 * the few things the hostile-input tests do with it: send exactly the bytes under test, check
 * that a refusal is a clean 4xx with a message and no stack trace, compare every quad before
 * and after, and check that the server still answers. A test class registers it, which starts
 * the server before its tests and stops it after them:
 * <pre>
 * &#64;RegisterExtension
 * static final Hostile kg = Hostile.writable();
 * </pre>
 */
final class Hostile implements BeforeAllCallback, AfterAllCallback {

    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery staple";

    static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX oa:  <http://www.w3.org/ns/oa#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    /** A source graph no data file has: where the tests try to write. */
    static final String SCRATCH = Graphs.sourceGraph("hostile-scratch");

    /** A Java stack trace or exception dump in a body. */
    private static final Pattern STACK_TRACE = Pattern.compile(
        "Exception|java\\.lang\\.|StackOverflow|\\tat |\\bat (org|java|jdk|sun|com)\\.[\\w.$]+\\(");

    final KgServerExtension kg;
    final boolean writable;
    /** Short request timeout: a request the server leaves unanswered fails the test rather than hanging it. */
    private final HttpClient client = newClient();

    private Hostile(KgServerExtension kg, boolean writable) {
        this.kg = kg;
        this.writable = writable;
    }

    /** The server {@code serve --passwd} runs, its password file naming {@link #USER}. */
    static Hostile writable() {
        return new Hostile(KgServerExtension.project().writable("# who may write\n" + USER + ": " + PASSWORD + "\n"), true);
    }

    /** The server {@code serve} runs without {@code --passwd}. */
    static Hostile readOnly() {
        return new Hostile(KgServerExtension.project(), false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kg.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kg.afterAll(context);
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code /kg/data?graph=IRI}. */
    static String dataPath(String graph) {
        return "/kg/data?graph=" + encode(graph);
    }

    /** A request to {@code path} under the server, without credentials. */
    HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(kg.baseUrl() + path)).timeout(Duration.ofSeconds(120));
    }

    /** A request to {@code path} with the right credentials. */
    HttpRequest.Builder authed(String path) {
        return anonymous(path).header("Authorization", basic(USER, PASSWORD));
    }

    /**
     * Sends with a fresh client: Jetty may close a connection whose body it refused unread, and a
     * pooled connection would then fail the next request.
     */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return SparqlClient.send(newClient(), request);
    }

    /** Sends with the shared client, for many small requests in a row. */
    HttpResponse<String> sendPooled(HttpRequest.Builder request) {
        return SparqlClient.send(client, request);
    }

    /** {@code method path} with exactly these body bytes and, unless null, this Content-Type. */
    HttpResponse<String> bytes(String method, String path, String contentType, byte[] body, boolean credentials) {
        HttpRequest.Builder request = credentials ? authed(path) : anonymous(path);
        if ( contentType != null )
            request.header("Content-Type", contentType);
        return send(request.method(method, BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> query(String query) {
        return bytes("POST", "/kg/sparql", SparqlClient.SPARQL_QUERY, utf8(query), false);
    }

    HttpResponse<String> update(String update) {
        return bytes("POST", "/kg/update", SparqlClient.SPARQL_UPDATE, utf8(update), true);
    }

    HttpResponse<String> put(String graph, String contentType, byte[] body) {
        return bytes("PUT", dataPath(graph), contentType, body, true);
    }

    HttpResponse<String> post(String graph, String contentType, byte[] body) {
        return bytes("POST", dataPath(graph), contentType, body, true);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for ( byte[] part : parts )
            out.writeBytes(part);
        return out.toByteArray();
    }

    /** A raw HTTP/1.1 GET-like exchange, for request targets an HTTP client would normalise or refuse to send. */
    RawResponse raw(String method, String target) {
        return raw(method, target, "", new byte[0]);
    }

    /**
     * A raw HTTP/1.1 exchange: {@code headers} are whole lines, each ending in CRLF; a body, when
     * not empty, is sent with its Content-Length.
     */
    RawResponse raw(String method, String target, String headers, byte[] body) {
        String request = method + " " + target;
        try ( Socket socket = new Socket("localhost", kg.server().getHttpPort()) ) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = request + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n" + headers
                          + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if ( !text.startsWith("HTTP/1.1 ") || text.length() < 12 )
                fail(request + ": not an HTTP response: " + text);
            return new RawResponse(request, Integer.parseInt(text.substring(9, 12)), text);
        } catch (IOException ex) {
            throw new UncheckedIOException(request + ": " + ex.getMessage(), ex);
        }
    }

    /** What {@link #raw} read: the whole response, headers and body. */
    record RawResponse(String request, int status, String text) {}

    /** Every quad, asserted and derived; blank nodes keep their identity within one store. */
    Set<Quad> dump() {
        DatasetGraph dsg = kg.dataset().asDatasetGraph();
        return Txn.calculateRead(dsg, () -> new HashSet<>(Iter.toList(dsg.find())));
    }

    /** The quads of the asserted graphs (not the derived ones, not the audit trail) other than {@link #SCRATCH}. */
    Set<Quad> assertedOutsideScratch() {
        Set<Quad> quads = dump();
        quads.removeIf(q -> q.getGraph().getURI().equals(SCRATCH)
                            || q.getGraph().getURI().equals(Graphs.INFERRED)
                            || q.getGraph().getURI().equals(Graphs.EXPLANATIONS)
                            // Records of the writes taken: history, not asserted data.
                            || q.getGraph().getURI().equals(Graphs.AUDIT));
        return quads;
    }

    /** The quads of one graph. */
    Set<Quad> graph(Node graph) {
        DatasetGraph dsg = kg.dataset().asDatasetGraph();
        return Txn.calculateRead(dsg, () -> new HashSet<>(Iter.toList(dsg.find(graph, Node.ANY, Node.ANY, Node.ANY))));
    }

    /** Asserts that two dumps hold the same quads, showing a few of the differences if not. */
    static void assertSameData(Set<Quad> before, Set<Quad> after, String what) {
        Set<Quad> added = new HashSet<>(after);
        added.removeAll(before);
        Set<Quad> removed = new HashSet<>(before);
        removed.removeAll(after);
        if ( !added.isEmpty() || !removed.isEmpty() )
            fail(what + " changed the data: " + added.size() + " quads added, e.g. " + added.stream().limit(3).toList()
                 + "; " + removed.size() + " removed, e.g. " + removed.stream().limit(3).toList());
    }

    /** The server still answers: ping, and a query that needs the data. */
    void assertAlive() {
        HttpResponse<String> ping = sendPooled(anonymous("/$/ping").GET());
        assertEquals(200, ping.statusCode(), "ping after hostile input: " + ping.body());
        HttpResponse<String> ask = sendPooled(anonymous("/kg/sparql").header("Content-Type", SparqlClient.SPARQL_QUERY)
            .header("Accept", SparqlClient.RESULTS_JSON)
            .POST(BodyPublishers.ofString(PREFIXES + "ASK { id:sergey-lavrov ?p ?o }")));
        assertEquals(200, ask.statusCode(), "a query after hostile input: " + ask.body());
        assertTrue(ask.body().contains("true"), ask.body());
    }

    /** A one-line account of a request and its answer, for assertion messages. */
    static String show(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return response.request().method() + " " + shorten(response.request().uri().toString(), 200) + " -> "
               + response.statusCode() + " " + shorten(body, 600);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...(" + s.length() + " chars)";
    }

    /** A client error, one of {@code allowed} when given, with a message and no stack trace. */
    static void assertRefused(HttpResponse<String> response, int... allowed) {
        int status = response.statusCode();
        if ( allowed.length > 0 )
            assertTrue(Arrays.stream(allowed).anyMatch(s -> s == status), () -> "expected one of "
                + Arrays.toString(allowed) + ": " + show(response));
        else
            assertTrue(status >= 400 && status < 500, () -> "expected a 4xx: " + show(response));
        assertCleanBody(response);
    }

    /** Any answer but a server error; a refusal must carry a clean message. */
    static void assertNotServerError(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 500, () -> "server error: " + show(response));
        if ( response.statusCode() >= 400 )
            assertCleanBody(response);
    }

    /** A body with a message and no stack trace. */
    static void assertCleanBody(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        assertFalse(body.isBlank(), () -> "no message: " + show(response));
        assertNoStackTrace(body, show(response));
    }

    static void assertNoStackTrace(String body, String what) {
        assertFalse(STACK_TRACE.matcher(body).find(), () -> "a stack trace or exception dump in the body: " + what);
    }
}
