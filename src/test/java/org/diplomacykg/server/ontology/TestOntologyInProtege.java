package org.diplomacykg.server.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/**
 * The ontology as an ontology engineer meets it in Protégé, through the OWL API that Protégé
 * is built on: opened from the server's URL, and saved by Protégé as Turtle over
 * {@code ontology/diplomacy.ttl}, after which a restarted server infers the same.
 */
class TestOntologyInProtege {

    private static final File FILE = new File("ontology/diplomacy.ttl");
    private static final String ONTOLOGY_IRI = "https://w3id.org/diplomacy-kg/ontology";

    private static final String INFERRED = """
        CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/diplomacy-kg/graph/inferred> { ?s ?p ?o } }""";
    private static final String UNCHANGED_SINCE = """
        SELECT ?since WHERE { GRAPH <https://w3id.org/diplomacy-kg/graph/inferred> {
          <https://w3id.org/diplomacy-kg/id/russia-position-on-ukraine>
              <https://w3id.org/diplomacy-kg/ontology#unchangedSince> ?since } }""";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();
    /** The project's layout with the ontology saved over by Protégé. */
    @RegisterExtension
    static final KgServerExtension saved = KgServerExtension.project()
        .edited(dir -> saveAsProtegeDoes(dir.resolve("ontology/diplomacy.ttl")));

    /** Protégé's File > Open from URL: OWL API loads /ontology over HTTP. */
    @Test
    void openFromUrl() throws Exception {
        OWLOntology fromFile = OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(FILE);
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(IRI.create(kg.baseUrl() + "/ontology"));

        assertInstanceOf(RDFXMLDocumentFormat.class, manager.getOntologyFormat(ontology),
                         "OWL API's Accept header asks for RDF/XML first");
        assertEquals(ONTOLOGY_IRI, ontology.getOntologyID().getOntologyIRI().map(IRI::toString).orElse(null));
        assertEquals(fromFile.getOntologyID(), ontology.getOntologyID(), "same version IRI");
        assertTrue(fromFile.getClassesInSignature().size() > 20, "the file was parsed");
        assertEquals(fromFile.getClassesInSignature(), ontology.getClassesInSignature());
        assertEquals(fromFile.getAxioms(), ontology.getAxioms(), "the same axioms as the file");
        assertEquals(List.of(), violations(ontology));
    }

    /**
     * Protégé's File > Save (Turtle) rewrites the file in its own layout: {@code owl:NamedIndividual}
     * declarations added, disjointness pairs turned round, prefixes and comments its own. The OWL
     * rules compiled from the rewritten file infer exactly what they inferred from the original.
     */
    @Test
    void savedByProtegeTheInferencesAreTheSame() throws Exception {
        Path rewritten = saved.ontologyDir().resolve("diplomacy.ttl");
        assertFalse(Files.readString(rewritten).equals(Files.readString(FILE.toPath())), "the file was rewritten");

        OWLOntology reloaded = OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(rewritten.toFile());
        assertEquals(List.of(), violations(reloaded), "the rewritten ontology is still OWL 2 DL");

        Graph original = SparqlClient.construct(kg.sparqlUrl(), INFERRED);
        Graph afterSave = SparqlClient.construct(saved.sparqlUrl(), INFERRED);
        assertTrue(original.size() > 50, "there are inferences: " + original.size());
        assertEquals(original.size(), afterSave.size(), "inferred triples");
        assertTrue(original.isIsomorphicWith(afterSave), "the inferred graphs differ");

        ResultSetRewindable rows = SparqlClient.select(saved.sparqlUrl(), UNCHANGED_SINCE);
        assertEquals(1, rows.size());
        QuerySolution row = rows.next();
        assertEquals("2025-08-15T00:00:00", row.getLiteral("since").getLexicalForm());
    }

    /** What Protégé's save does: OWL API's Turtle writer, keeping the document's prefixes. */
    private static void saveAsProtegeDoes(Path target) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(FILE);
        TurtleDocumentFormat turtle = new TurtleDocumentFormat();
        turtle.copyPrefixesFrom(manager.getOntologyFormat(ontology).asPrefixOWLDocumentFormat());
        try ( OutputStream out = Files.newOutputStream(target) ) {
            manager.saveOntology(ontology, turtle, out);
        }
    }

    private static List<String> violations(OWLOntology ontology) {
        return new OWL2DLProfile().checkOntology(ontology).getViolations().stream()
            .map(OWLProfileViolation::toString).toList();
    }

}
