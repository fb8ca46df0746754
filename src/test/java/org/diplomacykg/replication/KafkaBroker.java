package org.diplomacykg.replication;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * A broker's child JVM (see {@link KafkaCluster}): formats its log directory on the first start,
 * as {@code kafka-storage.sh format} does, then runs the broker as {@code kafka-server-start.sh}
 * does. Formatting here rather than in the test JVM loads the broker's classes once, in the
 * brokers, in parallel.
 *
 * <p>Arguments: the pid of the JVM that started it, the cluster id, the broker's
 * {@code server.properties}. The broker stops when that JVM ends, however it ends, so that a
 * test run killed or crashed leaves no broker running on the machine.
 */
public final class KafkaBroker {

    private KafkaBroker() {}

    public static void main(String[] args) {
        long parent = Long.parseLong(args[0]);
        String clusterId = args[1];
        String config = args[2];
        ProcessHandle.of(parent).ifPresentOrElse(
            handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
            () -> Runtime.getRuntime().halt(1));
        // execute() returns the exit code where main() would exit; an already formatted directory (a restart) is kept as it is.
        int code = StorageTool.execute(new String[] {"format", "--cluster-id", clusterId, "--config", config, "--ignore-formatted"}, System.out);
        if ( code != 0 )
            System.exit(code);
        Kafka.main(new String[] {config});
    }
}
