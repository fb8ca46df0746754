package org.diplomacykg.replication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A real Apache Kafka cluster for the replication tests: N brokers in KRaft mode, each a child
 * JVM ({@link KafkaBroker}) on 127.0.0.1 taking both roles (broker and controller, so the N
 * form the metadata quorum), each with its own log directory under a temporary directory.
 * Child JVMs, not brokers inside the test JVM, so that {@link #kill(int)} is a real SIGKILL:
 * nothing of the broker runs on after it, as after a machine's crash.
 *
 * <p>The brokers run from the test class path (the {@code kafka_2.13} artifact), so nothing is
 * downloaded at test time. Their output goes to {@code target/kafka/<start time>/broker-<i>.log},
 * kept after {@link #close()} so that a failed test can be read; {@link #close()} deletes the
 * log directories.
 */
public final class KafkaCluster implements AutoCloseable {

    /**
     * Largest record a topic of {@link #createTopic(String)} takes: an article's patch (its text
     * and facts, inferences and explanations) is a few hundred KB, a bulk load many MB.
     * Producers must set {@code max.request.size} and consumers {@code max.partition.fetch.bytes}
     * to at least this.
     */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String clusterId;
    private final Path dataDir;
    private final Path logDir;
    private final int[] brokerPorts;
    private final int[] controllerPorts;
    private final Process[] processes;
    private final Admin admin;

    private KafkaCluster(Path dataDir, Path logDir, int[] brokerPorts, int[] controllerPorts) {
        this.clusterId = Uuid.randomUuid().toString();
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.brokerPorts = brokerPorts;
        this.controllerPorts = controllerPorts;
        this.processes = new Process[brokerPorts.length];
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        this.admin = Admin.create(config);
    }

    private static KafkaCluster shared;

    /**
     * The three-broker cluster of this test JVM, started on first use and closed when the JVM
     * exits, so that the test classes of a run share one start-up. Give each test topics
     * (and transactional ids) of its own, do not close it, and restart any broker you kill
     * ({@link #restartKilled()} in an {@code @AfterEach}).
     */
    public static synchronized KafkaCluster shared() {
        if ( shared == null ) {
            shared = start(3);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Starts {@code brokers} brokers of one new cluster (each formats its log directory) and returns once all of them serve. */
    public static KafkaCluster start(int brokers) {
        Path logDir = Path.of("target", "kafka",
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))).toAbsolutePath();
        KafkaCluster cluster;
        try {
            Files.createDirectories(logDir);
            int[] ports = freePorts(2 * brokers);
            cluster = new KafkaCluster(Files.createTempDirectory("kafka-cluster"), logDir,
                Arrays.copyOfRange(ports, 0, brokers), Arrays.copyOfRange(ports, brokers, 2 * brokers));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        long started = System.nanoTime();
        try {
            for ( int i = 0 ; i < brokers ; i++ )
                cluster.launch(i);
            cluster.awaitBrokers(brokers);
            // Where to look when a test fails, in the test's own output.
            System.out.printf("KafkaCluster: %d brokers serving at %s after %.1f s; their output is in %s%n",
                brokers, cluster.bootstrapServers(), (System.nanoTime() - started) / 1e9, logDir);
            return cluster;
        } catch (RuntimeException | Error ex) {
            cluster.close();
            throw ex;
        }
    }

    /** {@code 127.0.0.1:port,...} of every broker, running or not. */
    public String bootstrapServers() {
        return IntStream.of(brokerPorts).mapToObj(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** How many brokers the cluster has, running or not. */
    public int size() {
        return brokerPorts.length;
    }

    /** An admin client of this cluster, closed by {@link #close()}. */
    public Admin admin() {
        return admin;
    }

    /**
     * Creates a topic as a replicated store wants it: one partition (one total order), one
     * replica on each of three brokers, a write acknowledged ({@code acks=all}) only once two of
     * them have it, records up to {@link #MAX_MESSAGE_BYTES}, kept forever (a new replica reads
     * from the export's offset on). Returns once every replica is in sync.
     */
    public void createTopic(String name) {
        short replicas = (short) Math.min(3, size());
        NewTopic topic = new NewTopic(name, 1, replicas).configs(Map.of(
            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, replicas)),
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES),
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"));
        get(admin.createTopics(List.of(topic)).all());
        awaitInSync(name);
    }

    /** Waits until the topic's partitions have a leader and every replica in sync, e.g. after {@link #restart(int)}. */
    public void awaitInSync(String topic) {
        awaitTrue("every replica of " + topic + " in sync", () -> {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
                return description.partitions().stream()
                    .allMatch(p -> p.leader() != null && p.isr().size() == p.replicas().size());
            } catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
                return false;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        });
    }

    /** The index ({@code 0..size()-1}) of the broker leading partition 0 of {@code topic}. */
    public int leaderOf(String topic) {
        TopicPartitionInfo partition = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().get(0);
        if ( partition.leader() == null )
            throw new IllegalStateException(topic + " has no leader");
        return partition.leader().id();
    }

    /** The index of the broker coordinating the transactions of {@code transactionalId} (one that has begun one). */
    public int coordinatorOf(String transactionalId) {
        return get(admin.describeTransactions(List.of(transactionalId)).description(transactionalId)).coordinatorId();
    }

    /**
     * Every record of partition 0 of {@code topic} that a {@code read_committed} consumer sees
     * (what replicas apply), from the start up to the last stable offset, in order.
     */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try ( KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config) ) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(60)).get(partition);
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while ( consumer.position(partition, Duration.ofSeconds(60)) < end ) {
                if ( System.nanoTime() > deadline )
                    throw new IllegalStateException("Kafka: " + topic + " not read to its end (" + end + ") within " + START_TIMEOUT);
                consumer.poll(Duration.ofMillis(500)).records(partition).forEach(records::add);
            }
        }
        return records;
    }

    /** Kills broker {@code i} at once (SIGKILL): no shutdown, no flush, as a crash would. */
    public void kill(int i) {
        Process process = processes[i];
        if ( process == null || !process.isAlive() )
            return;
        process.destroyForcibly();
        try {
            if ( !process.waitFor(30, TimeUnit.SECONDS) )
                throw new IllegalStateException("broker " + i + " did not die within 30 s");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Starts broker {@code i} again on its log directory and ports; returns once the cluster counts it among its brokers. */
    public void restart(int i) {
        kill(i);
        launch(i);
        awaitTrue("broker " + i + " back in the cluster", () -> {
            if ( !processes[i].isAlive() )
                throw new IllegalStateException("broker " + i + " exited with " + processes[i].exitValue() + ":\n" + output(i));
            return brokerIds().contains(i) && answers(i);
        });
    }

    /** Restarts every broker that is not running; returns once the cluster counts all of them again. */
    public void restartKilled() {
        for ( int i = 0 ; i < size() ; i++ )
            if ( !isRunning(i) )
                launch(i);
        awaitBrokers(size());
    }

    /** Whether broker {@code i}'s process runs. */
    public boolean isRunning(int i) {
        return processes[i] != null && processes[i].isAlive();
    }

    /** Broker {@code i}'s output so far, for assertion messages. */
    public String output(int i) {
        try {
            return Files.readString(brokerLog(i));
        } catch (IOException ex) {
            return "(no output: " + ex.getMessage() + ")";
        }
    }

    /** Kills every broker and deletes their log directories; keeps their output under target/kafka. */
    @Override
    public void close() {
        admin.close(Duration.ZERO);
        for ( int i = 0 ; i < processes.length ; i++ )
            kill(i);
        deleteRecursively(dataDir);
    }

    private void launch(int i) {
        Path config = writeConfig(i);
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            // Small and quick to start: the tests run on two shared cores.
            "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-cp", System.getProperty("java.class.path"),
            "org.diplomacykg.replication.KafkaBroker", String.valueOf(ProcessHandle.current().pid()), clusterId, config.toString()));
        try {
            processes[i] = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(brokerLog(i).toFile()))
                .start();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Path writeConfig(int i) {
        String voters = IntStream.range(0, size()).mapToObj(n -> n + "@127.0.0.1:" + controllerPorts[n])
            .collect(Collectors.joining(","));
        int replicas = Math.min(3, size());
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(i));
        config.put("controller.quorum.voters", voters);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[i] + ",CONTROLLER://127.0.0.1:" + controllerPorts[i]);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[i]);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dataDir.resolve("broker-" + i).toString());
        config.put("auto.create.topics.enable", "false");
        config.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        config.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        // The internal topics of transactions and consumer groups as durable as the data topic,
        // but with one partition each instead of 50: that is most of a first transaction's wait.
        config.put("transaction.state.log.replication.factor", String.valueOf(replicas));
        config.put("transaction.state.log.min.isr", String.valueOf(Math.min(2, replicas)));
        config.put("transaction.state.log.num.partitions", "1");
        config.put("offsets.topic.replication.factor", String.valueOf(replicas));
        config.put("offsets.topic.num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // A dead broker is fenced (and its partitions get new leaders) after 6 s instead of 9.
        config.put("broker.heartbeat.interval.ms", "1000");
        config.put("broker.session.timeout.ms", "6000");
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("num.recovery.threads.per.data.dir", "1");
        config.put("log.cleaner.threads", "1");
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        Path file = configFile(i);
        try {
            Files.createDirectories(file.getParent());
            try ( var out = Files.newBufferedWriter(file) ) {
                config.store(out, "broker " + i + " of a KafkaCluster");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    private Path configFile(int i) {
        return dataDir.resolve("broker-" + i + ".properties");
    }

    private Path brokerLog(int i) {
        return logDir.resolve("broker-" + i + ".log");
    }

    private void awaitBrokers(int brokers) {
        awaitTrue(brokers + " brokers serving", () -> {
            // A broker that died (e.g. a bad config, a port taken) is reported at once, with its output.
            for ( int i = 0 ; i < processes.length ; i++ )
                if ( !processes[i].isAlive() )
                    throw new IllegalStateException("broker " + i + " exited with " + processes[i].exitValue() + ":\n" + output(i));
            Set<Integer> registered = brokerIds();
            return registered.size() == brokers && registered.stream().allMatch(this::answers);
        });
    }

    /**
     * Whether broker {@code i} itself answers a request. The cluster's list of brokers alone is
     * not enough after {@link #kill(int)}: it keeps a dead broker until its session times out.
     */
    private boolean answers(int i) {
        try {
            admin.describeLogDirs(List.of(i)).allDescriptions().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Ids of the brokers the cluster counts as serving (registered and not fenced). */
    private Set<Integer> brokerIds() {
        try {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet());
        } catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
            return Set.of();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while ( !condition.getAsBoolean() ) {
            if ( System.nanoTime() > deadline )
                throw new IllegalStateException("Kafka: no " + what + " within " + START_TIMEOUT + "; broker output in " + logDir);
            sleep(Duration.ofMillis(200));
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        } catch (java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int[] freePorts(int n) throws IOException {
        // All sockets held open together, so that no two of the ports are the same.
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for ( int i = 0 ; i < n ; i++ )
                sockets.add(new ServerSocket(0));
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for ( ServerSocket socket : sockets )
                socket.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Deletes {@code dir} and all it holds, if it exists. */
    static void deleteRecursively(Path dir) {
        if ( !Files.exists(dir) )
            return;
        try ( Stream<Path> paths = Files.walk(dir) ) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
