package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.diplomacykg.ChildJvm;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.StoreDigest.GraphDigest;
import org.diplomacykg.replication.ReplicatedService.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover of docs/scale-out.md, whole: the primary is SIGKILLed while a write is in flight,
 * a replica is promoted, writes go on through it and reach the other replica, and the old primary,
 * started again as it was, refuses to publish. The write in flight is kept by every server or by
 * none, whatever its client heard; every acknowledged write is kept; the promoted primary and the
 * remaining replica end digest-equal.
 */
@Tag("kafka")
class TestPrimaryKilledReplicaPromoted {

    private static final int PLACES = 20;

    @TempDir
    Path tmp;

    private final KafkaCluster cluster = KafkaCluster.shared();

    @Test
    void writesGoOnThroughThePromotedReplicaAndTheOldPrimaryStaysOut() throws Exception {
        Set<Integer> acknowledged = new TreeSet<>();
        Map<String, GraphDigest> promoted;
        Map<String, GraphDigest> follower;
        try ( ReplicatedService service = new ReplicatedService(tmp, cluster, "primary-killed", 2) ) {
            for ( int n = 0 ; n < 10 ; n++ )
                acknowledge(service, n, acknowledged);
            // The primary dies with a write in flight: sent, then the kill a moment later.
            CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(() -> service.update(SyntheticWrites.update(10, PLACES)));
            ChildJvm.sleep(Duration.ofMillis(150));
            Path oldStore = service.killPrimary();
            Answer lastAnswer = inFlight.handle((answer, failure) -> answer).join();
            if ( lastAnswer != null && lastAnswer.acknowledged() )
                acknowledged.add(10);

            service.promote(0);
            for ( int n = 11 ; n < 20 ; n++ )
                acknowledge(service, n, acknowledged);
            service.awaitReplicasCaughtUp(Duration.ofSeconds(60));

            Set<Integer> held = SyntheticWrites.held(service.primary().sparqlUrl());
            assertTrue(held.containsAll(acknowledged), () -> "every acknowledged write is kept: " + acknowledged + " held " + held);
            Set<Integer> beyond = new TreeSet<>(held);
            beyond.removeAll(acknowledged);
            assertTrue(beyond.isEmpty() || beyond.equals(Set.of(10)), () -> "only the write in flight may be kept unacknowledged: " + beyond);
            assertEquals(held, SyntheticWrites.held(service.replica(0).sparqlUrl()), "the other replica follows the new primary");
            assertEquals(Set.of("write 19"), SyntheticWrites.latest(service.replica(0).sparqlUrl()));

            ChildJvm old = service.startAsPrimary(oldStore);
            assertTrue(old.waitFor(Duration.ofSeconds(120)), "the old primary, started as it was, stops instead of serving");
            assertNotEquals(0, old.process().exitValue(), old::output);
            assertTrue(old.output().contains("--promote"), () -> "the refusal says how to take over, or to be a replica:\n" + old.output());

            Map<String, Map<String, GraphDigest>> digests = service.stopAndDigest();
            promoted = digests.get("primary");
            follower = digests.get("replica 0");
        }
        Map<String, GraphDigest> expected = promoted;
        assertEquals(expected, follower, () -> "replica differs from the promoted primary:\n" + StoreDigest.describe(follower)
                                               + "primary:\n" + StoreDigest.describe(expected));
    }

    private static void acknowledge(ReplicatedService service, int n, Set<Integer> acknowledged) {
        Answer answer = service.update(SyntheticWrites.update(n, PLACES));
        assertTrue(answer.acknowledged(), () -> "write " + n + ": " + answer);
        acknowledged.add(n);
    }
}
