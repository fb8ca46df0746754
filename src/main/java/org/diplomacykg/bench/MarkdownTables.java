package org.diplomacykg.bench;

import java.util.Locale;
import java.util.function.Function;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** The tables of a bench run in Markdown, ready to paste into docs/benchmarks.md. */
final class MarkdownTables {

    static String of(JsonObject results) {
        StringBuilder sb = new StringBuilder();
        JsonObject machine = Json.obj(results, "machine");
        JsonObject settings = Json.obj(results, "settings");
        sb.append("Machine: ").append(machine.getString("cpu")).append(", ").append(fmt(Json.get(machine, "cpus")))
          .append(" cores, ").append(fmt(Json.get(machine, "memory_gib"))).append(" GiB; ").append(machine.getString("java"))
          .append(".");
        if ( !results.hasKey("runs") ) {
            sb.append(' ').append(settingsLine(settings)).append(" Run ").append(results.getString("started")).append(".\n\n");
        } else {
            sb.append(" Several runs, each size from one of them:\n\n");
            int i = 1;
            for ( JsonValue v : results.get("runs").getAsArray() ) {
                JsonObject run = v.getAsObject();
                JsonObject s = Json.obj(run, "settings");
                sb.append(i++).append(". `").append(run.getString("file")).append("`, started ").append(run.getString("started"))
                  .append(": ").append(settingsLine(s));
                if ( s.hasKey("skip") && !s.get("skip").getAsArray().isEmpty() ) {
                    sb.append(" Skipped:");
                    s.get("skip").getAsArray().forEach(k -> sb.append(' ').append(k.getAsString().value()));
                    sb.append('.');
                }
                sb.append('\n');
            }
            sb.append('\n');
        }

        sb.append("Loading and memory (asserted triples; heap per triple held counts the inferred and explanation quads too):\n\n");
        sb.append("| triples | load into the default store | load into TDB2 | TDB2 on disk | heap per triple held | quads held "
                  + "| default store on disk per asserted triple, materialised and compacted |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        eachSize(results, sb, size -> {
            JsonObject tdb = Json.obj(size, BenchStep.TDB), service = Json.obj(size, BenchStep.SERVICE);
            return cells(count(size, "triples"), rate(service, "load_triples_per_s"), rate(tdb, "load_triples_per_s"),
                         ok(tdb) ? bytes(Json.get(tdb, "disk_bytes") / Json.get(tdb, "triples")) : status(tdb),
                         ok(service) ? bytes(Json.get(service, "bytes_per_triple")) : status(service),
                         ok(service) ? count(service, "quads_held") : "",
                         ok(service) && service.hasKey("disk_bytes_compacted_per_asserted_triple")
                             ? bytes(Json.get(service, "disk_bytes_compacted_per_asserted_triple")) : "");
        });

        sb.append("\nFull materialisation, the service's materialiser against Jena's GenericRuleReasoner (FORWARD_RETE) "
                  + "on the same data (service: rules, inferred and explanations graphs written to the store; rules only: "
                  + "the same rules to a fixpoint in memory, nothing written, as RETE does; peak heap: sum of the heap pools' "
                  + "peaks, an upper bound):\n\n");
        sb.append("| triples | service | peak heap | inferred | inferred/s | rules only | RETE | peak heap | inferred | inferred/s "
                  + "| RETE ÷ service | RETE ÷ rules only |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        eachSize(results, sb, size -> {
            JsonObject s = Json.obj(size, BenchStep.SERVICE), r = Json.obj(size, BenchStep.RETE);
            return cells(count(size, "triples"), ms(s, "materialise_ms"), mb(s), ok(s) ? count(s, "inferred") : "",
                         ok(s) ? rate(s, "inferred_per_s") : "", ms(s, "rules_ms"), ms(r, "materialise_ms"), mb(r),
                         ok(r) ? count(r, "inferred") : "", ok(r) ? rate(r, "inferred_per_s") : "",
                         times(BenchReport.ratio(size, "materialise_ms")), times(BenchReport.ratio(size, "rules_ms")));
        });

        sb.append("\nFull materialisation into TDB2 on disk, as `load --tdb` builds a store (the quads live in files, "
                  + "not in the heap; rules only: the same rules over the stored data, nothing written):\n\n");
        sb.append("| triples | load | rules only | full materialisation | peak heap | inferred | inferred/s | quads held | disk per quad held |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        eachSize(results, sb, size -> {
            JsonObject t = Json.obj(size, BenchStep.TDB);
            if ( !ok(t) || !t.hasKey("materialise_ms") )
                // What it measured before it stopped: a load and the rules alone.
                return cells(count(size, "triples"), ms(t, "load_ms"), ms(t, "rules_ms"), status(t), "", "", "", "", "");
            return cells(count(size, "triples"), ms(t, "load_ms"), ms(t, "rules_ms"), ms(t, "materialise_ms"), mb(t),
                         count(t, "inferred"), rate(t, "inferred_per_s"), count(t, "quads_held"),
                         bytes(Json.get(t, "disk_bytes_materialised") / Json.get(t, "quads_held")));
        });

        JsonObject fit = Json.obj(results, "fit");
        sb.append("\nScaling exponent b of materialisation time ∝ triples^b (least squares, log-log): service (default store) ")
          .append(fit.hasKey("service") ? fmt2(Json.get(fit, "service")) : "n/a").append(", service into a TDB2 store of its own ")
          .append(fit.hasKey("tdb") ? fmt2(Json.get(fit, "tdb")) : "n/a").append(", RETE ")
          .append(fit.hasKey("rete") ? fmt2(Json.get(fit, "rete")) : "n/a").append(".\n");

        sb.append("\nIncremental maintenance: one statement deleted (an asserted premise of a derivation) or inserted back, "
                  + "each a write transaction through the inferring dataset, against the full materialisation of the same store:\n\n");
        sb.append("| triples | insert p50 | insert p99 | delete p50 | delete p99 | writes | full materialisation |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        eachSize(results, sb, size -> {
            JsonObject s = Json.obj(size, BenchStep.SERVICE);
            JsonObject incr = Json.obj(s, "incremental");
            if ( incr == null )
                return cells(count(size, "triples"), ok(s) ? "skipped" : status(s), "", "", "", "", "");
            JsonObject ins = Json.obj(incr, "insert"), del = Json.obj(incr, "delete");
            return cells(count(size, "triples"), ms(ins, "p50_ms"), ms(ins, "p99_ms"), ms(del, "p50_ms"), ms(del, "p99_ms"),
                         fmt(Json.get(ins, "count") + Json.get(del, "count")), ms(s, "materialise_ms"));
        });

        sb.append("\nSPARQL over HTTP: the service against a plain Fuseki serving the same materialised quads "
                  + "(closed loop, the query mix of src/main/resources/bench/queries; overhead = Fuseki's throughput ÷ the service's − 1):\n\n");
        sb.append("| triples | clients | service req/s | p50 | p99 | Fuseki req/s | p50 | p99 | overhead |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for ( JsonValue v : results.get("sizes").getAsArray() ) {
            JsonObject size = v.getAsObject();
            JsonObject http = Json.obj(size, BenchStep.HTTP);
            if ( http == null || !http.hasKey("runs") ) {
                sb.append(cells(count(size, "triples"), "", status(http), "", "", "", "", "", "")).append('\n');
                continue;
            }
            for ( JsonValue r : http.get("runs").getAsArray() ) {
                JsonObject run = r.getAsObject(), s = Json.obj(run, "service"), f = Json.obj(run, "fuseki");
                sb.append(cells(count(size, "triples"), fmt(Json.get(run, "clients")), fmt(Math.round(Json.get(s, "throughput_per_s"))),
                                plainMs(s, "p50_ms"), plainMs(s, "p99_ms"), fmt(Math.round(Json.get(f, "throughput_per_s"))),
                                plainMs(f, "p50_ms"), plainMs(f, "p99_ms"),
                                String.format(Locale.ROOT, "%+.0f %%", BenchReport.overhead(run)))).append('\n');
            }
        }
        return sb.toString();
    }

    private static void eachSize(JsonObject results, StringBuilder sb, Function<JsonObject, String> row) {
        for ( JsonValue v : results.get("sizes").getAsArray() )
            sb.append(row.apply(v.getAsObject())).append('\n');
    }

    private static String cells(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static boolean ok(JsonObject step) {
        return "ok".equals(status(step));
    }

    private static String status(JsonObject step) {
        String s = BenchReport.status(step);
        return switch ( s ) {
            case "oom" -> "out of memory";
            case "timeout" -> "timed out";
            default -> s;
        };
    }

    private static String count(JsonObject o, String key) {
        return String.format(Locale.ROOT, "%,d", (long) Json.get(o, key));
    }

    private static String rate(JsonObject o, String key) {
        if ( !ok(o) )
            return status(o);
        return String.format(Locale.ROOT, "%,d/s", Math.round(Json.get(o, key)));
    }

    private static String settingsLine(JsonObject settings) {
        return "Child JVMs -Xmx" + settings.getString("xmx") + ", step timeout " + fmt(Json.get(settings, "step_timeout_s"))
               + " s; seed " + fmt(Json.get(settings, "seed")) + ".";
    }

    /** The figure, where measured (also by a step that stopped later); else why not. */
    private static String ms(JsonObject o, String key) {
        if ( o != null && o.hasKey(key) )
            return plainMs(o, key);
        return o == null || o.hasKey("status") && !ok(o) ? status(o) : "";
    }

    private static String plainMs(JsonObject o, String key) {
        double v = Json.get(o, key);
        if ( !Double.isFinite(v) )
            return "";
        if ( v >= 10_000 )
            return String.format(Locale.ROOT, "%.1f s", v / 1000);
        return String.format(Locale.ROOT, v >= 100 ? "%.0f ms" : "%.2f ms", v);
    }

    private static String mb(JsonObject o) {
        return ok(o) ? String.format(Locale.ROOT, "%,.0f MB", Json.get(o, "peak_heap_mb")) : "";
    }

    private static String bytes(double b) {
        return Double.isFinite(b) ? String.format(Locale.ROOT, "%.0f B", b) : "";
    }

    private static String times(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f×", r) : "";
    }

    private static String fmt(double d) {
        return BenchReport.fmt(d);
    }

    private static String fmt2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private MarkdownTables() {}
}
