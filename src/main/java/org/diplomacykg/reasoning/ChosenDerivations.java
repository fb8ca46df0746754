package org.diplomacykg.reasoning;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Triple;

/**
 * The derivations a full run writes, kept as the run finds them: for each conclusion the one
 * with the smallest id ({@link Materialiser#chosen}), whatever order they come in. Memory
 * follows the inferred triples rather than every derivation found: a type that follows from
 * the range of every property pointing at a thing can have thousands.
 */
final class ChosenDerivations {

    private final ExplanationWriter explanations;
    private final Map<Triple, Derivation> byConclusion = new HashMap<>();
    /** The id of the kept derivation, once a second one has made comparing them necessary. */
    private final Map<Triple, String> idOfKept = new HashMap<>();

    ChosenDerivations(ExplanationWriter explanations) {
        this.explanations = explanations;
    }

    /** Records one derivation found; kept if it has the smallest id of its conclusion's so far. */
    void add(Derivation d) {
        Triple c = d.conclusion();
        Derivation kept = byConclusion.putIfAbsent(c, d);
        if ( kept == null || kept.equals(d) )
            return;
        String keptId = idOfKept.computeIfAbsent(c, k -> explanations.id(kept));
        String id = explanations.id(d);
        if ( id.compareTo(keptId) < 0 ) {
            byConclusion.put(c, d);
            idOfKept.put(c, id);
        }
    }

    /** Writes each kept derivation, reusing the id a comparison worked out. */
    void writeAll() {
        Set<String> whole = new HashSet<>();
        byConclusion.forEach((c, d) -> explanations.write(d, idOfKept.get(c), whole));
    }

    /** Each kept derivation. */
    void forEach(Consumer<Derivation> action) {
        byConclusion.values().forEach(action);
    }
}
