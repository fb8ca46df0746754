package org.diplomacykg.server.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A writable server over the real ontology and data, with one user, and the requests the write
 * tests send: what a notebook would send with {@code requests} and HTTP Basic. A test class
 * registers it as it registers {@link KgServerExtension}, which starts and stops the server:
 * <pre>
 * &#64;RegisterExtension
 * static final WriteFixture kg = WriteFixture.perTest();
 * </pre>
 */
final class WriteFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery staple";

    static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX oa:  <http://www.w3.org/ns/oa#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;
    static final String SLUG = "lavrov-rubio-2025-10";
    static final String SOURCE = Graphs.sourceGraph(SLUG);

    /** A revision of Russia's position, with evidence quoting the article (see TestKeptCurrent). */
    static final String REVISION_TRIPLES = """
        id:statement-test-revision a dkg:Statement ;
            dkg:attributedTo id:sergey-lavrov ;
            dkg:revises id:russia-position-on-ukraine ;
            dkg:date "2025-09-10T00:00:00"^^xsd:dateTime ;
            dkg:evidence [ a oa:TextQuoteSelector ;
                           oa:exact "Menteri Luar Negeri Rusia Sergey Lavrov" ;
                           dkg:inArticle id:article-lavrov-rubio-2025-10 ] .
        """;
    static final String REVISION = PREFIXES + "INSERT DATA { GRAPH <" + SOURCE + "> {\n" + REVISION_TRIPLES + "} }";

    final KgServerExtension kg;

    private WriteFixture(KgServerExtension kg) {
        this.kg = kg;
    }

    /** A fresh server for every test, whose password file names {@link #USER}: for tests whose writes must not meet. */
    static WriteFixture perTest() {
        return new WriteFixture(server().perTest());
    }

    /** One server for the test class: for tests that leave the data as they found it, or that read nothing another wrote. */
    static WriteFixture perClass() {
        return new WriteFixture(server());
    }

    private static KgServerExtension server() {
        return KgServerExtension.project().writable("# who may write\n" + USER + ": " + PASSWORD + "\n");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kg.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kg.afterAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        kg.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        kg.afterEach(context);
    }

    /** The text of the small article the article-endpoint and audit tests send. */
    static final String BUNDLE_TEXT = "Moskow, 1 November. Lavrov dan Rubio kembali berbicara melalui telepon pada Sabtu.";

    /** The facts of that article, as the bundle {@code slug}: one call, with its span of {@link #BUNDLE_TEXT}. */
    static String bundleFacts(String slug) {
        return """
            @prefix dkg:  <https://w3id.org/diplomacy-kg/ontology#> .
            @prefix id:   <https://w3id.org/diplomacy-kg/id/> .
            @prefix oa:   <http://www.w3.org/ns/oa#> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

            id:article-SLUG a dkg:Article ; rdfs:label "A test article"@en .

            id:SLUG-call a dkg:PhoneCall ;
                rdfs:label "Lavrov-Rubio call of 1 November 2025"@en ;
                dkg:status dkg:Held ;
                dkg:participant id:sergey-lavrov , id:marco-rubio ;
                dkg:date "2025-11-01T00:00:00"^^xsd:dateTime ;
                dkg:evidence [ a oa:TextQuoteSelector ;
                               oa:exact "Lavrov dan Rubio kembali berbicara melalui telepon" ;
                               dkg:inArticle id:article-SLUG ] .
            """.replace("SLUG", slug);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request to {@code path} under the server (e.g. {@code /kg/update}), with the right credentials. */
    HttpRequest.Builder request(String path) {
        return anonymous(path).header("Authorization", basic(USER, PASSWORD));
    }

    /** A request to {@code path} with no credentials. */
    HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(kg.baseUrl() + path));
    }

    /**
     * A fresh client per request: Jetty may close a connection after refusing a write, and a
     * pooled connection closed that way fails the next request on it.
     */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return SparqlClient.send(HttpClient.newHttpClient(), request);
    }

    HttpResponse<String> update(String update) {
        return send(request("/kg/update").header("Content-Type", SparqlClient.SPARQL_UPDATE)
                                         .POST(BodyPublishers.ofString(update)));
    }

    HttpResponse<String> update(String update, String accept) {
        return send(request("/kg/update").header("Content-Type", SparqlClient.SPARQL_UPDATE).header("Accept", accept)
                                         .POST(BodyPublishers.ofString(update)));
    }

    /** A Graph Store Protocol request on {@code /kg/data?graph=IRI}. */
    HttpResponse<String> graphStore(String method, String graph, String contentType, String body) {
        HttpRequest.Builder request = request("/kg/data?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8));
        if ( contentType != null )
            request.header("Content-Type", contentType);
        return send(request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
    }

    boolean ask(String query) {
        return SparqlClient.ask(kg.sparqlUrl(), PREFIXES + query);
    }

    /** The inferred {@code dkg:unchangedSince} of Russia's position. */
    String unchangedSince() {
        var rows = SparqlClient.select(kg.sparqlUrl(), PREFIXES + """
            SELECT ?since { GRAPH <%s> { id:russia-position-on-ukraine dkg:unchangedSince ?since } }"""
            .formatted(Graphs.INFERRED));
        String since = rows.next().get("since").asLiteral().getLexicalForm();
        assertFalse(rows.hasNext(), "one continuity date");
        return since;
    }

    /** Every quad of the dataset, asserted and derived: blank nodes keep their identity within one store. */
    Set<Quad> dump() {
        DatasetGraph dsg = kg.dataset().asDatasetGraph();
        return Txn.calculateRead(dsg, () -> new HashSet<>(Iter.toList(dsg.find())));
    }

    /** Asserts that two dumps hold the same quads, showing how they differ if not. */
    static void assertSameData(Set<Quad> before, Set<Quad> after) {
        Set<Quad> added = new HashSet<>(after);
        added.removeAll(before);
        Set<Quad> removed = new HashSet<>(before);
        removed.removeAll(after);
        assertEquals(Set.of(), added, "quads added");
        assertEquals(Set.of(), removed, "quads removed");
    }
}
