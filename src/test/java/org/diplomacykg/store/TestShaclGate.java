package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.shacl.validation.ReportEntry;
import org.diplomacykg.Fixtures;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every load goes through the shapes: violations refuse it, conforming data passes. */
class TestShaclGate {

    @TempDir
    Path tmp;

    @Test
    void conformingDataLoads() {
        assertDoesNotThrow(() -> Store.loadTemporary(
            new DataLayout(Fixtures.path("kg/ontology"), Fixtures.path("kg/data"))));
    }

    @Test
    void violationRefusesTheLoadWithTheReport() {
        ShaclViolationException ex = assertThrows(ShaclViolationException.class, () -> Store.loadTemporary(
            new DataLayout(Fixtures.path("kg/ontology"), Fixtures.path("violating/data"))));
        assertEquals(1, ex.report().getEntries().size());
        ReportEntry entry = ex.report().getEntries().iterator().next();
        // Typed only dkg:Official: found through rdfs:subClassOf in the ontology graph.
        assertEquals(DKG.id("unnamed-envoy"), entry.focusNode().getURI());
        assertTrue(ex.getMessage().contains("1 problem to fix"), ex.getMessage());
        assertTrue(ex.getMessage().contains("unnamed-envoy"), ex.getMessage());
        assertTrue(ex.getMessage().contains("A person needs a label"), ex.getMessage());
    }

    @Test
    void warningsDoNotRefuseTheLoad() throws IOException {
        Path ontology = Fixtures.copy("kg/ontology", tmp.resolve("ontology"));
        Path shapes = ontology.resolve("shapes.ttl");
        Files.writeString(shapes, Files.readString(shapes)
            .replace("sh:minCount 1 ;", "sh:minCount 1 ; sh:severity sh:Warning ;"));
        assertDoesNotThrow(() -> Store.loadTemporary(new DataLayout(ontology, Fixtures.path("violating/data"))));
    }

    @Test
    void brokenShapesFileIsNamed() throws IOException {
        Path ontology = Fixtures.copy("kg/ontology", tmp.resolve("ontology"));
        Path shapes = ontology.resolve("shapes.ttl");
        Files.writeString(shapes, "@prefix sh: <http://www.w3.org/ns/shacl#> .\n[] a sh:NodeShape ; sh:minCount \"x\" ;");
        LoadException ex = assertThrows(LoadException.class, () ->
            Store.loadTemporary(new DataLayout(ontology, Fixtures.path("kg/data"))));
        assertTrue(ex.getMessage().startsWith(shapes.toString()), ex.getMessage());
    }
}
