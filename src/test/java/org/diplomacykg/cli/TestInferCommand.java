package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.Fixtures;
import org.diplomacykg.Main;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code infer} prints the inferred graph of the fixture as Turtle, {@code infer --explain}
 * says why each triple holds. The fixture ontology makes every dkg:Official a dkg:Person.
 */
class TestInferCommand {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private static String dir(String fixture) {
        return Fixtures.path(fixture).toString();
    }

    private static final Triple LAVROV_IS_A_PERSON = Triple.create(
        DKG.Nodes.id("sergey-lavrov"), RDF.Nodes.type, NodeFactory.createURI(DKG.NS + "Person"));

    @Test
    void inferReadsAStoreAsItStands() {
        Path store = tmp.resolve("store");
        assertEquals(0, run("load", "--tdb", store.toString(), "--ontology", dir("kg/ontology"), "--data", dir("kg/data")), err::toString);
        out.getBuffer().setLength(0);
        assertEquals(0, run("infer", "--ontology", dir("kg/ontology"), "--data", dir("kg/data")), err::toString);
        Graph fromFiles = GraphFactory.createDefaultGraph();
        RDFParser.fromString(out.toString(), Lang.TURTLE).parse(fromFiles);
        out.getBuffer().setLength(0);

        assertEquals(0, run("infer", "--tdb", store.toString()), err::toString);
        Graph fromStore = GraphFactory.createDefaultGraph();
        RDFParser.fromString(out.toString(), Lang.TURTLE).parse(fromStore);
        assertTrue(fromStore.contains(LAVROV_IS_A_PERSON), out::toString);
        assertTrue(fromStore.isIsomorphicWith(fromFiles), "the store holds what a load of the same files infers");

        out.getBuffer().setLength(0);
        assertEquals(0, run("infer", "--tdb", store.toString(), "--explain"), err::toString);
        assertTrue(out.toString().contains("  because "), out::toString);
    }

    @Test
    void inferOnAMissingStoreSaysWhatToPass() {
        int code = run("infer", "--tdb", tmp.resolve("nothing-here").toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("There is no TDB2 store in"), err::toString);
    }

    @Test
    void inferPrintsTheInferredGraphAsTurtle() {
        int code = run("infer", "--ontology", dir("kg/ontology"), "--data", dir("kg/data"));
        assertEquals(0, code, err::toString);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(out.toString(), Lang.TURTLE).parse(graph);
        assertTrue(graph.contains(LAVROV_IS_A_PERSON), out::toString);
        // Only inferences: an asserted triple of the fixture is not repeated.
        assertFalse(graph.contains(DKG.Nodes.id("sergey-lavrov"), RDF.Nodes.type,
                                   NodeFactory.createURI(DKG.NS + "Official")), out::toString);
        assertTrue(out.toString().matches("(?s).*(@prefix|PREFIX) dkg: .*"), out::toString);
        assertTrue(out.toString().contains("id:sergey-lavrov"), out::toString);
    }

    @Test
    void explainSaysWhichRuleAndPremises() {
        int code = run("infer", "--explain", "--ontology", dir("kg/ontology"), "--data", dir("kg/data"));
        assertEquals(0, code, err::toString);
        List<String> lines = out.toString().lines().toList();
        int at = lines.indexOf("id:sergey-lavrov rdf:type dkg:Person");
        assertTrue(at >= 0, out::toString);
        assertTrue(lines.get(at + 1).startsWith("  because ") && lines.get(at + 1).contains("(https://w3id.org/diplomacy-kg/rule/"),
                   out::toString);
        // The block under the triple: one "because" per derivation, each followed by its premises.
        List<String> block = lines.subList(at + 1, lines.size()).stream().takeWhile(l -> l.startsWith(" ")).toList();
        int subClass = block.indexOf("    - id:sergey-lavrov rdf:type dkg:Official");
        assertTrue(subClass > 0, out::toString);
        int axiom = block.indexOf("    - dkg:Official rdfs:subClassOf dkg:Person");
        assertTrue(axiom > 0, out::toString);
        // Both premises under the same "because": no other derivation's line between them.
        block.subList(Math.min(subClass, axiom), Math.max(subClass, axiom))
             .forEach(l -> assertTrue(l.startsWith("    - "), out::toString));
        assertTrue(block.get(Math.min(subClass, axiom) - 1).startsWith("  because "), out::toString);
    }

    @Test
    void explainMarksInferredPremises() {
        // Every line that names a premise which is itself inferred ends in [inferred], and
        // such a premise is listed as an inferred triple of its own.
        int code = run("infer", "--explain", "--ontology", dir("kg/ontology"), "--data", dir("kg/data"));
        assertEquals(0, code, err::toString);
        List<String> lines = out.toString().lines().toList();
        List<String> conclusions = lines.stream().filter(l -> !l.startsWith(" ")).toList();
        assertFalse(conclusions.isEmpty(), out::toString);
        for ( String line : lines ) {
            if ( !line.startsWith("    - ") )
                continue;
            String premise = line.substring(6).replace(" [inferred]", "");
            assertEquals(conclusions.contains(premise), line.endsWith(" [inferred]"), line);
        }
    }

    @Test
    void missingDataIsOneLineAndNonZero() {
        Path missing = tmp.resolve("no-data");
        int code = run("infer", "--ontology", dir("kg/ontology"), "--data", missing.toString());
        assertEquals(1, code);
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception"), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void explainGoesBackToTheArticlesWords() {
        int code = run("infer", "--explain", "--ontology", "ontology", "--data", "data");
        assertEquals(0, code, err::toString);
        String text = out.toString();
        int at = text.indexOf("id:russia-position-on-ukraine dkg:unchangedSince \"2025-08-15T00:00:00\"^^xsd:dateTime\n");
        assertTrue(at >= 0, text);
        String why = text.substring(at, text.indexOf("\nid:", at + 1));
        assertTrue(why.contains("because position continuity"), why);
        assertTrue(why.contains("id:alaska-summit-2025 dkg:date"), why);
        assertTrue(why.contains("\u201CRusia tidak menyesuaikan poin apa pun"), why);
    }
}
