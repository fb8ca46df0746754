package org.diplomacykg.replication;

import static org.diplomacykg.replication.ReplicationNodes.offsetOf;
import static org.diplomacykg.replication.ReplicationNodes.select;
import static org.diplomacykg.replication.ReplicationNodes.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.diplomacykg.replication.ReplicationNodes.Node;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary and two replicas over a real Kafka cluster, through HTTP: a write on the primary,
 * with the inferences it brings, is read on both replicas once they have applied it, and every
 * store ends with the primary's quads. Then failover: the primary's server dies, a replica is
 * promoted, writes go on through it and reach the other replica, and the old primary, still
 * still running, is fenced: its next write is refused and kept nowhere.
 */
@Tag("kafka")
class TestReplicasFollowThePrimary {

    private static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX oa:  <http://www.w3.org/ns/oa#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        """;
    private static final String SOURCE = "https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10";

    /** Russia's position revised on {@code date}, with evidence quoting the article (a blank node span). */
    private static String revision(String name, String date) {
        return PREFIXES + "INSERT DATA { GRAPH <" + SOURCE + "> {\n"
            + "id:statement-" + name + " a dkg:Statement ; dkg:attributedTo id:sergey-lavrov ;\n"
            + "  dkg:revises id:russia-position-on-ukraine ; dkg:date \"" + date + "T00:00:00\"^^xsd:dateTime ;\n"
            + "  dkg:evidence [ a oa:TextQuoteSelector ; oa:exact \"Menteri Luar Negeri Rusia Sergey Lavrov\" ;\n"
            + "                 dkg:inArticle id:article-lavrov-rubio-2025-10 ] .\n} }";
    }

    /** What the reasoners derive from the revisions: the position unchanged since. */
    private static final String UNCHANGED_SINCE = PREFIXES
        + "SELECT ?since { GRAPH <https://w3id.org/diplomacy-kg/graph/inferred> { id:russia-position-on-ukraine dkg:unchangedSince ?since } }";

    private final KafkaCluster cluster = KafkaCluster.shared();

    @TempDir
    Path dir;

    @Test
    void replicasReadThePrimarysWritesWithTheirInferencesAndHoldItsQuads() {
        try ( ReplicationNodes nodes = new ReplicationNodes(dir, cluster, "follow") ) {
            Node primary = nodes.primary();
            Node one = nodes.replica("replica-1");
            Node two = nodes.replica("replica-2");
            String before = select(primary, UNCHANGED_SINCE, -1).body();

            long first = offsetOf(update(primary, revision("replication-1", "2025-09-10")));
            long second = offsetOf(update(primary, revision("replication-2", "2025-09-12")));
            assertTrue(second > first, "each write is a later record");

            String after = select(primary, UNCHANGED_SINCE, second).body();
            assertNotEquals(before, after, "the writes moved the inference");
            for ( Node replica : new Node[] { one, two } ) {
                HttpResponse<String> read = select(replica, UNCHANGED_SINCE, second);
                assertEquals(200, read.statusCode(), read.body());
                assertEquals(after, read.body(), "the replica holds the inference the primary derived");
                assertEquals(primary.digest(), replica.digest(), "the replica holds the primary's quads");
                assertEquals(second, replica.replication().applied());
            }

            // A replica's store started as a primary without --promote would fence the running primary: refused.
            ReplicationException mistaken = assertThrows(ReplicationException.class,
                () -> new KafkaPublisher(cluster.bootstrapServers(), "follow").start(one.store(), false));
            assertTrue(mistaken.getMessage().contains("--promote"), mistaken.getMessage());
            assertEquals(204, update(primary, revision("replication-3", "2025-09-14")).statusCode(),
                         "the primary still takes writes");
        }
    }

    @Test
    void aPromotedReplicaTakesWritesAndTheOldPrimaryIsFenced() throws Exception {
        try ( ReplicationNodes nodes = new ReplicationNodes(dir, cluster, "failover") ) {
            Node primary = nodes.primary();
            Node one = nodes.replica("replica-1");
            Node two = nodes.replica("replica-2");
            long before = offsetOf(update(primary, revision("before-failover", "2025-09-10")));
            assertEquals(200, select(one, UNCHANGED_SINCE, before).statusCode());

            // The primary is cut off from its clients (a partition, a hung machine); one replica is promoted.
            Node promoted = nodes.promote(one);
            long after = offsetOf(update(promoted, revision("after-failover", "2025-09-12")));
            assertTrue(after > before);
            assertEquals(200, select(two, UNCHANGED_SINCE, after).statusCode());
            assertEquals(promoted.digest(), two.digest(), "the other replica follows the new primary");

            // A client reaches the old primary again: its write is fenced, so refused and kept nowhere.
            var oldDigest = primary.digest();
            HttpResponse<String> refused = update(primary, revision("on-the-old-primary", "2025-09-14"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("no longer the primary"), refused.body());
            assertEquals(oldDigest, primary.digest(), "the old primary kept nothing of the refused write");
            assertEquals(200, select(two, UNCHANGED_SINCE, after).statusCode());
            assertEquals(promoted.digest(), two.digest(), "no replica got the refused write");

            // Started again as a primary without --promote, it sees the new primary's records and refuses.
            ReplicationException restart = assertThrows(ReplicationException.class,
                () -> new KafkaPublisher(cluster.bootstrapServers(), "failover").start(primary.store(), false));
            assertTrue(restart.getMessage().contains("Another primary"), restart.getMessage());
            assertEquals(oldDigest, primary.digest(), "and applies nothing of them as a primary");
        }
    }
}
