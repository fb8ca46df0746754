package org.diplomacykg.reasoning.domain;

import static org.diplomacykg.reasoning.domain.DomainFixtures.articleData;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertPremisesAsserted;
import static org.diplomacykg.reasoning.domain.DomainFixtures.assertPremisesInclude;
import static org.diplomacykg.reasoning.domain.DomainFixtures.conclusions;
import static org.diplomacykg.reasoning.domain.DomainFixtures.dated;
import static org.diplomacykg.reasoning.domain.DomainFixtures.day;
import static org.diplomacykg.reasoning.domain.DomainFixtures.derive;
import static org.diplomacykg.reasoning.domain.DomainFixtures.graph;
import static org.diplomacykg.reasoning.domain.DomainFixtures.node;
import static org.diplomacykg.reasoning.domain.DomainFixtures.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;

/**
 * The disagreement rule: a state's dated rejection of a proposal against another state's
 * (or its official's) support of it makes a dated dkg:Disagreement between the two states.
 */
class TestDisagreementRule {

    private final DisagreementRule rule = new DisagreementRule();

    private static final String PROPOSAL = ":proposal-halt-hostilities-along-current-front-line";

    private static final String REFERENCE = """
        :russia a dkg:State .
        :united-states a dkg:State .
        :foreign-minister-of-russia dkg:postIn :russia ; dkg:role dkg:HeadOfForeignAffairs .
        :us-secretary-of-state dkg:postIn :united-states ; dkg:role dkg:HeadOfForeignAffairs .
        :president-of-the-united-states dkg:postIn :united-states ; dkg:role dkg:HeadOfState .
        :tenure-lavrov dkg:holder :sergey-lavrov ; dkg:post :foreign-minister-of-russia ;
            dkg:startDate "2004-03-09T00:00:00"^^xsd:dateTime .
        :tenure-rubio dkg:holder :marco-rubio ; dkg:post :us-secretary-of-state ;
            dkg:startDate "2025-01-21T00:00:00"^^xsd:dateTime .
        :tenure-trump dkg:holder :donald-trump ; dkg:post :president-of-the-united-states ;
            dkg:startDate "2025-01-20T00:00:00"^^xsd:dateTime .
        :tenure-blinken dkg:holder :antony-blinken ; dkg:post :us-secretary-of-state ;
            dkg:startDate "2021-01-26T00:00:00"^^xsd:dateTime ; dkg:endDate "2025-01-20T00:00:00"^^xsd:dateTime .
        :proposal-halt-hostilities-along-current-front-line a dkg:Proposal ; dkg:proposedBy :united-states .
        :other-proposal a dkg:Proposal .
        """;

    /** The article's rejection: Russia, on 21 October 2025. */
    private static final String RUSSIA_REJECTS = """
        :stance-russia-rejects a dkg:Rejection ;
            dkg:stanceHolder :russia ;
            dkg:stanceOn :proposal-halt-hostilities-along-current-front-line ;
            dkg:date "2025-10-21T00:00:00"^^xsd:dateTime .
        """;

    /** The article's support: Trump, "recently", undated. */
    private static final String TRUMP_SUPPORTS = """
        :stance-trump-supports a dkg:Support ;
            dkg:stanceHolder :donald-trump ;
            dkg:stanceOn :proposal-halt-hostilities-along-current-front-line ;
            dkg:temporalExpression "recently"@en .
        """;

    private static final Node RUSSIA_US = node(":disagreement-russia-united-states-proposal-halt-hostilities-along-current-front-line");

    /** The five triples describing a disagreement. */
    private static Set<Triple> disagreement(Node d, String against, String in, String proposal, String isoDate) {
        return Set.of(
            Triple.create(d, node("rdf:type"), DKG.Nodes.Disagreement),
            Triple.create(d, DKG.Nodes.disagreeingParty, node(against)),
            Triple.create(d, DKG.Nodes.disagreeingParty, node(in)),
            Triple.create(d, DKG.Nodes.disagreementOn, node(proposal)),
            Triple.create(d, DKG.Nodes.disagreementDate, day(isoDate)));
    }

    // ---- fires

    @Test
    void aStatesDatedRejectionAgainstAnOfficialsUndatedSupport() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + TRUMP_SUPPORTS);
        List<Derivation> ds = derive(rule, data);
        assertEquals(disagreement(RUSSIA_US, ":russia", ":united-states", PROPOSAL, "2025-10-21"), conclusions(ds));
        assertEquals(5, ds.size(), () -> "derivations: " + ds);
        for ( Derivation d : ds )
            assertPremisesInclude(d, rule,
                // Russia's dated rejection, Russia being a state
                triple(":stance-russia-rejects", "rdf:type", "dkg:Rejection"),
                triple(":stance-russia-rejects", "dkg:stanceHolder", ":russia"),
                triple(":stance-russia-rejects", "dkg:stanceOn", PROPOSAL),
                dated(":stance-russia-rejects", "2025-10-21"),
                triple(":russia", "rdf:type", "dkg:State"),
                // Trump's support, and his post for the United States on that day
                triple(":stance-trump-supports", "rdf:type", "dkg:Support"),
                triple(":stance-trump-supports", "dkg:stanceHolder", ":donald-trump"),
                triple(":stance-trump-supports", "dkg:stanceOn", PROPOSAL),
                triple(":tenure-trump", "dkg:holder", ":donald-trump"),
                triple(":tenure-trump", "dkg:post", ":president-of-the-united-states"),
                triple(":president-of-the-united-states", "dkg:postIn", ":united-states"),
                dated(":tenure-trump", "dkg:startDate", "2025-01-20"));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void theRejectionRestsOnTheStatementItWasExpressedInAndItsSpeaker() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + TRUMP_SUPPORTS + """
            :stance-russia-rejects dkg:expressedIn :statement-lavrov-rejects .
            :statement-lavrov-rejects dkg:attributedTo :sergey-lavrov .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(disagreement(RUSSIA_US, ":russia", ":united-states", PROPOSAL, "2025-10-21"), conclusions(ds));
        for ( Derivation d : ds )
            assertPremisesInclude(d, rule,
                triple(":stance-russia-rejects", "dkg:expressedIn", ":statement-lavrov-rejects"),
                triple(":statement-lavrov-rejects", "dkg:attributedTo", ":sergey-lavrov"));
        assertPremisesAsserted(ds, data);

        // Re-attributing the statement concerns the proposal its stance is on.
        List<Derivation> changed = new java.util.ArrayList<>();
        rule.applyChanged(data, List.of(triple(":statement-lavrov-rejects", "dkg:attributedTo", ":sergey-lavrov")), changed::add);
        assertEquals(new java.util.HashSet<>(ds), new java.util.HashSet<>(changed));
    }

    /** The supporter's side rests on the United States being a state, as the rejecting side rests on Russia being one. */
    @Test
    void theSupportersStateBeingAStateIsAPremise() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + TRUMP_SUPPORTS);
        List<Derivation> ds = derive(rule, data);
        // Without this the loop below passes when the rule derives nothing.
        assertEquals(disagreement(RUSSIA_US, ":russia", ":united-states", PROPOSAL, "2025-10-21"), conclusions(ds));
        for ( Derivation d : ds )
            assertPremisesInclude(d, rule, triple(":united-states", "rdf:type", "dkg:State"));
    }

    @Test
    void anOfficialsRejectionAgainstAnotherOfficialsSupport() {
        Graph data = graph(REFERENCE + """
            :stance-lavrov-rejects a dkg:Rejection ; dkg:stanceHolder :sergey-lavrov ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line ;
                dkg:date "2025-10-21T00:00:00"^^xsd:dateTime .
            :stance-rubio-supports a dkg:Support ; dkg:stanceHolder :marco-rubio ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(disagreement(RUSSIA_US, ":russia", ":united-states", PROPOSAL, "2025-10-21"), conclusions(ds));
        for ( Derivation d : ds )
            assertPremisesInclude(d, rule,
                triple(":stance-lavrov-rejects", "dkg:stanceHolder", ":sergey-lavrov"),
                dated(":stance-lavrov-rejects", "2025-10-21"),
                triple(":tenure-lavrov", "dkg:holder", ":sergey-lavrov"),
                triple(":foreign-minister-of-russia", "dkg:postIn", ":russia"),
                triple(":stance-rubio-supports", "dkg:stanceHolder", ":marco-rubio"),
                triple(":tenure-rubio", "dkg:holder", ":marco-rubio"),
                triple(":us-secretary-of-state", "dkg:postIn", ":united-states"));
        assertPremisesAsserted(ds, data);
    }

    @Test
    void aStatesRejectionAgainstAnotherStatesSupport() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + """
            :stance-us-supports a dkg:Support ; dkg:stanceHolder :united-states ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line .
            """);
        List<Derivation> ds = derive(rule, data);
        assertEquals(disagreement(RUSSIA_US, ":russia", ":united-states", PROPOSAL, "2025-10-21"), conclusions(ds));
        for ( Derivation d : ds )
            assertPremisesInclude(d, rule,
                dated(":stance-russia-rejects", "2025-10-21"),
                triple(":russia", "rdf:type", "dkg:State"),
                triple(":stance-us-supports", "dkg:stanceHolder", ":united-states"),
                triple(":united-states", "rdf:type", "dkg:State"));
    }

    private static final String BLINKEN_SUPPORTED_IN_2024 = """
        :stance-blinken-supports a dkg:Support ; dkg:stanceHolder :antony-blinken ;
            dkg:stanceOn :proposal-halt-hostilities-along-current-front-line ;
            dkg:date "2024-11-01T00:00:00"^^xsd:dateTime .
        """;

    @Test
    void aDatedSupportCountsForTheStateServedOnItsOwnDate() {
        // Blinken had left office by the rejection, but was Secretary of State when he voiced support.
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + BLINKEN_SUPPORTED_IN_2024);
        List<Derivation> ds = derive(rule, data);
        assertEquals(disagreement(RUSSIA_US, ":russia", ":united-states", PROPOSAL, "2025-10-21"), conclusions(ds));
        for ( Derivation d : ds )
            assertPremisesInclude(d, rule,
                triple(":stance-blinken-supports", "dkg:stanceHolder", ":antony-blinken"),
                dated(":tenure-blinken", "dkg:endDate", "2025-01-20"));
        assertPremisesAsserted(ds, data);
    }

    /** The support's date is what chose Blinken's tenure, so it is part of the justification. */
    @Test
    void aDatedSupportRestsOnItsDate() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + BLINKEN_SUPPORTED_IN_2024);
        List<Derivation> ds = derive(rule, data);
        // Without this the loop below passes when the rule derives nothing.
        assertEquals(disagreement(RUSSIA_US, ":russia", ":united-states", PROPOSAL, "2025-10-21"), conclusions(ds));
        for ( Derivation d : ds )
            assertPremisesInclude(d, rule, dated(":stance-blinken-supports", "2024-11-01"));
    }

    @Test
    void theRealArticleDataGivesTheRussiaUnitedStatesDisagreement() {
        Graph data = articleData();
        List<Derivation> ds = derive(rule, data);
        assertEquals(disagreement(RUSSIA_US, ":russia", ":united-states", PROPOSAL, "2025-10-21"), conclusions(ds));
        for ( Derivation d : ds )
            assertPremisesInclude(d, rule,
                dated(":stance-russia-rejects-front-line-halt", "2025-10-21"),
                triple(":stance-trump-supports-front-line-halt", "dkg:stanceHolder", ":donald-trump"),
                triple(":tenure-donald-trump-president-of-the-united-states-2025", "dkg:holder", ":donald-trump"));
        assertPremisesAsserted(ds, data);
    }

    /**
     * Russia rejects the proposal twice. Whether the rule names one disagreement (from the
     * first date) or one per rejection, no disagreement resource should carry two dates.
     */
    @Test
    void aDisagreementHasOneDate() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + TRUMP_SUPPORTS + """
            :stance-russia-rejects-again a dkg:Rejection ; dkg:stanceHolder :russia ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line ;
                dkg:date "2025-11-05T00:00:00"^^xsd:dateTime .
            """);
        Set<Triple> found = conclusions(derive(rule, data));
        // Without this the loop below passes when no disagreement, or none with a date, is derived.
        assertTrue(found.stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.disagreementDate)), () -> "no dated disagreement: " + found);
        for ( Triple t : found )
            if ( t.getPredicate().equals(DKG.Nodes.disagreementDate) )
                assertEquals(1, found.stream().filter(u -> u.getSubject().equals(t.getSubject())
                                                            && u.getPredicate().equals(DKG.Nodes.disagreementDate)).count(),
                             () -> "dates of " + t.getSubject() + ": " + found);
    }

    @Test
    void twoDatedRejectionsStillGiveADisagreement() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + TRUMP_SUPPORTS + """
            :stance-russia-rejects-again a dkg:Rejection ; dkg:stanceHolder :russia ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line ;
                dkg:date "2025-11-05T00:00:00"^^xsd:dateTime .
            """);
        Set<Triple> found = conclusions(derive(rule, data));
        // Some disagreement between Russia and the United States on the proposal, dated 21 October at the earliest.
        assertEquals(true, found.stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.disagreementDate)
                                                        && t.getObject().equals(day("2025-10-21"))), () -> "found: " + found);
        assertEquals(true, found.stream().anyMatch(t -> t.getPredicate().equals(DKG.Nodes.disagreeingParty)
                                                        && t.getObject().equals(node(":united-states"))), () -> "found: " + found);
    }

    // ---- must not fire

    @Test
    void notWhenTheSupporterServesTheRejectingState() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + """
            :stance-lavrov-supports a dkg:Support ; dkg:stanceHolder :sergey-lavrov ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line .
            :stance-russia-supports a dkg:Support ; dkg:stanceHolder :russia ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notForAnUndatedRejection() {
        Graph data = graph(REFERENCE + TRUMP_SUPPORTS + """
            :stance-russia-rejects a dkg:Rejection ; dkg:stanceHolder :russia ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line ;
                dkg:temporalExpression "for a long time"@en .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notForSupportOfAnotherProposal() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + """
            :stance-trump-supports-other a dkg:Support ; dkg:stanceHolder :donald-trump ; dkg:stanceOn :other-proposal .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notWhenTheSupportersTenureEndedBeforeTheRejection() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + """
            :stance-blinken-supports a dkg:Support ; dkg:stanceHolder :antony-blinken ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notWhenTheSupportersTenureBeganAfterTheRejection() {
        Graph data = graph(REFERENCE + TRUMP_SUPPORTS + """
            :stance-russia-rejects a dkg:Rejection ; dkg:stanceHolder :russia ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line ;
                dkg:date "2024-06-14T00:00:00"^^xsd:dateTime .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void notForASupporterWithNoPostForAState() {
        Graph data = graph(REFERENCE + RUSSIA_REJECTS + """
            :european-union a dkg:InternationalOrganisation .
            :eu-high-representative dkg:postIn :european-union .
            :tenure-kallas dkg:holder :kaja-kallas ; dkg:post :eu-high-representative ;
                dkg:startDate "2024-12-01T00:00:00"^^xsd:dateTime .
            :stance-kallas-supports a dkg:Support ; dkg:stanceHolder :kaja-kallas ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line .
            :stance-commentator-supports a dkg:Support ; dkg:stanceHolder :commentator ;
                dkg:stanceOn :proposal-halt-hostilities-along-current-front-line .
            """);
        assertEquals(List.of(), derive(rule, data));
    }

    @Test
    void nothingWithoutASupport() {
        assertEquals(List.of(), derive(rule, graph(REFERENCE + RUSSIA_REJECTS)));
    }
}
