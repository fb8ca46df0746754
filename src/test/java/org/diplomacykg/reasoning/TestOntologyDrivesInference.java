package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generic OWL rules follow the ontology, not the code: axioms added to a copy of
 * {@code ontology/diplomacy.ttl} (as an editor would add them in Protégé) change what a
 * restarted server infers, with no code change.
 */
class TestOntologyDrivesInference {

    private static final String ASK_REMOTE = """
        ASK { GRAPH <https://w3id.org/diplomacy-kg/graph/inferred> {
          <https://w3id.org/diplomacy-kg/id/lavrov-rubio-call-2025-10-20>
              a <https://w3id.org/diplomacy-kg/ontology#RemoteMeeting> } }""";
    private static final String ASK_SPOKE_WITH = """
        ASK { GRAPH <https://w3id.org/diplomacy-kg/graph/inferred> {
          <https://w3id.org/diplomacy-kg/id/sergey-lavrov>
              <https://w3id.org/diplomacy-kg/ontology#spokeWith> <https://w3id.org/diplomacy-kg/id/marco-rubio> } }""";

    private static final String AXIOMS = """

        dkg:RemoteMeeting a owl:Class ;
            rdfs:subClassOf dkg:Meeting ;
            rdfs:label "remote meeting"@en , "pertemuan jarak jauh"@id ;
            skos:definition "A meeting held at a distance."@en ;
            rdfs:isDefinedBy <https://w3id.org/diplomacy-kg/ontology> .
        dkg:PhoneCall rdfs:subClassOf dkg:RemoteMeeting .

        dkg:spokeWith a owl:ObjectProperty ;
            owl:propertyChainAxiom ( dkg:participatedIn dkg:participant ) ;
            rdfs:label "spoke with"@en , "berbicara dengan"@id ;
            skos:definition "Took part in a meeting with."@en ;
            rdfs:isDefinedBy <https://w3id.org/diplomacy-kg/ontology> .
        dkg:participatedIn a owl:ObjectProperty ;
            owl:inverseOf dkg:participant ;
            rdfs:label "participated in"@en , "berpartisipasi dalam"@id ;
            skos:definition "The inverse of participant."@en ;
            rdfs:isDefinedBy <https://w3id.org/diplomacy-kg/ontology> .
        """;

    /** The project's layout, with a copy of the ontology the test may edit. */
    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project().edited(dir -> {});

    @Test
    void axiomsAddedToTheOntologyChangeTheInferences() throws IOException {
        assertFalse(SparqlClient.ask(kg.sparqlUrl(), ASK_REMOTE));
        assertFalse(SparqlClient.ask(kg.sparqlUrl(), ASK_SPOKE_WITH));

        Files.writeString(kg.ontologyDir().resolve("diplomacy.ttl"), AXIOMS, StandardOpenOption.APPEND);
        kg.restart();

        assertTrue(SparqlClient.ask(kg.sparqlUrl(), ASK_REMOTE), "sub-class axiom added in the ontology");
        assertTrue(SparqlClient.ask(kg.sparqlUrl(), ASK_SPOKE_WITH), "inverse and property chain added in the ontology");
    }
}
