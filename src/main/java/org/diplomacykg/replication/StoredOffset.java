package org.diplomacykg.replication;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.vocab.Graphs;

/**
 * The offset of the last record of the topic a store holds, in the replication graph
 * ({@link Graphs#REPLICATION}): one triple, {@code <topic> :offset N}, written in the same
 * transaction as the record's changes, so store and offset never disagree. A store that
 * never held a record has none ({@link #NONE}).
 */
public final class StoredOffset {

    /** The offset of a store that holds no record: the next one to read is 0. */
    public static final long NONE = -1;

    /** The predicate; under the project's IRIs but not an ontology term: bookkeeping, like the graph. */
    static final Node OFFSET = NodeFactory.createURI("https://w3id.org/diplomacy-kg/replication#offset");

    /** The subject naming the topic, e.g. {@code urn:kafka:topic:kg}. */
    static Node topicNode(String topic) {
        return NodeFactory.createURI("urn:kafka:topic:" + topic);
    }

    /** The stored offset for {@code topic}, inside a transaction the caller holds; {@link #NONE} if none. */
    public static long read(DatasetGraph store, String topic) {
        Iterator<Quad> found = store.find(Graphs.Nodes.REPLICATION, topicNode(topic), OFFSET, Node.ANY);
        try {
            return found.hasNext() ? Long.parseLong(found.next().getObject().getLiteralLexicalForm()) : NONE;
        } finally {
            Iter.close(found);
        }
    }

    /** Replaces the stored offset for {@code topic}, inside a write transaction the caller holds. */
    public static void write(DatasetGraph store, String topic, long offset) {
        Node topicNode = topicNode(topic);
        store.deleteAny(Graphs.Nodes.REPLICATION, topicNode, OFFSET, Node.ANY);
        store.add(Graphs.Nodes.REPLICATION, topicNode, OFFSET, NodeFactory.createLiteralDT(Long.toString(offset), XSDDatatype.XSDlong));
    }

    private StoredOffset() {}
}
