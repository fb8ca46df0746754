package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * The ontology as Protégé sees it, through the OWL API: in the OWL 2 DL profile, consistent
 * under HermiT with no unsatisfiable class; and the ontology with all the data (reference
 * and every article) is consistent too, so no fact contradicts a domain, range or
 * disjointness axiom.
 */
class TestOntologyProfile {

    private static final File ONTOLOGY = new File("ontology/diplomacy.ttl");

    @Test
    void ontologyIsInTheOwl2DlProfile() throws OWLOntologyCreationException {
        OWLOntology ontology = OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(ONTOLOGY);
        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(ontology).getViolations();
        assertEquals(List.of(), violations.stream().map(Object::toString).toList());
    }

    @Test
    void ontologyIsConsistentWithNoUnsatisfiableClass() throws OWLOntologyCreationException {
        OWLOntology ontology = OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(ONTOLOGY);
        assertTrue(ontology.getClassesInSignature().size() > 20, "the ontology was parsed");
        OWLReasoner hermit = new ReasonerFactory().createReasoner(ontology);
        try {
            assertTrue(hermit.isConsistent());
            Set<OWLClass> unsatisfiable = hermit.getUnsatisfiableClasses().getEntitiesMinusBottom();
            assertEquals(Set.of(), unsatisfiable);
        } finally {
            hermit.dispose();
        }
    }

    @Test
    void ontologyWithAllDataIsConsistent() throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology all = manager.createOntology();
        for (File file : dataFiles()) {
            OWLOntology part = manager.loadOntologyFromOntologyDocument(file);
            manager.addAxioms(all, part.axioms());
        }
        assertTrue(all.getIndividualsInSignature().size() > 50, "the data was parsed");
        OWLReasoner hermit = new ReasonerFactory().createReasoner(all);
        try {
            assertTrue(hermit.isConsistent(), "ontology + data inconsistent");
        } finally {
            hermit.dispose();
        }
    }

    /** The ontology first, then every Turtle file under {@code data/}. */
    private static List<File> dataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            List<File> ttl = files.filter(p -> p.toString().endsWith(".ttl")).map(Path::toFile)
                    .sorted().collect(Collectors.toList());
            ttl.add(0, ONTOLOGY);
            return ttl;
        }
    }
}
