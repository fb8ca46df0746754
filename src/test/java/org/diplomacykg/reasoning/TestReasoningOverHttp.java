package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the reasoners derive from the real article, seen as a client sees it: over HTTP,
 * in the inferred graph only, in the union default graph, and explained back to the
 * sentences of the article.
 */
class TestReasoningOverHttp {

    private static final String PREFIXES = """
        PREFIX dkg:     <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:      <https://w3id.org/diplomacy-kg/id/>
        PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX oa:      <http://www.w3.org/ns/oa#>
        PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
        """;
    private static final String INFERRED = "<https://w3id.org/diplomacy-kg/graph/inferred>";
    private static final String EXPLANATIONS = "<https://w3id.org/diplomacy-kg/graph/explanations>";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();

    @Test
    void russiasPositionIsUnchangedSinceAlaskaAsOf21October() {
        ResultSetRewindable rows = select("""
            SELECT ?since ?asOf WHERE {
              GRAPH %s { id:russia-position-on-ukraine dkg:unchangedSince ?since ; dkg:lastReaffirmed ?asOf }
            }""".formatted(INFERRED));
        assertEquals(1, rows.size());
        QuerySolution row = rows.next();
        assertEquals("2025-08-15T00:00:00", row.getLiteral("since").getLexicalForm());
        assertEquals("2025-10-21T00:00:00", row.getLiteral("asOf").getLexicalForm());
    }

    @Test
    void inferredTriplesLiveOnlyInTheInferredGraphAndShowInTheUnion() {
        assertTrue(ask("ASK { GRAPH %s { ?s ?p ?o } }".formatted(INFERRED)), "something was inferred");
        assertFalse(ask("""
            ASK { GRAPH %s { ?s ?p ?o } GRAPH ?g { ?s ?p ?o } FILTER (?g != %s) }""".formatted(INFERRED, INFERRED)),
            "an inferred triple is also in another graph");
        assertFalse(ask("""
            ASK { GRAPH ?g { id:russia-position-on-ukraine dkg:unchangedSince ?d } FILTER (?g != %s) }""".formatted(INFERRED)),
            "the continuity date is asserted somewhere");
        assertTrue(ask("ASK { id:russia-position-on-ukraine dkg:unchangedSince ?d }"), "the union default graph shows it");
    }

    @Test
    void whyTheContinuityDateHoldsGoesBackToTheArticle() {
        ResultSetRewindable rows = select("""
            SELECT ?rule ?label ?description ?ps ?pp ?po ?evidence WHERE {
              GRAPH %s {
                ?d dkg:conclusion <<( id:russia-position-on-ukraine dkg:unchangedSince ?since )>> ;
                   dkg:derivedBy ?rule ; dkg:premise ?p .
                ?rule rdfs:label ?label ; dcterms:description ?description .
              }
              BIND(SUBJECT(?p) AS ?ps) BIND(PREDICATE(?p) AS ?pp) BIND(OBJECT(?p) AS ?po)
              OPTIONAL { ?ps dkg:evidence/oa:exact ?evidence }
            }""".formatted(EXPLANATIONS));
        Set<String> rules = new HashSet<>();
        Set<String> premises = new HashSet<>();
        Set<String> evidence = new HashSet<>();
        rows.forEachRemaining(row -> {
            rules.add(row.getResource("rule").getURI());
            assertFalse(row.getLiteral("label").getString().isBlank());
            assertFalse(row.getLiteral("description").getString().isBlank());
            premises.add(row.getResource("ps").getLocalName() + " " + row.getResource("pp").getLocalName() + " "
                         + (row.get("po").isLiteral() ? row.getLiteral("po").getLexicalForm() : row.getResource("po").getLocalName()));
            if ( row.contains("evidence") )
                evidence.add(row.getLiteral("evidence").getString());
        });
        assertEquals(Set.of(Rule.RULE_BASE + "position-continuity"), rules);
        // The one derivation: Lavrov's statement that reaffirms the position against Alaska, and Alaska's date.
        assertTrue(premises.contains("alaska-summit-2025 date 2025-08-15T00:00:00"), premises::toString);
        assertTrue(premises.contains("statement-lavrov-no-point-adjusted-since-alaska-2025-10-21 comparedWith alaska-summit-2025"), premises::toString);
        assertTrue(premises.contains("statement-lavrov-no-point-adjusted-since-alaska-2025-10-21 reaffirms russia-position-on-ukraine"), premises::toString);
        assertTrue(evidence.stream().anyMatch(e -> e.startsWith("Rusia tidak menyesuaikan poin apa pun")), evidence::toString);
    }

    @Test
    void lavrovsAmericanCounterpartIsDerivedNotAsserted() {
        assertTrue(ask("ASK { GRAPH %s { id:sergey-lavrov dkg:counterpart id:marco-rubio . id:marco-rubio dkg:counterpart id:sergey-lavrov } }"
            .formatted(INFERRED)));
        assertFalse(ask("ASK { GRAPH ?g { id:sergey-lavrov dkg:counterpart ?x } FILTER (?g != %s) }".formatted(INFERRED)));
    }

    @Test
    void theCallInvolvesRussiaAndTheUnitedStates() {
        ResultSetRewindable rows = select("""
            SELECT ?state WHERE { GRAPH %s { id:lavrov-rubio-call-2025-10-20 dkg:involvesState ?state } }""".formatted(INFERRED));
        Set<String> states = new HashSet<>();
        rows.forEachRemaining(r -> states.add(r.getResource("state").getLocalName()));
        assertEquals(Set.of("russia", "united-states"), states);
    }

    @Test
    void theCancelledSummitsReasonsAndWhoSaysSoAreReachable() {
        ResultSetRewindable rows = select("""
            SELECT ?who WHERE { id:budapest-summit-2025 dkg:cancellationReason/dkg:attributedTo ?who }""");
        Set<String> who = new HashSet<>();
        rows.forEachRemaining(r -> who.add(r.getResource("who").getLocalName()));
        // The sources' claim is the one reason the article gives; the White House's statement of
        // a decision is not a reason for the cancellation (data/articles/lavrov-rubio-2025-10/NOTES.md).
        assertEquals(Set.of("unnamed-sources-lavrov-rubio-2025-10"), who);
    }

    @Test
    void russiaAndTheUnitedStatesDisagreeOnTheFrontLineProposalFrom21October() {
        ResultSetRewindable rows = select("""
            SELECT ?d ?date WHERE { GRAPH %s {
              ?d a dkg:Disagreement ; dkg:disagreeingParty id:russia , id:united-states ;
                 dkg:disagreementOn id:proposal-halt-hostilities-along-current-front-line ;
                 dkg:disagreementDate ?date } }""".formatted(INFERRED));
        assertEquals(1, rows.size());
        assertEquals("2025-10-21T00:00:00", rows.next().getLiteral("date").getLexicalForm());
    }

    private static ResultSetRewindable select(String query) {
        return SparqlClient.select(kg.sparqlUrl(), PREFIXES + query);
    }

    private static boolean ask(String query) {
        return SparqlClient.ask(kg.sparqlUrl(), PREFIXES + query);
    }
}
