package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.store.CommitLog;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.StoreCopy;
import org.diplomacykg.store.StoreExport;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records a primary publishes, without Kafka: a store whose every write transaction is
 * recorded as a patch, and an exact copy of it ({@link StoreCopy}, from its N-Quads export) that
 * applies the patches, must hold the same quads (inferred, explanations with their triple terms,
 * audit, blank nodes); a record is applied once; a record that is not a patch changes nothing.
 */
class TestPatchRecords {

    private static final String TOPIC = "kg";

    @TempDir
    Path dir;

    private TdbStore primary;
    private TdbStore replica;
    private final List<byte[]> records = new ArrayList<>();

    @BeforeEach
    void open() {
        replica = StoreStack.at(dir.resolve("replica")).open();
    }

    @AfterEach
    void close() {
        if ( primary != null )
            primary.close();
        replica.close();
    }

    @Test
    void aCopyThatAppliesThePrimarysRecordsHoldsTheSameQuads() throws Exception {
        primary = StoreStack.at(dir.resolve("primary")).filledFrom(new DataLayout(Path.of("ontology"), Path.of("data")))
                            .commitLog(new ListLog()).open();
        assertEquals(0, records.size(), "the first fill is not published");
        Path export = dir.resolve("primary.nq");
        try ( OutputStream out = Files.newOutputStream(export) ) {
            StoreExport.write(primary.datasetGraph(), null, StoreExport.Format.NQUADS, out);
        }
        StoreCopy.restore(replica, export);

        update(REVISION);
        assertEquals(1, records.size(), "one write transaction, one record");
        assertTrue(new String(records.get(0), StandardCharsets.UTF_8).contains("<<("), "explanations' triple terms in the text form");
        // A delete by pattern, which takes inferences with it, and a blank node of the client's.
        update("""
            PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
            PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            DELETE WHERE { GRAPH <https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10> {
              id:statement-recorded dkg:attributedTo ?who } } ;
            INSERT DATA { GRAPH <https://w3id.org/diplomacy-kg/graph/reference> { _:b1 rdfs:label "a blank node" } }
            """);
        assertEquals(2, records.size());
        RecordApplier applier = new RecordApplier(replica, TOPIC);
        for ( int i = 0; i < records.size(); i++ )
            applier.apply(i, records.get(i));

        assertEquals(records.size() - 1, applier.stored());
        assertEquals(withoutReplication(StoreDigest.of(primary.storage())), withoutReplication(StoreDigest.of(replica.storage())));
    }

    @Test
    void aRecordIsAppliedOnce() {
        byte[] record = recordAdding("urn:ex:s", "urn:ex:p", "urn:ex:o");
        RecordApplier applier = new RecordApplier(replica, TOPIC);
        applier.apply(0, record);
        DatasetGraph storage = replica.storage();
        Txn.executeWrite(storage, () -> storage.delete(Graphs.Nodes.REFERENCE, uri("urn:ex:s"), uri("urn:ex:p"), uri("urn:ex:o")));
        applier.apply(0, record);
        assertFalse(Txn.calculateRead(storage, () -> storage.contains(Graphs.Nodes.REFERENCE, uri("urn:ex:s"), uri("urn:ex:p"), uri("urn:ex:o"))),
                    "offset 0 is held: applying it again changes nothing");
    }

    @Test
    void aRecordThatIsNotAPatchChangesNothing() {
        RecordApplier applier = new RecordApplier(replica, TOPIC);
        applier.apply(0, recordAdding("urn:ex:s", "urn:ex:p", "urn:ex:o"));
        Map<String, StoreDigest.GraphDigest> before = StoreDigest.of(replica.storage());
        byte[] truncated = "TX .\nA <urn:ex:a> <urn:ex:b> <urn:ex:c> .\n".getBytes(StandardCharsets.UTF_8);
        for ( byte[] poison : List.of("not a patch at all".getBytes(StandardCharsets.UTF_8), truncated) ) {
            InvalidRecordException ex = assertThrows(InvalidRecordException.class, () -> applier.apply(1, poison));
            assertTrue(ex.getMessage().contains("offset 1"), ex.getMessage());
        }
        assertEquals(before, StoreDigest.of(replica.storage()));
        assertEquals(0, applier.stored());
    }

    /** Russia's position revised: new inferences and explanations, and an evidence span that is a blank node. */
    private static final String REVISION = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX oa:  <http://www.w3.org/ns/oa#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        INSERT DATA { GRAPH <https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10> {
          id:statement-recorded a dkg:Statement ; dkg:attributedTo id:sergey-lavrov ;
            dkg:revises id:russia-position-on-ukraine ; dkg:date "2025-09-10T00:00:00"^^xsd:dateTime ;
            dkg:evidence [ a oa:TextQuoteSelector ; oa:exact "Menteri Luar Negeri Rusia Sergey Lavrov" ;
                           dkg:inArticle id:article-lavrov-rubio-2025-10 ] .
        } }
        """;

    private byte[] recordAdding(String s, String p, String o) {
        RDFChangesCollector collector = new RDFChangesCollector();
        collector.txnBegin();
        collector.add(Graphs.Nodes.REFERENCE, uri(s), uri(p), uri(o));
        return PatchRecord.encode(collector);
    }

    private void update(String sparql) {
        DatasetGraph dsg = primary.datasetGraph();
        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(sparql, dsg));
    }

    private static Node uri(String iri) {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }

    private static Map<String, StoreDigest.GraphDigest> withoutReplication(Map<String, StoreDigest.GraphDigest> digests) {
        digests.remove(Graphs.REPLICATION);
        return digests;
    }

    /** A commit log that keeps each record in {@link #records}, its index the offset. */
    private final class ListLog implements CommitLog {
        private RDFChangesCollector collector;
        private boolean any;

        @Override
        public RDFChanges begin() {
            collector = new RDFChangesCollector() {
                @Override
                public void add(Node g, Node s, Node p, Node o) {
                    any = true;
                    super.add(g, s, p, o);
                }

                @Override
                public void delete(Node g, Node s, Node p, Node o) {
                    any = true;
                    super.delete(g, s, p, o);
                }
            };
            collector.txnBegin();
            any = false;
            return collector;
        }

        @Override
        public void publish(DatasetGraph below) {
            if ( !any )
                return;
            records.add(PatchRecord.encode(collector));
            StoredOffset.write(below, TOPIC, records.size() - 1);
        }

        @Override
        public void ended(boolean committed) {}
    }

}
