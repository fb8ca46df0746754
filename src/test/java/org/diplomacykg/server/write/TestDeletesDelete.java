package org.diplomacykg.server.write;

import static org.diplomacykg.server.write.WriteFixture.PREFIXES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.util.FmtUtils;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every way a client deletes over HTTP removes every literal it matched, of every datatype TDB2
 * stores inside its node ids (a decimal written {@code "5"} stayed behind a 204 on plain TDB2
 * 5.6.0: see {@code CanonicalLiterals}). Each literal has its own subject, so that what is left
 * names the datatype that survived.
 */
class TestDeletesDelete {

    static final String GRAPH = "https://example.org/numbers";

    /** One literal of each inlined datatype, in a form other than TDB2's canonical one where there is one. */
    static final List<String> LITERALS = List.of(
        "\"5\"^^xsd:decimal", "\"5.00\"^^xsd:decimal", "\"-0.50\"^^xsd:decimal", "\"1.0e6\"^^xsd:double",
        "\"1.5E0\"^^xsd:float", "7", "\"007\"^^xsd:integer", "\"+7\"^^xsd:long", "\"7\"^^xsd:int",
        "\"7\"^^xsd:short", "\"7\"^^xsd:byte", "\"7\"^^xsd:positiveInteger", "\"-7\"^^xsd:negativeInteger",
        "\"0\"^^xsd:nonPositiveInteger", "\"07\"^^xsd:nonNegativeInteger", "\"7\"^^xsd:unsignedLong",
        "\"7\"^^xsd:unsignedInt", "\"7\"^^xsd:unsignedShort", "\"7\"^^xsd:unsignedByte",
        "\"2025-08-15T00:00:00\"^^xsd:dateTime", "\"2025-08-15T10:00:00.500+00:00\"^^xsd:dateTime",
        "\"2025-08-15T10:00:00Z\"^^xsd:dateTimeStamp", "\"2025-08-15\"^^xsd:date", "\"1\"^^xsd:boolean",
        "false");

    @RegisterExtension
    static final WriteFixture kg = WriteFixture.perClass();

    /** The triples: {@code <.../literal-i> <.../value> literal i}. */
    static String triples(Function<Integer, String> literal) {
        StringBuilder sb = new StringBuilder();
        for ( int i = 0; i < LITERALS.size(); i++ )
            sb.append("<https://example.org/literal-").append(i).append("> <https://example.org/value> ")
              .append(literal.apply(i)).append(" .\n");
        return sb.toString();
    }

    @BeforeEach
    void fill() {
        kg.update("DROP SILENT GRAPH <" + GRAPH + ">");
        HttpResponse<String> response = kg.update(PREFIXES + "INSERT DATA { GRAPH <" + GRAPH + "> {\n" + triples(LITERALS::get) + "} }");
        assertEquals(204, response.statusCode(), response::body);
        assertEquals(LITERALS.size(), left().size(), "all inserted");
    }

    /** What is left in the graph, as literal i = value read back. */
    static List<String> left() {
        ResultSetRewindable rows = SparqlClient.select(kg.kg.sparqlUrl(),
            "SELECT ?s ?o { GRAPH <" + GRAPH + "> { ?s <https://example.org/value> ?o } }");
        List<String> left = new ArrayList<>();
        while ( rows.hasNext() ) {
            QuerySolution row = rows.next();
            left.add(LITERALS.get(index(row)) + " read back as " + row.get("o"));
        }
        return left;
    }

    /** i, for the subject literal-i. */
    static int index(QuerySolution row) {
        return Integer.parseInt(row.getResource("s").getURI().replaceAll(".*-", ""));
    }

    static void assertDeleted(HttpResponse<String> response) {
        assertEquals(204 / 100, response.statusCode() / 100, response::body);
        assertEquals(List.of(), left(), "literals the delete answered for but left behind");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CLEAR GRAPH <%s>",
        "DELETE WHERE { GRAPH <%s> { ?s ?p ?o } }",
        "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = <%s>) }",
        "DELETE { GRAPH ?g { ?s ?p ?o } } INSERT { GRAPH ?g { ?s <https://example.org/was> \"replaced\" } } "
            + "WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = <%s>) }",
        "WITH <%s> DELETE { ?s ?p ?o } INSERT { } WHERE { ?s ?p ?o }",
        "DROP GRAPH <%s>" })
    void aSparqlUpdateDeletesEveryLiteralItMatched(String update) {
        assertDeleted(kg.update(update.replace("%s", GRAPH)));
    }

    @Test
    void deleteDataWithTheFormWrittenDeletes() {
        assertDeleted(kg.update(PREFIXES + "DELETE DATA { GRAPH <" + GRAPH + "> {\n" + triples(LITERALS::get) + "} }"));
    }

    @Test
    void deleteDataWithTheFormReadBackDeletes() {
        ResultSetRewindable rows = SparqlClient.select(kg.kg.sparqlUrl(), "SELECT ?s ?o { GRAPH <" + GRAPH + "> { ?s ?p ?o } }");
        String[] readBack = new String[LITERALS.size()];
        rows.forEachRemaining(row -> readBack[index(row)] = FmtUtils.stringForNode(row.get("o").asNode()));
        assertDeleted(kg.update(PREFIXES + "DELETE DATA { GRAPH <" + GRAPH + "> {\n" + triples(i -> readBack[i]) + "} }"));
    }

    @Test
    void aGraphStoreDeleteDeletes() {
        assertDeleted(kg.graphStore("DELETE", GRAPH, null, null));
    }

    @Test
    void aGraphStorePutReplacesEverything() {
        HttpResponse<String> response = kg.graphStore("PUT", GRAPH, "text/turtle",
                                                      "<https://example.org/other> <https://example.org/value> \"other\" .");
        assertEquals(2, response.statusCode() / 100, response::body);
        List<String> left = new ArrayList<>();
        SparqlClient.select(kg.kg.sparqlUrl(), "SELECT ?o { GRAPH <" + GRAPH + "> { ?s ?p ?o } }")
                    .forEachRemaining(row -> left.add(row.get("o").toString()));
        assertEquals(List.of("other"), left);
    }
}
