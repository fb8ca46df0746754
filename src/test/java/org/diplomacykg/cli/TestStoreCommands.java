package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.Fixtures;
import org.diplomacykg.Main;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code load}, {@code export} and {@code serve --tdb} run in-process: exit codes and what a person sees. */
class TestStoreCommands {

    private static final String FACTS = """
        @prefix dkg:  <https://w3id.org/diplomacy-kg/ontology#> .
        @prefix id:   <https://w3id.org/diplomacy-kg/id/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix oa:   <http://www.w3.org/ns/oa#> .
        id:new-envoy a dkg:Official ; rdfs:label "New envoy"@en .
        id:new-call a dkg:Meeting ; rdfs:label "A new call"@en ; dkg:participant id:new-envoy ;
            dkg:evidence [ a oa:TextQuoteSelector ; oa:exact "%s" ] .
        """;
    private static final String TEXT = "Ini adalah panggilan baru dengan seorang utusan.\n";

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private static String dir(String fixture) {
        return Fixtures.path(fixture).toString();
    }

    private int load(Path db, String... more) {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] { "load", "--tdb", db.toString(), "--ontology", dir("kg/ontology") }, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return run(args);
    }

    private Path bundle(String slug, String span) throws IOException {
        Path bundle = Files.createDirectories(tmp.resolve("bundles").resolve(slug));
        Files.writeString(bundle.resolve("facts.ttl"), FACTS.formatted(span));
        Files.writeString(bundle.resolve("text.id.txt"), TEXT);
        return bundle;
    }

    /** The store as an N-Quads export, read back, for before/after comparisons. */
    private DatasetGraph exported(Path db) {
        Path file = tmp.resolve("snapshot-" + System.nanoTime() + ".nq");
        assertEquals(0, run("export", "--tdb", db.toString(), "--format", "nquads", "--output", file.toString()), err::toString);
        return RDFDataMgr.loadDatasetGraph(file.toString());
    }

    @Test
    void loadWithoutBundlesInitialisesANewStore() {
        Path db = tmp.resolve("db");
        assertEquals(0, load(db, "--data", dir("kg/data")), err::toString);
        assertTrue(out.toString().contains("initialised"), out::toString);
        assertTrue(out.toString().contains(Graphs.INFERRED), out::toString);
        // A second run finds it initialised and leaves it as it is.
        assertEquals(0, load(db, "--data", tmp.resolve("nowhere").toString()), err::toString);
        assertFalse(out.toString().contains("initialised"), out::toString);
    }

    @Test
    void loadAddsGoodBundlesAndRefusesBadOnesNamingTheProblem() throws IOException {
        Path db = tmp.resolve("db");
        assertEquals(0, load(db, "--data", dir("kg/data")), err::toString);
        DatasetGraph before = exported(db);

        Path misquoted = bundle("misquoted", "panggilan lama");
        Path good = bundle("good-article", "panggilan baru");
        int code = load(db, misquoted.toString(), good.toString());
        assertEquals(ExitCodes.FAILED, code);
        assertTrue(err.toString().contains("\"panggilan lama\"") && err.toString().contains("does not occur verbatim in the text of article 'misquoted'"), err::toString);
        assertTrue(err.toString().contains("1 of 2 bundles refused"), err::toString);
        assertNoStackTrace(err.toString());
        // 8 triples of facts and the text: the graph's triples, as PUT /kg/articles/{slug} counts them.
        assertTrue(out.toString().contains("loaded 9 triples into " + Graphs.sourceGraph("good-article")), out::toString);

        DatasetGraph after = exported(db);
        assertFalse(after.containsGraph(Graphs.Nodes.sourceGraph("misquoted")));
        assertTrue(after.containsGraph(Graphs.Nodes.sourceGraph("good-article")));
        assertTrue(before.getGraph(Graphs.Nodes.REFERENCE).isIsomorphicWith(after.getGraph(Graphs.Nodes.REFERENCE)));
    }

    @Test
    void loadRecordsEachCommittedBundleInTheAuditGraph() throws IOException {
        Path db = tmp.resolve("db");
        assertEquals(0, load(db, "--data", dir("kg/data")), err::toString);
        List<QuerySolution> before = activities(exported(db));
        assertEquals(1, before.stream().map(row -> row.getResource("a")).distinct().count(), "the initialisation is one write");

        assertEquals(ExitCodes.FAILED, load(db, bundle("misquoted", "panggilan lama").toString(), bundle("good-article", "panggilan baru").toString()));
        List<QuerySolution> after = activities(exported(db));
        List<QuerySolution> added = after.stream().filter(row -> !row.getResource("a").equals(before.get(0).getResource("a"))).toList();
        assertEquals(1, added.size(), "one more activity, for the good bundle only, which touched one graph: " + added);
        QuerySolution loaded = added.get(0);
        assertEquals("load", loaded.getLiteral("via").getString());
        String user = java.net.URLEncoder.encode(System.getProperty("user.name"), StandardCharsets.UTF_8).replace("+", "%20");
        assertEquals("https://w3id.org/diplomacy-kg/user/local/" + user, loaded.getResource("user").getURI());
        assertEquals(Graphs.sourceGraph("good-article"), loaded.getResource("g").getURI());
        assertEquals("good-article", loaded.getLiteral("slug").getString());
        // The bundle's facts (the command reports them) and its text.
        assertEquals(8 + 1, loaded.getLiteral("added").getLong());
        assertEquals(0, loaded.getLiteral("removed").getLong());
        assertEquals("sha256:" + java.util.HexFormat.of().formatHex(sha256(TEXT)), loaded.getLiteral("hash").getString());
    }

    private static List<QuerySolution> activities(DatasetGraph dsg) {
        String query = """
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT * { GRAPH <%s> { ?a a prov:Activity ; rdfs:label ?via ; prov:wasAssociatedWith ?user ;
                                        dkg:touchedGraph ?g ; dkg:triplesAdded ?added ; dkg:triplesRemoved ?removed .
                                     OPTIONAL { ?a dkg:articleSlug ?slug ; dkg:textHash ?hash } } }""".formatted(Graphs.AUDIT);
        try ( var exec = org.apache.jena.query.QueryExecutionFactory.create(query, org.apache.jena.query.DatasetFactory.wrap(dsg)) ) {
            List<QuerySolution> rows = new java.util.ArrayList<>();
            exec.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aRefusedBundleLeavesTheStoreAsItWas() throws IOException {
        Path db = tmp.resolve("db");
        assertEquals(0, load(db, "--data", dir("kg/data")), err::toString);
        DatasetGraph before = exported(db);

        Path broken = bundle("broken", "panggilan baru");
        Files.writeString(broken.resolve("facts.ttl"), "@prefix id: <https://w3id.org/diplomacy-kg/id/> .\nid:x id:says .\n");
        assertEquals(ExitCodes.FAILED, load(db, broken.toString()));
        assertTrue(err.toString().startsWith("error: " + broken + ": " + broken.resolve("facts.ttl") + ":2:"), err::toString);
        assertNoStackTrace(err.toString());

        Path violating = bundle("violating", "panggilan baru");
        Files.writeString(violating.resolve("facts.ttl"), "@prefix dkg: <https://w3id.org/diplomacy-kg/ontology#> .\n"
                                                          + "<https://w3id.org/diplomacy-kg/id/nameless> a dkg:Official .\n");
        assertEquals(ExitCodes.FAILED, load(db, violating.toString()));
        assertTrue(err.toString().contains("A person needs a label") && err.toString().contains("id:nameless"), err::toString);

        assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(before, exported(db)), "the store changed");
    }

    @Test
    void exportWritesTheWholeStoreOrOneGraph() {
        Path db = tmp.resolve("db");
        assertEquals(0, load(db, "--data", dir("kg/data")), err::toString);
        Path all = tmp.resolve("all.trig");
        assertEquals(0, run("export", "--tdb", db.toString(), "--output", all.toString()), err::toString);
        DatasetGraph read = RDFDataMgr.loadDatasetGraph(all.toString());
        assertTrue(read.containsGraph(Graphs.Nodes.ONTOLOGY) && read.containsGraph(Graphs.Nodes.INFERRED)
                   && read.containsGraph(Graphs.Nodes.EXPLANATIONS));

        Path one = tmp.resolve("one.trig");
        assertEquals(0, run("export", "--tdb", db.toString(), "--graph", Graphs.REFERENCE, "--output", one.toString()), err::toString);
        assertEquals(List.of(Graphs.Nodes.REFERENCE), org.apache.jena.atlas.iterator.Iter.toList(
            RDFDataMgr.loadDatasetGraph(one.toString()).listGraphNodes()));

        assertEquals(ExitCodes.FAILED, run("export", "--tdb", db.toString(), "--graph", "https://example.org/none"));
        assertTrue(err.toString().startsWith("error: The store has no graph <https://example.org/none>"), err::toString);
        assertEquals(1, err.toString().lines().count(), err::toString);
    }

    @Test
    void aStoreRebuiltFromAnExportHasTheSameInferences() {
        Path db = tmp.resolve("db");
        assertEquals(0, load(db, "--data", dir("kg/data")), err::toString);
        Path export = tmp.resolve("export.trig");
        assertEquals(0, run("export", "--tdb", db.toString(), "--output", export.toString()), err::toString);

        Path rebuilt = tmp.resolve("rebuilt");
        assertEquals(0, load(rebuilt, "--from-export", export.toString()), err::toString);
        assertTrue(RDFDataMgr.loadDatasetGraph(export.toString()).getGraph(Graphs.Nodes.INFERRED)
                       .isIsomorphicWith(exported(rebuilt).getGraph(Graphs.Nodes.INFERRED)));

        assertEquals(ExitCodes.FAILED, load(db, "--from-export", export.toString()));
        assertTrue(err.toString().contains("--from-export fills a new store"), err::toString);
    }

    @Test
    @Timeout(120) // serve would block for good if the error were missed: fail instead
    void storeDirectoryProblemsAreOneLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        for ( String[] args : List.of(
                 new String[] { "serve", "--port", "0", "--tdb", file.toString(), "--ontology", dir("kg/ontology"), "--data", dir("kg/data") },
                 new String[] { "load", "--tdb", file.toString(), "--ontology", dir("kg/ontology"), "--data", dir("kg/data") },
                 new String[] { "export", "--tdb", file.toString() }) ) {
            assertEquals(ExitCodes.FAILED, run(args), args[0] + ": " + err);
            assertEquals(1, err.toString().lines().count(), args[0] + ": " + err);
            assertTrue(err.toString().contains(file.toString()), args[0] + ": " + err);
            assertNoStackTrace(err.toString());
        }
        // export never creates a store where there is none
        Path missing = tmp.resolve("missing");
        assertEquals(ExitCodes.FAILED, run("export", "--tdb", missing.toString()));
        assertTrue(err.toString().contains("There is no TDB2 store"), err::toString);
        assertFalse(Files.exists(missing));
    }

    @Test
    @Timeout(120)
    void aStoreInUseByAnotherProcessIsOneLine() throws Exception {
        Path db = tmp.resolve("db");
        assertEquals(0, load(db, "--data", dir("kg/data")), err::toString);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                            StoreHolder.class.getName(), db.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", lines.readLine(), "the holder opened the store");
            for ( String[] args : List.of(new String[] { "load", "--tdb", db.toString(), "--ontology", dir("kg/ontology") },
                                          new String[] { "serve", "--port", "0", "--tdb", db.toString() },
                                          new String[] { "export", "--tdb", db.toString() }) ) {
                assertEquals(ExitCodes.FAILED, run(args), args[0] + ": " + err);
                assertEquals(1, err.toString().lines().count(), args[0] + ": " + err);
                assertTrue(err.toString().contains("in use by another process (pid " + holder.pid() + ")"), args[0] + ": " + err);
                assertNoStackTrace(err.toString());
            }
        } finally {
            holder.getOutputStream().close();
            if ( !holder.waitFor(10, TimeUnit.SECONDS) )
                holder.destroyForcibly();
        }
    }

    /** {@code --tdb} is declared once, and required by the commands that have no store without it. */
    @Test
    void loadAndExportRequireTdbWhileServeAndInferDoNot() {
        for ( String command : List.of("load", "export") ) {
            assertEquals(2, run(command), command);
            assertTrue(err.toString().contains("Missing required option: '--tdb=DIR'"), err::toString);
            assertTrue(err.toString().contains("Usage: diplomacy-kg " + command), err::toString);
        }
        for ( String command : List.of("serve", "infer") ) {
            assertEquals(0, run(command, "--help"), command);
            assertTrue(out.toString().contains("[--tdb=DIR]"), out::toString);
        }
    }

    private static void assertNoStackTrace(String text) {
        assertFalse(text.contains("\tat ") || text.contains("Exception"), text);
    }
}
