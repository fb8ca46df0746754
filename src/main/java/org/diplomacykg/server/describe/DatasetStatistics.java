package org.diplomacykg.server.describe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * Figures about the dataset, for the home page, the service description and VoID, each from
 * one SPARQL query over the dataset as clients see it (the default graph is the union of the
 * named graphs), so that they agree with what a client counts itself. Callers hold a read
 * transaction around all the calls that make up one response, so that the figures of one
 * page come from one state of the data.
 */
public final class DatasetStatistics {

    /** Triples and distinct terms of one named graph, or of the union. */
    public record GraphFigures(String graph, long triples, long distinctSubjects, long properties, long distinctObjects) {
        /** Graph IRI relative to {@link org.diplomacykg.vocab.DKG#GRAPH_BASE}, e.g. {@code source/lavrov-rubio-2025-10}. */
        public String shortName() {
            return graph.startsWith(DKG.GRAPH_BASE) ? graph.substring(DKG.GRAPH_BASE.length()) : graph;
        }

        /** What the graph holds, in a sentence, or "" for a graph outside the layout. */
        public String description() {
            return describe(graph);
        }
    }

    /** A class or a property and how often it is used. */
    public record TermCount(String iri, String label, long count) {}

    /** A reasoner rule as the explanations graph describes it. */
    public record RuleInfo(String iri, String label, String description) {}

    private static final String PREFIXES = """
        PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX owl:  <http://www.w3.org/2002/07/owl#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX dkg:  <https://w3id.org/diplomacy-kg/ontology#>
        """;

    private final DatasetGraph dsg;
    private final Duration timeout;

    /** Figures of {@code dsg}; each query is cancelled after {@code timeout}. */
    public DatasetStatistics(DatasetGraph dsg, Duration timeout) {
        this.dsg = dsg;
        this.timeout = timeout;
    }

    /** Per named graph, in IRI order. */
    public List<GraphFigures> namedGraphs() {
        List<GraphFigures> out = new ArrayList<>();
        select("""
            SELECT ?g (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?ds) (COUNT(DISTINCT ?p) AS ?dp) (COUNT(DISTINCT ?o) AS ?do)
            { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g""",
            row -> out.add(new GraphFigures(uri(row, "g"), count(row, "n"), count(row, "ds"), count(row, "dp"), count(row, "do"))));
        return out;
    }

    /** The default graph queries see (the named graphs but the explanations); named {@code null}. */
    public GraphFigures union() {
        List<GraphFigures> out = new ArrayList<>(1);
        select("""
            SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?ds) (COUNT(DISTINCT ?p) AS ?dp) (COUNT(DISTINCT ?o) AS ?do)
            { ?s ?p ?o }""",
            row -> out.add(new GraphFigures(null, count(row, "n"), count(row, "ds"), count(row, "dp"), count(row, "do"))));
        return out.get(0);
    }

    /** Distinct IRIs in subject position (VoID's entities). */
    public long entities() {
        return single("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(isIRI(?s)) }");
    }

    /**
     * The classes of the ontology ({@code dkg:} terms declared {@code owl:Class} in the ontology
     * graph) with their English label and the number of their distinct instances, asserted or
     * inferred; classes without instances count 0. In label order.
     */
    public List<TermCount> ontologyClasses() {
        List<TermCount> out = new ArrayList<>();
        select(PREFIXES + """
            SELECT ?c (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?x) AS ?n) {
              GRAPH <%s> {
                ?c a owl:Class FILTER(isIRI(?c) && STRSTARTS(STR(?c), STR(dkg:)))
                OPTIONAL { ?c rdfs:label ?l FILTER(langMatches(lang(?l), "en")) }
              }
              OPTIONAL { ?x a ?c }
            } GROUP BY ?c ORDER BY LCASE(STR(?label)) ?c""".formatted(Graphs.ONTOLOGY),
            row -> out.add(new TermCount(uri(row, "c"), literal(row, "label"), count(row, "n"))));
        return out;
    }

    /** Every class used ({@code ?x a ?c}) with its distinct instances, in IRI order. */
    public List<TermCount> classPartitions() {
        List<TermCount> out = new ArrayList<>();
        select(PREFIXES + "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) { ?x a ?c FILTER(isIRI(?c)) } GROUP BY ?c ORDER BY ?c",
            row -> out.add(new TermCount(uri(row, "c"), null, count(row, "n"))));
        return out;
    }

    /** Every property used with its number of triples, in IRI order. */
    public List<TermCount> propertyPartitions() {
        List<TermCount> out = new ArrayList<>();
        select("SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
            row -> out.add(new TermCount(uri(row, "p"), null, count(row, "n"))));
        return out;
    }

    /** The rules that the explanations graph describes (only rules have a description there), in IRI order. */
    public List<RuleInfo> rules() {
        List<RuleInfo> out = new ArrayList<>();
        select(PREFIXES + """
            SELECT ?r (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?description) {
              GRAPH <%s> { ?r dcterms:description ?d OPTIONAL { ?r rdfs:label ?l } }
            } GROUP BY ?r ORDER BY ?r""".formatted(Graphs.EXPLANATIONS),
            row -> out.add(new RuleInfo(uri(row, "r"), literal(row, "label"), literal(row, "description"))));
        return out;
    }

    /** The licenses the ontology declares for itself ({@code dcterms:license}), in IRI order. */
    public List<String> ontologyLicenses() {
        List<String> out = new ArrayList<>();
        select(PREFIXES + """
            SELECT DISTINCT ?l { GRAPH <%s> { <%s> dcterms:license ?l FILTER(isIRI(?l)) } } ORDER BY ?l"""
                .formatted(Graphs.ONTOLOGY, DKG.ONTOLOGY_IRI),
            row -> out.add(uri(row, "l")));
        return out;
    }

    /** A count as an {@code xsd:integer} literal, the datatype VoID uses. */
    public static Literal integer(long n) {
        return ResourceFactory.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** Which of {@code iris} occur as a subject, in the given order. */
    public List<String> existing(List<String> iris) {
        List<String> out = new ArrayList<>();
        for ( String iri : iris ) {
            if ( single("SELECT (COUNT(*) AS ?n) { { SELECT * { <" + iri + "> ?p ?o } LIMIT 1 } }") > 0 )
                out.add(iri);
        }
        return out;
    }

    /** What a named graph of the layout holds, in a sentence; "" for any other graph. */
    public static String describe(String graph) {
        if ( graph == null )
            return "";
        if ( graph.equals(Graphs.ONTOLOGY) )
            return "The OWL ontology (TBox).";
        if ( graph.equals(Graphs.REFERENCE) )
            return "Curated background facts no article states, each attributed.";
        if ( graph.equals(Graphs.INFERRED) )
            return "Everything the service's rules derived from the other graphs, and nothing else.";
        if ( graph.equals(Graphs.EXPLANATIONS) )
            return "Why each inferred triple holds: one derivation each, its rule and premises as RDF 1.2 triple terms."
                   + " Not part of the SPARQL default graph: query it with GRAPH.";
        if ( graph.equals(Graphs.AUDIT) )
            return "Who wrote what and when: one prov:Activity per committed write (user, times, graphs touched,"
                   + " triples added and removed). Read-only; not part of the SPARQL default graph: query it with GRAPH.";
        if ( graph.equals(Graphs.REPLICATION) )
            return "This store's offset in the Kafka topic it publishes to or follows. Not part of the SPARQL default graph.";
        if ( graph.startsWith(Graphs.SOURCE_BASE) )
            return "What the article " + graph.substring(Graphs.SOURCE_BASE.length()) + " says.";
        return "";
    }

    private long single(String query) {
        long[] n = { 0 };
        select(query, row -> n[0] = count(row, "n"));
        return n[0];
    }

    private void select(String query, Consumer<Binding> action) {
        try ( QueryExec exec = QueryExec.dataset(dsg).query(query)
                                        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build() ) {
            RowSet rows = exec.select();
            rows.forEachRemaining(action);
        }
    }

    private static String uri(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n == null ? null : n.getURI();
    }

    private static String literal(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n == null || !n.isLiteral() ? null : n.getLiteralLexicalForm();
    }

    private static long count(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
    }
}
