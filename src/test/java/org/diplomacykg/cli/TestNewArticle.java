package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diplomacykg.Main;
import org.diplomacykg.data.ProtegeCatalog;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.owlapi.model.OWLOntology;

import picocli.CommandLine;

/**
 * {@code new-article} starts a bundle that a new author can build on: it validates as written,
 * loads into a store, and opens with its imports as Protégé opens it.
 */
class TestNewArticle {

    private static final String SLUG = "statement-2025-11-21";
    /** A made-up text for the test. */
    private static final String TEXT = "A \"test\" headline\n\nThe body of a made-up statement, for the test.\n";

    @TempDir
    Path tmp;

    private Path data;
    private Path textFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void referenceData() throws IOException {
        data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.copy(Path.of("data/reference.ttl"), data.resolve("reference.ttl"));
        textFile = tmp.resolve("statement.txt");
        Files.writeString(textFile, TEXT);
    }

    @Test
    void aNewBundleValidatesLoadsAndOpensWithItsImports() throws Exception {
        assertEquals(0, run("new-article", "--slug", SLUG, "--text", textFile.toString(), "--lang", "en",
                            "--ontology", "ontology", "--data", data.toString()), err::toString);
        Path bundle = data.resolve("articles").resolve(SLUG);
        assertEquals(TEXT, Files.readString(bundle.resolve("text.en.txt")));
        String facts = Files.readString(bundle.resolve("facts.ttl"));
        assertTrue(facts.contains("<" + Graphs.sourceGraph(SLUG) + "> a owl:Ontology ;\n    owl:imports <" + Graphs.REFERENCE + ">"), facts);
        assertTrue(facts.contains(":article-" + SLUG + " a dkg:Article ;\n    rdfs:label \"A \\\"test\\\" headline\"@en"), facts);

        assertEquals(0, run("validate", "--ontology", "ontology", "--data", data.toString(), bundle.toString()), out::toString);
        assertEquals(0, run("validate", "--ontology", "ontology", "--data", data.toString()), out::toString);

        Path reference = tmp.resolve("reference-only");
        Files.createDirectories(reference);
        Files.copy(data.resolve("reference.ttl"), reference.resolve("reference.ttl"));
        Path db = tmp.resolve("tdb");
        assertEquals(0, run("load", "--tdb", db.toString(), "--ontology", "ontology", "--data", reference.toString(), bundle.toString()),
                     err::toString);
        try ( TdbStore store = StoreStack.at(db).open() ) {
            assertTrue(Txn.calculateRead(store.datasetGraph(), () -> store.datasetGraph().getGraph(Graphs.Nodes.sourceGraph(SLUG))
                .contains(DKG.Nodes.id("article-" + SLUG), org.apache.jena.vocabulary.RDF.Nodes.type, DKG.Nodes.term("Article"))));
        }

        OWLOntology opened = ProtegeCatalog.open(bundle.resolve("facts.ttl"));
        assertEquals(2, opened.getImports().size(), "the reference graph and, through it, the ontology");
    }

    @Test
    void aFolderNotNamedByTheSlugIsRefused() {
        int code = run("new-article", "--slug", SLUG, "--text", textFile.toString(), "--lang", "en",
                       "--out", tmp.resolve("elsewhere").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("named by the slug"), err::toString);
    }

    @Test
    void anExistingBundleIsNeverOverwritten() throws IOException {
        String[] args = { "new-article", "--slug", SLUG, "--text", textFile.toString(), "--lang", "en",
                          "--ontology", "ontology", "--data", data.toString() };
        assertEquals(0, run(args));
        Path facts = data.resolve("articles").resolve(SLUG).resolve("facts.ttl");
        Files.writeString(facts, "# my work\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(ExitCodes.FAILED, run(args));
        assertTrue(Files.readString(facts).endsWith("# my work\n"));
    }

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }
}
