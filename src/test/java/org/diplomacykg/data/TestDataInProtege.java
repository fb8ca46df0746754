package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLAnnotationProperty;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.parameters.Imports;

/**
 * The data as an ontology engineer meets it in Protégé: {@code data/reference.ttl} and each
 * {@code data/articles/<slug>/facts.ttl} opened with the catalog beside it, so that they import
 * the ontology and every {@code dkg:} property is the object or datatype property the ontology
 * declares (not, as without the import, an annotation property that no reasoner reads). Then
 * each is OWL 2 DL, consistent under HermiT, and HermiT entails every type the service's OWL
 * rules infer for its individuals.
 */
class TestDataInProtege {

    private static final Path ONTOLOGY = Path.of("ontology/diplomacy.ttl");
    private static final String ID = DKG.ID_BASE;

    /** data/reference.ttl and every article's facts.ttl. */
    static List<Path> dataFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("data/reference.ttl"));
        try ( Stream<Path> articles = Files.list(Path.of("data/articles")) ) {
            articles.map(dir -> dir.resolve("facts.ttl")).filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        assertTrue(files.size() > 1, "there is an article");
        return files;
    }

    @ParameterizedTest
    @MethodSource("dataFiles")
    void opensWithTheOntologyImportedThroughItsCatalog(Path file) throws Exception {
        OWLOntology data = ProtegeCatalog.open(file);
        Set<String> closure = data.getImportsClosure().stream()
            .map(o -> o.getOntologyID().getOntologyIRI().map(IRI::toString).orElse("")).collect(Collectors.toSet());
        assertTrue(closure.contains(DKG.ONTOLOGY_IRI), file + " imports " + closure);
        assertTrue(data.getIndividualsInSignature(Imports.EXCLUDED).size() > 5, "the data was parsed");

        Set<String> declaredAnnotationProperties = ProtegeCatalog.open(ONTOLOGY)
            .getAnnotationPropertiesInSignature().stream().map(p -> p.getIRI().toString()).collect(Collectors.toSet());
        List<String> readAsAnnotations = data.getAnnotationPropertiesInSignature(Imports.INCLUDED).stream()
            .map(OWLAnnotationProperty::getIRI).map(IRI::toString)
            .filter(iri -> iri.startsWith(DKG.NS) && !declaredAnnotationProperties.contains(iri)).sorted().toList();
        assertEquals(List.of(), readAsAnnotations, "dkg: properties that Protégé would read as annotations");
    }

    @ParameterizedTest
    @MethodSource("dataFiles")
    void isOwl2DlConsistentAndEntailsWhatTheServiceInfers(Path file) throws Exception {
        DataFileCheck check = DataFileCheck.of(file);
        assertEquals(List.of(), check.profileViolations(), "OWL 2 DL profile violations");
        assertTrue(check.consistent(), file + " with what it imports is inconsistent under HermiT");
        assertFalse(check.typesInferred().isEmpty(), "the service infers types for the individuals of " + file);
        assertEquals(List.of(), check.typesNotEntailed(), "types the service infers that HermiT does not");
    }

    /** The inferences the README shows, by HermiT as by the service. */
    @Test
    void hermitInfersTheArticlesOfficialsAndEvents() throws Exception {
        DataFileCheck check = DataFileCheck.of(Path.of("data/articles/lavrov-rubio-2025-10/facts.ttl"));
        for ( String expected : List.of(ID + "sergey-lavrov " + DKG.NS + "Official",
                                        ID + "alaska-summit-2025 " + DKG.NS + "Event") ) {
            assertTrue(check.typesInferred().contains(expected), "the service infers " + expected);
            assertFalse(check.typesNotEntailed().contains(expected), "HermiT entails " + expected);
        }
    }

    /** The check bites: a state made the subject of dkg:postIn (a post's property) contradicts the disjointness of agents and posts. */
    @Test
    void aPlantedDomainViolationMakesTheDataInconsistent(@TempDir Path dir) throws Exception {
        Path facts = copyLayout(firstArticle(), dir);
        assertTrue(DataFileCheck.of(facts).consistent(), "the copy as it is");

        Files.writeString(facts, "\n<" + ID + "ukraine> <" + DKG.NS + "postIn> <" + ID + "russia> .\n",
                          StandardOpenOption.APPEND);
        DataFileCheck planted = DataFileCheck.of(facts);
        assertFalse(planted.consistent(), "ukraine is a state, and dkg:postIn makes it a post");
    }

    /** An import the catalog does not map fails the load, rather than being skipped or fetched. */
    @Test
    void anImportMissingFromTheCatalogFails(@TempDir Path dir) throws Exception {
        Path facts = copyLayout(firstArticle(), dir);
        Path catalog = facts.resolveSibling(ProtegeCatalog.FILE_NAME);
        String reference = "https://w3id.org/diplomacy-kg/graph/reference";
        String text = Files.readString(catalog);
        assertTrue(text.contains("name=\"" + reference + "\""), "the article's catalog maps the reference graph");
        Files.writeString(catalog, text.replaceAll("<uri [^>]*name=\"" + reference + "\"[^>]*/>", ""));

        OWLOntologyCreationException failure = assertThrows(OWLOntologyCreationException.class, () -> ProtegeCatalog.open(facts));
        assertTrue(failure.getMessage().contains(reference), failure.getMessage());
    }

    private static Path firstArticle() throws IOException {
        return dataFiles().stream().filter(p -> p.startsWith("data/articles")).findFirst().orElseThrow();
    }

    /**
     * Copies an article's folder, the reference graph and the ontology, with their catalogs, to
     * the same places under {@code dir}, so that the catalogs' relative paths still hold; returns
     * the copied facts.ttl.
     */
    private static Path copyLayout(Path facts, Path dir) throws IOException {
        List<Path> files = new ArrayList<>(List.of(ONTOLOGY, ONTOLOGY.resolveSibling(ProtegeCatalog.FILE_NAME),
            Path.of("data/reference.ttl"), Path.of("data", ProtegeCatalog.FILE_NAME),
            facts, facts.resolveSibling(ProtegeCatalog.FILE_NAME)));
        for ( Path file : files ) {
            Path copy = dir.resolve(file.toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        return dir.resolve(facts.toString());
    }
}
