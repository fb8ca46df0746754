package org.diplomacykg.bench.jena;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.system.Txn;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Small synthetic cases, a few per domain rule and one for the disjoint-classes rule, on which the Java rules (through the
 * materialiser, with the project's ontology) and the Jena rules must derive the same triples.
 * Each case also checks the conclusion that makes it interesting, so that two engines that
 * both derive nothing cannot pass. The things are synthetic ({@code id/synthetic-...}).
 */
class TestJenaRulesCases {

    private static final String PREFIXES = """
        @prefix : <https://w3id.org/diplomacy-kg/id/synthetic-> .
        @prefix dkg: <https://w3id.org/diplomacy-kg/ontology#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        """;

    private static Graph ontology;

    @BeforeAll
    static void readOntology() {
        ontology = RDFParser.source("ontology/diplomacy.ttl").toGraph();
    }

    @Test
    void aRevisionBreaksContinuity() {
        Graph inferred = bothAgree("""
            :s1 dkg:reaffirms :pos ; dkg:date "2025-08-01T00:00:00"^^xsd:dateTime ; dkg:comparedWith :july .
            :july dkg:date "2025-07-01T00:00:00"^^xsd:dateTime .
            :s2 dkg:revises :pos ; dkg:date "2025-09-01T00:00:00"^^xsd:dateTime .
            :s3 dkg:reaffirms :pos ; dkg:date "2025-10-01T00:00:00"^^xsd:dateTime ; dkg:comparedWith :aug .
            :aug dkg:date "2025-08-15T00:00:00"^^xsd:dateTime .
            :s4 dkg:reaffirms :pos ; dkg:date "2025-10-10T00:00:00"^^xsd:dateTime .
            """);
        // The baseline of 15 August is before the revision, so it does not count.
        assertHas(inferred, "pos", DKG.Nodes.unchangedSince, date("2025-10-01"));
        assertHas(inferred, "pos", DKG.Nodes.lastReaffirmed, date("2025-10-10"));
    }

    @Test
    void aBaselineAfterTheRevisionCountsAndASameDayReaffirmationFollowsTheRevision() {
        Graph inferred = bothAgree("""
            :r1 dkg:revises :pos ; dkg:date "2025-06-01T00:00:00"^^xsd:dateTime .
            :r2 dkg:revises :pos ; dkg:date "2025-09-01T00:00:00"^^xsd:dateTime .
            :s1 dkg:reaffirms :pos ; dkg:date "2025-09-01T00:00:00"^^xsd:dateTime .
            :s2 dkg:reaffirms :pos ; dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ; dkg:comparedWith :meeting .
            :meeting dkg:date "2025-08-15T00:00:00"^^xsd:dateTime .
            :other dkg:reaffirms :pos2 ; dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ; dkg:comparedWith :meeting2 .
            :meeting2 dkg:date "2025-09-15T00:00:00"^^xsd:dateTime .
            :r3 dkg:revises :pos2 ; dkg:date "2025-09-01T00:00:00"^^xsd:dateTime .
            """);
        assertHas(inferred, "pos", DKG.Nodes.unchangedSince, date("2025-09-01"));
        assertHas(inferred, "pos2", DKG.Nodes.unchangedSince, date("2025-09-15"));
    }

    @Test
    void onlyRevisionsOrOnlyReaffirmations() {
        Graph inferred = bothAgree("""
            :r1 dkg:revises :revised ; dkg:date "2025-05-01T00:00:00"^^xsd:dateTime .
            :r2 dkg:revises :revised ; dkg:date "2025-07-01T00:00:00"^^xsd:dateTime .
            :s1 dkg:reaffirms :kept ; dkg:date "2025-10-01T00:00:00"^^xsd:dateTime ; dkg:comparedWith :ev .
            :ev dkg:date "2025-03-01T00:00:00"^^xsd:dateTime .
            :s2 dkg:reaffirms :kept .
            """);
        assertHas(inferred, "revised", DKG.Nodes.unchangedSince, date("2025-07-01"));
        assertHas(inferred, "kept", DKG.Nodes.unchangedSince, date("2025-03-01"));
    }

    @Test
    void aRevisionResetsTheLatestReaffirmationAndTheAssessments() {
        Graph inferred = bothAgree("""
            :s1 dkg:reaffirms :pos ; dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ; dkg:comparedWith :alaska ;
                dkg:attributedTo :lavrov .
            :alaska dkg:date "2025-08-15T00:00:00"^^xsd:dateTime .
            :r1 dkg:revises :pos ; dkg:date "2025-11-21T00:00:00"^^xsd:dateTime ; dkg:attributedTo :lavrov .
            :t1 dkg:reaffirms :kept ; dkg:date "2025-10-20T00:00:00"^^xsd:dateTime ; dkg:comparedWith :initial , :alaska ;
                dkg:attributedTo :lavrov ; dkg:modality dkg:Approximate , dkg:Believed .
            :t2 dkg:reaffirms :kept ; dkg:date "2025-10-21T00:00:00"^^xsd:dateTime ; dkg:comparedWith :initial ;
                dkg:attributedTo :peskov ; dkg:modality dkg:Approximate .
            :t3 dkg:reaffirms :kept ; dkg:date "2025-10-22T00:00:00"^^xsd:dateTime ; dkg:comparedWith :alaska ;
                dkg:attributedTo :peskov .
            :initial a dkg:ReferencePoint .
            """);
        // Revised on 21 November, nothing since: no latest reaffirmation, no assessment.
        assertHas(inferred, "pos", DKG.Nodes.unchangedSince, date("2025-11-21"));
        assertFalse(inferred.contains(node("pos"), DKG.Nodes.lastReaffirmed, Node.ANY));
        assertFalse(inferred.contains(node("pos"), DKG.Nodes.continuityAssessment, Node.ANY));
        // Compared with the initial demands, hedged by both; compared with Alaska, once flatly.
        Node initial = NodeFactory.createURI(DKG.ID_BASE + "continuity-synthetic-kept-synthetic-initial");
        Node alaska = NodeFactory.createURI(DKG.ID_BASE + "continuity-synthetic-kept-synthetic-alaska");
        assertTrue(inferred.contains(initial, DKG.Nodes.asOf, date("2025-10-21")));
        assertTrue(inferred.contains(initial, DKG.Nodes.accordingTo, node("peskov")));
        assertTrue(inferred.contains(initial, DKG.Nodes.modality, DKG.Nodes.term("Approximate")));
        assertFalse(inferred.contains(initial, DKG.Nodes.modality, DKG.Nodes.term("Believed")));
        assertTrue(inferred.contains(alaska, DKG.Nodes.asOf, date("2025-10-22")));
        assertFalse(inferred.contains(alaska, DKG.Nodes.modality, Node.ANY));
    }

    @Test
    void opposingSequencingDemandsAreIncompatibleFromWhenBothWereOnRecord() {
        Graph inferred = bothAgree("""
            :ru dkg:demand :peace-first , :peace-first-again .
            :peace-first dkg:firstStep :peace ; dkg:laterStep :ceasefire ; dkg:expressedIn :st1 , :st2 .
            :peace-first-again dkg:firstStep :peace ; dkg:laterStep :ceasefire ; dkg:expressedIn :st5 .
            :st1 dkg:attributedTo :lavrov ; dkg:date "2025-10-21T00:00:00"^^xsd:dateTime .
            :st2 dkg:attributedTo :lavrov ; dkg:date "2025-08-01T00:00:00"^^xsd:dateTime .
            :st5 dkg:attributedTo :putin ; dkg:date "2025-09-01T00:00:00"^^xsd:dateTime .
            :ua dkg:demand :ceasefire-first .
            :ceasefire-first dkg:firstStep :ceasefire ; dkg:laterStep :peace ; dkg:expressedIn :st3 .
            :st3 dkg:attributedTo :zelensky ; dkg:date "2025-08-20T00:00:00"^^xsd:dateTime .
            :eu dkg:demand :ceasefire-first-too .
            :ceasefire-first-too dkg:firstStep :ceasefire ; dkg:laterStep :peace ; dkg:expressedIn :st4 .
            :st4 dkg:attributedTo :unnamed-source .
            """);
        assertHas(inferred, "ru", DKG.Nodes.incompatibleWith, node("ua"));
        assertHas(inferred, "ua", DKG.Nodes.incompatibleWith, node("ru"));
        assertHas(inferred, "eu", DKG.Nodes.incompatibleWith, node("ru"));
        Node ruUa = NodeFactory.createURI(DKG.ID_BASE + "incompatibility-synthetic-ru-synthetic-ua");
        Node euRu = NodeFactory.createURI(DKG.ID_BASE + "incompatibility-synthetic-eu-synthetic-ru");
        // Russia's first demand on record from 1 August, Ukraine's from 20 August: both from 20 August.
        assertTrue(inferred.contains(ruUa, DKG.Nodes.incompatibleAsOf, date("2025-08-20")));
        assertTrue(inferred.contains(ruUa, DKG.Nodes.accordingTo, node("putin")));
        assertTrue(inferred.contains(euRu, DKG.Nodes.accordingTo, node("unnamed-source")));
        assertFalse(inferred.contains(euRu, DKG.Nodes.incompatibleAsOf, Node.ANY), "the other side's demand is undated");
        assertFalse(inferred.contains(node("ua"), DKG.Nodes.incompatibleWith, node("eu")), "the same order");
    }

    @Test
    void counterpartsOverlapInTheSameRoleForDifferentStates() {
        Graph inferred = bothAgree(TENURES);
        assertHas(inferred, "a", DKG.Nodes.counterpart, node("b"));
        assertHas(inferred, "b", DKG.Nodes.counterpart, node("a"));
        assertFalse(inferred.contains(node("a"), DKG.Nodes.counterpart, node("c")), "a's tenure ended before c's began");
        assertFalse(inferred.contains(node("a"), DKG.Nodes.counterpart, node("d")), "same state");
        assertHas(inferred, "d", DKG.Nodes.counterpart, node("c"));
    }

    @Test
    void aMeetingInvolvesTheStatesItsParticipantsServedThatDay() {
        Graph inferred = bothAgree(TENURES + """
            :call dkg:participant :a , :c , :land ; dkg:date "2024-03-01T00:00:00"^^xsd:dateTime .
            :undated dkg:participant :a .
            """);
        assertHas(inferred, "call", DKG.Nodes.involvesState, node("north"));
        assertHas(inferred, "call", DKG.Nodes.involvesState, node("land"));
        assertFalse(inferred.contains(node("call"), DKG.Nodes.involvesState, node("south")), "c began after the call");
    }

    @Test
    void aCancelledMeeting() {
        Graph inferred = bothAgree(":cancel dkg:cancelledEvent :summit .");
        assertHas(inferred, "summit", DKG.Nodes.status, DKG.Nodes.Cancelled);
    }

    /** A pattern rule's Jena twin is written from its clauses: this checks that it fires where the Java rule does. */
    @Test
    void somethingOfTwoDisjointClassesIsAClash() {
        Graph inferred = bothAgree(":x a dkg:Person . :t dkg:holder :x . :x dkg:holder :t .");
        assertHas(inferred, "x", RDF.Nodes.type, OWL2.Nothing.asNode());
        assertHas(inferred, "t", RDF.Nodes.type, OWL2.Nothing.asNode());
    }

    @Test
    void aDisagreementIsDatedByTheEarliestRejection() {
        Graph inferred = bothAgree(TENURES + """
            :rej1 a dkg:Rejection ; dkg:stanceOn :plan ; dkg:stanceHolder :north ; dkg:date "2024-06-01T00:00:00"^^xsd:dateTime .
            :rej2 a dkg:Rejection ; dkg:stanceOn :plan ; dkg:stanceHolder :a ; dkg:date "2024-04-01T00:00:00"^^xsd:dateTime .
            :sup a dkg:Support ; dkg:stanceOn :plan ; dkg:stanceHolder :b .
            :late a dkg:Rejection ; dkg:stanceOn :plan ; dkg:stanceHolder :c ; dkg:date "2030-01-01T00:00:00"^^xsd:dateTime .
            """);
        Node d = NodeFactory.createURI(DKG.ID_BASE + "disagreement-synthetic-north-synthetic-south-synthetic-plan");
        assertTrue(inferred.contains(d, DKG.Nodes.disagreementDate, date("2024-04-01")), "earliest of the two rejections");
        assertFalse(inferred.contains(d, DKG.Nodes.disagreementDate, date("2024-06-01")));
    }

    /** a (north) and b (south) overlap as foreign ministers; c (south) starts after a ends; d (north) is a's colleague. */
    private static final String TENURES = """
        :north a dkg:State . :south a dkg:State . :land a dkg:State .
        :fm-north dkg:postIn :north ; dkg:role :foreign-affairs .
        :fm-south dkg:postIn :south ; dkg:role :foreign-affairs .
        :pm-north dkg:postIn :north ; dkg:role :head-of-government .
        :ta dkg:holder :a ; dkg:post :fm-north ; dkg:startDate "2020-01-01T00:00:00"^^xsd:dateTime ; dkg:endDate "2024-12-31T00:00:00"^^xsd:dateTime .
        :tb dkg:holder :b ; dkg:post :fm-south ; dkg:startDate "2022-01-01T00:00:00"^^xsd:dateTime ; dkg:endDate "2024-06-30T00:00:00"^^xsd:dateTime .
        :tc dkg:holder :c ; dkg:post :fm-south ; dkg:startDate "2025-01-01T00:00:00"^^xsd:dateTime .
        :td dkg:holder :d ; dkg:post :fm-north ; dkg:startDate "2023-01-01T00:00:00"^^xsd:dateTime .
        """;

    /** Runs both engines on the case and asserts they infer the same triples; returns them. */
    private static Graph bothAgree(String turtle) {
        Graph data = RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).toGraph();
        Graph java = javaInferred(data);
        Graph jena = JenaRules.materialise(ontology, data);
        TestJenaRulesMatchJavaRules.assertSameTriples(java, jena);
        return jena;
    }

    private static Graph javaInferred(Graph data) {
        DatasetGraph dsg = Store.createUnionDataset().asDatasetGraph();
        Node source = Graphs.Nodes.sourceGraph("synthetic");
        Graph inferred = GraphFactory.createGraphMem();
        Txn.executeWrite(dsg, () -> {
            ontology.find().forEachRemaining(t -> dsg.add(Graphs.Nodes.ONTOLOGY, t.getSubject(), t.getPredicate(), t.getObject()));
            data.find().forEachRemaining(t -> dsg.add(source, t.getSubject(), t.getPredicate(), t.getObject()));
            Materialiser.standard().materialiseAll(dsg);
            GraphUtil.addInto(inferred, dsg.getGraph(Graphs.Nodes.INFERRED));
        });
        return inferred;
    }

    private static void assertHas(Graph g, String slug, Node p, Node o) {
        Triple t = Triple.create(node(slug), p, o);
        assertTrue(g.contains(t), () -> "missing " + t);
    }

    private static Node node(String slug) {
        return NodeFactory.createURI(DKG.ID_BASE + "synthetic-" + slug);
    }

    private static Node date(String day) {
        return NodeFactory.createLiteralDT(day + "T00:00:00", XSDDatatype.XSDdateTime);
    }
}
