package org.diplomacykg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.diplomacykg.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import picocli.CommandLine;

/**
 * Runs {@code bench} end to end on a tiny world with very short runs, and checks what it
 * writes: every step measured, figures present, CSV rows complete, the Markdown tables, an
 * SVG that parses. Timings are not judged.
 */
class TestBenchCommand {

    private static final Path WORLD = Path.of("src/test/resources/bench/tiny-world.nq");

    @TempDir
    Path out;

    @Test
    void benchWritesEveryReport() throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(printed));
        int exit = cmd.execute("bench", "--sizes", "1000,2000", "--seed", "7",
                               "--ontology", "ontology/diplomacy.ttl",
                               "--out", out.toString(), "--xmx", "1g", "--step-timeout", "5m", "--duration", "0.3",
                               "--clients", "1,2", "--repetitions", "4", "--incremental-budget", "10");
        assertEquals(0, exit, printed.toString());

        JsonObject results = JSON.read(out.resolve("results.json").toString());
        List<JsonValue> sizes = results.get("sizes").getAsArray();
        assertEquals(2, sizes.size());
        for ( JsonValue v : sizes ) {
            JsonObject size = v.getAsObject();
            assertTrue(Json.get(size, "triples") > 0);
            for ( String step : List.of("tdb", "service", "rete", "http") )
                assertEquals("ok", Json.obj(size, step).getString("status"), step + ": " + size);
            JsonObject service = Json.obj(size, "service");
            assertTrue(Json.get(service, "materialise_ms") > 0);
            assertTrue(Json.get(service, "inferred") > 0, "the tiny world has inferences");
            assertTrue(Json.get(service, "bytes_per_triple") > 0);
            assertTrue(Json.get(Json.obj(Json.obj(service, "incremental"), "insert"), "count") > 0);
            assertTrue(Json.get(Json.obj(size, "rete"), "inferred") > 0);
            JsonObject tdb = Json.obj(size, "tdb");
            assertEquals(Json.get(service, "inferred"), Json.get(tdb, "inferred"), "the same inferences on disk as in memory");
            assertEquals(Json.get(service, "quads_held"), Json.get(tdb, "quads_held"), "the same quads on disk as in memory");
            for ( JsonValue run : Json.obj(size, "http").get("runs").getAsArray() )
                for ( String server : List.of("service", "fuseki") )
                    assertTrue(Json.get(Json.obj(run.getAsObject(), server), "count") > 0, server + " answered");
        }
        assertTrue(Double.isFinite(Json.get(Json.obj(results, "fit"), "service")));
        assertTrue(Double.isFinite(Json.get(Json.obj(results, "fit"), "rete")));
        assertTrue(Double.isFinite(Json.get(Json.obj(results, "fit"), "tdb")));

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, csv.size());
        int columns = csv.get(0).split(",").length;
        for ( String row : csv.subList(1, 3) ) {
            String[] cells = row.split(",", -1);
            assertEquals(columns, cells.length, row);
            Double.parseDouble(cells[1]);
            Double.parseDouble(cells[8]);
        }
        List<String> http = Files.readAllLines(out.resolve("http.csv"));
        assertEquals(1 + 2 * 2 * 2, http.size(), "a row per size, concurrency and server");

        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| triples | service |"), md);
        assertTrue(md.contains("| triples | load | rules only | full materialisation |"), md);
        assertTrue(md.contains("Scaling exponent"), md);
        assertFalse(md.contains("NaN"), md);

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("cost.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName() == null ? svg.getDocumentElement().getNodeName()
                                                                            : svg.getDocumentElement().getLocalName());
        assertEquals(8, svg.getElementsByTagName("circle").getLength(),
                     "two sizes; full run in memory and on disk, rules alone, RETE");

        // The reports can be written again from results.json alone, measuring nothing.
        Path again = out.resolve("again");
        assertEquals(0, Main.commandLine().execute("bench", "--replot", out.resolve("results.json").toString(),
                                                   "--out", again.toString()));
        assertEquals(Files.readString(out.resolve("results.md")), Files.readString(again.resolve("results.md")));
        assertEquals(Files.readString(out.resolve("cost.svg")), Files.readString(again.resolve("cost.svg")));
    }

    @Test
    void unknownStepToSkipIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute("bench", "--input", WORLD.toString(), "--skip", "parsing", "--out", out.toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("cannot skip 'parsing'"), err.toString());
    }
}
