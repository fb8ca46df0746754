package org.diplomacykg.server.write;

import static org.diplomacykg.server.write.WriteFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every committed write over HTTP leaves one {@code prov:Activity} in the audit graph, naming the
 * user, the graphs and the net counts; a refused write leaves none; and nobody can write, drop or
 * clear the audit graph, which stays out of the default graph.
 */
class TestAuditTrail {

    private static final String AUDIT_PREFIXES = PREFIXES + """
        PREFIX prov: <http://www.w3.org/ns/prov#>
        """;
    private static final String ARTICLE = "audit-test";
    private static final String TEXT = WriteFixture.BUNDLE_TEXT;
    private static final String FACTS = WriteFixture.bundleFacts(ARTICLE);

    @RegisterExtension
    static final WriteFixture kg = WriteFixture.perTest();

    /** One activity as the audit graph has it. */
    private record Activity(String iri, String user, String via, Set<String> graphs, long added, long removed,
                            String slug, String textHash, String started, String ended) {}

    @Test
    void anUpdateIsRecordedOnceWithItsUserGraphAndCounts() {
        Set<String> before = activityIris();
        HttpResponse<String> response = kg.update(REVISION);
        assertEquals(204, response.statusCode(), response::body);

        Activity a = theNewActivity(before);
        assertEquals("https://w3id.org/diplomacy-kg/user/" + USER, a.user());
        assertEquals("POST /kg/update", a.via());
        assertEquals(Set.of(SOURCE), a.graphs());
        assertEquals(turtle(PREFIXES.replaceAll("PREFIX (\\S+) (\\S+)", "@prefix $1 $2 .") + REVISION_TRIPLES).size(), a.added());
        assertEquals(0, a.removed());
        assertEquals(SLUG, a.slug());
        assertTrue(a.started().compareTo(a.ended()) <= 0, a::toString);
    }

    @Test
    void aGraphStorePutIsRecordedOnce() {
        Set<String> before = activityIris();
        String graph = Graphs.sourceGraph(ARTICLE);
        String body = FACTS + "id:article-audit-test dkg:text \"" + TEXT + "\" .\n";
        HttpResponse<String> response = kg.graphStore("PUT", graph, "text/turtle", body);
        assertEquals(201, response.statusCode(), response::body);

        Activity a = theNewActivity(before);
        assertEquals("https://w3id.org/diplomacy-kg/user/" + USER, a.user());
        assertTrue(a.via().startsWith("PUT /kg/data"), a::toString);
        assertEquals(Set.of(graph), a.graphs());
        assertEquals(turtle(body).size(), a.added());
        assertEquals(0, a.removed());
        assertEquals(ARTICLE, a.slug());
        assertEquals(sha256(TEXT), a.textHash());
    }

    @Test
    void anArticlePutIsRecordedOnceWithSlugAndTextHash() {
        Set<String> before = activityIris();
        HttpResponse<String> response = putArticle(TEXT);
        assertEquals(201, response.statusCode(), response::body);

        Activity a = theNewActivity(before);
        assertEquals("https://w3id.org/diplomacy-kg/user/" + USER, a.user());
        assertEquals("PUT /kg/articles/" + ARTICLE, a.via());
        assertEquals(Set.of(Graphs.sourceGraph(ARTICLE)), a.graphs());
        assertEquals(turtle(FACTS).size() + 1, a.added());
        assertEquals(ARTICLE, a.slug());
        assertEquals(sha256(TEXT), a.textHash());

        // Replacing it with the same facts and another text: the text changes, and the evidence's
        // blank node is a new one, so its triples go out and come in again; the rest stays.
        Set<String> second = activityIris();
        String longer = TEXT + " Sumber: kantor berita.";
        assertEquals(200, putArticle(longer).statusCode());
        Activity b = theNewActivity(second);
        long withBlankNodes = turtle(FACTS).stream().filter(t -> t.getSubject().isBlank() || t.getObject().isBlank()).count();
        assertEquals(withBlankNodes + 1, b.added());
        assertEquals(withBlankNodes + 1, b.removed());
        assertEquals(sha256(longer), b.textHash());
    }

    @Test
    void refusedWritesRecordNothing() {
        Set<Quad> audit = auditQuads();
        // A span the article does not contain: 422.
        assertEquals(422, kg.update(REVISION.replace("Menteri Luar Negeri Rusia Sergey Lavrov", "Menteri Luar Negeri Mars")).statusCode());
        // A wrong password: 401.
        HttpResponse<String> wrong = kg.send(kg.anonymous("/kg/update").header("Authorization", basic(USER, "wrong"))
            .header("Content-Type", SparqlClient.SPARQL_UPDATE).POST(BodyPublishers.ofString(REVISION)));
        assertEquals(401, wrong.statusCode());
        // A write to the inferred graph: 403.
        assertEquals(403, kg.update(PREFIXES + "INSERT DATA { GRAPH <" + Graphs.INFERRED + "> { id:a id:b id:c } }").statusCode());
        assertEquals(audit, auditQuads());
    }

    @Test
    void theAuditGraphCannotBeWrittenDroppedOrCleared() {
        assertEquals(204, kg.update(REVISION).statusCode());
        Set<Quad> audit = auditQuads();
        assertFalse(audit.isEmpty());

        String insert = PREFIXES + "INSERT DATA { GRAPH <" + Graphs.AUDIT + "> { id:a id:b id:c } }";
        assertEquals(403, kg.update(insert).statusCode());
        assertEquals(403, kg.update("DROP GRAPH <" + Graphs.AUDIT + ">").statusCode());
        assertEquals(403, kg.update("CLEAR GRAPH <" + Graphs.AUDIT + ">").statusCode());
        assertEquals(403, kg.update("DELETE WHERE { GRAPH <" + Graphs.AUDIT + "> { ?s ?p ?o } }").statusCode());
        assertEquals(403, kg.graphStore("PUT", Graphs.AUDIT, "text/turtle", "<https://example.org/a> <https://example.org/b> <https://example.org/c> .").statusCode());
        assertEquals(403, kg.graphStore("POST", Graphs.AUDIT, "text/turtle", "<https://example.org/a> <https://example.org/b> <https://example.org/c> .").statusCode());
        assertEquals(403, kg.graphStore("DELETE", Graphs.AUDIT, null, null).statusCode());
        assertEquals(audit, auditQuads(), "refused: nothing changed, nothing recorded");
        int activities = activityIris().size();

        // Deletes over every graph leave the record alone, and are recorded in turn.
        assertEquals(204, kg.update("DELETE WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#comment> ?o } }").statusCode());
        assertTrue(auditQuads().containsAll(audit), "the earlier records are all still there");
        assertEquals(activities + 1, activityIris().size(), "one record for the delete");
        assertEquals(204, kg.update("CLEAR ALL").statusCode());
        assertTrue(auditQuads().containsAll(audit), "the earlier records are all still there");
        assertEquals(activities + 2, activityIris().size(), "one record for the clear");
        assertEquals(204, kg.update("DROP ALL").statusCode());
        assertTrue(auditQuads().containsAll(audit), "the earlier records are all still there");
    }

    @Test
    void theAuditGraphHoldsNoPasswordAndIsOutOfTheDefaultGraph() {
        assertEquals(204, kg.update(REVISION).statusCode());
        assertEquals(201, putArticle(TEXT).statusCode());
        for ( Quad q : auditQuads() ) {
            String quad = q.toString();
            assertFalse(quad.contains(PASSWORD) || quad.contains("BCRYPT") || quad.contains("$2a$"), quad);
        }
        assertFalse(kg.ask("PREFIX prov: <http://www.w3.org/ns/prov#> ASK { ?a a prov:Activity }"));
        assertTrue(kg.ask("PREFIX prov: <http://www.w3.org/ns/prov#> ASK { GRAPH <" + Graphs.AUDIT + "> { ?a a prov:Activity } }"));
        assertFalse(kg.ask("PREFIX prov: <http://www.w3.org/ns/prov#> ASK { ?a prov:wasAssociatedWith ?u }"));
    }

    @Test
    void theArticlePageSaysWhoLoadedAndWhoLastChangedIt() {
        String page = kg.send(kg.anonymous("/article/" + SLUG)).body();
        assertTrue(page.contains("Loaded by "), page);
        assertFalse(page.contains("last changed by"), "one write so far");

        assertEquals(204, kg.update(REVISION).statusCode());
        page = kg.send(kg.anonymous("/article/" + SLUG)).body();
        assertTrue(page.contains("last changed by " + USER + " (POST /kg/update) on "), page);

        assertEquals(201, putArticle(TEXT).statusCode());
        page = kg.send(kg.anonymous("/article/" + ARTICLE)).body();
        assertTrue(page.contains("Loaded by " + USER + " (PUT /kg/articles/" + ARTICLE + ") on "), page);
    }

    // ---- Helpers

    private HttpResponse<String> putArticle(String text) {
        JsonObject json = new JsonObject();
        json.put("text", text);
        json.put("facts", FACTS);
        return kg.send(kg.request("/kg/articles/" + ARTICLE).header("Content-Type", "application/json")
                         .PUT(BodyPublishers.ofString(json.toString())));
    }

    private Set<String> activityIris() {
        Set<String> iris = new HashSet<>();
        ResultSetRewindable rows = SparqlClient.select(kg.kg.sparqlUrl(), AUDIT_PREFIXES
            + "SELECT ?a { GRAPH <" + Graphs.AUDIT + "> { ?a a prov:Activity } }");
        rows.forEachRemaining(row -> iris.add(row.getResource("a").getURI()));
        return iris;
    }

    /** The one activity recorded since {@code before}, read over SPARQL with GRAPH. */
    private Activity theNewActivity(Set<String> before) {
        Set<String> now = activityIris();
        now.removeAll(before);
        assertEquals(1, now.size(), () -> "new activities: " + now);
        String iri = now.iterator().next();
        ResultSetRewindable rows = SparqlClient.select(kg.kg.sparqlUrl(), AUDIT_PREFIXES + """
            SELECT ?user ?via ?g ?added ?removed ?slug ?hash ?start ?end { GRAPH <%s> {
              <%s> prov:wasAssociatedWith ?user ; rdfs:label ?via ; dkg:touchedGraph ?g ;
                   prov:startedAtTime ?start ; prov:endedAtTime ?end .
              OPTIONAL { <%s> dkg:triplesAdded ?added ; dkg:triplesRemoved ?removed }
              OPTIONAL { <%s> dkg:articleSlug ?slug }
              OPTIONAL { <%s> dkg:textHash ?hash }
            } }""".formatted(Graphs.AUDIT, iri, iri, iri, iri));
        Set<String> graphs = new HashSet<>();
        QuerySolution first = null;
        while ( rows.hasNext() ) {
            QuerySolution row = rows.next();
            if ( first == null )
                first = row;
            graphs.add(row.getResource("g").getURI());
        }
        QuerySolution r = first;
        return new Activity(iri, r.getResource("user").getURI(), r.getLiteral("via").getString(), graphs,
            r.contains("added") ? r.getLiteral("added").getLong() : -1, r.contains("removed") ? r.getLiteral("removed").getLong() : -1,
            r.contains("slug") ? r.getLiteral("slug").getString() : null, r.contains("hash") ? r.getLiteral("hash").getString() : null,
            r.getLiteral("start").getLexicalForm(), r.getLiteral("end").getLexicalForm());
    }

    private Set<Quad> auditQuads() {
        DatasetGraph dsg = kg.kg.dataset().asDatasetGraph();
        return Txn.calculateRead(dsg, () -> new HashSet<>(Iter.toList(dsg.find(Graphs.Nodes.AUDIT, null, null, null))));
    }

    private static Graph turtle(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, Lang.TURTLE).parse(g);
        return g;
    }

    private static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
