package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.Fixtures;
import org.diplomacykg.Main;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code load} of a bundle whose article graph the store already has replaces the whole graph:
 * literals TDB2 stores in its node ids (a decimal written {@code "5"}, read back as 5.0) go with
 * the rest, as for every other delete (see {@code TestDeletesDelete}).
 */
class TestLoadReplacesLiterals {

    private static final String FACTS = """
        @prefix dkg:  <https://w3id.org/diplomacy-kg/ontology#> .
        @prefix id:   <https://w3id.org/diplomacy-kg/id/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix oa:   <http://www.w3.org/ns/oa#> .
        @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
        id:new-call a dkg:Meeting ; rdfs:label "A new call"@en ;
            dkg:evidence [ a oa:TextQuoteSelector ; oa:exact "panggilan baru" ] .
        %s
        """;
    private static final String NUMBERS = """
        id:new-call <https://example.org/count> "5"^^xsd:decimal , "1.0e6"^^xsd:double , 7 ,
            "1"^^xsd:boolean , "2025-10-20"^^xsd:date , "2025-10-20T00:00:00"^^xsd:dateTime .
        """;

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private int load(Path db, String... more) {
        List<String> args = new ArrayList<>(List.of("load", "--tdb", db.toString(),
                                                              "--ontology", Fixtures.path("kg/ontology").toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path bundle(String extra) throws IOException {
        Path bundle = Files.createDirectories(tmp.resolve("bundles-" + System.nanoTime()).resolve("numbers"));
        Files.writeString(bundle.resolve("facts.ttl"), FACTS.formatted(extra));
        Files.writeString(bundle.resolve("text.id.txt"), "Ini adalah panggilan baru.\n");
        return bundle;
    }

    private List<Quad> numbers(Path db) {
        Path file = tmp.resolve("export-" + System.nanoTime() + ".nq");
        assertEquals(0, run("export", "--tdb", db.toString(), "--format", "nquads", "--output", file.toString()), err::toString);
        DatasetGraph exported = RDFDataMgr.loadDatasetGraph(file.toString());
        return Iter.toList(exported.find(Graphs.Nodes.sourceGraph("numbers"), Node.ANY,
                                         NodeFactory.createURI("https://example.org/count"), Node.ANY));
    }

    @Test
    void reloadingAnArticleRemovesTheNumbersItNoLongerHas() throws IOException {
        Path db = tmp.resolve("db");
        assertEquals(0, load(db, "--data", Fixtures.path("kg/data").toString()), err::toString);
        assertEquals(0, load(db, bundle(NUMBERS).toString()), err::toString);
        assertEquals(6, numbers(db).size(), "loaded");
        assertEquals(0, load(db, bundle("").toString()), err::toString);
        assertEquals(List.of(), numbers(db), "left by the replacing load");
    }
}
