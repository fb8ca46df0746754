package org.diplomacykg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The named graphs of the dataset, one purpose each. The SPARQL default graph is the union
 * of all of them but the explanations, audit and replication graphs, so {@code GRAPH} clauses are how a
 * query tells them apart and reaches the explanations and the audit trail.
 */
public final class Graphs {

    /** The TBox: the ontology as loaded from {@code ontology/diplomacy.ttl}. */
    public static final String ONTOLOGY = DKG.GRAPH_BASE + "ontology";

    /** Curated background facts not taken from an article, each still attributed. */
    public static final String REFERENCE = DKG.GRAPH_BASE + "reference";

    /** Everything the reasoners derived, and nothing else. */
    public static final String INFERRED = DKG.GRAPH_BASE + "inferred";

    /** Why each inferred triple holds: rule and premises. */
    public static final String EXPLANATIONS = DKG.GRAPH_BASE + "explanations";

    /**
     * Who wrote what and when: one {@code prov:Activity} per committed write, added by the
     * store in the write's own transaction. Read-only over HTTP and outside the default graph.
     */
    public static final String AUDIT = DKG.GRAPH_BASE + "audit";

    /**
     * Where a replicated store keeps the offset of the last Kafka record it holds (the
     * primary's last published write, or the replica's last applied one), written in the same
     * transaction as the data. Bookkeeping of this store, not part of any record: outside the
     * default graph and closed to writers, like the audit graph.
     */
    public static final String REPLICATION = DKG.GRAPH_BASE + "replication";

    /** The common start of the IRIs of all per-article graphs. */
    public static final String SOURCE_BASE = DKG.GRAPH_BASE + "source/";

    /** The graph of what one article says, e.g. {@code sourceGraph("lavrov-rubio-2025-10")}. */
    public static String sourceGraph(String articleSlug) {
        return SOURCE_BASE + Slugs.require(articleSlug);
    }

    /** The graph names as {@link Node}s, for code working on a {@code DatasetGraph}. */
    public static final class Nodes {
        /** See {@link Graphs#ONTOLOGY}. */
        public static final Node ONTOLOGY = NodeFactory.createURI(Graphs.ONTOLOGY);
        /** See {@link Graphs#REFERENCE}. */
        public static final Node REFERENCE = NodeFactory.createURI(Graphs.REFERENCE);
        /** See {@link Graphs#INFERRED}. */
        public static final Node INFERRED = NodeFactory.createURI(Graphs.INFERRED);
        /** See {@link Graphs#EXPLANATIONS}. */
        public static final Node EXPLANATIONS = NodeFactory.createURI(Graphs.EXPLANATIONS);
        /** See {@link Graphs#AUDIT}. */
        public static final Node AUDIT = NodeFactory.createURI(Graphs.AUDIT);
        /** See {@link Graphs#REPLICATION}. */
        public static final Node REPLICATION = NodeFactory.createURI(Graphs.REPLICATION);

        /** See {@link Graphs#sourceGraph(String)}. */
        public static Node sourceGraph(String articleSlug) {
            return NodeFactory.createURI(Graphs.sourceGraph(articleSlug));
        }

        private Nodes() {}
    }

    private Graphs() {}
}
