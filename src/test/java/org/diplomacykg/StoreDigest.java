package org.diplomacykg;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;

/**
 * What a store holds, graph by graph, as a count and an order-independent hash of its quads
 * (the sum of the SHA-256 of each quad in N-Quads form), so that two stores of a few hundred
 * thousand quads compare exactly without being held in memory. TDB2 keeps blank nodes' labels,
 * so a store copied file by file digests as its original does.
 */
public final class StoreDigest {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    /** Quads and hash of one graph. */
    public record GraphDigest(long quads, BigInteger hash) {
        @Override
        public String toString() {
            return quads + " quads, hash " + hash.toString(16);
        }
    }

    /** Digest of every graph of {@code dsg}, by graph IRI (the stored default graph as {@code default}). */
    public static Map<String, GraphDigest> of(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Map<String, long[]> counts = new TreeMap<>();
            Map<String, BigInteger> sums = new TreeMap<>();
            Iterator<Quad> quads = dsg.find();
            try {
                while ( quads.hasNext() ) {
                    Quad quad = quads.next();
                    String graph = Quad.isDefaultGraph(quad.getGraph()) ? "default" : quad.getGraph().getURI();
                    counts.computeIfAbsent(graph, g -> new long[1])[0]++;
                    sums.merge(graph, sha256(NodeFmtLib.str(quad)), (a, b) -> a.add(b).mod(MODULUS));
                }
            } finally {
                Iter.close(quads);
            }
            Map<String, GraphDigest> digests = new TreeMap<>();
            counts.forEach((graph, n) -> digests.put(graph, new GraphDigest(n[0], sums.get(graph))));
            return digests;
        });
    }

    /**
     * What a fresh materialisation of {@code dsg}'s asserted graphs gives: those graphs copied into
     * a new in-memory store, every rule run from scratch, and the whole digested. A store whose
     * inferences are in step with its data digests exactly as this does.
     */
    public static Map<String, GraphDigest> rematerialised(DatasetGraph dsg) {
        Dataset copy = Store.createUnionDataset();
        DatasetGraph target = copy.asDatasetGraph();
        Txn.executeWrite(target, () -> Txn.executeRead(dsg, () -> {
            Iterator<Quad> quads = dsg.find();
            try {
                while ( quads.hasNext() ) {
                    Quad quad = quads.next();
                    // The audit trail is copied as it is: it records writes, nothing derives it.
                    if ( !InferringDatasetGraph.isProtected(quad.getGraph()) || Graphs.Nodes.AUDIT.equals(quad.getGraph()) )
                        target.add(quad);
                }
            } finally {
                Iter.close(quads);
            }
        }));
        Txn.executeWrite(target, () -> Materialiser.standard().materialiseAll(target));
        return of(target);
    }

    private static BigInteger sha256(String text) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The graph names with their digests, one a line, for assertion messages. */
    public static String describe(Map<String, GraphDigest> digests) {
        StringBuilder out = new StringBuilder();
        digests.forEach((graph, digest) -> out.append("  ").append(graph).append(": ").append(digest).append('\n'));
        return out.toString();
    }

    private StoreDigest() {}
}
