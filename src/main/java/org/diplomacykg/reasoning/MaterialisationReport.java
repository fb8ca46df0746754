package org.diplomacykg.reasoning;

import java.time.Duration;
import java.util.List;

/**
 * What one materialisation did: the rules it ran (IRIs, in order), how many inferred
 * triples it added to and removed from the inferred graph, how many the graph now holds,
 * and how long it took.
 */
public record MaterialisationReport(List<String> rulesRun, int added, int removed, long inferredTriples,
                                    Duration elapsed) {

    public MaterialisationReport {
        rulesRun = List.copyOf(rulesRun);
    }

    /** The report of a run that had nothing to do. */
    static MaterialisationReport nothing(long inferredTriples) {
        return new MaterialisationReport(List.of(), 0, 0, inferredTriples, Duration.ZERO);
    }
}
