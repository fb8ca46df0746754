package org.diplomacykg.reasoning.domain;

import static org.diplomacykg.reasoning.domain.DomainFixtures.about;
import static org.diplomacykg.reasoning.domain.DomainFixtures.articleData;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertDerivation;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertDerivedFromOneOf;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertNoPremiseMentions;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertPremisesAsserted;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertPremisesInclude;
import static org.diplomacykg.reasoning.domain.DomainFixtures.conclusions;
import static org.diplomacykg.reasoning.domain.DomainFixtures.dated;
import static org.diplomacykg.reasoning.domain.DomainFixtures.day;
import static org.diplomacykg.reasoning.domain.DomainFixtures.derive;
import static org.diplomacykg.reasoning.domain.DomainFixtures.graph;
import static org.diplomacykg.reasoning.domain.DomainFixtures.graphOf;
import static org.diplomacykg.reasoning.domain.DomainFixtures.node;
import static org.diplomacykg.reasoning.domain.DomainFixtures.only;
import static org.diplomacykg.reasoning.domain.DomainFixtures.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;

/**
 * The position-continuity rule: since when a position has been unchanged and when it was
 * last reaffirmed, with the statements, baseline events and revisions each rests on.
 */
class TestPositionContinuityRule {

    private final PositionContinuityRule rule = new PositionContinuityRule();

    private static final String P = ":russia-position-on-ukraine";

    private static Triple unchangedSince(String position, String isoDate) {
        return Triple.create(node(position), DKG.Nodes.unchangedSince, day(isoDate));
    }

    private static Triple lastReaffirmed(String position, String isoDate) {
        return Triple.create(node(position), DKG.Nodes.lastReaffirmed, day(isoDate));
    }

    /** The record the derivations give: the unchanged-since and last-reaffirmed triples, without the assessments. */
    private static Set<Triple> record(List<Derivation> ds) {
        Set<Triple> record = new HashSet<>(conclusions(ds));
        record.removeIf(t -> !t.getPredicate().equals(DKG.Nodes.unchangedSince) && !t.getPredicate().equals(DKG.Nodes.lastReaffirmed));
        return record;
    }

    /** The article's shape: reaffirmations on 20 and 21 October, two of them naming the Alaska summit as baseline. */
    private static final String ARTICLE = """
        :russia-position-on-ukraine a dkg:NegotiatingPosition ; dkg:positionHolder :russia .
        :alaska-summit-2025 a dkg:Summit ; dkg:date "2025-08-15T00:00:00"^^xsd:dateTime .
        :lavrov-rubio-call-2025-10-20 a dkg:PhoneCall ; dkg:date "2025-10-20T00:00:00"^^xsd:dateTime .
        :statement-lavrov-to-rubio-demands-unchanged-2025-10-20 a dkg:Statement ;
            dkg:occasion :lavrov-rubio-call-2025-10-20 ;
            dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ;
            dkg:reaffirms :russia-position-on-ukraine .
        :statement-lavrov-position-unchanged-2025-10-21 a dkg:Statement ;
            dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ;
            dkg:reaffirms :russia-position-on-ukraine .
        :statement-lavrov-no-point-adjusted-since-alaska-2025-10-21 a dkg:Statement ;
            dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ;
            dkg:reaffirms :russia-position-on-ukraine ;
            dkg:comparedWith :alaska-summit-2025 .
        :statement-lavrov-faithful-to-formula-2025-10-21 a dkg:Statement ;
            dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ;
            dkg:refersTo :lavrov-rubio-call-2025-10-20 ;
            dkg:reaffirms :russia-position-on-ukraine .
        :statement-lavrov-anchorage-goals-in-focus-2025-10-21 a dkg:Statement ;
            dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ;
            dkg:reaffirms :russia-position-on-ukraine ;
            dkg:comparedWith :alaska-summit-2025 .
        """;

    private static final String REVISION_2025_09_10 = """
        :statement-russia-revises-2025-09-10 a dkg:Statement ;
            dkg:date "2025-09-10T00:00:00"^^xsd:dateTime ;
            dkg:revises :russia-position-on-ukraine .
        """;

    private static final List<String> BASELINE_STATEMENTS = List.of(
        ":statement-lavrov-no-point-adjusted-since-alaska-2025-10-21",
        ":statement-lavrov-anchorage-goals-in-focus-2025-10-21");

    private static final List<String> STATEMENTS_OF_2025_10_21 = List.of(
        ":statement-lavrov-position-unchanged-2025-10-21",
        ":statement-lavrov-no-point-adjusted-since-alaska-2025-10-21",
        ":statement-lavrov-faithful-to-formula-2025-10-21",
        ":statement-lavrov-anchorage-goals-in-focus-2025-10-21");

    // ---- fires

    @Test
    void oneReaffirmationGivesItsDateForBoth() {
        Graph data = graph("""
            :s1 dkg:reaffirms :pos ; dkg:date "2025-10-20T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(":pos", "2025-10-20"), lastReaffirmed(":pos", "2025-10-20")), record(ds));
        assertEquals(2, ds.size(), () -> "derivations: " + ds);
        assertDerivation(only(ds, unchangedSince(":pos", "2025-10-20")), rule,
            triple(":s1", "dkg:reaffirms", ":pos"), dated(":s1", "2025-10-20"));
        assertDerivation(only(ds, lastReaffirmed(":pos", "2025-10-20")), rule,
            triple(":s1", "dkg:reaffirms", ":pos"), dated(":s1", "2025-10-20"));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void aBaselineEventGivesTheEventsDate() {
        Graph data = graph("""
            :alaska dkg:date "2025-08-15T00:00:00"^^xsd:dateTime .
            :s1 dkg:reaffirms :pos ; dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ;
                dkg:comparedWith :alaska .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(":pos", "2025-08-15"), lastReaffirmed(":pos", "2025-10-21")), record(ds));
        assertDerivation(only(ds, unchangedSince(":pos", "2025-08-15")), rule,
            triple(":s1", "dkg:reaffirms", ":pos"), triple(":s1", "dkg:comparedWith", ":alaska"),
            dated(":alaska", "2025-08-15"));
        assertDerivation(only(ds, lastReaffirmed(":pos", "2025-10-21")), rule,
            triple(":s1", "dkg:reaffirms", ":pos"), dated(":s1", "2025-10-21"));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void theArticlesShapeGivesTheAlaskaSummitAndTheLastPressConference() {
        Graph data = graph(ARTICLE);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(P, "2025-08-15"), lastReaffirmed(P, "2025-10-21")), record(ds));

        // Unchanged since the Alaska summit, on the word of a statement naming it.
        assertDerivedFromOneOf(ds, unchangedSince(P, "2025-08-15"), rule, BASELINE_STATEMENTS.stream()
            .map(s -> Set.of(triple(s, "dkg:reaffirms", P), triple(s, "dkg:comparedWith", ":alaska-summit-2025"),
                             dated(":alaska-summit-2025", "2025-08-15")))
            .toList());

        // Last reaffirmed at the press conference of 21 October, on the word of a statement made then.
        assertDerivedFromOneOf(ds, lastReaffirmed(P, "2025-10-21"), rule, STATEMENTS_OF_2025_10_21.stream()
            .map(s -> Set.of(triple(s, "dkg:reaffirms", P), dated(s, "2025-10-21")))
            .toList());
        assertPremisesAsserted(ds, data);
    }

    @Test
    void theRealArticleDataGivesTheAlaskaSummitAndTheLastPressConference() {
        Graph data = articleData();
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(P, "2025-08-15"), lastReaffirmed(P, "2025-10-21")), record(ds));
        // On Lavrov's word: his attribution is a premise.
        assertDerivedFromOneOf(ds, unchangedSince(P, "2025-08-15"), rule, BASELINE_STATEMENTS.stream()
            .map(s -> Set.of(triple(s, "dkg:reaffirms", P), triple(s, "dkg:comparedWith", ":alaska-summit-2025"),
                             dated(":alaska-summit-2025", "2025-08-15"), triple(s, "dkg:attributedTo", ":sergey-lavrov")))
            .toList());
        for ( Derivation d : about(ds, node(P), DKG.Nodes.lastReaffirmed) )
            assertTrue(d.premises().stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.attributedTo)
                                                           && t.getObject().equals(node(":sergey-lavrov"))),
                       () -> "attributed: " + d.premises());
        assertPremisesAsserted(ds, data);
    }

    @Test
    void aRevisionMovesTheRecordToTheFirstReaffirmationAfterIt() {
        Graph data = graph(ARTICLE + REVISION_2025_09_10);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(P, "2025-10-20"), lastReaffirmed(P, "2025-10-21")), record(ds));
        Derivation since = only(ds, unchangedSince(P, "2025-10-20"));
        assertDerivation(since, rule,
            triple(":statement-lavrov-to-rubio-demands-unchanged-2025-10-20", "dkg:reaffirms", P),
            dated(":statement-lavrov-to-rubio-demands-unchanged-2025-10-20", "2025-10-20"),
            triple(":statement-russia-revises-2025-09-10", "dkg:revises", P),
            dated(":statement-russia-revises-2025-09-10", "2025-09-10"));
        // The Alaska summit predates the revision: no longer a baseline.
        assertNoPremiseMentions(since, node(":alaska-summit-2025"));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void aBaselineLaterThanTheRevisionStillCounts() {
        Graph data = graph(ARTICLE + """
            :statement-russia-revises-2025-08-01 dkg:revises :russia-position-on-ukraine ;
                dkg:date "2025-08-01T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(P, "2025-08-15"), lastReaffirmed(P, "2025-10-21")), record(ds));
        assertDerivedFromOneOf(ds, unchangedSince(P, "2025-08-15"), rule, BASELINE_STATEMENTS.stream()
            .map(s -> Set.of(triple(s, "dkg:reaffirms", P), triple(s, "dkg:comparedWith", ":alaska-summit-2025"),
                             dated(":alaska-summit-2025", "2025-08-15"),
                             triple(":statement-russia-revises-2025-08-01", "dkg:revises", P),
                             dated(":statement-russia-revises-2025-08-01", "2025-08-01")))
            .toList());
    }

    @Test
    void theOrderOfTheDataDoesNotMatter() {
        Graph original = graph(ARTICLE + REVISION_2025_09_10);
        Graph withoutRevision = graph(ARTICLE);
        for ( Graph g : List.of(original, withoutRevision) ) {
            List<Triple> triples = g.find().toList();
            Set<Derivation> expected = new HashSet<>(derive(rule, graphOf(triples)));

            List<Triple> reversed = new ArrayList<>(triples);
            Collections.reverse(reversed);
            assertEquals(expected, new HashSet<>(derive(rule, graphOf(reversed))), "reversed");

            Random random = new Random(20251021);
            for ( int i = 0; i < 20; i++ ) {
                List<Triple> shuffled = new ArrayList<>(triples);
                Collections.shuffle(shuffled, random);
                assertEquals(expected, new HashSet<>(derive(rule, graphOf(shuffled))), "shuffled, round " + i);
            }
        }
        // And the answers themselves, whatever the order.
        List<Triple> reversed = new ArrayList<>(original.find().toList());
        Collections.reverse(reversed);
        assertEquals(Set.of(unchangedSince(P, "2025-10-20"), lastReaffirmed(P, "2025-10-21")),
                     record(derive(rule, graphOf(reversed))));
    }

    @Test
    void aRevisionWithNoLaterReaffirmationGivesTheRevisionsDateAndNoLastReaffirmation() {
        Graph data = graph("""
            :s1 dkg:reaffirms :pos ; dkg:date "2025-08-01T00:00:00"^^xsd:dateTime .
            :rev dkg:revises :pos ; dkg:date "2025-09-10T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        // What was reaffirmed on 1 August is not the revised position.
        assertEquals(Set.of(unchangedSince(":pos", "2025-09-10")), record(ds));
        assertDerivation(only(ds, unchangedSince(":pos", "2025-09-10")), rule,
            triple(":rev", "dkg:revises", ":pos"), dated(":rev", "2025-09-10"));
    }

    @Test
    void aRevisionAloneGivesItsDateAndNoLastReaffirmation() {
        Graph data = graph("""
            :rev dkg:revises :pos ; dkg:date "2025-09-10T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(":pos", "2025-09-10")), record(ds));
        assertDerivation(only(ds, unchangedSince(":pos", "2025-09-10")), rule,
            triple(":rev", "dkg:revises", ":pos"), dated(":rev", "2025-09-10"));
    }

    @Test
    void aRevisionAfterAllReaffirmationsGivesItsDateAndNoEarlierReaffirmationIsTheLatest() {
        // The case: a second text revises Russia's position on 21 November. The answer
        // is not "unchanged since 21 November, last reaffirmed 21 October".
        Graph data = graph(ARTICLE + """
            :statement-russia-revises-2025-11-21 dkg:revises :russia-position-on-ukraine ;
                dkg:attributedTo :russia ;
                dkg:date "2025-11-21T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(P, "2025-11-21")), record(ds));
        Derivation since = only(ds, unchangedSince(P, "2025-11-21"));
        assertDerivation(since, rule,
            triple(":statement-russia-revises-2025-11-21", "dkg:revises", P),
            dated(":statement-russia-revises-2025-11-21", "2025-11-21"),
            triple(":statement-russia-revises-2025-11-21", "dkg:attributedTo", ":russia"));
        assertNoPremiseMentions(since, node(":alaska-summit-2025"));
        // Nor is what was said against Alaska before the revision an assessment of the revised position.
        assertEquals(List.of(), about(ds, node(P), DKG.Nodes.continuityAssessment));

        // A reaffirmation after the revision is the latest again, resting on the revision too.
        data.add(triple(":statement-russia-reaffirms-2025-12-01", "dkg:reaffirms", P));
        data.add(dated(":statement-russia-reaffirms-2025-12-01", "2025-12-01"));
        ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(P, "2025-12-01"), lastReaffirmed(P, "2025-12-01")), record(ds));
        assertDerivation(only(ds, lastReaffirmed(P, "2025-12-01")), rule,
            triple(":statement-russia-reaffirms-2025-12-01", "dkg:reaffirms", P),
            dated(":statement-russia-reaffirms-2025-12-01", "2025-12-01"),
            triple(":statement-russia-revises-2025-11-21", "dkg:revises", P),
            dated(":statement-russia-revises-2025-11-21", "2025-11-21"),
            triple(":statement-russia-revises-2025-11-21", "dkg:attributedTo", ":russia"));
    }

    @Test
    void aReaffirmationOnTheDayOfTheRevisionCountsAsAfterIt() {
        Graph data = graph("""
            :rev dkg:revises :pos ; dkg:date "2025-09-10T00:00:00"^^xsd:dateTime .
            :s1 dkg:reaffirms :pos ; dkg:date "2025-09-10T00:00:00"^^xsd:dateTime .
            :s2 dkg:reaffirms :pos ; dkg:date "2025-10-01T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(":pos", "2025-09-10"), lastReaffirmed(":pos", "2025-10-01")), record(ds));
        assertDerivation(only(ds, unchangedSince(":pos", "2025-09-10")), rule,
            triple(":s1", "dkg:reaffirms", ":pos"), dated(":s1", "2025-09-10"),
            triple(":rev", "dkg:revises", ":pos"), dated(":rev", "2025-09-10"));
    }

    @Test
    void theLatestOfSeveralRevisionsResetsTheRecord() {
        Graph data = graph("""
            :rev1 dkg:revises :pos ; dkg:date "2025-03-01T00:00:00"^^xsd:dateTime .
            :s1 dkg:reaffirms :pos ; dkg:date "2025-04-01T00:00:00"^^xsd:dateTime .
            :rev2 dkg:revises :pos ; dkg:date "2025-06-01T00:00:00"^^xsd:dateTime .
            :s2 dkg:reaffirms :pos ; dkg:date "2025-07-01T00:00:00"^^xsd:dateTime .
            :s3 dkg:reaffirms :pos ; dkg:date "2025-08-01T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(":pos", "2025-07-01"), lastReaffirmed(":pos", "2025-08-01")), record(ds));
        assertDerivation(only(ds, unchangedSince(":pos", "2025-07-01")), rule,
            triple(":s2", "dkg:reaffirms", ":pos"), dated(":s2", "2025-07-01"),
            triple(":rev2", "dkg:revises", ":pos"), dated(":rev2", "2025-06-01"));
    }

    // ---- continuity assessments: compared with what, as of when, according to whom, how surely

    private static final Node ALASKA_ASSESSMENT = node(":continuity-russia-position-on-ukraine-alaska-summit-2025");

    private static Triple says(Node c, Node p, String o) {
        return Triple.create(c, p, o.startsWith("\"") ? day(o.substring(1, o.length() - 1)) : node(o));
    }

    @Test
    void aBaselineIsAComparisonAsOfTheLatestStatementAccordingToItsSpeakers() {
        Graph data = graph(ARTICLE + """
            :statement-lavrov-no-point-adjusted-since-alaska-2025-10-21 dkg:attributedTo :sergey-lavrov .
            :statement-lavrov-anchorage-goals-in-focus-2025-10-21 dkg:attributedTo :sergey-lavrov .
            :statement-peskov-2025-10-01 dkg:reaffirms :russia-position-on-ukraine ; dkg:attributedTo :dmitry-peskov ;
                dkg:date "2025-10-01T00:00:00"^^xsd:dateTime ; dkg:comparedWith :alaska-summit-2025 .
            """);
        List<Derivation> ds = derive(rule, data);
        Node c = ALASKA_ASSESSMENT;
        Set<Triple> assessment = Set.of(
            Triple.create(c, org.apache.jena.vocabulary.RDF.Nodes.type, DKG.Nodes.ContinuityAssessment),
            says(c, DKG.Nodes.assessedPosition, P),
            says(c, DKG.Nodes.comparedWith, ":alaska-summit-2025"),
            says(c, DKG.Nodes.asOf, "\"2025-10-21\""),
            says(c, DKG.Nodes.accordingTo, ":sergey-lavrov"),
            says(c, DKG.Nodes.accordingTo, ":dmitry-peskov"),
            Triple.create(node(P), DKG.Nodes.continuityAssessment, c));
        Set<Triple> derived = new HashSet<>(conclusions(ds));
        derived.removeAll(record(ds));
        assertEquals(assessment, derived);
        // The date is that of the statements, not of the summit: a comparison is not a start date.
        assertDerivedFromOneOf(ds, says(c, DKG.Nodes.asOf, "\"2025-10-21\""), rule, BASELINE_STATEMENTS.stream()
            .map(s -> Set.of(triple(s, "dkg:reaffirms", P), triple(s, "dkg:comparedWith", ":alaska-summit-2025"),
                             dated(s, "2025-10-21"), triple(s, "dkg:attributedTo", ":sergey-lavrov")))
            .toList());
        assertDerivation(only(ds, says(c, DKG.Nodes.accordingTo, ":dmitry-peskov")), rule,
            triple(":statement-peskov-2025-10-01", "dkg:reaffirms", P),
            triple(":statement-peskov-2025-10-01", "dkg:comparedWith", ":alaska-summit-2025"),
            dated(":statement-peskov-2025-10-01", "2025-10-01"),
            triple(":statement-peskov-2025-10-01", "dkg:attributedTo", ":dmitry-peskov"));
        // Nobody hedged? Two of the three statements are flat, so no hedge either way.
        assertEquals(List.of(), about(ds, c, DKG.Nodes.modality));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void aHedgeIsKeptWhenEveryStatementCarriesItAndAFlatOneOutweighsIt() {
        String hedged = """
            :ref a dkg:ReferencePoint .
            :s1 dkg:reaffirms :pos ; dkg:attributedTo :lavrov ; dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ;
                dkg:comparedWith :ref ; dkg:modality dkg:Approximate , dkg:Believed .
            :s2 dkg:reaffirms :pos ; dkg:attributedTo :lavrov ; dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ;
                dkg:comparedWith :ref ; dkg:modality dkg:Approximate .
            """;
        Node c = node(":continuity-pos-ref");
        List<Derivation> ds = derive(rule, graph(hedged));
        // Both hedge "hardly changed": the assessment keeps it; only one says "I believe".
        assertEquals(Set.of(says(c, DKG.Nodes.modality, "dkg:Approximate")),
                     new HashSet<>(conclusions(about(ds, c, DKG.Nodes.modality))));
        assertDerivation(only(ds, says(c, DKG.Nodes.modality, "dkg:Approximate")), rule,
            triple(":s1", "dkg:reaffirms", ":pos"), triple(":s1", "dkg:comparedWith", ":ref"), dated(":s1", "2025-10-21"),
            triple(":s1", "dkg:attributedTo", ":lavrov"), triple(":s1", "dkg:modality", "dkg:Approximate"),
            triple(":s2", "dkg:reaffirms", ":pos"), triple(":s2", "dkg:comparedWith", ":ref"), dated(":s2", "2025-10-20"),
            triple(":s2", "dkg:attributedTo", ":lavrov"), triple(":s2", "dkg:modality", "dkg:Approximate"));

        // A flat statement against the same baseline outweighs the hedged ones.
        List<Derivation> withFlat = derive(rule, graph(hedged + """
            :s3 dkg:reaffirms :pos ; dkg:attributedTo :lavrov ; dkg:date "2025-10-19T00:00:00"^^xsd:dateTime ; dkg:comparedWith :ref .
            """));
        assertEquals(List.of(), about(withFlat, c, DKG.Nodes.modality));
        assertTrue(conclusions(withFlat).contains(says(c, DKG.Nodes.asOf, "\"2025-10-21\"")));
    }

    @Test
    void aReferencePointIsABaselineWithoutADateAndDoesNotMoveTheRecord() {
        Graph data = graph("""
            :initial-demands a dkg:ReferencePoint .
            :s1 dkg:reaffirms :pos ; dkg:attributedTo :lavrov ; dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ;
                dkg:comparedWith :initial-demands .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(":pos", "2025-10-21"), lastReaffirmed(":pos", "2025-10-21")), record(ds));
        Node c = node(":continuity-pos-initial-demands");
        assertTrue(conclusions(ds).containsAll(Set.of(
            says(c, DKG.Nodes.comparedWith, ":initial-demands"),
            says(c, DKG.Nodes.asOf, "\"2025-10-21\""),
            says(c, DKG.Nodes.accordingTo, ":lavrov"),
            Triple.create(node(":pos"), DKG.Nodes.continuityAssessment, c))), () -> "assessment: " + conclusions(ds));
    }

    @Test
    void onlyStatementsSinceTheLatestRevisionAssessTheRevisedPosition() {
        Graph data = graph(ARTICLE + REVISION_2025_09_10 + """
            :statement-after-revision dkg:reaffirms :russia-position-on-ukraine ; dkg:attributedTo :dmitry-peskov ;
                dkg:date "2025-09-20T00:00:00"^^xsd:dateTime ; dkg:comparedWith :alaska-summit-2025 .
            :statement-before-revision dkg:reaffirms :russia-position-on-ukraine ; dkg:attributedTo :someone-else ;
                dkg:date "2025-09-01T00:00:00"^^xsd:dateTime ; dkg:comparedWith :alaska-summit-2025 .
            """);
        List<Derivation> ds = derive(rule, data);
        // The statement of 20 September compares the revised position with Alaska as reported, and counts;
        // the one of 1 September was about the position before the revision, and does not.
        Set<Triple> agents = new HashSet<>(conclusions(about(ds, ALASKA_ASSESSMENT, DKG.Nodes.accordingTo)));
        assertEquals(Set.of(says(ALASKA_ASSESSMENT, DKG.Nodes.accordingTo, ":dmitry-peskov")), agents);
        for ( Derivation d : about(ds, ALASKA_ASSESSMENT, DKG.Nodes.comparedWith) ) {
            assertNoPremiseMentions(d, node(":statement-before-revision"));
            assertPremisesInclude(d, rule, triple(":statement-russia-revises-2025-09-10", "dkg:revises", P));
        }
    }

    // ---- must not fire, or must not be swayed

    @Test
    void undatedStatementsSayNothing() {
        Graph data = graph("""
            :alaska dkg:date "2025-08-15T00:00:00"^^xsd:dateTime .
            :s1 dkg:reaffirms :pos ; dkg:temporalExpression "for a long time"@en .
            :s2 dkg:reaffirms :pos ; dkg:comparedWith :alaska .
            :s3 dkg:revises :pos ; dkg:temporalExpression "last week"@en .
            :s4 dkg:reaffirms :pos ; dkg:date "21 October 2025" .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void undatedStatementsDoNotChangeADatedRecord() {
        Graph data = graph("""
            :s1 dkg:reaffirms :pos ; dkg:date "2025-10-20T00:00:00"^^xsd:dateTime .
            :s2 dkg:revises :pos ; dkg:temporalExpression "recently"@en .
            :s3 dkg:reaffirms :pos ; dkg:temporalExpression "for a long time"@en .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(":pos", "2025-10-20"), lastReaffirmed(":pos", "2025-10-20")), record(ds));
        assertDerivation(only(ds, unchangedSince(":pos", "2025-10-20")), rule,
            triple(":s1", "dkg:reaffirms", ":pos"), dated(":s1", "2025-10-20"));
    }

    @Test
    void anUndatedOrLaterBaselineEventIsIgnored() {
        Graph data = graph("""
            :someday a dkg:Meeting .
            :later dkg:date "2025-12-01T00:00:00"^^xsd:dateTime .
            :s1 dkg:reaffirms :pos ; dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ;
                dkg:comparedWith :someday , :later .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(":pos", "2025-10-21"), lastReaffirmed(":pos", "2025-10-21")), record(ds));
        assertDerivation(only(ds, unchangedSince(":pos", "2025-10-21")), rule,
            triple(":s1", "dkg:reaffirms", ":pos"), dated(":s1", "2025-10-21"));
    }

    @Test
    void aStatementAboutAnotherPositionDoesNotAffectThisOne() {
        Graph data = graph(ARTICLE + """
            :ukraine-position dkg:positionHolder :ukraine .
            :statement-ukraine-1 dkg:reaffirms :ukraine-position ; dkg:date "2025-10-25T00:00:00"^^xsd:dateTime .
            :statement-ukraine-2 dkg:revises :ukraine-position ; dkg:date "2025-09-30T00:00:00"^^xsd:dateTime .
            :statement-ukraine-3 dkg:reaffirms :ukraine-position ; dkg:date "2025-07-01T00:00:00"^^xsd:dateTime ;
                dkg:comparedWith :early-event .
            :early-event dkg:date "2025-01-01T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(unchangedSince(P, "2025-08-15"), lastReaffirmed(P, "2025-10-21"),
                            unchangedSince(":ukraine-position", "2025-10-25"), lastReaffirmed(":ukraine-position", "2025-10-25")),
                     record(ds));
        // Russia's record rests on nothing said about Ukraine's position.
        for ( Derivation d : about(ds, node(P), DKG.Nodes.unchangedSince) ) {
            assertNoPremiseMentions(d, node(":ukraine-position"));
            assertNoPremiseMentions(d, node(":statement-ukraine-2"));
        }
        for ( Derivation d : about(ds, node(P), DKG.Nodes.lastReaffirmed) )
            assertNoPremiseMentions(d, node(":ukraine-position"));
        assertDerivation(only(ds, unchangedSince(":ukraine-position", "2025-10-25")), rule,
            triple(":statement-ukraine-1", "dkg:reaffirms", ":ukraine-position"), dated(":statement-ukraine-1", "2025-10-25"),
            triple(":statement-ukraine-2", "dkg:revises", ":ukraine-position"), dated(":statement-ukraine-2", "2025-09-30"));
    }

    @Test
    void nothingWithoutStatements() {
        assertEquals(List.of(), derive(rule, graph(":russia-position-on-ukraine a dkg:NegotiatingPosition .")));
    }

    // ---- many statements about one position (a sanity check on the answer, not a timing)

    @Test
    void twentyThousandStatementsGiveTheRightAnswer() {
        Random random = new Random(42);
        LocalDate origin = LocalDate.of(2000, 1, 1);
        Node position = node(":big-position");
        Node other = node(":other-position");
        List<Triple> triples = new ArrayList<>();

        // What the rule should find, computed independently while generating.
        LocalDate lastRevision = null;
        LocalDate lastReaffirmation = null;
        record Reaffirmation(LocalDate date, List<LocalDate> baselines) {}
        List<Reaffirmation> reaffirmations = new ArrayList<>();

        int n = 20_000;
        for ( int i = 0; i < n; i++ ) {
            Node s = NodeFactory.createURI(DKG.ID_BASE + "big-statement-" + i);
            boolean revision = random.nextInt(20) == 0;
            boolean undated = random.nextInt(25) == 0;
            // Revisions fall in the first two thirds, so that many reaffirmations and baselines fall on either side
            // of the latest; revisions on days 0 mod 7 and reaffirmations on days 6 mod 7, so that the answer is
            // not simply a reaffirmation made on the day of the latest revision.
            LocalDate date = revision ? origin.plusDays(7L * random.nextInt(6000 / 7))
                                      : origin.plusDays(7L * random.nextInt(9000 / 7) + 6);
            triples.add(Triple.create(s, revision ? DKG.Nodes.revises : DKG.Nodes.reaffirms, position));
            if ( undated )
                continue;
            triples.add(Triple.create(s, DKG.Nodes.date, dateTime(date)));
            if ( revision ) {
                if ( lastRevision == null || date.isAfter(lastRevision) )
                    lastRevision = date;
                continue;
            }
            if ( lastReaffirmation == null || date.isAfter(lastReaffirmation) )
                lastReaffirmation = date;
            List<LocalDate> baselines = new ArrayList<>();
            if ( random.nextInt(3) == 0 ) {
                Node event = NodeFactory.createURI(DKG.ID_BASE + "big-event-" + i);
                triples.add(Triple.create(s, DKG.Nodes.comparedWith, event));
                if ( random.nextInt(5) != 0 ) {     // some baseline events are undated
                    LocalDate eventDate = date.minusDays(1 + random.nextInt(3000));
                    triples.add(Triple.create(event, DKG.Nodes.date, dateTime(eventDate)));
                    baselines.add(eventDate);
                }
            }
            reaffirmations.add(new Reaffirmation(date, baselines));
        }
        // Noise about another position, which must not count.
        for ( int i = 0; i < 500; i++ ) {
            Node s = NodeFactory.createURI(DKG.ID_BASE + "other-statement-" + i);
            triples.add(Triple.create(s, i % 7 == 0 ? DKG.Nodes.revises : DKG.Nodes.reaffirms, other));
            triples.add(Triple.create(s, DKG.Nodes.date, dateTime(origin.plusDays(9000 + random.nextInt(1000)))));
        }

        // Only reaffirmations on or after the latest revision count as the latest.
        LocalDate revisedOn = lastRevision;
        lastReaffirmation = reaffirmations.stream().map(Reaffirmation::date)
            .filter(d -> revisedOn == null || !d.isBefore(revisedOn)).max(LocalDate::compareTo).orElseThrow();
        LocalDate since = null;
        for ( Reaffirmation r : reaffirmations ) {
            if ( lastRevision != null && r.date().isBefore(lastRevision) )
                continue;
            LocalDate candidate = r.date();
            for ( LocalDate b : r.baselines() )
                if ( b.isBefore(candidate) && (lastRevision == null || b.isAfter(lastRevision)) )
                    candidate = b;
            if ( since == null || candidate.isBefore(since) )
                since = candidate;
        }
        if ( since == null )
            since = lastRevision;
        // The generated data exercises the interesting case: the answer is a baseline event later than the
        // latest revision, earlier than any reaffirmation after it (so neither of the simpler answers).
        // (Reaffirmations fall on days 6 mod 7 after the origin; a baseline date may fall on any day.)
        assertTrue(lastRevision != null && since.isAfter(lastRevision)
                   && java.time.temporal.ChronoUnit.DAYS.between(origin, since) % 7 != 6,
                   "the generated data should make a baseline the answer: latest revision " + lastRevision + ", answer " + since);

        Collections.shuffle(triples, random);
        Graph data = graphOf(triples);
        List<Derivation> ds = derive(rule, data);
        List<Derivation> mine = ds.stream().filter(d -> d.conclusion().getSubject().equals(position)).toList();
        Triple expectedSince = Triple.create(position, DKG.Nodes.unchangedSince, dateTime(since));
        Triple expectedLast = Triple.create(position, DKG.Nodes.lastReaffirmed, dateTime(lastReaffirmation));
        assertEquals(Set.of(expectedSince, expectedLast), record(mine));
        // Each derivation of the record rests on the latest revision and on a triple dated with the answer.
        Node revisionDate = dateTime(lastRevision);
        Node sinceDate = dateTime(since);
        for ( Derivation d : DomainFixtures.of(mine, expectedSince) ) {
            assertEquals(rule.iri(), d.rule().iri());
            assertTrue(d.premises().stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.revises)),
                       "the latest revision is a premise");
            assertTrue(d.premises().stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.date) && t.getObject().equals(revisionDate)),
                       "the latest revision's date is a premise");
            assertTrue(d.premises().stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.date) && t.getObject().equals(sinceDate)),
                       "a premise gives the date itself");
        }
        for ( Derivation d : DomainFixtures.of(mine, expectedLast) ) {
            Node s = d.premises().stream().filter(t -> t.getPredicate().equals(DKG.Nodes.reaffirms))
                      .findFirst().orElseThrow().getSubject();
            assertTrue(d.premises().containsAll(Set.of(Triple.create(s, DKG.Nodes.reaffirms, position),
                                                       Triple.create(s, DKG.Nodes.date, dateTime(lastReaffirmation)))),
                       () -> "the latest reaffirmation and its date: " + d.premises());
            assertTrue(d.premises().stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.date) && t.getObject().equals(revisionDate)),
                       "the latest revision's date is a premise");
            assertEquals(4, d.premises().size(), () -> "the reaffirmation and the revision, each with its date: " + d.premises());
        }
        assertPremisesAsserted(ds, data);
    }

    private static Node dateTime(LocalDate date) {
        return NodeFactory.createLiteralDT(date + "T00:00:00", XSDDatatype.XSDdateTime);
    }
}
