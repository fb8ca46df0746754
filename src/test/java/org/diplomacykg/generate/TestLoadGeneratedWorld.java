package org.diplomacykg.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplomacykg.Main;
import org.diplomacykg.cli.ExitCodes;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code generate} then {@code load --tdb DIR FILE}: the world goes through the store's own
 * checks (evidence spans against each article's {@code dkg:text}, the SHACL gate) and its
 * inferences are committed with it; a file whose span is not in its text is refused whole.
 */
class TestLoadGeneratedWorld {

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

    @Test
    void aGeneratedWorldLoadsWithItsInferences() throws Exception {
        Path world = tmp.resolve("world.nq.gz");
        assertEquals(0, run("generate", "--triples", "3000", "--seed", "11", "--out", world.toString()), err.toString());
        assertTrue(out.toString().contains("expected answers"), out.toString());
        Path data = Files.createDirectories(tmp.resolve("empty-data"));
        Path db = tmp.resolve("db");
        assertEquals(0, run("load", "--tdb", db.toString(), "--ontology", "ontology", "--data", data.toString(),
                            world.toString()), err.toString());

        var expected = ExpectedAnswers.read(ExpectedAnswers.pathFor(world));
        try ( TdbStore store = StoreStack.at(db).existing().open() ) {
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeRead(dsg, () -> {
                assertTrue(dsg.containsGraph(Graphs.Nodes.sourceGraph("synthetic-s11-000000")));
                for ( ExpectedAnswer answer : expected )
                    assertTrue(dsg.contains(Graphs.Nodes.INFERRED, answer.subject(), answer.predicate(), answer.object()),
                               answer.toTsv());
            });
        }
    }

    @Test
    void aSpanMissingFromItsTextRefusesTheFile() throws Exception {
        Path world = tmp.resolve("world.nq");
        assertEquals(0, run("generate", "--triples", "2000", "--seed", "12", "--out", world.toString()), err.toString());
        String quads = Files.readString(world);
        // Change one quoted span, not the text it quotes.
        String broken = quads.replaceFirst("(oa#exact> \")Synthetic", "$1Fabricated");
        assertTrue(!broken.equals(quads));
        Files.writeString(world, broken);
        Path data = Files.createDirectories(tmp.resolve("empty-data"));
        assertEquals(ExitCodes.FAILED, run("load", "--tdb", tmp.resolve("db").toString(), "--ontology", "ontology",
                                           "--data", data.toString(), world.toString()));
        assertTrue(err.toString().contains("Fabricated"), err.toString());
        try ( TdbStore store = StoreStack.at(tmp.resolve("db")).existing().open() ) {
            assertTrue(Txn.calculateRead(store.datasetGraph(),
                () -> !store.datasetGraph().containsGraph(Graphs.Nodes.sourceGraph("synthetic-s12-000000"))));
        }
    }
}
