package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * The ontology as Protégé sees it, through the OWL API: in the OWL 2 DL profile, consistent
 * under HermiT with no unsatisfiable class. The data, opened the way Protégé opens it, is
 * checked by {@link TestDataInProtege}.
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
}
