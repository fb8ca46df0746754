package org.diplomacykg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * The files of a bench run, all drawn from its JSON: {@code results.json} (everything),
 * {@code results.csv} (one row per size), {@code http.csv} (one row per size, concurrency and
 * server) and {@code results.md} (tables to paste into docs/benchmarks.md).
 */
final class BenchReport {

    static void write(JsonObject results, Path out) throws IOException {
        try ( OutputStream os = Files.newOutputStream(out.resolve("results.json")) ) {
            JSON.write(os, results);
        }
        Files.writeString(out.resolve("results.csv"), csv(results));
        Files.writeString(out.resolve("http.csv"), httpCsv(results));
        Files.writeString(out.resolve("results.md"), markdown(results));
    }

    static String csv(JsonObject results) {
        StringBuilder sb = new StringBuilder("target,triples,load_memory_tps,load_tdb2_tps,tdb2_bytes_per_triple,"
            + "heap_bytes_per_triple,quads_held,service_status,service_ms,service_peak_heap_mb,service_inferred,"
            + "service_inferred_per_s,rete_status,rete_ms,rete_peak_heap_mb,rete_inferred,rete_inferred_per_s,"
            + "rete_over_service,insert_p50_ms,insert_p99_ms,delete_p50_ms,delete_p99_ms,incremental_ops,"
            + "full_materialise_ms,service_rules_ms,rete_over_rules,tdb2_rules_ms,tdb2_materialise_ms,"
            + "tdb2_peak_heap_mb,tdb2_quads_held\n");
        for ( JsonValue v : results.get("sizes").getAsArray() ) {
            JsonObject size = v.getAsObject();
            JsonObject tdb = Json.obj(size, BenchStep.TDB), service = Json.obj(size, BenchStep.SERVICE),
                rete = Json.obj(size, BenchStep.RETE);
            JsonObject incr = Json.obj(service, "incremental");
            row(sb, Json.get(size, "target"), Json.get(size, "triples"), Json.get(service, "load_triples_per_s"),
                Json.get(tdb, "load_triples_per_s"), Json.get(tdb, "disk_bytes") / Json.get(tdb, "triples"),
                Json.get(service, "bytes_per_triple"), Json.get(service, "quads_held"));
            sb.append(',').append(status(service));
            row(sb, Json.get(service, "materialise_ms"), Json.get(service, "peak_heap_mb"), Json.get(service, "inferred"),
                Json.get(service, "inferred_per_s"));
            sb.append(',').append(status(rete));
            row(sb, Json.get(rete, "materialise_ms"), Json.get(rete, "peak_heap_mb"), Json.get(rete, "inferred"),
                Json.get(rete, "inferred_per_s"), ratio(size), Json.get(Json.obj(incr, "insert"), "p50_ms"),
                Json.get(Json.obj(incr, "insert"), "p99_ms"), Json.get(Json.obj(incr, "delete"), "p50_ms"),
                Json.get(Json.obj(incr, "delete"), "p99_ms"), Json.get(Json.obj(incr, "insert"), "count"),
                Json.get(service, "materialise_ms"), Json.get(service, "rules_ms"), ratio(size, "rules_ms"),
                Json.get(tdb, "rules_ms"), Json.get(tdb, "materialise_ms"), Json.get(tdb, "peak_heap_mb"),
                Json.get(tdb, "quads_held"));
            sb.append('\n');
        }
        return sb.toString();
    }

    static String httpCsv(JsonObject results) {
        StringBuilder sb = new StringBuilder("target,triples,clients,server,requests,errors,throughput_per_s,p50_ms,p99_ms\n");
        for ( JsonValue v : results.get("sizes").getAsArray() ) {
            JsonObject size = v.getAsObject();
            JsonObject http = Json.obj(size, BenchStep.HTTP);
            if ( http == null || !http.hasKey("runs") )
                continue;
            for ( JsonValue r : http.get("runs").getAsArray() ) {
                for ( String server : new String[] { "service", "fuseki" } ) {
                    JsonObject s = Json.obj(r.getAsObject(), server);
                    sb.append(fmt(Json.get(size, "target"))).append(',').append(fmt(Json.get(size, "triples")));
                    sb.append(',').append(fmt(Json.get(r.getAsObject(), "clients"))).append(',').append(server);
                    row(sb, Json.get(s, "count"), Json.get(s, "errors"), Json.get(s, "throughput_per_s"),
                        Json.get(s, "p50_ms"), Json.get(s, "p99_ms"));
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** RETE's time over the service's full materialisation: how many times longer the baseline takes. */
    static double ratio(JsonObject size) {
        return ratio(size, "materialise_ms");
    }

    /** RETE's time over the service's figure {@code serviceKey} (full run, or the rules alone). */
    static double ratio(JsonObject size, String serviceKey) {
        JsonObject service = Json.obj(size, BenchStep.SERVICE), rete = Json.obj(size, BenchStep.RETE);
        if ( !"ok".equals(status(service)) || !"ok".equals(status(rete)) )
            return Double.NaN;
        return Json.get(rete, "materialise_ms") / Json.get(service, serviceKey);
    }

    /** How much more time per request the service needs than plain Fuseki, from throughput, in %. */
    static double overhead(JsonObject run) {
        double service = Json.get(Json.obj(run, "service"), "throughput_per_s");
        double fuseki = Json.get(Json.obj(run, "fuseki"), "throughput_per_s");
        return (fuseki / service - 1) * 100;
    }

    static String status(JsonObject step) {
        return step == null ? "skipped" : step.getString("status");
    }

    private static void row(StringBuilder sb, double first, double... rest) {
        if ( sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n' )
            sb.append(',');
        sb.append(fmt(first));
        for ( double d : rest )
            sb.append(',').append(fmt(d));
    }

    /** A CSV figure: integers without a point, decimals to 3 places, nothing for a missing figure. */
    static String fmt(double d) {
        if ( !Double.isFinite(d) )
            return "";
        if ( d == Math.rint(d) && Math.abs(d) < 1e15 )
            return Long.toString((long) d);
        return String.format(Locale.ROOT, "%.3f", d);
    }

    static String markdown(JsonObject results) {
        return MarkdownTables.of(results);
    }

    private BenchReport() {}
}
