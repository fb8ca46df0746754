package org.diplomacykg.reasoning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.jena.graph.Triple;

/**
 * The derivations a full run writes, kept as the run finds them: for each conclusion, all of
 * its derivations while there are at most {@link Materialiser#REASONS_PER_TRIPLE}, then only
 * the ones with the smallest ids ({@link Materialiser#chosen}). Memory follows the inferred
 * triples rather than every derivation found: a type that follows from the range of every
 * property pointing at a thing can have thousands.
 */
final class ChosenDerivations {

    /**
     * Per conclusion, to save memory on the common cases: a {@link Derivation} (one found), a
     * {@code List<Derivation>} (two up to the limit, no id computed), or a
     * {@code TreeMap<String, Derivation>} by id (more were found; the smallest kept).
     */
    private final Map<Triple, Object> byConclusion = new HashMap<>();

    /** Records one derivation found; one found before is ignored. */
    @SuppressWarnings("unchecked")
    void add(Derivation d) {
        Triple c = d.conclusion();
        Object kept = byConclusion.get(c);
        if ( kept == null ) {
            byConclusion.put(c, d);
        } else if ( kept instanceof Derivation one ) {
            if ( !one.equals(d) ) {
                List<Derivation> few = new ArrayList<>(Materialiser.REASONS_PER_TRIPLE);
                few.add(one);
                few.add(d);
                byConclusion.put(c, few);
            }
        } else if ( kept instanceof List<?> list ) {
            List<Derivation> few = (List<Derivation>) list;
            if ( few.contains(d) )
                return;
            if ( few.size() < Materialiser.REASONS_PER_TRIPLE ) {
                few.add(d);
                return;
            }
            TreeMap<String, Derivation> byId = new TreeMap<>();
            few.forEach(f -> byId.put(ExplanationWriter.id(f), f));
            byConclusion.put(c, byId);
            keepSmallest(byId, d);
        } else {
            keepSmallest((TreeMap<String, Derivation>) kept, d);
        }
    }

    private static void keepSmallest(TreeMap<String, Derivation> byId, Derivation d) {
        byId.put(ExplanationWriter.id(d), d);
        if ( byId.size() > Materialiser.REASONS_PER_TRIPLE )
            byId.pollLastEntry();
    }

    /** Each kept derivation, conclusion by conclusion. */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<Derivation> action) {
        for ( Object kept : byConclusion.values() ) {
            if ( kept instanceof Derivation d )
                action.accept(d);
            else if ( kept instanceof List<?> few )
                ((List<Derivation>) few).forEach(action);
            else
                ((TreeMap<String, Derivation>) kept).values().forEach(action);
        }
    }
}
