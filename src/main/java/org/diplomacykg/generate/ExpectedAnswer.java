package org.diplomacykg.generate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * One triple the reasoners must infer from a generated world, with the question it answers
 * (e.g. {@code unchanged-since}). Computed by the generator from its own model, not by the
 * reasoners, so that comparing the two checks them.
 */
public record ExpectedAnswer(String question, Node subject, Node predicate, Node object) {

    public Triple triple() {
        return Triple.create(subject, predicate, object);
    }

    /** A line of the expected-answers file: question, then the three terms in N-Triples syntax, tab-separated. */
    public String toTsv() {
        return question + "\t" + NodeFmtLib.strNT(subject) + "\t" + NodeFmtLib.strNT(predicate) + "\t" + NodeFmtLib.strNT(object);
    }
}
