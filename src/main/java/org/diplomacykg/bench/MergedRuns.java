package org.diplomacykg.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * The results of several bench runs as one report: their sizes side by side, in order, and the
 * scaling fits worked out again over all of them. The largest sizes are often run on their own,
 * with other steps skipped and a longer time limit; this puts them back beside the others.
 * Each run's settings are kept under {@code runs}, and each size says which run it came from.
 */
public final class MergedRuns {

    /**
     * One results object from {@code runs} (named by {@code names}, e.g. their files); a size
     * measured in two of them is refused rather than silently picking one.
     */
    public static JsonObject merge(List<JsonObject> runs, List<String> names) {
        if ( runs.size() == 1 )
            return runs.get(0);
        Map<Double, JsonObject> sizes = new TreeMap<>();
        Map<Double, String> from = new TreeMap<>();
        JsonArray described = new JsonArray();
        for ( int i = 0; i < runs.size(); i++ ) {
            JsonObject run = runs.get(i);
            for ( JsonValue v : run.get("sizes").getAsArray() ) {
                JsonObject size = v.getAsObject();
                double target = Json.get(size, "target");
                if ( sizes.containsKey(target) )
                    throw new IllegalArgumentException(String.format("size %.0f is in both %s and %s: give each size once",
                                                                      target, from.get(target), names.get(i)));
                size.put("run", i + 1);
                sizes.put(target, size);
                from.put(target, names.get(i));
            }
            JsonObject about = new JsonObject();
            about.put("file", names.get(i));
            about.put("started", run.getString("started"));
            about.put("settings", Json.obj(run, "settings"));
            described.add(about);
        }
        JsonObject merged = new JsonObject();
        merged.put("started", runs.get(0).getString("started"));
        merged.put("machine", Json.obj(runs.get(0), "machine"));
        merged.put("settings", Json.obj(runs.get(0), "settings"));
        merged.put("runs", described);
        JsonArray all = new JsonArray();
        all.addAll(sizes.values());
        merged.put("sizes", all);
        merged.put("fit", BenchRun.fits(merged));
        return merged;
    }

    private MergedRuns() {}
}
