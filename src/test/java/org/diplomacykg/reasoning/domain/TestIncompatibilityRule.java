package org.diplomacykg.reasoning.domain;

import static org.diplomacykg.reasoning.domain.DomainFixtures.about;
import static org.diplomacykg.reasoning.domain.DomainFixtures.articleData;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertDerivation;
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

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;

/**
 * The incompatibility rule: positions whose sequencing demands order the same two steps
 * oppositely, with the demands, who expressed them and from when both were on record.
 */
class TestIncompatibilityRule {

    private final IncompatibilityRule rule = new IncompatibilityRule();

    private static final Node RUSSIA = node(":russia-position-on-ukraine");
    private static final Node UKRAINE = node(":ukraine-position-on-peace");
    private static final Node DEADLOCK = node(":incompatibility-russia-position-on-ukraine-ukraine-position-on-peace");

    /** The article's deadlock: Russia wants a peace deal before a ceasefire, Ukraine a ceasefire before a peace deal. */
    private static final String DEADLOCK_DATA = """
        :russia-position-on-ukraine dkg:demand :demand-peace-agreement-before-ceasefire .
        :demand-peace-agreement-before-ceasefire dkg:firstStep :ukraine-peace-agreement ; dkg:laterStep :ukraine-ceasefire ;
            dkg:expressedIn :statement-lavrov .
        :statement-lavrov dkg:attributedTo :sergey-lavrov ; dkg:date "2025-10-21T00:00:00"^^xsd:dateTime .
        :ukraine-position-on-peace dkg:demand :condition-parties-stop-shooting .
        :condition-parties-stop-shooting dkg:firstStep :ukraine-ceasefire ; dkg:laterStep :ukraine-peace-agreement ;
            dkg:expressedIn :statement-ukraine .
        :statement-ukraine dkg:attributedTo :leader-of-ukraine .
        """;

    private static final List<Triple> STRUCTURE = List.of(
        triple(":russia-position-on-ukraine", "dkg:demand", ":demand-peace-agreement-before-ceasefire"),
        triple(":demand-peace-agreement-before-ceasefire", "dkg:firstStep", ":ukraine-peace-agreement"),
        triple(":demand-peace-agreement-before-ceasefire", "dkg:laterStep", ":ukraine-ceasefire"),
        triple(":ukraine-position-on-peace", "dkg:demand", ":condition-parties-stop-shooting"),
        triple(":condition-parties-stop-shooting", "dkg:firstStep", ":ukraine-ceasefire"),
        triple(":condition-parties-stop-shooting", "dkg:laterStep", ":ukraine-peace-agreement"));

    private static Triple of(Node s, Node p, Node o) {
        return Triple.create(s, p, o);
    }

    @Test
    void oppositeSequencingDemandsMakeThePositionsIncompatibleAccordingToTheirSpeakers() {
        Graph data = graph(DEADLOCK_DATA);
        List<Derivation> ds = derive(rule, data);
        assertEquals(Set.of(
            of(RUSSIA, DKG.Nodes.incompatibleWith, UKRAINE),
            of(UKRAINE, DKG.Nodes.incompatibleWith, RUSSIA),
            of(DEADLOCK, RDF.Nodes.type, DKG.Nodes.Incompatibility),
            of(DEADLOCK, DKG.Nodes.incompatiblePosition, RUSSIA),
            of(DEADLOCK, DKG.Nodes.incompatiblePosition, UKRAINE),
            of(DEADLOCK, DKG.Nodes.conflictingDemand, node(":demand-peace-agreement-before-ceasefire")),
            of(DEADLOCK, DKG.Nodes.conflictingDemand, node(":condition-parties-stop-shooting")),
            of(DEADLOCK, DKG.Nodes.accordingTo, node(":sergey-lavrov")),
            of(DEADLOCK, DKG.Nodes.accordingTo, node(":leader-of-ukraine"))), conclusions(ds));
        // Ukraine's demand has no dated expression: no date is made up.
        assertEquals(List.of(), about(ds, DEADLOCK, DKG.Nodes.incompatibleAsOf));

        List<Triple> premises = new ArrayList<>(STRUCTURE);
        premises.addAll(List.of(
            triple(":demand-peace-agreement-before-ceasefire", "dkg:expressedIn", ":statement-lavrov"),
            triple(":statement-lavrov", "dkg:attributedTo", ":sergey-lavrov"),
            triple(":condition-parties-stop-shooting", "dkg:expressedIn", ":statement-ukraine"),
            triple(":statement-ukraine", "dkg:attributedTo", ":leader-of-ukraine")));
        assertDerivation(only(ds, of(RUSSIA, DKG.Nodes.incompatibleWith, UKRAINE)), rule, premises.toArray(Triple[]::new));
        assertDerivation(only(ds, of(DEADLOCK, DKG.Nodes.accordingTo, node(":leader-of-ukraine"))), rule,
                         premises.toArray(Triple[]::new));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void theDateIsTheLaterOfTheTwoDemandsEarliestDatedExpressions() {
        Graph data = graph(DEADLOCK_DATA + """
            :statement-ukraine dkg:date "2025-10-25T00:00:00"^^xsd:dateTime .
            :condition-parties-stop-shooting dkg:expressedIn :statement-ukraine-later .
            :statement-ukraine-later dkg:attributedTo :leader-of-ukraine ; dkg:date "2025-11-30T00:00:00"^^xsd:dateTime .
            :demand-peace-agreement-before-ceasefire dkg:expressedIn :statement-lavrov-earlier .
            :statement-lavrov-earlier dkg:attributedTo :sergey-lavrov ; dkg:date "2025-08-01T00:00:00"^^xsd:dateTime .
            """);
        List<Derivation> ds = derive(rule, data);
        // Russia's demand is on record from 1 August, Ukraine's from 25 October: both from 25 October.
        Derivation asOf = only(ds, of(DEADLOCK, DKG.Nodes.incompatibleAsOf, day("2025-10-25")));
        assertPremisesInclude(asOf, rule,
            triple(":demand-peace-agreement-before-ceasefire", "dkg:expressedIn", ":statement-lavrov-earlier"),
            dated(":statement-lavrov-earlier", "2025-08-01"),
            triple(":condition-parties-stop-shooting", "dkg:expressedIn", ":statement-ukraine"),
            dated(":statement-ukraine", "2025-10-25"));
        assertEquals(1, about(ds, DEADLOCK, DKG.Nodes.incompatibleAsOf).size());
        assertPremisesAsserted(ds, data);
    }

    @Test
    void theArticlesDeadlockIsFound() {
        Graph data = articleData();
        List<Derivation> ds = derive(rule, data);
        Set<Triple> found = conclusions(ds);
        assertTrue(found.contains(of(RUSSIA, DKG.Nodes.incompatibleWith, UKRAINE)), () -> "derived: " + found);
        assertTrue(found.contains(of(UKRAINE, DKG.Nodes.incompatibleWith, RUSSIA)));
        assertTrue(found.containsAll(Set.of(
            of(DEADLOCK, DKG.Nodes.conflictingDemand, node(":demand-peace-agreement-before-ceasefire")),
            of(DEADLOCK, DKG.Nodes.conflictingDemand, node(":condition-parties-stop-shooting")),
            of(DEADLOCK, DKG.Nodes.accordingTo, node(":sergey-lavrov")))), () -> "derived: " + found);
        // Every incompatibility rests on whose statements the demands were expressed in.
        for ( Derivation d : about(ds, RUSSIA, DKG.Nodes.incompatibleWith) )
            assertTrue(d.premises().stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.attributedTo)), () -> "attributed: " + d);
        assertPremisesAsserted(ds, data);
    }

    @Test
    void theSameOrderOrUnrelatedStepsAreNoIncompatibility() {
        Graph data = graph("""
            :a dkg:demand :da . :da dkg:firstStep :x ; dkg:laterStep :y .
            :b dkg:demand :db . :db dkg:firstStep :x ; dkg:laterStep :y .
            :c dkg:demand :dc . :dc dkg:firstStep :y ; dkg:laterStep :z .
            :d dkg:demand :dd . :dd dkg:firstStep :w ; dkg:laterStep :w .
            :e dkg:demand :de . :de dkg:firstStep :w ; dkg:laterStep :w .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void oneNodePerPairOfPositionsWhateverTheOrderOfTheData() {
        Graph original = graph(DEADLOCK_DATA + """
            :ukraine-position-on-peace dkg:demand :another-ceasefire-first .
            :another-ceasefire-first dkg:firstStep :ukraine-ceasefire ; dkg:laterStep :ukraine-peace-agreement .
            """);
        Set<Derivation> expected = new HashSet<>(derive(rule, original));
        assertEquals(Set.of(DEADLOCK), conclusions(List.copyOf(expected)).stream()
            .filter(t -> t.getPredicate().equals(RDF.Nodes.type)).map(Triple::getSubject).collect(java.util.stream.Collectors.toSet()));
        List<Triple> triples = new ArrayList<>(original.find().toList());
        Random random = new Random(20251021);
        for ( int i = 0; i < 10; i++ ) {
            Collections.shuffle(triples, random);
            assertEquals(expected, new HashSet<>(derive(rule, graphOf(triples))), "shuffled, round " + i);
        }
    }

    @Test
    void aChangeRecomputesTheIncompatibilityFromEitherSide() {
        Graph data = graph(DEADLOCK_DATA);
        Set<Derivation> before = new HashSet<>(derive(rule, data));
        // Removing Ukraine's demand: the groups it leads to give nothing any more.
        Triple removed = triple(":ukraine-position-on-peace", "dkg:demand", ":condition-parties-stop-shooting");
        List<Derivation> changedBefore = new ArrayList<>();
        rule.applyChanged(data, List.of(removed), changedBefore::add);
        assertEquals(before, new HashSet<>(changedBefore), "the change concerns the whole incompatibility");
        data.delete(removed);
        List<Derivation> changedAfter = new ArrayList<>();
        rule.applyChanged(data, List.of(removed), changedAfter::add);
        assertEquals(List.of(), changedAfter);
        assertEquals(List.of(), derive(rule, data));

        // Dating Ukraine's statement: found from the statement, it dates the incompatibility.
        data.add(removed);
        Triple dated = dated(":statement-ukraine", "2025-10-25");
        data.add(dated);
        List<Derivation> redated = new ArrayList<>();
        rule.applyChanged(data, List.of(dated), redated::add);
        assertEquals(new HashSet<>(derive(rule, data)), new HashSet<>(redated));
        assertTrue(conclusions(redated).contains(of(DEADLOCK, DKG.Nodes.incompatibleAsOf, day("2025-10-25"))));

        // The conclusions of the node lead back to the positions (once inferred, they are in the data).
        conclusions(derive(rule, data)).forEach(data::add);
        List<Derivation> concluding = new ArrayList<>();
        rule.applyConcluding(data, List.of(of(DEADLOCK, DKG.Nodes.accordingTo, node(":leader-of-ukraine"))), concluding::add);
        assertTrue(conclusions(concluding).contains(of(DEADLOCK, DKG.Nodes.accordingTo, node(":leader-of-ukraine"))));
    }
}
