package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplomacykg.ChildJvm;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.StoreDigest.GraphDigest;
import org.diplomacykg.replication.ReplicatedService.Answer;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new replica made while writes go on, as docs/scale-out.md says to: a running replica is
 * stopped, exported and started again; the new one is loaded from that export
 * ({@code load --from-export --replica}), which carries the exporter's offset, and follows the
 * topic from the next record. Every server ends holding every write, digest-equal to the primary.
 */
@Tag("kafka")
class TestReplicaFromExport {

    @TempDir
    Path tmp;

    private final KafkaCluster cluster = KafkaCluster.shared();

    @Test
    void aReplicaMadeFromAnExportDuringWritesCatchesUp() {
        Map<Integer, Answer> answers = new ConcurrentSkipListMap<>();
        Map<String, Map<String, GraphDigest>> digests;
        try ( ReplicatedService service = new ReplicatedService(tmp, cluster, "from-export", 1) ) {
            AtomicBoolean enough = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for ( int n = 0 ; !enough.get() ; n++ )
                    answers.put(n, service.update(SyntheticWrites.update(n, 20)));
            });
            while ( answers.size() < 5 )
                ChildJvm.sleep(Duration.ofMillis(100));

            service.replica(0).jvm().stop();
            long exported = storedOffset(service.replicaStore(0), service.topic());
            Path export = tmp.resolve("replica-0.nq");
            run(service, "export", "--tdb", service.replicaStore(0).toString(), "--format", "nquads", "--output", export.toString());
            service.startReplica(0);

            Path store = tmp.resolve("new-replica");
            run(service, "load", "--tdb", store.toString(), "--from-export", export.toString(), "--replica");
            assertTrue(exported >= 0, "the exported replica held records");
            assertEquals(exported, storedOffset(store, service.topic()), "the new store holds the exporter's offset");
            int added = service.addReplica(store);
            // Writes go on until the new replica has applied one made after the export.
            ReplicatedService.awaitApplied(service.replica(added), ReplicatedService.applied(service.primary()), Duration.ofSeconds(60));
            enough.set(true);
            writer.join();
            answers.forEach((n, answer) -> assertTrue(answer.acknowledged(), () -> "write " + n + ": " + answer));
            service.awaitReplicasCaughtUp(Duration.ofSeconds(60));
            Set<Integer> all = answers.keySet();
            assertEquals(all, SyntheticWrites.held(service.replica(added).sparqlUrl()), "the new replica holds every write");
            digests = service.stopAndDigest();
        }
        Map<String, GraphDigest> primary = digests.get("primary");
        digests.forEach((name, digest) -> assertEquals(primary, digest,
            () -> name + " differs from the primary:\n" + StoreDigest.describe(digest) + "primary:\n" + StoreDigest.describe(primary)));
    }

    /** Runs a command of the jar as a child JVM; asserts it succeeded. */
    private static void run(ReplicatedService service, String... args) {
        try ( ChildJvm command = ChildJvm.start(service.log(args[0]), args) ) {
            assertTrue(command.waitFor(Duration.ofMinutes(3)), () -> args[0] + " finished:\n" + command.output());
            assertEquals(0, command.process().exitValue(), command::output);
        }
    }

    /** The offset a closed store holds for {@code topic}. */
    private static long storedOffset(Path store, String topic) {
        try ( TdbStore tdb = StoreStack.at(store).existing().open() ) {
            DatasetGraph storage = tdb.storage();
            return Txn.calculateRead(storage, () -> StoredOffset.read(storage, topic));
        }
    }
}
