package io.painguard.stack.kafka;

import io.painguard.stack.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode -- one node that is both broker and controller --
 * running inside this JVM on 127.0.0.1.
 *
 * <p>Why in-process {@link KafkaRaftServer} rather than Kafka's test kit or a child JVM: tests and
 * {@code ./painguard stack|demo} share this one mechanism; it starts in a few seconds; it is the
 * same server class {@code kafka-server-start.sh} runs, configured the same way (plain broker
 * properties; {@link #security} can make the client listener SASL_SSL); and because it lives in our JVM nothing
 * can outlive it -- a JVM shutdown hook stops the broker and deletes a temporary data directory
 * on a normal exit or Ctrl-C.
 *
 * <p>Lifecycle: {@link #start()}, {@link #stop()} (graceful, keeps the data), {@link #start()}
 * again on the same port and data directory, {@link #close()} (stop and delete the data directory
 * if this object created it). Not reusable after close.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Map<String, String> extraBrokerProperties;
  private final Map<String, Object> extraClientProperties;
  private final BrokerSecurity security;
  private final boolean registerShutdownHook;
  private final Duration startupTimeout;
  private final Path dataDir;
  private final boolean ownsDataDir;
  private volatile int port;
  private volatile int controllerPort;

  private KafkaRaftServer server;
  private boolean tlsMaterialCreated;
  private Thread shutdownHook;
  private boolean closed;

  private EmbeddedKafka(Builder builder) {
    this.extraBrokerProperties = Map.copyOf(builder.brokerProperties);
    this.extraClientProperties = Map.copyOf(builder.clientProperties);
    this.security = builder.security;
    this.registerShutdownHook = builder.shutdownHook;
    this.startupTimeout = builder.startupTimeout;
    this.port = builder.port;
    this.controllerPort = builder.controllerPort;
    if (builder.dataDir != null) {
      this.dataDir = builder.dataDir.toAbsolutePath();
      this.ownsDataDir = false;
    } else {
      this.dataDir = createTempDir();
      this.ownsDataDir = true;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the broker (formatting the data directory on first use) and returns once an admin
   * client can describe the cluster. Does nothing when already running.
   *
   * @throws IllegalStateException when closed, or when the broker does not start in time
   */
  public synchronized EmbeddedKafka start() {
    if (closed) {
      throw new IllegalStateException("This EmbeddedKafka is closed; build a new one.");
    }
    if (server != null) {
      return this;
    }
    long startedAt = System.nanoTime();
    if (port == 0) {
      port = Ports.pickFree();
    }
    if (controllerPort == 0) {
      controllerPort = Ports.pickFree();
    }
    createDataDir();
    if (!tlsMaterialCreated) {
      // Once per object: clients keep the same truststore across stop() and start().
      security.createTlsMaterial(dataDir);
      tlsMaterialCreated = true;
    }
    KafkaConfig config = new KafkaConfig(brokerProperties(), false);
    formatIfNeeded(config);
    installShutdownHook();
    KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      candidate.startup();
      server = candidate;
      awaitReady();
    } catch (RuntimeException e) {
      // A half-started node (say, controller up, broker port taken) must not keep threads alive.
      server = null;
      shutDownQuietly(candidate);
      throw new IllegalStateException(
          "Kafka broker did not start on " + bootstrapServers() + ": " + rootMessage(e), e);
    }
    log.info(
        "Kafka broker ready on {} (data dir {}) in {} ms",
        bootstrapServers(),
        dataDir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    return this;
  }

  /** Stops the broker gracefully; the data stays, and {@link #start()} brings it back. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    KafkaRaftServer running = server;
    server = null;
    running.shutdown();
    running.awaitShutdown();
    log.info("Kafka broker on {} stopped", bootstrapServers());
  }

  /** Stops the broker and deletes the data directory if this object created it. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stop();
    } finally {
      removeShutdownHook();
      if (ownsDataDir) {
        deleteQuietly(dataDir);
      }
    }
  }

  /** {@code 127.0.0.1:port} of the client listener. */
  public String bootstrapServers() {
    return Ports.LOOPBACK + ":" + port;
  }

  /** The client listener's port (chosen at the first start when built with port 0). */
  public int port() {
    return port;
  }

  /** The KRaft controller listener's port; not for clients. */
  public int controllerPort() {
    return controllerPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** How the client listener is secured (PLAINTEXT unless the builder said otherwise). */
  public BrokerSecurity security() {
    return security;
  }

  /**
   * What a client needs to connect: bootstrap servers, the security settings (with SASL_SSL: the
   * protocol, SCRAM mechanism, JAAS config with the password, truststore location and password)
   * and any extra client properties given.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new LinkedHashMap<>(security.clientProperties(dataDir));
    props.putAll(extraClientProperties);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  private Map<String, Object> brokerProperties() {
    String clientListener = security.protocol();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
    props.put(
        "listeners",
        clientListener + "://" + Ports.LOOPBACK + ":" + port + ","
            + CONTROLLER_LISTENER + "://" + Ports.LOOPBACK + ":" + controllerPort);
    props.put("advertised.listeners", clientListener + "://" + Ports.LOOPBACK + ":" + port);
    // The controller listener stays PLAINTEXT on loopback even with SASL_SSL: only this process
    // uses it (broker and controller are one node) and it is never advertised to clients.
    props.put(
        "listener.security.protocol.map",
        clientListener + ":" + clientListener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", clientListener);
    props.put("log.dirs", dataDir.toString());
    // One node: every internal topic must make do with one replica, or groups and EOS hang.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "3");
    // 50 partitions per internal topic (the default) only slows startup on a laptop.
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("share.coordinator.state.topic.num.partitions", "5");
    // The compaction buffer defaults to 128 MiB of heap; compacted topics here are small.
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    props.putAll(security.brokerProperties(dataDir));
    props.putAll(extraBrokerProperties);
    return props;
  }

  private void createDataDir() {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot use " + dataDir + " as the Kafka data directory: " + rootMessage(e), e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new IllegalStateException("Cannot use " + dataDir + " as the Kafka data directory: it is not writable.");
    }
  }

  private void formatIfNeeded(KafkaConfig config) {
    if (Files.exists(dataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
      return; // A restart on existing data keeps its cluster id and topics.
    }
    Formatter formatter =
        new Formatter()
            .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
            .setNodeId(NODE_ID)
            .setClusterId(Uuid.randomUuid().toString())
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .setIgnoreFormatted(true)
            .setControllerListenerName(config.controllerListenerNames().get(0))
            .setMetadataLogDirectory(config.metadataLogDir())
            // Static voters (controller.quorum.voters) rather than a dynamic quorum: one node, and
            // the controller port may change between runs on the same data directory.
            .setHasDynamicQuorum(false)
            // SCRAM users go into the bootstrap metadata, so SASL works from the first second.
            .setScramArguments(security.scramFormatArguments())
            .addDirectory(dataDir.toString());
    try {
      formatter.run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Could not format the Kafka data directory " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    Map<String, Object> adminProps = clientProperties();
    adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(adminProps)) {
      while (true) {
        try {
          if (!admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
              .nodes()
              .get(3, TimeUnit.SECONDS)
              .isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // Not registered or unfenced yet: try again until the deadline.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the broker did not answer describeCluster within " + startupTimeout.toSeconds() + " s");
        }
        sleep(100);
      }
    }
  }

  private void installShutdownHook() {
    if (!registerShutdownHook || shutdownHook != null) {
      return;
    }
    shutdownHook = new Thread(this::closeFromHook, "painguard-embedded-kafka-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  private void closeFromHook() {
    synchronized (this) {
      shutdownHook = null; // Removing a hook while the JVM runs it is not allowed.
    }
    close();
  }

  private void removeShutdownHook() {
    if (shutdownHook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook's run is harmless.
    }
    shutdownHook = null;
  }

  private static void shutDownQuietly(KafkaRaftServer candidate) {
    try {
      candidate.shutdown();
      candidate.awaitShutdown();
    } catch (RuntimeException e) {
      log.debug("Ignoring a failure while shutting down a broker that failed to start", e);
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("painguard-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary Kafka data directory", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Utils.delete(dir.toFile());
    } catch (IOException e) {
      log.warn("Could not delete the Kafka data directory {}: {}", dir, e.getMessage());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
    }
  }

  /** Builder for {@link EmbeddedKafka}; every setting is optional. */
  public static final class Builder {
    private int port;
    private int controllerPort;
    private Path dataDir;
    private boolean shutdownHook = true;
    private Duration startupTimeout = Duration.ofSeconds(60);
    private BrokerSecurity security = BrokerSecurity.plaintext();
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private final Map<String, Object> clientProperties = new LinkedHashMap<>();

    private Builder() {}

    /** The client listener's port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = requirePort(port);
      return this;
    }

    /** The KRaft controller listener's port; 0 (the default) picks a free one. */
    public Builder controllerPort(int controllerPort) {
      this.controllerPort = requirePort(controllerPort);
      return this;
    }

    /**
     * Where the broker keeps its logs and metadata; kept on close. Without one, a fresh temporary
     * directory is used and deleted on close.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    /** Any broker property; overrides the defaults, listeners included (e.g. for SASL_SSL). */
    public Builder brokerProperty(String key, String value) {
      brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
      return this;
    }

    /**
     * A client property needed to reach the broker (e.g. security settings that go with changed
     * listeners); used by the readiness check and included in {@link #clientProperties()}.
     */
    public Builder clientProperty(String key, Object value) {
      clientProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
      return this;
    }

    /**
     * How the client listener is secured: {@link BrokerSecurity#plaintext()} (the default) or
     * {@link BrokerSecurity#saslSsl}. Credentials are added to the metadata when the data
     * directory is formatted, so a data directory first used without them stays without.
     */
    public Builder security(BrokerSecurity security) {
      this.security = Objects.requireNonNull(security, "security");
      return this;
    }

    /** Whether to stop the broker in a JVM shutdown hook (default true). */
    public Builder shutdownHook(boolean enabled) {
      this.shutdownHook = enabled;
      return this;
    }

    /** How long {@link EmbeddedKafka#start()} waits for the broker to answer (default 60 s). */
    public Builder startupTimeout(Duration startupTimeout) {
      this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
      return this;
    }

    public EmbeddedKafka build() {
      return new EmbeddedKafka(this);
    }

    private static int requirePort(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("A port must be between 0 and 65535, not " + port + ".");
      }
      return port;
    }
  }
}
