package org.diplomacykg.reasoning.domain;

import static org.diplomacykg.reasoning.domain.DomainFixtures.articleData;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertDerivation;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertPremisesAsserted;
import static org.diplomacykg.reasoning.domain.DomainFixtures.conclusions;
import static org.diplomacykg.reasoning.domain.DomainFixtures.derive;
import static org.diplomacykg.reasoning.domain.DomainFixtures.graph;
import static org.diplomacykg.reasoning.domain.DomainFixtures.only;
import static org.diplomacykg.reasoning.domain.DomainFixtures.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.Derivation;
import org.junit.jupiter.api.Test;

/** The cancellation rule: a meeting a cancellation calls off has the status cancelled. */
class TestCancellationRule {

    private final CancellationRule rule = new CancellationRule();

    @Test
    void aCancelledMeetingHasTheStatusCancelled() {
        Graph data = graph("""
            :budapest-summit-2025 a dkg:Summit ; dkg:plannedParticipant :donald-trump , :vladimir-putin .
            :cancellation-of-budapest-summit-2025 a dkg:Cancellation ;
                dkg:cancelledEvent :budapest-summit-2025 ;
                dkg:reason :claim-white-house-no-meeting-needed .
            """);
        List<Derivation> ds = derive(rule, data);
        Triple cancelled = triple(":budapest-summit-2025", "dkg:status", "dkg:Cancelled");
        assertEquals(Set.of(cancelled), conclusions(ds));
        assertEquals(1, ds.size());
        assertDerivation(only(ds, cancelled), rule,
            triple(":cancellation-of-budapest-summit-2025", "dkg:cancelledEvent", ":budapest-summit-2025"));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void eachCancelledMeetingIsCancelled() {
        Graph data = graph("""
            :c1 dkg:cancelledEvent :m1 .
            :c2 dkg:cancelledEvent :m2 , :m3 .
            :m4 a dkg:Meeting .
            """);
        assertEquals(Set.of(triple(":m1", "dkg:status", "dkg:Cancelled"),
                            triple(":m2", "dkg:status", "dkg:Cancelled"),
                            triple(":m3", "dkg:status", "dkg:Cancelled")),
                     conclusions(derive(rule, data)));
    }

    @Test
    void theRealArticleDataCancelsTheBudapestSummitOnly() {
        Graph data = articleData();
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(triple(":budapest-summit-2025", "dkg:status", "dkg:Cancelled")), conclusions(ds));
        assertDerivation(ds.get(0), rule,
            triple(":cancellation-of-budapest-summit-2025", "dkg:cancelledEvent", ":budapest-summit-2025"));
    }

    @Test
    void nothingWithoutACancellation() {
        Graph data = graph("""
            :alaska-summit-2025 a dkg:Summit ; dkg:date "2025-08-15T00:00:00"^^xsd:dateTime ;
                dkg:participant :donald-trump , :vladimir-putin ; dkg:status dkg:Held .
            :budapest-summit-2025 a dkg:Summit ; dkg:plannedParticipant :donald-trump , :vladimir-putin .
            :claim-summit-off dkg:about :budapest-summit-2025 ; dkg:content "the summit is off"@en .
            :cancellation-without-event a dkg:Cancellation ; dkg:reason :claim-summit-off .
            """);
        assertEquals(List.of(), derive(rule, data));
    }
}
