package org.diplomacykg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * What one child JVM is asked to measure, passed as a JSON file so the parent and the child
 * agree on one format.
 *
 * @param step        the step's name ({@link BenchStep})
 * @param ontology    the ontology file (Turtle)
 * @param world       the world's N-Quads file
 * @param workDir     a directory the step may use (TDB2 store)
 * @param seed        seed of the step's random choices
 * @param repetitions how many inserts and deletes the incremental measurement makes at most
 * @param budgetSeconds how long the incremental measurement may take at most
 * @param clients     the HTTP concurrency levels
 * @param durationSeconds how long each HTTP run lasts
 */
record StepRequest(String step, Path ontology, Path world, Path workDir, long seed, int repetitions,
                   double budgetSeconds, List<Integer> clients, double durationSeconds) {

    StepRequest withStep(String name) {
        return new StepRequest(name, ontology, world, workDir, seed, repetitions, budgetSeconds, clients, durationSeconds);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.put("step", step);
        o.put("ontology", ontology.toString());
        o.put("world", world.toString());
        o.put("workDir", workDir.toString());
        o.put("seed", seed);
        o.put("repetitions", repetitions);
        o.put("budgetSeconds", Json.num(budgetSeconds));
        JsonArray c = new JsonArray();
        clients.forEach(n -> c.add(n));
        o.put("clients", c);
        o.put("durationSeconds", Json.num(durationSeconds));
        return o;
    }

    static StepRequest fromJson(JsonObject o) {
        List<Integer> clients = new ArrayList<>();
        for ( JsonValue v : o.get("clients").getAsArray() )
            clients.add(v.getAsNumber().value().intValue());
        return new StepRequest(o.getString("step"), Path.of(o.getString("ontology")), Path.of(o.getString("world")),
                               Path.of(o.getString("workDir")), o.get("seed").getAsNumber().value().longValue(),
                               o.get("repetitions").getAsNumber().value().intValue(),
                               o.get("budgetSeconds").getAsNumber().value().doubleValue(), clients,
                               o.get("durationSeconds").getAsNumber().value().doubleValue());
    }
}
