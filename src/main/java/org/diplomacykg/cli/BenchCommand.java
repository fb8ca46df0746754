package org.diplomacykg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.diplomacykg.bench.BenchRun;
import org.diplomacykg.bench.BenchSettings;
import org.diplomacykg.bench.MergedRuns;
import org.diplomacykg.bench.WorldSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: whole-system benchmark at several world sizes: loading, memory, full and
 * incremental materialisation against Jena's RETE reasoner, and SPARQL over HTTP against a
 * plain Fuseki. Each measurement runs in a child JVM with a fixed heap and a time limit.
 * See docs/benchmarks.md.
 */
@Command(name = "bench",
         description = "Benchmark loading, reasoning and querying at several sizes; write CSV, JSON, Markdown tables and an SVG plot.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "10000,100000,1000000,10000000",
            description = "World sizes in asserted triples (default: ${DEFAULT-VALUE}).")
    private List<Long> sizes;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the world and of random choices (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Directory for results.json, results.csv, http.csv, results.md, cost.svg and logs/ (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--input", paramLabel = "FILE", arity = "1..*",
            description = "The world: N-Quads or TriG files in the project's graph layout; each size reads their first N quads.")
    private List<Path> inputs = List.of();

    @Option(names = "--ontology", paramLabel = "FILE", defaultValue = "ontology/diplomacy.ttl",
            description = "The ontology the worlds are reasoned with (default: ${DEFAULT-VALUE}).")
    private Path ontology;

    @Option(names = "--xmx", defaultValue = "8g", description = "Heap of each measuring JVM (default: ${DEFAULT-VALUE}).")
    private String xmx;

    @Option(names = "--step-timeout", paramLabel = "TIME", defaultValue = "15m",
            description = "Time limit of each measuring JVM, e.g. 900, 90s, 15m (default: ${DEFAULT-VALUE}).")
    private String stepTimeout;

    @Option(names = "--skip", split = ",", paramLabel = "STEP",
            description = "Steps not to run: tdb, service (the default store, with incremental), rete, incremental, http.")
    private List<String> skip = List.of();

    @Option(names = "--clients", split = ",", defaultValue = "1,4,16",
            description = "Concurrent HTTP clients, one run each (default: ${DEFAULT-VALUE}).")
    private List<Integer> clients;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "5",
            description = "Length of each HTTP run, per server and concurrency (default: ${DEFAULT-VALUE}).")
    private double duration;

    @Option(names = "--repetitions", defaultValue = "200",
            description = "Single-statement deletes and inserts of the incremental measurement, at most (default: ${DEFAULT-VALUE}).")
    private int repetitions;

    @Option(names = "--incremental-budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time limit of the incremental measurement per size (default: ${DEFAULT-VALUE}).")
    private double budget;

    @Option(names = "--replot", paramLabel = "FILE", arity = "1..*",
            description = "Measure nothing: write the reports and the plot again, into --out, from the results.json of "
                          + "an earlier run, or of several runs of different sizes put side by side.")
    private List<Path> replot;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ( replot != null && !replot.isEmpty() )
            return replot();
        BenchSettings settings;
        WorldSource world;
        try {
            settings = new BenchSettings(sizes, seed, out, ontology, xmx, BenchSettings.parseDuration(stepTimeout),
                                         new HashSet<>(skip), clients, duration, repetitions, budget);
            world = WorldSource.choose(inputs);
            if ( !Files.isRegularFile(ontology) )
                throw new IllegalArgumentException("no ontology file " + ontology + ": give --ontology FILE");
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        PrintWriter progress = spec.commandLine().getOut();
        new BenchRun(settings, world, progress).run();
        return 0;
    }

    private int replot() throws IOException {
        List<JsonObject> runs = new ArrayList<>();
        for ( Path file : replot ) {
            if ( !Files.isRegularFile(file) )
                throw new ParameterException(spec.commandLine(), "no results file " + file);
            try {
                JsonObject run = JSON.read(file.toString());
                if ( !run.hasKey("sizes") || !run.get("sizes").isArray() )
                    throw new ParameterException(spec.commandLine(), file + " is not the results.json of a bench run");
                runs.add(run);
            } catch (JsonParseException ex) {
                throw new ParameterException(spec.commandLine(), file + " is not JSON: " + ex.getMessage());
            }
        }
        JsonObject results;
        try {
            results = MergedRuns.merge(runs, replot.stream().map(Path::toString).toList());
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        Files.createDirectories(out);
        BenchRun.writeReports(results, out);
        spec.commandLine().getOut().printf("reports of %s written to %s%n", String.join(", ", replot.stream().map(Path::toString).toList()), out);
        return 0;
    }
}
