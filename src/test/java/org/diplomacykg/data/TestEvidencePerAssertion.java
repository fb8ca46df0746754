package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

/**
 * Every asserted triple of every article graph under {@code data/articles/} has its own
 * evidence: an {@code owl:Axiom} annotating exactly that triple with {@code dkg:evidence}
 * pointing at a named span (docs/architecture.md, "Evidence on an asserted triple"), except the
 * triples that architecture.md says need none.
 */
class TestEvidencePerAssertion {

    private static final Path ARTICLES = Path.of("data", "articles");

    /**
     * The asserted triples without evidence of their own. Exempt, as docs/architecture.md lists
     * them: the graph's owl:Ontology header; the spans' own triples; the owl:Axiom annotations;
     * dkg:evidence itself; the type and labels of a thing that carries its own dkg:evidence; and
     * the article's own description (its type, labels and dcterms: metadata, and the type and
     * labels of its dcterms:creator), which is what the article is rather than what it says.
     */
    static final String WITHOUT_EVIDENCE = """
        PREFIX dkg:     <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX owl:     <http://www.w3.org/2002/07/owl#>
        PREFIX oa:      <http://www.w3.org/ns/oa#>
        PREFIX prov:    <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?s ?p ?o WHERE {
          ?s ?p ?o .
          FILTER (?p != dkg:evidence)
          FILTER NOT EXISTS { ?s a owl:Ontology }
          FILTER NOT EXISTS { ?s a oa:TextQuoteSelector }
          FILTER NOT EXISTS { ?s a owl:Axiom }
          FILTER NOT EXISTS { ?s dkg:evidence ?itsOwn FILTER (?p IN (rdf:type, rdfs:label)) }
          FILTER NOT EXISTS { ?graph a owl:Ontology ; prov:wasDerivedFrom ?s
                              FILTER (?p IN (rdf:type, rdfs:label) || STRSTARTS(STR(?p), STR(dcterms:))) }
          FILTER NOT EXISTS { ?graph a owl:Ontology ; prov:wasDerivedFrom/dcterms:creator ?s
                              FILTER (?p IN (rdf:type, rdfs:label)) }
          FILTER NOT EXISTS { ?axiom a owl:Axiom ; owl:annotatedSource ?s ; owl:annotatedProperty ?p ;
                                     owl:annotatedTarget ?o ; dkg:evidence ?span .
                              ?span a oa:TextQuoteSelector ; oa:exact ?words .
                              FILTER isIRI(?span) }
        }
        ORDER BY ?s ?p ?o""";

    @Test
    void everyAssertedTripleOfEveryArticleHasItsOwnEvidence() throws IOException {
        for (Path bundle : bundles()) {
            List<String> offenders = withoutEvidence(RDFDataMgr.loadModel(bundle.resolve("facts.ttl").toString()));
            assertEquals(List.of(), offenders, offenders.size() + " asserted triple(s) without evidence in " + bundle);
        }
    }

    @Test
    void aPlantedTripleWithoutEvidenceIsCaughtAndNamed() throws IOException {
        Model facts = RDFDataMgr.loadModel(ARTICLES.resolve("lavrov-rubio-2025-10/facts.ttl").toString());
        add(facts, "id:alaska-summit-2025 dkg:location id:moscow .");
        assertEquals(List.of("<https://w3id.org/diplomacy-kg/id/alaska-summit-2025> "
                             + "<https://w3id.org/diplomacy-kg/ontology#location> <https://w3id.org/diplomacy-kg/id/moscow>"),
                     withoutEvidence(facts));
    }

    @Test
    void evidenceMustBeANamedSpanOnThatVeryTriple() throws IOException {
        Model facts = RDFDataMgr.loadModel(ARTICLES.resolve("lavrov-rubio-2025-10/facts.ttl").toString());
        add(facts, """
            id:alaska-summit-2025 dkg:location id:moscow .
            [] a owl:Axiom ; owl:annotatedSource id:alaska-summit-2025 ; owl:annotatedProperty dkg:location ;
               owl:annotatedTarget id:moscow ;
               dkg:evidence [ a oa:TextQuoteSelector ; oa:exact "di Moskow" ] .
            id:budapest-summit-2025 dkg:location id:moscow .
            [] a owl:Axiom ; owl:annotatedSource id:budapest-summit-2025 ; owl:annotatedProperty dkg:location ;
               owl:annotatedTarget id:budapest ;
               dkg:evidence id:lavrov-rubio-2025-10-span-budapest-summit .""");
        assertEquals(2, withoutEvidence(facts).size(),
                     "an anonymous span, and evidence annotating another triple, do not count: " + withoutEvidence(facts));
    }

    @Test
    void theExemptionsAreOnlyThoseTheArchitectureLists() throws IOException {
        Model facts = RDFDataMgr.loadModel(ARTICLES.resolve("lavrov-rubio-2025-10/facts.ttl").toString());
        // A labelled thing with no span of its own: its type and label need evidence like any triple.
        add(facts, "id:some-new-thing a dkg:Issue ; rdfs:label \"some new thing\"@en .");
        assertEquals(2, withoutEvidence(facts).size(), withoutEvidence(facts)::toString);
    }

    static List<String> withoutEvidence(Model facts) {
        List<String> offenders = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(facts).query(WITHOUT_EVIDENCE).build()) {
            qe.execSelect().forEachRemaining(row -> offenders.add(
                str(row.get("s").asNode()) + " " + str(row.get("p").asNode()) + " " + str(row.get("o").asNode())));
        }
        return offenders;
    }

    private static String str(org.apache.jena.graph.Node n) {
        return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
    }

    private static void add(Model facts, String turtle) {
        Model planted = ModelFactory.createDefaultModel();
        planted.read(new StringReader("""
            @prefix id:  <https://w3id.org/diplomacy-kg/id/> .
            @prefix dkg: <https://w3id.org/diplomacy-kg/ontology#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix oa:  <http://www.w3.org/ns/oa#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            """ + turtle), null, "TTL");
        facts.add(planted);
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> dirs = Files.list(ARTICLES)) {
            List<Path> bundles = dirs.filter(Files::isDirectory).sorted().toList();
            assertTrue(bundles.size() >= 1, "no article bundles under " + ARTICLES);
            return bundles;
        }
    }
}
