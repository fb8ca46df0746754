package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ValidationReport;
import org.diplomacykg.store.ShaclGate;
import org.junit.jupiter.api.Test;

/**
 * The shapes for what articles report (decisions, ruled-out meetings, relative times,
 * willingness, hedges) accept the real article and refuse the mistakes a data author is likely
 * to make, saying what is wrong.
 */
class TestArticleShapes {

    private static final ShaclGate GATE = ShaclGate.fromFile(Path.of("ontology", "shapes.ttl"));

    @Test
    void theArticleConforms() {
        assertEquals(List.of(), messages(GATE.validate(withArticle(""))));
    }

    @Test
    void anIntervalThatEndsBeforeItStartsIsRefused() {
        List<String> messages = messages(GATE.validate(withArticle("""
            id:lavrov-rubio-2025-10-time-last-week dkg:notAfter "2025-10-01T00:00:00"^^xsd:dateTime .""")));
        assertEquals(List.of("A time interval cannot end before it starts (dkg:notAfter earlier than dkg:notBefore)."), messages);
    }

    @Test
    void aDecisionSaysWhoTookItAndMarksWhatItRulesOut() {
        List<String> messages = messages(GATE.validate(withArticle("""
            id:some-decision a dkg:Decision ; dkg:rulesOut id:trump-putin-meeting-near-future ;
                dkg:evidence id:lavrov-rubio-2025-10-span-washington-decided .""")));
        assertTrue(messages.contains("A decision says who took it: dkg:decidedBy an agent."), messages::toString);
        assertTrue(messages.contains("A meeting that a decision rules out has the status dkg:RuledOut."), messages::toString);
    }

    @Test
    void aHedgeIsOneOfTheFourModalities() {
        List<String> messages = messages(GATE.validate(withArticle("""
            id:statement-ukraine-peace-conditions dkg:modality dkg:Held .""")));
        assertEquals(List.of("A statement's dkg:modality is dkg:Approximate, dkg:Possible, dkg:Believed or dkg:Unconfirmed."), messages);
    }

    @Test
    void aRelativeTimeSaysWhatItIsRelativeTo() {
        List<String> messages = messages(GATE.validate(withArticle("""
            id:some-time a dkg:TimeInterval ; dkg:temporalExpression "kemarin"@id .""")));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("A time interval says what it is relative to")), messages::toString);
    }

    /** The ontology, the reference graph and the article, plus {@code turtle}, as one graph (as the loader validates them). */
    private static Graph withArticle(String turtle) {
        Model all = ModelFactory.createDefaultModel();
        for (String file : List.of("ontology/diplomacy.ttl", "data/reference.ttl", "data/articles/lavrov-rubio-2025-10/facts.ttl"))
            RDFDataMgr.read(all, file);
        all.read(new StringReader("""
            @prefix id:  <https://w3id.org/diplomacy-kg/id/> .
            @prefix dkg: <https://w3id.org/diplomacy-kg/ontology#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """ + turtle), null, "TTL");
        return all.getGraph();
    }

    private static List<String> messages(ValidationReport report) {
        return report.getEntries().stream().map(e -> e.message()).distinct().sorted().toList();
    }
}
