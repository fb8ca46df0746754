package org.diplomacykg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The IRIs of graphs and things follow DESIGN section 3. */
class TestGraphs {

    @Test
    void graphIris() {
        assertEquals("https://w3id.org/diplomacy-kg/graph/ontology", Graphs.ONTOLOGY);
        assertEquals("https://w3id.org/diplomacy-kg/graph/reference", Graphs.REFERENCE);
        assertEquals("https://w3id.org/diplomacy-kg/graph/inferred", Graphs.INFERRED);
        assertEquals("https://w3id.org/diplomacy-kg/graph/explanations", Graphs.EXPLANATIONS);
        assertEquals("https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10",
                     Graphs.sourceGraph("lavrov-rubio-2025-10"));
        assertEquals(Graphs.REFERENCE, Graphs.Nodes.REFERENCE.getURI());
    }

    @Test
    void thingIris() {
        assertEquals("https://w3id.org/diplomacy-kg/id/sergey-lavrov", DKG.id("sergey-lavrov"));
        assertEquals("https://w3id.org/diplomacy-kg/ontology#Summit", DKG.NS + "Summit");
    }

    @Test
    void slugsAreLowerCaseAsciiWithHyphens() {
        assertTrue(Slugs.isValid("budapest-summit-2025"));
        for ( String bad : new String[] { "Sergey", "a--b", "-a", "a-", "a b", "é", "" } ) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Graphs.sourceGraph(bad));
            assertTrue(ex.getMessage().contains("'" + bad + "'"), ex.getMessage());
        }
    }
}
