package org.diplomacykg.server.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.store.AuditRecord;
import org.diplomacykg.vocab.Graphs;

/**
 * Who loaded an article and who changed it last, from the audit graph: the first and the last
 * recorded write that touched the article's graph. Read inside the caller's read transaction.
 *
 * @param loaded the first write
 * @param changed the last write, when there was more than one
 */
public record ArticleHistory(Write loaded, Write changed) {

    /** One write: who (their name, and what they wrote with) and when (UTC, to the minute). */
    public record Write(String by, String via, String on) {}

    /** The history of the article {@code slug}; empty when no write to its graph is recorded. */
    public static Optional<ArticleHistory> of(DatasetGraph dsg, String slug) {
        Node audit = Graphs.Nodes.AUDIT;
        List<Node> activities = new ArrayList<>();
        Iter.forEach(dsg.find(audit, Node.ANY, AuditRecord.touchedGraph, Graphs.Nodes.sourceGraph(slug)),
                     quad -> activities.add(quad.getSubject()));
        List<String[]> writes = new ArrayList<>();
        for ( Node activity : activities ) {
            String ended = value(dsg, activity, AuditRecord.endedAtTime);
            Node agent = object(dsg, activity, AuditRecord.wasAssociatedWith);
            if ( ended == null || agent == null )
                continue;
            String by = value(dsg, agent, RDFS.Nodes.label);
            String via = value(dsg, activity, RDFS.Nodes.label);
            writes.add(new String[] { ended, by == null ? agent.getURI() : by, via == null ? "" : via });
        }
        if ( writes.isEmpty() )
            return Optional.empty();
        // xsd:dateTime in UTC (as the store writes them): their text sorts as their time.
        writes.sort(Comparator.comparing(w -> w[0]));
        Write first = write(writes.get(0));
        Write last = writes.size() > 1 ? write(writes.get(writes.size() - 1)) : null;
        return Optional.of(new ArticleHistory(first, last));
    }

    private static Write write(String[] w) {
        // 2026-12-06T21:30:12.345Z -> 2026-12-06 21:30 UTC
        String on = w[0].length() >= 16 ? w[0].substring(0, 10) + " " + w[0].substring(11, 16) + " UTC" : w[0];
        return new Write(w[1], w[2], on);
    }

    private static Node object(DatasetGraph dsg, Node subject, Node predicate) {
        var it = dsg.find(Graphs.Nodes.AUDIT, subject, predicate, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            Iter.close(it);
        }
    }

    private static String value(DatasetGraph dsg, Node subject, Node predicate) {
        Node o = object(dsg, subject, predicate);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
