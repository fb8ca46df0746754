package org.diplomacykg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * A whole bench run: for each size, the world is written once to an N-Quads file, then each
 * step measures it in a child JVM ({@link ChildJvm}); the figures are gathered into one JSON
 * document, and the reports are written from it ({@link BenchReport}, {@link CostPlot}).
 */
public final class BenchRun {

    private final BenchSettings settings;
    private final WorldSource world;
    private final PrintWriter progress;

    public BenchRun(BenchSettings settings, WorldSource world, PrintWriter progress) {
        this.settings = settings;
        this.world = world;
        this.progress = progress;
    }

    /** Runs every size and step, writes the results into the out directory, and returns them. */
    public JsonObject run() throws IOException, InterruptedException {
        Path out = Files.createDirectories(settings.out());
        Path work = Files.createDirectories(out.resolve("work"));
        Path logs = Files.createDirectories(out.resolve("logs"));
        ChildJvm jvm = new ChildJvm(settings.xmx(), settings.stepTimeout());

        JsonObject results = new JsonObject();
        results.put("started", Instant.now().toString());
        results.put("machine", machine());
        results.put("settings", settings.toJson());
        JsonArray sizes = new JsonArray();
        results.put("sizes", sizes);
        for ( long target : settings.sizes() ) {
            JsonObject size = new JsonObject();
            size.put("target", target);
            Path worldFile = work.resolve("world-" + target + ".nq");
            long triples = writeWorld(target, worldFile);
            size.put("triples", triples);
            say("size %,d: world of %,d triples in %s", target, triples, worldFile);
            StepRequest request = new StepRequest(null, settings.ontology(), worldFile, work, settings.seed(),
                                                  settings.repetitions(), settings.budgetSeconds(), settings.clients(),
                                                  settings.durationSeconds());
            List<String> steps = new ArrayList<>();
            if ( settings.runs(BenchStep.TDB) )
                steps.add(BenchStep.TDB);
            if ( settings.runs(BenchStep.SERVICE) )
                steps.add(settings.runs(BenchStep.INCREMENTAL) ? BenchStep.INCREMENTAL : BenchStep.SERVICE);
            if ( settings.runs(BenchStep.RETE) )
                steps.add(BenchStep.RETE);
            if ( settings.runs(BenchStep.HTTP) )
                steps.add(BenchStep.HTTP);
            for ( String step : steps ) {
                Path log = logs.resolve(step + "-" + target + ".log");
                JsonObject figures = jvm.run(request.withStep(step), log);
                String key = BenchStep.INCREMENTAL.equals(step) ? BenchStep.SERVICE : step;
                size.put(key, figures);
                say("size %,d: %s %s (%.1f s)", target, step, figures.getString("status"), Json.get(figures, "wall_s"));
            }
            Files.deleteIfExists(worldFile);
            sizes.add(size);
        }
        results.put("fit", fits(results));
        results.put("finished", Instant.now().toString());
        writeReports(results, out);
        try ( var left = Files.list(work) ) {
            if ( left.findAny().isEmpty() )
                Files.delete(work);
        }
        say("results in %s: results.json, results.csv, http.csv, results.md, cost.svg", out);
        return results;
    }

    /** Writes results.json, the CSV and Markdown reports and the plot of {@code results} into {@code out}. */
    public static void writeReports(JsonObject results, Path out) throws IOException {
        BenchReport.write(results, out);
        Files.writeString(out.resolve("cost.svg"), CostPlot.svg(results));
    }

    private long writeWorld(long target, Path file) throws IOException {
        try ( OutputStream out = Files.newOutputStream(file) ) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
            return world.generate(target, settings.seed(), writer);
        }
    }

    /** The exponents of materialisation time against asserted triples, per engine. */
    static JsonObject fits(JsonObject results) {
        JsonObject fit = new JsonObject();
        for ( String engine : List.of(BenchStep.SERVICE, BenchStep.TDB, BenchStep.RETE) ) {
            List<ScalingFit.Point> points = new ArrayList<>();
            for ( var v : results.get("sizes").getAsArray() ) {
                JsonObject step = Json.obj(v.getAsObject(), engine);
                if ( step != null && "ok".equals(step.getString("status")) )
                    points.add(new ScalingFit.Point(Json.get(v.getAsObject(), "triples"), Json.get(step, "materialise_ms")));
            }
            double b = ScalingFit.exponent(points);
            if ( Double.isFinite(b) )
                fit.put(engine, Json.num(b));
        }
        return fit;
    }

    private static JsonObject machine() {
        JsonObject m = new JsonObject();
        Runtime rt = Runtime.getRuntime();
        m.put("cpus", rt.availableProcessors());
        m.put("cpu", cpuModel());
        if ( ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os )
            m.put("memory_gib", Json.num(os.getTotalMemorySize() / 1073741824.0));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return m;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException ex) {
            return "unknown";
        }
    }

    private void say(String format, Object... args) {
        progress.println(String.format(format, args));
        progress.flush();
    }
}
