package org.diplomacykg.replication;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesApply;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.apache.jena.rdfpatch.changes.RDFChangesWrapper;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The value of one Kafka record: the changes of one committed write transaction as an RDF
 * Patch in Jena's text form, UTF-8, between {@code TX} and {@code TC}. The text form carries
 * RDF 1.2 triple terms ({@code <<( s p o )>>}, which the explanations graph holds) and blank
 * node labels as they are, so a replica gets exactly the quads the primary stored.
 */
public final class PatchRecord {

    /** The record value of the changes collected since {@code TX} (the collector's first call), closed with {@code TC}. */
    public static byte[] encode(RDFChangesCollector collected) {
        collected.txnCommit();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFPatchOps.write(out, collected.getRDFPatch());
        return out.toByteArray();
    }

    /**
     * Reads a record value whole, so that a record that is not a complete patch is refused
     * before any of it is applied.
     *
     * @throws InvalidRecordException if it does not parse as RDF Patch or is not one whole transaction
     */
    public static RDFPatch decode(byte[] value) {
        if ( value == null )
            throw new InvalidRecordException("the record has no value");
        RDFPatch patch;
        try {
            patch = RDFPatchOps.read(new ByteArrayInputStream(value));
        } catch (RuntimeException ex) {
            throw new InvalidRecordException("not an RDF Patch: " + ex.getMessage());
        }
        TransactionShape shape = new TransactionShape();
        patch.apply(shape);
        if ( !shape.whole() )
            throw new InvalidRecordException("not one whole transaction (TX ... TC)");
        return patch;
    }

    /** Applies the changes to {@code dsg}, inside a write transaction the caller holds (the patch's own TX and TC are not acted on). */
    public static void apply(RDFPatch patch, DatasetGraph dsg) {
        patch.apply(new RDFChangesWrapper(new RDFChangesApply(dsg)) {
            @Override
            public void txnBegin() {}

            @Override
            public void txnCommit() {}

            @Override
            public void txnAbort() {
                throw new InvalidRecordException("the patch aborts its transaction");
            }
        });
    }

    /** Counts the transaction markers: a record is exactly one TX, then changes, then one TC. */
    private static final class TransactionShape implements RDFChanges {
        private int begins, commits, aborts;
        private boolean changeOutside;

        boolean whole() {
            return begins == 1 && commits == 1 && aborts == 0 && !changeOutside;
        }

        private void change() {
            if ( begins != 1 || commits != 0 )
                changeOutside = true;
        }

        @Override public void header(String field, Node value) {}
        @Override public void add(Node g, Node s, Node p, Node o) { change(); }
        @Override public void delete(Node g, Node s, Node p, Node o) { change(); }
        @Override public void addPrefix(Node gn, String prefix, String uriStr) { change(); }
        @Override public void deletePrefix(Node gn, String prefix) { change(); }
        @Override public void txnBegin() { begins++; }
        @Override public void txnCommit() { commits++; }
        @Override public void txnAbort() { aborts++; }
        @Override public void segment() {}
        @Override public void start() {}
        @Override public void finish() {}
    }

    private PatchRecord() {}
}
