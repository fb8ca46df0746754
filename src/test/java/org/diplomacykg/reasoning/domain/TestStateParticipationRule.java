package org.diplomacykg.reasoning.domain;

import static org.diplomacykg.reasoning.domain.DomainFixtures.articleData;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertDerivation;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertPremisesAsserted;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertPremisesInclude;
import static org.diplomacykg.reasoning.domain.DomainFixtures.conclusions;
import static org.diplomacykg.reasoning.domain.DomainFixtures.dated;
import static org.diplomacykg.reasoning.domain.DomainFixtures.derive;
import static org.diplomacykg.reasoning.domain.DomainFixtures.graph;
import static org.diplomacykg.reasoning.domain.DomainFixtures.only;
import static org.diplomacykg.reasoning.domain.DomainFixtures.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.Derivation;
import org.junit.jupiter.api.Test;

/** The state-participation rule: a dated meeting involves the states its participants served on that day. */
class TestStateParticipationRule {

    private final StateParticipationRule rule = new StateParticipationRule();

    private static final String REFERENCE = """
        :russia a dkg:State .
        :united-states a dkg:State .
        :foreign-minister-of-russia a dkg:Post ; dkg:postIn :russia ; dkg:role dkg:HeadOfForeignAffairs .
        :us-secretary-of-state a dkg:Post ; dkg:postIn :united-states ; dkg:role dkg:HeadOfForeignAffairs .
        :tenure-lavrov a dkg:Tenure ; dkg:holder :sergey-lavrov ; dkg:post :foreign-minister-of-russia ;
            dkg:startDate "2004-03-09T00:00:00"^^xsd:dateTime .
        :tenure-rubio a dkg:Tenure ; dkg:holder :marco-rubio ; dkg:post :us-secretary-of-state ;
            dkg:startDate "2025-01-21T00:00:00"^^xsd:dateTime .
        """;

    private static final Triple INVOLVES_RUSSIA = triple(":call", "dkg:involvesState", ":russia");
    private static final Triple INVOLVES_US = triple(":call", "dkg:involvesState", ":united-states");

    // ---- fires

    @Test
    void aTenureCoveringTheDateGivesThePostsState() {
        Graph data = graph(REFERENCE + """
            :call a dkg:PhoneCall ; dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ;
                dkg:participant :sergey-lavrov , :marco-rubio .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(INVOLVES_RUSSIA, INVOLVES_US), conclusions(ds));
        assertEquals(2, ds.size(), () -> "derivations: " + ds);
        assertDerivation(only(ds, INVOLVES_RUSSIA), rule,
            triple(":call", "dkg:participant", ":sergey-lavrov"),
            dated(":call", "2025-10-20"),
            triple(":tenure-lavrov", "dkg:holder", ":sergey-lavrov"),
            triple(":tenure-lavrov", "dkg:post", ":foreign-minister-of-russia"),
            triple(":foreign-minister-of-russia", "dkg:postIn", ":russia"),
            dated(":tenure-lavrov", "dkg:startDate", "2004-03-09"),
            triple(":russia", "rdf:type", "dkg:State"));
        assertDerivation(only(ds, INVOLVES_US), rule,
            triple(":call", "dkg:participant", ":marco-rubio"),
            dated(":call", "2025-10-20"),
            triple(":tenure-rubio", "dkg:holder", ":marco-rubio"),
            triple(":tenure-rubio", "dkg:post", ":us-secretary-of-state"),
            triple(":us-secretary-of-state", "dkg:postIn", ":united-states"),
            dated(":tenure-rubio", "dkg:startDate", "2025-01-21"),
            triple(":united-states", "rdf:type", "dkg:State"));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void anEndedTenureCoveringTheDateCountsWithItsEnd() {
        Graph data = graph(REFERENCE + """
            :tenure-blinken dkg:holder :antony-blinken ; dkg:post :us-secretary-of-state ;
                dkg:startDate "2021-01-26T00:00:00"^^xsd:dateTime ; dkg:endDate "2025-01-20T00:00:00"^^xsd:dateTime .
            :call dkg:date "2022-01-07T00:00:00"^^xsd:dateTime ; dkg:participant :antony-blinken .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(INVOLVES_US), conclusions(ds));
        assertDerivation(only(ds, INVOLVES_US), rule,
            triple(":call", "dkg:participant", ":antony-blinken"),
            dated(":call", "2022-01-07"),
            triple(":tenure-blinken", "dkg:holder", ":antony-blinken"),
            triple(":tenure-blinken", "dkg:post", ":us-secretary-of-state"),
            triple(":us-secretary-of-state", "dkg:postIn", ":united-states"),
            dated(":tenure-blinken", "dkg:startDate", "2021-01-26"),
            dated(":tenure-blinken", "dkg:endDate", "2025-01-20"),
            triple(":united-states", "rdf:type", "dkg:State"));
    }

    @Test
    void onlyTheTenureHeldOnTheDayCounts() {
        Graph data = graph(REFERENCE + """
            :ukraine a dkg:State .
            :ambassador-of-ukraine dkg:postIn :ukraine .
            :tenure-earlier dkg:holder :diplomat ; dkg:post :ambassador-of-ukraine ;
                dkg:startDate "2010-01-01T00:00:00"^^xsd:dateTime ; dkg:endDate "2014-12-31T00:00:00"^^xsd:dateTime .
            :tenure-later dkg:holder :diplomat ; dkg:post :foreign-minister-of-russia ;
                dkg:startDate "2015-01-01T00:00:00"^^xsd:dateTime .
            :call dkg:date "2016-05-01T00:00:00"^^xsd:dateTime ; dkg:participant :diplomat .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(INVOLVES_RUSSIA), conclusions(ds));
        assertPremisesInclude(only(ds, INVOLVES_RUSSIA), rule, triple(":tenure-later", "dkg:holder", ":diplomat"));
    }

    @Test
    void aStateTakingPartIsInvolved() {
        Graph data = graph(REFERENCE + """
            :talks dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ; dkg:participant :russia .
            """);
        List<Derivation> ds = derive(rule, data);
        Triple involves = triple(":talks", "dkg:involvesState", ":russia");
        assertEquals(Set.of(involves), conclusions(ds));
        assertPremisesInclude(only(ds, involves), rule,
            triple(":talks", "dkg:participant", ":russia"), triple(":russia", "rdf:type", "dkg:State"));
        assertPremisesAsserted(ds, data);
    }

    /**
     * The rule fires for a state taking part only when the meeting is dated ("an undated
     * meeting involves nobody"), as for an official, but cites the date only for an official.
     */
    @Test
    void aStateTakingPartRestsOnTheMeetingsDate() {
        Graph data = graph(REFERENCE + """
            :talks dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ; dkg:participant :russia .
            """);
        assertPremisesInclude(only(derive(rule, data), triple(":talks", "dkg:involvesState", ":russia")), rule,
            dated(":talks", "2025-10-20"));
    }

    @Test
    void theRealArticleDataInvolvesRussiaAndTheUnitedStates() {
        Graph data = articleData();
        List<Derivation> ds = derive(rule, data);
        Set<Triple> found = conclusions(ds);
        for ( String meeting : List.of(":alaska-summit-2025", ":lavrov-rubio-call-2025-10-20") ) {
            assertTrue(found.contains(triple(meeting, "dkg:involvesState", ":russia")), () -> meeting + ": " + found);
            assertTrue(found.contains(triple(meeting, "dkg:involvesState", ":united-states")), () -> meeting + ": " + found);
        }
        assertTrue(found.contains(triple(":lavrov-press-conference-2025-10-21", "dkg:involvesState", ":russia")));
        assertTrue(found.stream().noneMatch(t -> t.getSubject().equals(DomainFixtures.node(":budapest-summit-2025"))),
                   "the undated, cancelled Budapest summit involves nobody");
        assertPremisesAsserted(ds, data);
    }

    // ---- must not fire

    @Test
    void notWhenTheTenureStartedAfterTheMeeting() {
        Graph data = graph(REFERENCE + """
            :call dkg:date "2025-01-10T00:00:00"^^xsd:dateTime ; dkg:participant :marco-rubio .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notWhenTheTenureEndedBeforeTheMeeting() {
        Graph data = graph(REFERENCE + """
            :tenure-blinken dkg:holder :antony-blinken ; dkg:post :us-secretary-of-state ;
                dkg:startDate "2021-01-26T00:00:00"^^xsd:dateTime ; dkg:endDate "2025-01-20T00:00:00"^^xsd:dateTime .
            :call dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ; dkg:participant :antony-blinken .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notForAnUndatedMeeting() {
        Graph data = graph(REFERENCE + """
            :budapest-summit-2025 a dkg:Summit ; dkg:participant :sergey-lavrov , :marco-rubio , :russia ;
                dkg:temporalExpression "soon"@en .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notForAPostInAnOrganisationThatIsNotAState() {
        Graph data = graph(REFERENCE + """
            :european-union a dkg:InternationalOrganisation .
            :eu-high-representative dkg:postIn :european-union ; dkg:role dkg:HeadOfForeignAffairs .
            :tenure-kallas dkg:holder :kaja-kallas ; dkg:post :eu-high-representative ;
                dkg:startDate "2024-12-01T00:00:00"^^xsd:dateTime .
            :untyped-body dkg:note "no type at all" .
            :untyped-post dkg:postIn :untyped-body .
            :tenure-someone dkg:holder :someone ; dkg:post :untyped-post ;
                dkg:startDate "2020-01-01T00:00:00"^^xsd:dateTime .
            :call dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ; dkg:participant :kaja-kallas , :someone , :european-union .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notForAParticipantWithoutATenure() {
        Graph data = graph(REFERENCE + """
            :call dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ; dkg:participant :private-citizen .
            """);
        assertEquals(List.of(), derive(rule, data));
    }
}
