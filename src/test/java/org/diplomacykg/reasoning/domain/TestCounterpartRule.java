package org.diplomacykg.reasoning.domain;

import static org.diplomacykg.reasoning.domain.DomainFixtures.articleData;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertDerivation;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertPremisesAsserted;
import static org.diplomacykg.reasoning.domain.DomainFixtures.conclusions;
import static org.diplomacykg.reasoning.domain.DomainFixtures.dated;
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

/** The counterpart rule: same role, different states, overlapping tenures, both ways. */
class TestCounterpartRule {

    private final CounterpartRule rule = new CounterpartRule();

    /** Posts and states as the reference data has them. */
    private static final String POSTS = """
        :russia a dkg:State .
        :united-states a dkg:State .
        :china a dkg:State .
        :foreign-minister-of-russia a dkg:Post ; dkg:postIn :russia ; dkg:role dkg:HeadOfForeignAffairs .
        :us-secretary-of-state a dkg:Post ; dkg:postIn :united-states ; dkg:role dkg:HeadOfForeignAffairs .
        :foreign-minister-of-china a dkg:Post ; dkg:postIn :china ; dkg:role dkg:HeadOfForeignAffairs .
        :president-of-russia a dkg:Post ; dkg:postIn :russia ; dkg:role dkg:HeadOfState .
        :president-of-the-united-states a dkg:Post ; dkg:postIn :united-states ; dkg:role dkg:HeadOfState .
        """;

    private static final String LAVROV = """
        :tenure-lavrov a dkg:Tenure ; dkg:holder :sergey-lavrov ; dkg:post :foreign-minister-of-russia ;
            dkg:startDate "2004-03-09T00:00:00"^^xsd:dateTime .
        """;

    private static final String RUBIO = """
        :tenure-rubio a dkg:Tenure ; dkg:holder :marco-rubio ; dkg:post :us-secretary-of-state ;
            dkg:startDate "2025-01-21T00:00:00"^^xsd:dateTime .
        """;

    private static final Triple[] LAVROV_PREMISES = {
        triple(":tenure-lavrov", "dkg:holder", ":sergey-lavrov"),
        triple(":tenure-lavrov", "dkg:post", ":foreign-minister-of-russia"),
        triple(":foreign-minister-of-russia", "dkg:postIn", ":russia"),
        dated(":tenure-lavrov", "dkg:startDate", "2004-03-09"),
        triple(":foreign-minister-of-russia", "dkg:role", "dkg:HeadOfForeignAffairs") };

    private static final Triple[] RUBIO_PREMISES = {
        triple(":tenure-rubio", "dkg:holder", ":marco-rubio"),
        triple(":tenure-rubio", "dkg:post", ":us-secretary-of-state"),
        triple(":us-secretary-of-state", "dkg:postIn", ":united-states"),
        dated(":tenure-rubio", "dkg:startDate", "2025-01-21"),
        triple(":us-secretary-of-state", "dkg:role", "dkg:HeadOfForeignAffairs") };

    private static Triple[] concat(Triple[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(Triple[]::new);
    }

    // ---- fires

    @Test
    void foreignMinistersOfTwoStatesAtTheSameTimeAreCounterpartsBothWays() {
        Graph data = graph(POSTS + LAVROV + RUBIO);
        List<Derivation> ds = derive(rule, data);
        Triple there = triple(":sergey-lavrov", "dkg:counterpart", ":marco-rubio");
        Triple back = triple(":marco-rubio", "dkg:counterpart", ":sergey-lavrov");
        assertEquals(Set.of(there, back), conclusions(ds));
        assertEquals(2, ds.size(), () -> "derivations: " + ds);
        Triple[] premises = concat(LAVROV_PREMISES, RUBIO_PREMISES);
        assertDerivation(only(ds, there), rule, premises);
        assertDerivation(only(ds, back), rule, premises);
        assertPremisesAsserted(ds, data);
    }

    @Test
    void theOrderOfTheDataDoesNotMatter() {
        Graph data = graph(RUBIO + LAVROV + POSTS);
        assertEquals(Set.of(triple(":sergey-lavrov", "dkg:counterpart", ":marco-rubio"),
                            triple(":marco-rubio", "dkg:counterpart", ":sergey-lavrov")),
                     conclusions(derive(rule, data)));
    }

    @Test
    void anEndedTenureThatOverlapsCountsAndItsEndIsAPremise() {
        Graph data = graph(POSTS + LAVROV + """
            :tenure-blinken a dkg:Tenure ; dkg:holder :antony-blinken ; dkg:post :us-secretary-of-state ;
                dkg:startDate "2021-01-26T00:00:00"^^xsd:dateTime ; dkg:endDate "2025-01-20T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        Triple there = triple(":sergey-lavrov", "dkg:counterpart", ":antony-blinken");
        Triple back = triple(":antony-blinken", "dkg:counterpart", ":sergey-lavrov");
        assertEquals(Set.of(there, back), conclusions(ds));
        Triple[] premises = concat(LAVROV_PREMISES, new Triple[] {
            triple(":tenure-blinken", "dkg:holder", ":antony-blinken"),
            triple(":tenure-blinken", "dkg:post", ":us-secretary-of-state"),
            triple(":us-secretary-of-state", "dkg:postIn", ":united-states"),
            dated(":tenure-blinken", "dkg:startDate", "2021-01-26"),
            dated(":tenure-blinken", "dkg:endDate", "2025-01-20"),
            triple(":us-secretary-of-state", "dkg:role", "dkg:HeadOfForeignAffairs") });
        assertDerivation(only(ds, there), rule, premises);
        assertDerivation(only(ds, back), rule, premises);
    }

    @Test
    void tenuresSharingOnlyTheirLastAndFirstDayOverlap() {
        Graph data = graph(POSTS + """
            :tenure-a dkg:holder :minister-a ; dkg:post :foreign-minister-of-russia ;
                dkg:startDate "2020-01-01T00:00:00"^^xsd:dateTime ; dkg:endDate "2021-06-30T00:00:00"^^xsd:dateTime .
            :tenure-b dkg:holder :minister-b ; dkg:post :us-secretary-of-state ;
                dkg:startDate "2021-06-30T00:00:00"^^xsd:dateTime .
            """);
        assertEquals(Set.of(triple(":minister-a", "dkg:counterpart", ":minister-b"),
                            triple(":minister-b", "dkg:counterpart", ":minister-a")),
                     conclusions(derive(rule, data)));
    }

    @Test
    void threeForeignMinistersAreCounterpartsPairwise() {
        Graph data = graph(POSTS + LAVROV + RUBIO + """
            :tenure-wang a dkg:Tenure ; dkg:holder :wang-yi ; dkg:post :foreign-minister-of-china ;
                dkg:startDate "2022-12-30T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(
                triple(":sergey-lavrov", "dkg:counterpart", ":marco-rubio"), triple(":marco-rubio", "dkg:counterpart", ":sergey-lavrov"),
                triple(":sergey-lavrov", "dkg:counterpart", ":wang-yi"), triple(":wang-yi", "dkg:counterpart", ":sergey-lavrov"),
                triple(":marco-rubio", "dkg:counterpart", ":wang-yi"), triple(":wang-yi", "dkg:counterpart", ":marco-rubio")),
            conclusions(ds));
        assertEquals(6, ds.size(), () -> "derivations: " + ds);
        assertPremisesAsserted(ds, data);
    }

    @Test
    void theRealReferenceDataMakesLavrovAndRubioCounterparts() {
        Graph data = articleData();
        Set<Triple> found = conclusions(derive(rule, data));
        assertEquals(Set.of(triple(":sergey-lavrov", "dkg:counterpart", ":marco-rubio"),
                            triple(":marco-rubio", "dkg:counterpart", ":sergey-lavrov"),
                            triple(":vladimir-putin", "dkg:counterpart", ":donald-trump"),
                            triple(":donald-trump", "dkg:counterpart", ":vladimir-putin")),
                     found);
    }

    // ---- must not fire

    @Test
    void notForTheSameState() {
        Graph data = graph(POSTS + LAVROV + """
            :tenure-deputy dkg:holder :other-russian ; dkg:post :russian-acting-foreign-minister ;
                dkg:startDate "2024-01-01T00:00:00"^^xsd:dateTime .
            :russian-acting-foreign-minister dkg:postIn :russia ; dkg:role dkg:HeadOfForeignAffairs .
            :tenure-same-post dkg:holder :yet-another-russian ; dkg:post :foreign-minister-of-russia ;
                dkg:startDate "2010-01-01T00:00:00"^^xsd:dateTime .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notForDifferentRoles() {
        Graph data = graph(POSTS + LAVROV + """
            :tenure-trump dkg:holder :donald-trump ; dkg:post :president-of-the-united-states ;
                dkg:startDate "2025-01-20T00:00:00"^^xsd:dateTime .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notWhenOneEndedBeforeTheOtherBegan() {
        Graph data = graph(POSTS + RUBIO + """
            :tenure-old-russian dkg:holder :old-russian-minister ; dkg:post :foreign-minister-of-russia ;
                dkg:startDate "1998-09-11T00:00:00"^^xsd:dateTime ; dkg:endDate "2004-03-09T00:00:00"^^xsd:dateTime .
            :tenure-later-american dkg:holder :later-american ; dkg:post :us-secretary-of-state ;
                dkg:startDate "2005-01-26T00:00:00"^^xsd:dateTime ; dkg:endDate "2009-01-20T00:00:00"^^xsd:dateTime .
            """);
        // Neither the old Russian minister with either American, nor the two Americans with each other.
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notWhenTheLaterOneEndedFirstButBeganAfterTheOtherEnded() {
        Graph data = graph(POSTS + """
            :tenure-a dkg:holder :minister-a ; dkg:post :foreign-minister-of-russia ;
                dkg:startDate "2010-01-01T00:00:00"^^xsd:dateTime ; dkg:endDate "2010-12-31T00:00:00"^^xsd:dateTime .
            :tenure-b dkg:holder :minister-b ; dkg:post :us-secretary-of-state ;
                dkg:startDate "2011-01-01T00:00:00"^^xsd:dateTime ; dkg:endDate "2011-06-30T00:00:00"^^xsd:dateTime .
            :tenure-c dkg:holder :minister-c ; dkg:post :foreign-minister-of-china ;
                dkg:startDate "2009-01-01T00:00:00"^^xsd:dateTime ; dkg:endDate "2009-12-31T00:00:00"^^xsd:dateTime .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notWithoutAStartDate() {
        Graph data = graph(POSTS + LAVROV + """
            :tenure-rubio a dkg:Tenure ; dkg:holder :marco-rubio ; dkg:post :us-secretary-of-state .
            """);
        assertEquals(List.of(), derive(rule, data));
    }
}
