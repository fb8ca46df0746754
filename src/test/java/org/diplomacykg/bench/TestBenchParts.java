package org.diplomacykg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.riot.RDFParser;
import org.diplomacykg.generate.WorldGenerator;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the bench that can be checked without a whole run. */
class TestBenchParts {

    private static final Path WORLD = Path.of("src/test/resources/bench/tiny-world.nq");

    @TempDir
    Path work;

    @Test
    void runsOfDifferentSizesMakeOneReport() {
        JsonObject small = run("a", "[]", "{ \"target\": 1000, \"triples\": 1000, "
            + "\"tdb\": { \"status\": \"ok\", \"materialise_ms\": 10 }, \"rete\": { \"status\": \"ok\", \"materialise_ms\": 40 } }");
        JsonObject large = run("b", "[\"rete\"]", "{ \"target\": 100000, \"triples\": 100000, "
            + "\"tdb\": { \"status\": \"ok\", \"materialise_ms\": 1000 } }");
        JsonObject merged = MergedRuns.merge(List.of(large, small), List.of("large.json", "small.json"));
        List<Double> targets = merged.get("sizes").getAsArray().stream().map(v -> Json.get(v.getAsObject(), "target")).toList();
        assertEquals(List.of(1000.0, 100000.0), targets, "in order of size");
        assertEquals(1.0, Json.get(Json.obj(merged, "fit"), "tdb"), 1e-9, "the fit spans both runs: 100x the triples, 100x the time");
        String md = MarkdownTables.of(merged);
        assertTrue(md.contains("`large.json`") && md.contains("`small.json`") && md.contains("Skipped: rete"), md);
        String materialisationRow = md.lines().filter(l -> l.startsWith("| 100,000 |") && l.split("\\|").length == 13)
                                      .findFirst().orElseThrow();
        assertEquals(3, materialisationRow.split("skipped", -1).length - 1,
                     "the service, its rules and RETE, none measured in the run of that size: " + materialisationRow);
        assertTrue(CostPlot.svg(merged).contains("<svg"));

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
            () -> MergedRuns.merge(List.of(small, run("c", "[]", "{ \"target\": 1000, \"triples\": 1000 }")),
                                   List.of("small.json", "again.json")));
        assertTrue(twice.getMessage().contains("small.json") && twice.getMessage().contains("again.json"), twice.getMessage());
    }

    /** A minimal results.json of one run with one size. */
    private static JsonObject run(String started, String skip, String size) {
        return JSON.parse("{ \"started\": \"" + started + "\", "
            + "\"machine\": { \"cpu\": \"test\", \"cpus\": 2, \"memory_gib\": 1, \"java\": \"test\" }, "
            + "\"settings\": { \"xmx\": \"1g\", \"step_timeout_s\": 60, \"seed\": 1, \"skip\": " + skip + " }, "
            + "\"sizes\": [ " + size + " ] }");
    }

    @Test
    void everyQueryOfTheMixAnswersOnAGeneratedWorld() {
        // A query that finds nothing in the worlds measured would time only an empty scan.
        DatasetGraph dsg = Store.createUnionDataset().asDatasetGraph();
        Txn.executeWrite(dsg, () -> {
            RDFParser.source("ontology/diplomacy.ttl").parse(dsg.getGraph(Graphs.Nodes.ONTOLOGY));
            WorldGenerator.generate(20_000, 42, StreamRDFLib.dataset(dsg));
            Materialiser.standard().materialiseAll(dsg);
        });
        QueryMix mix = QueryMix.standard();
        for ( int i = 0; i < mix.size(); i++ ) {
            String query = mix.queries().get(i);
            long rows = Txn.calculateRead(dsg, () -> {
                try ( QueryExec exec = QueryExec.dataset(dsg).query(query).build() ) {
                    return exec.select().rewindable().size();
                }
            });
            assertTrue(rows > 0, mix.names().get(i) + " finds nothing in the generated world");
        }
    }

    @Test
    void exponentOfAPowerLaw() {
        List<ScalingFit.Point> quadratic = List.of(new ScalingFit.Point(10, 300), new ScalingFit.Point(100, 30_000),
                                                   new ScalingFit.Point(1000, 3_000_000));
        assertEquals(2.0, ScalingFit.exponent(quadratic), 1e-9);
        assertTrue(Double.isNaN(ScalingFit.exponent(List.of(new ScalingFit.Point(10, 5)))));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMinutes(15), BenchSettings.parseDuration("15m"));
        assertEquals(Duration.ofSeconds(90), BenchSettings.parseDuration("90"));
        assertEquals(Duration.ofMillis(500), BenchSettings.parseDuration("0.5s"));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.parseDuration("soon"));
    }

    @Test
    void inputFilesAreCutAtTheTargetSize() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        long sent = new InputFilesWorld(List.of(WORLD)).generate(100, 1, StreamRDFLib.dataset(dsg));
        assertEquals(100, sent);
        assertEquals(100, dsg.stream().count());
        assertTrue(dsg.find(Graphs.Nodes.REFERENCE, null, null, null).hasNext());
        assertTrue(dsg.stream().noneMatch(Quad::isDefaultGraph));
    }

    @Test
    void aStepOverItsTimeIsRecordedAsATimeout() throws Exception {
        StepRequest request = new StepRequest(BenchStep.RETE, Path.of("ontology/diplomacy.ttl"), WORLD, work, 1, 1, 1,
                                              List.of(1), 1);
        JsonObject result = new ChildJvm("256m", Duration.ofMillis(1)).run(request, work.resolve("rete.log"));
        assertEquals("timeout", result.getString("status"));
    }

    @Test
    void aStepOutOfHeapIsRecordedAsOutOfMemory() throws Exception {
        StepRequest request = new StepRequest(BenchStep.SERVICE, Path.of("ontology/diplomacy.ttl"), WORLD, work, 1, 1, 1,
                                              List.of(1), 1);
        JsonObject result = new ChildJvm("6m", Duration.ofMinutes(2)).run(request, work.resolve("service.log"));
        assertEquals("oom", result.getString("status"), result.toString());
    }
}
