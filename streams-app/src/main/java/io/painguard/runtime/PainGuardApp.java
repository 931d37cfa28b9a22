package io.painguard.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.ExertionAlert;
import io.painguard.redaction.Redaction;
import io.painguard.rules.GuidanceSettings;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.ConfigException;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.runtime.http.AccessTokens;
import io.painguard.runtime.http.AlertStreamHub;
import io.painguard.runtime.http.AlertView;
import io.painguard.runtime.http.ApiServer;
import io.painguard.runtime.http.StreamsAthleteDirectory;
import io.painguard.runtime.health.AssignedInputs;
import io.painguard.runtime.health.HealthSettings;
import io.painguard.runtime.health.HealthStatus;
import io.painguard.runtime.health.HangingTransactionWatch;
import io.painguard.runtime.health.ProgressMonitor;
import io.painguard.runtime.health.StreamsHealth;
import io.painguard.runtime.metrics.PainGuardMetrics;
import io.painguard.runtime.metrics.TopologyMeters;
import io.painguard.topology.BoundedMemoryRocksDbConfig;
import io.painguard.topology.DeadLetterCounter;
import io.painguard.topology.PainGuardStreamsConfig;
import io.painguard.topology.PainGuardTopology;
import io.painguard.topology.SerdeChoice;
import io.painguard.topology.TopologySettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running PainGuard instance: the HTTP API and dashboard, the alert feed for live streams, and
 * Kafka Streams running the detection topology. Used by {@code ./painguard app}, the demo, the
 * benchmark and tests alike:
 *
 * <pre>{@code
 * try (PainGuardApp app = PainGuardApp.start(AppConfig.of(Map.of("painguard.http.port", "0")))) {
 *   app.awaitRunning(Duration.ofSeconds(30));
 *   ... http://localhost:{app.httpPort()}/ ...
 * }
 * }</pre>
 *
 * <p>{@link #start} checks everything it can before it starts anything and refuses with a {@link
 * ConfigException} or {@link StartupException} whose message is one sentence.
 */
public final class PainGuardApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PainGuardApp.class);

  private final AppConfig config;
  private final RuntimeSettings runtime;
  private final TopologySettings topics;
  private final GuidanceSettings rules;
  private final AccessTokens tokens;
  private final DeadLetterCounter deadLetters = new DeadLetterCounter();
  private final PainGuardMetrics metrics = new PainGuardMetrics(deadLetters);
  private final HealthSettings healthSettings;
  private final StreamsHealth health;
  private final StreamThreadRestarts restarts;
  private ProgressMonitor progress;
  private HangingTransactionWatch transactions;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ObjectMapper json = new ObjectMapper();
  private volatile boolean failed;
  private AlertStreamHub hub;
  private ApiServer api;
  private AlertFeed feed;
  private KafkaAcknowledgementLog acknowledgements;
  private volatile KafkaStreams streams;
  private String applicationServer;

  private PainGuardApp(
      AppConfig config,
      RuntimeSettings runtime,
      TopologySettings topics,
      GuidanceSettings rules,
      AccessTokens tokens,
      HealthSettings healthSettings) {
    this.config = config;
    this.runtime = runtime;
    this.topics = topics;
    this.rules = rules;
    this.tokens = tokens;
    this.healthSettings = healthSettings;
    this.health = new StreamsHealth(healthSettings, System::nanoTime);
    this.restarts = new StreamThreadRestarts(topics.deadLetterTopic(), deadLetters.fallbacks(), health::threadReplaced);
  }

  /**
   * Checks the configuration, the broker and the registry, then starts the HTTP API, the alert feed
   * and Kafka Streams. Returns once Kafka Streams has been started (not yet RUNNING: see {@link
   * #awaitRunning}).
   *
   * @throws ConfigException when a setting is wrong
   * @throws StartupException when the environment does not allow starting (broker or registry
   *     unreachable, port taken)
   */
  public static PainGuardApp start(AppConfig config) {
    RuntimeSettings runtime = RuntimeSettings.from(config);
    TopologySettings topics = settings(() -> TopologySettings.fromProperties(config.family("painguard.")));
    GuidanceSettings rules =
        settings(() -> GuidanceSettings.fromProperties(config.family(GuidanceSettings.PREFIX)));
    AccessTokens tokens = AccessTokens.parse(runtime.httpTokens());
    HealthSettings healthSettings = HealthSettings.from(config.family("painguard."));
    // A wrong serde class or serde setting stops the start here, in one sentence.
    settings(() -> {
      SerdeChoice.from(config.serdeConfig()).check(config.serdeConfig(), ExertionAlert.class);
      return null;
    });
    // Built once here so a bad Kafka value fails before anything starts.
    validateStreamsConfig(
        streamsProperties(config, topics, new DeadLetterCounter(), applicationServer(config, "localhost", 0)),
        topics);

    LOG.info("Starting PainGuard with {}", config.redacted());
    if (tokens.isEmpty()) {
      LOG.warn("painguard.http.tokens is empty: the API and the dashboard will refuse every request.");
    }
    StartupChecks.port(runtime.httpHost(), runtime.httpPort());
    StartupChecks.OutputTopics outputs =
        StartupChecks.broker(config.kafkaProperties(), topics, runtime.createTopics(), runtime.startupTimeout());
    StartupChecks.registry(config.serdeConfig(), topics.exertionAlertsTopic(), runtime.startupTimeout());

    PainGuardApp app =
        new PainGuardApp(config, runtime, fitDeadLetters(topics, outputs), rules, tokens, healthSettings);
    if (!outputs.deadLettersWritable()) {
      app.deadLetters.fallbacks().unwritable(
          "the broker does not let this principal write to '" + topics.deadLetterTopic() + "'");
    }
    try {
      app.run();
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    return app;
  }

  /**
   * The topics with the dead-letter cap lowered, when the dead-letter topic's max.message.bytes
   * would refuse a dead letter at the cap: better a stub at once than a failed write.
   */
  static TopologySettings fitDeadLetters(TopologySettings topics, StartupChecks.OutputTopics outputs) {
    int limit = outputs.deadLetterMaxMessageBytes() - PainGuardStreamsConfig.FRAMING_BYTES;
    if (outputs.deadLetterMaxMessageBytes() < 0 || topics.deadLetterMaxBytes() <= limit) {
      return topics;
    }
    int fitted = Math.max(TopologySettings.MIN_DEAD_LETTER_BYTES, limit);
    LOG.warn("Topic {} takes records of at most {} bytes (max.message.bytes); dead letters over {} bytes"
            + " are written as stubs instead of painguard.topology.dead-letter-max-bytes={}.",
        topics.deadLetterTopic(), outputs.deadLetterMaxMessageBytes(), fitted, topics.deadLetterMaxBytes());
    return topics.withDeadLetterMaxBytes(fitted);
  }

  private void run() {
    hub = new AlertStreamHub(json, runtime.sseReplay(), runtime.sseHeartbeat(), runtime.sseMaxClients());
    metrics.sseClients(hub::size, hub::slowClientsDisconnected, hub::clientsRefused);
    // Kafka's metric tags carry client ids and the like, which a deployment may have made of secrets.
    api = new ApiServer(runtime, tokens, this::streamsState, () -> Redaction.text(metrics.scrape()), hub, json).start();
    applicationServer = applicationServer(config, runtime.httpHost(), api.port());

    // Follow the alerts before the topology can produce any, so a dashboard misses none.
    feed =
        new AlertFeed(
            config.kafkaProperties(),
            config.serdeConfig(),
            topics.exertionAlertsTopic(),
            runtime.startupTimeout(),
            alert -> hub.publish(AlertView.of(alert)));

    acknowledgements =
        new KafkaAcknowledgementLog(config.kafkaProperties(), config.serdeConfig(), topics.acknowledgementsTopic());
    api.acknowledgements(acknowledgements);

    Topology topology =
        TopologyMeters.instrument(
            PainGuardTopology.build(topics, rules, config.serdeConfig(), deadLetters, Clock.systemUTC()),
            topics,
            metrics);
    Properties streamsProperties = streamsProperties(config, topics, deadLetters, applicationServer);
    KafkaStreams created;
    try {
      created = new KafkaStreams(topology, streamsProperties, new LeaveGroupOnThreadDeath());
    } catch (org.apache.kafka.common.KafkaException e) {
      // e.g. a state directory that cannot be created, or client security settings Kafka rejects
      throw new StartupException("Kafka Streams cannot start: " + StartupChecks.rootMessage(e) + ".", e);
    }
    created.setUncaughtExceptionHandler(restarts);
    created.setStateListener(this::onStateChange);
    created.setGlobalStateRestoreListener(health);
    streams = created;
    metrics.bind(created);
    metrics.stateDirectory(Path.of(new StreamsConfig(streamsProperties).getString(StreamsConfig.STATE_DIR_CONFIG)));
    metrics.health(health, this::healthStatus);
    api.health(this::healthStatus);
    progress = new ProgressMonitor(
        Admin.create(healthAdminConfig()),
        applicationId(),
        new AssignedInputs(() -> streams, HostInfo.buildFromEndpoint(applicationServer), topics.inputTopics()),
        health,
        healthSettings.checkInterval()).start();
    transactions = new HangingTransactionWatch(
        Admin.create(healthAdminConfig()),
        List.of(topics.exertionAlertsTopic(), topics.deadLetterTopic()),
        healthSettings.hangingTransactionTimeout(),
        healthSettings.checkInterval(),
        Clock.systemUTC()).start();
    metrics.outputTransactions(transactions);
    api.directory(
        new StreamsAthleteDirectory(
            created, HostInfo.buildFromEndpoint(applicationServer), rules, topics, Clock.systemUTC()));
    created.start();
    LOG.info(
        "PainGuard started: HTTP API and dashboard on port {}, application.server {}",
        api.port(),
        applicationServer);
  }

  /** The Kafka Streams configuration: the topology's needs, then every {@code kafka.*} setting. */
  static Properties streamsProperties(
      AppConfig config, TopologySettings topics, DeadLetterCounter deadLetters, String applicationServer) {
    String guarantee = config.get("kafka." + StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
    if (!guarantee.isEmpty() && !StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
      throw new ConfigException(
          "kafka.processing.guarantee is '" + guarantee + "'; PainGuard needs exactly_once_v2 so that"
              + " alerts are written in the same transaction as the state that produced them.");
    }
    Properties props = new Properties();
    props.putAll(PainGuardStreamsConfig.defaults(topics, deadLetters));
    props.putAll(config.kafkaProperties());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    return props;
  }

  private static void validateStreamsConfig(Properties props, TopologySettings topics) {
    try {
      new StreamsConfig(props);
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw new ConfigException("Kafka rejects a kafka.* setting: " + StartupChecks.oneLine(e.getMessage()) + ".");
    }
    try {
      PainGuardStreamsConfig.checkDeadLetterCap(props, topics.deadLetterMaxBytes());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    try {
      BoundedMemoryRocksDbConfig.validate(props);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("kafka." + e.getMessage());
    }
  }

  /**
   * {@code kafka.application.server} when set (must be host:port), else the HTTP host -- this
   * machine's name when that is a wildcard address -- and the port actually bound.
   */
  static String applicationServer(AppConfig config, String httpHost, int boundPort) {
    String configured = config.get("kafka." + StreamsConfig.APPLICATION_SERVER_CONFIG).trim();
    if (!configured.isEmpty()) {
      try {
        HostInfo host = HostInfo.buildFromEndpoint(configured);
        if (host == null) {
          throw new IllegalArgumentException();
        }
      } catch (RuntimeException e) {
        throw new ConfigException(
            "kafka.application.server is '" + configured + "'; it must be host:port, where other"
                + " instances reach this one's HTTP API.");
      }
      return configured;
    }
    String host = httpHost;
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "localhost";
      }
    }
    return host + ":" + boundPort;
  }

  private static <T> T settings(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
    LOG.info("Kafka Streams {} -> {}", oldState, newState);
    if (newState == KafkaStreams.State.ERROR) {
      failed = true;
      LOG.error("Kafka Streams stopped after an error it cannot recover from; the app stops too.");
      stopped.countDown();
    }
  }

  private String applicationId() {
    return String.valueOf(config.kafkaProperties().getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, "painguard"));
  }

  private Map<String, Object> healthAdminConfig() {
    Map<String, Object> admin = StartupChecks.adminConfig(config.kafkaProperties(), healthSettings.checkInterval());
    admin.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationId() + "-health");
    return admin;
  }

  /** What the health endpoints answer: the Kafka Streams state, and whether the app is stuck. */
  HealthStatus healthStatus() {
    return health.status(streamsState());
  }

  private KafkaStreams.State streamsState() {
    KafkaStreams s = streams;
    return s == null ? null : s.state();
  }

  // ---- what callers use ----

  /** The HTTP port (the actual one when 0 was configured). */
  public int httpPort() {
    return api.port();
  }

  /** {@code host:port} other instances use to reach this one (Kafka Streams' application.server). */
  public String applicationServer() {
    return applicationServer;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public PainGuardMetrics metrics() {
    return metrics;
  }

  public DeadLetterCounter deadLetters() {
    return deadLetters;
  }

  public AppConfig config() {
    return config;
  }

  /** Waits until Kafka Streams is RUNNING; false when it did not get there in time. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      KafkaStreams.State state = streamsState();
      if (state == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (state == KafkaStreams.State.ERROR || closed.get()) {
        return false;
      }
      Thread.sleep(50);
    }
    return streamsState() == KafkaStreams.State.RUNNING;
  }

  /**
   * Blocks until the app is closed or Kafka Streams fails for good.
   *
   * @return true when Kafka Streams failed
   */
  public boolean awaitStop() throws InterruptedException {
    stopped.await();
    return failed;
  }

  /** As {@link #awaitStop()}, at most {@code timeout}; false also when still running. */
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && failed;
  }

  /**
   * Stops the HTTP API, the alert feed, then Kafka Streams (within {@code
   * painguard.shutdown.timeout}). Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Stopping PainGuard");
    restarts.closing();
    quietly(progress);
    quietly(transactions);
    quietly(hub); // ends the open event streams, so the HTTP server can stop at once
    quietly(api);
    quietly(feed);
    quietly(acknowledgements);
    KafkaStreams s = streams;
    if (s != null) {
      boolean clean = s.close(GroupExitOnClose.options(config.kafkaProperties(), runtime.shutdownTimeout()));
      if (!clean) {
        LOG.warn("Kafka Streams did not close within {}", runtime.shutdownTimeout());
      }
    }
    quietly(metrics);
    stopped.countDown();
    LOG.info("PainGuard stopped");
  }

  private static void quietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.getClass().getName());
    }
  }
}
