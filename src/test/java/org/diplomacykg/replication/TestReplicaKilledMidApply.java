package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;

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
 * A replica killed (SIGKILL) while it applies a stream of article-sized writes, again and
 * again, and restarted on its store each time: the killed store holds exactly the records up
 * to the offset it stored, each whole (the writes of those records and no other, the last of
 * them last), and the restarted replica goes on from the next record, so that it ends
 * digest-equal to the primary.
 */
@Tag("kafka")
class TestReplicaKilledMidApply {

    private static final int WRITES = 30;
    /** Places per write: with their inferences and explanations a record of a few thousand quads, an article's order. */
    private static final int PLACES = 300;
    private static final int KILLS = 3;

    @TempDir
    Path tmp;

    private final KafkaCluster cluster = KafkaCluster.shared();

    /** What a killed replica's store held: its stored offset, the writes it held and the label of the last. */
    private record Snapshot(long offset, Set<Integer> held, Set<String> latest) {}

    @Test
    void aReplicaKilledWhileApplyingResumesExactlyOnce() {
        Map<Integer, Answer> answers = new ConcurrentSkipListMap<>();
        List<Snapshot> snapshots = new ArrayList<>();
        Map<String, Map<String, GraphDigest>> digests;
        try ( ReplicatedService service = new ReplicatedService(tmp, cluster, "replica-killed", 1) ) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for ( int n = 0 ; n < WRITES ; n++ )
                    answers.put(n, service.update(SyntheticWrites.update(n, PLACES)));
            });
            long stored = StoredOffset.NONE;
            while ( snapshots.size() < KILLS && awaitApplying(service, writer, stored) ) {
                service.replica(0).jvm().kill();
                snapshots.add(snapshot(service.replicaStore(0), service.topic()));
                stored = snapshots.get(snapshots.size() - 1).offset();
                service.startReplica(0);
            }
            writer.join();
            assertTrue(snapshots.size() > 0, "the replica was killed at least once while it had records to apply");
            answers.forEach((n, answer) -> assertTrue(answer.acknowledged(), () -> "write " + n + ": " + answer));

            service.awaitReplicasCaughtUp(Duration.ofSeconds(120));
            digests = service.stopAndDigest();
            System.out.println("Replica killed " + snapshots.size() + " times while applying; its store held the topic to offsets "
                               + snapshots.stream().map(Snapshot::offset).toList() + " of " + WRITES + " writes' records");
        }
        for ( Snapshot snapshot : snapshots ) {
            Set<Integer> upToOffset = new TreeSet<>();
            answers.forEach((n, answer) -> {
                if ( answer.offset() <= snapshot.offset() )
                    upToOffset.add(n);
            });
            assertEquals(upToOffset, snapshot.held(), "the killed store holds the writes up to its offset " + snapshot.offset());
            assertEquals(upToOffset.isEmpty() ? Set.of() : Set.of("write " + ((TreeSet<Integer>) upToOffset).last()), snapshot.latest(),
                         "the killed store holds the last of them last");
        }
        Map<String, GraphDigest> primary = digests.get("primary");
        assertEquals(primary, digests.get("replica 0"),
            () -> "the replica differs from the primary:\n" + StoreDigest.describe(digests.get("replica 0"))
                  + "primary:\n" + StoreDigest.describe(primary));
    }

    /**
     * Waits until the replica has applied a record after {@code stored} (since its last start)
     * and the primary holds a later one: the replica has a record to apply, or is applying it.
     * False if the writes ended first.
     */
    private static boolean awaitApplying(ReplicatedService service, CompletableFuture<Void> writer, long stored) {
        while ( !writer.isDone() ) {
            long applied = ReplicatedService.applied(service.replica(0));
            if ( applied > stored && applied < ReplicatedService.applied(service.primary()) )
                return true;
            ChildJvm.sleep(Duration.ofMillis(20));
        }
        return false;
    }

    /** Opens the killed replica's store here (TDB2 recovers it from its journal) and reads what it holds. */
    private static Snapshot snapshot(Path store, String topic) {
        try ( TdbStore tdb = StoreStack.at(store).existing().open() ) {
            DatasetGraph storage = tdb.storage();
            long offset = Txn.calculateRead(storage, () -> StoredOffset.read(storage, topic));
            return new Snapshot(offset, SyntheticWrites.held(tdb.dataset()), SyntheticWrites.latest(tdb.dataset()));
        }
    }
}
