package org.diplomacykg.replication;

import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.system.Txn;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.Graphs;

/**
 * Numbered writes whose effects can be counted afterwards: write {@code n} adds places
 * {@code place-n-0 ...}, each labelled and {@code dkg:locatedIn} a region (so the reasoners
 * add a type for each, with an explanation), and moves the one label of {@code latest} to
 * {@code "write n"}. A store then tells which writes it holds (by their places) and which it
 * holds last: a record applied twice, late, would bring an older label of {@code latest} back.
 * Everything is synthetic, in its own namespace and in one article graph of its own.
 */
final class SyntheticWrites {

    static final String GRAPH = Graphs.sourceGraph("synthetic-replication-test");
    private static final String NS = "https://example.org/synthetic/replication/";
    private static final String PREFIXES = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX dkg:  <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX s:    <%s>
        """.formatted(NS);

    private SyntheticWrites() {}

    /** Write {@code n}, adding {@code places} places. */
    static String update(int n, int places) {
        StringBuilder out = new StringBuilder(PREFIXES);
        out.append("DELETE WHERE { GRAPH <").append(GRAPH).append("> { s:latest rdfs:label ?label } } ;\n");
        out.append("INSERT DATA { GRAPH <").append(GRAPH).append("> {\n");
        out.append("  s:latest rdfs:label \"write ").append(n).append("\"@en .\n");
        appendPlaces(out, n, places);
        out.append("} }\n");
        return out.toString();
    }

    /**
     * Write {@code n} as an edit of one of a fixed set of articles: the graph of synthetic
     * article {@code article} replaced by {@code places} places (twice as many triples) of its
     * own, so that a long run rewrites the same graphs and the store stays the same size.
     */
    static String replaceArticle(int n, int article, int places) {
        String graph = Graphs.sourceGraph("synthetic-replication-bench-" + article);
        StringBuilder out = new StringBuilder(PREFIXES);
        out.append("DROP SILENT GRAPH <").append(graph).append("> ;\n");
        out.append("INSERT DATA { GRAPH <").append(graph).append("> {\n");
        appendPlaces(out, n, places);
        out.append("} }\n");
        return out.toString();
    }

    private static void appendPlaces(StringBuilder out, int n, int places) {
        for ( int j = 0 ; j < places ; j++ )
            out.append("  s:place-").append(n).append('-').append(j)
               .append(" rdfs:label \"synthetic place ").append(j).append(" of write ").append(n).append("\"@en ;\n")
               .append("    dkg:locatedIn s:region-").append(j % 17).append(" .\n");
    }

    /** The query of {@link #held}: the writes whose first place is there. */
    private static final String HELD = PREFIXES + "SELECT ?place { GRAPH <" + GRAPH + "> { ?place rdfs:label ?label } "
        + "FILTER(STRSTARTS(STR(?place), STR(s:place-)) && STRENDS(STR(?place), \"-0\")) }";

    /** The query of {@link #latest}. */
    private static final String LATEST = PREFIXES + "SELECT ?label { GRAPH <" + GRAPH + "> { s:latest rdfs:label ?label } }";

    /** The numbers of the writes a server holds, over SPARQL. */
    static Set<Integer> held(String sparqlEndpoint) {
        return writes(SparqlClient.select(sparqlEndpoint, HELD));
    }

    /** The numbers of the writes a store opened here holds. */
    static Set<Integer> held(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> {
            try ( QueryExecution exec = QueryExecutionFactory.create(HELD, dataset) ) {
                return writes(ResultSetFactory.copyResults(exec.execSelect()));
            }
        });
    }

    /** The labels of {@code latest} a server holds: one, {@code write N}, once a write is there. */
    static Set<String> latest(String sparqlEndpoint) {
        return labels(SparqlClient.select(sparqlEndpoint, LATEST));
    }

    /** The labels of {@code latest} a store opened here holds. */
    static Set<String> latest(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> {
            try ( QueryExecution exec = QueryExecutionFactory.create(LATEST, dataset) ) {
                return labels(ResultSetFactory.copyResults(exec.execSelect()));
            }
        });
    }

    private static Set<Integer> writes(ResultSet rows) {
        Set<Integer> writes = new TreeSet<>();
        while ( rows.hasNext() ) {
            String place = rows.next().getResource("place").getURI().substring((NS + "place-").length());
            writes.add(Integer.valueOf(place.substring(0, place.indexOf('-'))));
        }
        return writes;
    }

    private static Set<String> labels(ResultSet rows) {
        Set<String> labels = new TreeSet<>();
        while ( rows.hasNext() ) {
            QuerySolution row = rows.next();
            labels.add(row.getLiteral("label").getLexicalForm());
        }
        return labels;
    }
}
