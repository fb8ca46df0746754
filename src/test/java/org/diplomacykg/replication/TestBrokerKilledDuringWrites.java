package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.diplomacykg.StoreDigest;
import org.diplomacykg.StoreDigest.GraphDigest;
import org.diplomacykg.replication.ReplicatedService.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka brokers die (SIGKILL) while a client writes to the primary, one write after another,
 * and two replicas follow: first the broker that leads the topic's partition, so that Kafka
 * must elect another while writes wait; then, once that one is back, the broker coordinating
 * the primary's transactions, which each commit goes through. A write may be refused meanwhile
 * (503, nothing kept), but every acknowledged write is on the primary and both replicas, each
 * once and in order, and no refused one is anywhere; the three stores end digest-equal.
 */
@Tag("kafka")
class TestBrokerKilledDuringWrites {

    private static final int WRITES = 45;
    private static final int KILL_LEADER_BEFORE = 15;
    private static final int RESTART_BEFORE = 25;
    private static final int KILL_COORDINATOR_BEFORE = 30;
    private static final int PLACES = 20;
    /** Kafka's topic of transaction states, whose partition leader coordinates transactions. */
    private static final String TRANSACTION_STATE = "__transaction_state";

    @TempDir
    Path tmp;

    private final KafkaCluster cluster = KafkaCluster.shared();

    @AfterEach
    void restartBrokers() {
        cluster.restartKilled();
    }

    @Test
    void noAcknowledgedWriteIsLostAndNoneIsAppliedTwice() {
        Map<Integer, Answer> answers = new TreeMap<>();
        List<String> kills = new ArrayList<>();
        Map<String, Map<String, GraphDigest>> digests;
        try ( ReplicatedService service = new ReplicatedService(tmp, cluster, "broker-killed", 2) ) {
            int leader = -1;
            for ( int n = 0 ; n < WRITES ; n++ ) {
                if ( n == KILL_LEADER_BEFORE ) {
                    leader = cluster.leaderOf(service.topic());
                    cluster.kill(leader);
                    kills.add("leader " + leader + " before write " + n);
                } else if ( n == RESTART_BEFORE ) {
                    // Back in sync everywhere, so that one more death leaves two of three brokers.
                    cluster.restart(leader);
                    cluster.awaitInSync(service.topic());
                    cluster.awaitInSync(TRANSACTION_STATE);
                } else if ( n == KILL_COORDINATOR_BEFORE ) {
                    int coordinator = cluster.coordinatorOf(KafkaSettings.transactionalId(service.topic()));
                    cluster.kill(coordinator);
                    kills.add("coordinator " + coordinator + " before write " + n);
                }
                answers.put(n, service.update(SyntheticWrites.update(n, PLACES)));
            }
            Set<Integer> acknowledged = acknowledged(answers);
            answers.forEach((n, answer) -> assertTrue(answer.acknowledged() || answer.status() == 503,
                () -> "write " + n + ": acknowledged or refused as unavailable, not " + answer));
            assertTrue(answers.get(WRITES - 1).acknowledged(), () -> "writes go on after the broker's death: " + answers);
            assertOffsetsInWriteOrder(answers);

            service.awaitReplicasCaughtUp(Duration.ofSeconds(60));
            int last = ((TreeSet<Integer>) acknowledged).last();
            assertEquals(acknowledged, SyntheticWrites.held(service.primary().sparqlUrl()), "the primary holds the acknowledged writes, only");
            for ( int i = 0 ; i < service.replicaCount() ; i++ ) {
                assertEquals(acknowledged, SyntheticWrites.held(service.replica(i).sparqlUrl()), "replica " + i + " holds the acknowledged writes, only");
                assertEquals(Set.of("write " + last), SyntheticWrites.latest(service.replica(i).sparqlUrl()),
                             "replica " + i + " applied the last write last");
            }
            assertEquals(acknowledged.size(), cluster.readCommitted(service.topic()).size(),
                         "one committed record per acknowledged write; killed: " + kills);
            digests = service.stopAndDigest();
            Set<Integer> refused = new TreeSet<>(answers.keySet());
            refused.removeAll(acknowledged);
            System.out.println("Brokers killed: " + kills + "; " + acknowledged.size() + " of "
                               + WRITES + " writes acknowledged; refused: " + refused);
        }
        Map<String, GraphDigest> primary = digests.get("primary");
        digests.forEach((name, digest) -> assertEquals(primary, digest,
            () -> name + " differs from the primary:\n" + StoreDigest.describe(digest) + "primary:\n" + StoreDigest.describe(primary)));
    }

    private static Set<Integer> acknowledged(Map<Integer, Answer> answers) {
        Set<Integer> acknowledged = new TreeSet<>();
        answers.forEach((n, answer) -> {
            if ( answer.acknowledged() )
                acknowledged.add(n);
        });
        return acknowledged;
    }

    /** Each acknowledged write carries the offset of its record, later writes later offsets. */
    private static void assertOffsetsInWriteOrder(Map<Integer, Answer> answers) {
        List<Long> offsets = new ArrayList<>();
        answers.forEach((n, answer) -> {
            if ( answer.acknowledged() ) {
                assertNotNull(answer.offset(), () -> "write " + n + " has no DKG-Offset");
                offsets.add(answer.offset());
            }
        });
        for ( int i = 1 ; i < offsets.size() ; i++ )
            assertTrue(offsets.get(i) > offsets.get(i - 1), () -> "offsets in write order: " + offsets);
    }
}
