package org.diplomacykg.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

/**
 * docs/authoring.md lists what each class requires between two marks; the list is generated
 * from ontology/shapes.ttl ({@link ShapeRequirements}), so the guide and the checks cannot
 * disagree. After changing the shapes, regenerate it with
 * {@code mvn -q -o test -Dtest=TestAuthoringGuide -Dguide.update=true}.
 */
class TestAuthoringGuide {

    private static final Path GUIDE = Path.of("docs/authoring.md");
    private static final Path SHAPES = Path.of("ontology/shapes.ttl");

    @Test
    void theGuidesListOfRequirementsIsTheShapes() throws IOException {
        Graph shapes = RDFDataMgr.loadGraph(SHAPES.toString());
        ShapeRequirements requirements = new ShapeRequirements(shapes, Files.readString(SHAPES));
        String guide = Files.readString(GUIDE);
        String regenerated = requirements.regenerate(guide);
        if ( Boolean.getBoolean("guide.update") )
            Files.writeString(GUIDE, regenerated);
        else
            assertEquals(regenerated, guide, "docs/authoring.md lists other requirements than ontology/shapes.ttl: "
                + "regenerate it with mvn -q -o test -Dtest=TestAuthoringGuide -Dguide.update=true");
    }

    @Test
    void everyShapeAndEveryMessageIsInTheGuide() throws IOException {
        String guide = Files.readString(GUIDE);
        Graph shapes = RDFDataMgr.loadGraph(SHAPES.toString());
        shapes.find(null, org.apache.jena.shacl.vocabulary.SHACL.message, null).forEachRemaining(t ->
            assertTrue(guide.contains(t.getObject().getLiteralLexicalForm()), () -> "not in the guide: " + t.getObject()));
        assertTrue(guide.contains("`dkg:Meeting`") && guide.contains("`dkg:status`: exactly 1"), "the meeting's status is listed");
    }
}
