package org.diplomacykg.replication;

import static org.diplomacykg.replication.ReplicationNodes.offsetOf;
import static org.diplomacykg.replication.ReplicationNodes.select;
import static org.diplomacykg.replication.ReplicationNodes.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.diplomacykg.ChildJvm;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.replication.ReplicationNodes.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka unable to take a write (two of the three brokers dead, so fewer in sync than
 * {@code min.insync.replicas}): the write is answered 503 and kept by nobody, the primary
 * keeps serving reads, and once the brokers are back it publishes again, on its own.
 */
@Tag("kafka")
class TestKafkaUnavailable {

    private static final String TOPIC = "unavailable";
    private static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;
    private static final String LABELS = PREFIXES
        + "SELECT ?label { GRAPH <https://w3id.org/diplomacy-kg/graph/reference> { id:russia rdfs:comment ?label } } ORDER BY ?label";

    private final KafkaCluster cluster = KafkaCluster.shared();

    @TempDir
    Path dir;

    @AfterEach
    void restartBrokers() {
        cluster.restartKilled();
    }

    private static String comment(String text) {
        return PREFIXES + "INSERT DATA { GRAPH <https://w3id.org/diplomacy-kg/graph/reference> { id:russia rdfs:comment \"" + text + "\" } }";
    }

    @Test
    void aWriteKafkaCannotTakeIsRefusedAndKeptByNobody() {
        try ( ReplicationNodes nodes = new ReplicationNodes(dir, cluster, TOPIC) ) {
            Node primary = nodes.primary();
            Node replica = nodes.replica("replica");
            long first = offsetOf(update(primary, comment("before")));

            cluster.kill(0);
            cluster.kill(1);
            HttpResponse<String> refused = update(primary, comment("while Kafka is away"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals(200, select(primary, LABELS, first).statusCode(), "reads go on");

            cluster.restartKilled();
            cluster.awaitInSync(TOPIC);
            long after = publishOnceBack(primary, comment("after"));
            assertTrue(after > first);

            String primaryHolds = select(primary, LABELS, after).body();
            assertTrue(primaryHolds.contains("before") && primaryHolds.contains("after") && !primaryHolds.contains("away"), primaryHolds);
            assertEquals(primaryHolds, select(replica, LABELS, after).body());
            assertEquals(digest("primary", primary), digest("replica", replica));
        }
    }

    /** The node's digest; a store that cannot be read is named in the failure. */
    private static Map<String, StoreDigest.GraphDigest> digest(String name, Node node) {
        try {
            return node.digest();
        } catch (RuntimeException ex) {
            throw new AssertionError("the " + name + "'s store cannot be read whole", ex);
        }
    }

    /** Sends the write until the primary takes it (it refuses while it reconnects); its offset. */
    private static long publishOnceBack(Node primary, String update) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        HttpResponse<String> answer = update(primary, update);
        while ( answer.statusCode() == 503 && System.nanoTime() < deadline ) {
            ChildJvm.sleep(Duration.ofSeconds(1));
            answer = update(primary, update);
        }
        return offsetOf(answer);
    }
}
