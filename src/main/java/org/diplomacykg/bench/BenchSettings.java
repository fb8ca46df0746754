package org.diplomacykg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * What a bench run measures and how.
 *
 * @param sizes           target world sizes (asserted triples)
 * @param seed            seed of the world and of the random choices
 * @param out             directory of the results
 * @param ontology        the ontology file (Turtle) every world is reasoned with
 * @param xmx             heap of each child JVM ({@code -Xmx}), e.g. {@code 8g}
 * @param stepTimeout     time limit of each child JVM
 * @param skip            steps not to run: {@code tdb}, {@code service} (the default store, with its
 *                        incremental step), {@code rete}, {@code incremental}, {@code http}
 * @param clients         HTTP concurrency levels
 * @param durationSeconds length of each HTTP run
 * @param repetitions     inserts and deletes of the incremental measurement, at most
 * @param budgetSeconds   time limit of the incremental measurement
 */
public record BenchSettings(List<Long> sizes, long seed, Path out, Path ontology, String xmx, Duration stepTimeout,
                            Set<String> skip, List<Integer> clients, double durationSeconds, int repetitions,
                            double budgetSeconds) {

    /** The steps {@code --skip} may name. */
    public static final Set<String> SKIPPABLE = Set.of(BenchStep.TDB, BenchStep.SERVICE, BenchStep.RETE, BenchStep.INCREMENTAL, BenchStep.HTTP);

    public BenchSettings {
        if ( sizes.isEmpty() || sizes.stream().anyMatch(s -> s <= 0) )
            throw new IllegalArgumentException("sizes must be positive numbers of triples, e.g. 10000,100000");
        if ( clients.isEmpty() || clients.stream().anyMatch(c -> c <= 0) )
            throw new IllegalArgumentException("clients must be positive numbers, e.g. 1,4,16");
        for ( String s : skip )
            if ( !SKIPPABLE.contains(s) )
                throw new IllegalArgumentException("cannot skip '" + s + "': choose among " + SKIPPABLE);
        if ( !(durationSeconds > 0) || !(budgetSeconds > 0) || repetitions <= 0 )
            throw new IllegalArgumentException("duration, budget and repetitions must be positive");
        sizes = List.copyOf(sizes);
        skip = Set.copyOf(skip);
        clients = List.copyOf(clients);
    }

    boolean runs(String step) {
        return !skip.contains(step);
    }

    /**
     * Reads a duration such as {@code 900}, {@code 90s}, {@code 15m} or {@code 1h} (seconds
     * when no unit is given).
     */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase();
        char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        long factor = switch ( unit ) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            default -> 0;
        };
        String number = factor == 0 ? t : t.substring(0, t.length() - 1);
        try {
            double seconds = Double.parseDouble(number) * (factor == 0 ? 1 : factor);
            if ( seconds > 0 )
                return Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException ex) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 900, 90s, 15m, 1h)");
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray s = new JsonArray();
        sizes.forEach(n -> s.add(n));
        o.put("sizes", s);
        o.put("seed", seed);
        o.put("xmx", xmx);
        o.put("step_timeout_s", stepTimeout.toSeconds());
        JsonArray k = new JsonArray();
        skip.stream().sorted().forEach(k::add);
        o.put("skip", k);
        JsonArray c = new JsonArray();
        clients.forEach(n -> c.add(n));
        o.put("clients", c);
        o.put("duration_s", Json.num(durationSeconds));
        o.put("repetitions", repetitions);
        o.put("incremental_budget_s", Json.num(budgetSeconds));
        return o;
    }
}
