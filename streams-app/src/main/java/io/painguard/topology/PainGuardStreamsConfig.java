package io.painguard.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings the topology relies on. */
public final class PainGuardStreamsConfig {

  /** Config entry (an object, not a string) carrying the {@link DeadLetterCounter}. */
  public static final String DEAD_LETTER_COUNTER = "painguard.dlq.counter";

  /** Config entry (an Integer) carrying {@link TopologySettings#deadLetterMaxBytes()} to the handlers. */
  public static final String DEAD_LETTER_MAX_BYTES = "painguard.dlq.max.bytes";

  /**
   * Room a record needs beyond its key, value and header bytes in a produce request (batch and
   * record framing, varints); generous, so a dead letter at the cap always fits.
   */
  public static final int FRAMING_BYTES = 1024;

  private PainGuardStreamsConfig() {}

  /**
   * What the topology needs whatever the deployment: exactly-once v2 (alerts are written in the
   * same transaction as the state that produced them), the dead-letter handler for unexpected
   * processing failures and its topic, the production handler that decides per output what a
   * failed write means ({@link PainGuardProductionExceptionHandler}), the dead-letter size cap, and {@code max.task.idle.ms} ({@link #MAX_TASK_IDLE_MS}). Merge the deployment's own settings over these, but keep
   * {@code processing.guarantee}.
   */
  public static Map<String, Object> defaults(TopologySettings settings, DeadLetterCounter counter) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingExceptionHandler.class.getName());
    // No global stores today; opting in now is what Kafka 5.0 will default to, and stops a warning.
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    config.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        PainGuardProductionExceptionHandler.class.getName());
    config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.deadLetterTopic());
    config.put(DEAD_LETTER_COUNTER, counter);
    config.put(DEAD_LETTER_MAX_BYTES, settings.deadLetterMaxBytes());
    config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, MAX_TASK_IDLE_MS);
    config.putAll(tuning());
    return config;
  }

  /**
   * 0: a task waits for input partitions whose data is known to be on the broker (lag above 0) --
   * what puts a backlog, a replay or a restart's catch-up in event-time order across the three
   * inputs -- and never for partitions the broker says are empty. Measured on the embedded broker
   * (README, "Time and ordering"; {@code TaskIdleMeasurementIT}): a positive value added its own
   * length to the latency of a sample that follows a report (median 136 ms at 0, 364 ms at 250)
   * and put no burst in order that 0 did not (0 of 5 at 0, 50, 100 and 250 ms), because Kafka
   * Streams 4.3 starts the idle clock of an empty partition when it first sees it empty, not when
   * new data starts to arrive: after any quiet spell longer than the value, it no longer waits.
   * -1 (never wait) would give up the backlog ordering.
   */
  static final long MAX_TASK_IDLE_MS = 0L;

  /** 64 MiB: the working set of 100,000 athletes (~300-byte states plus key and cache-entry overhead). */
  static final long CACHE_BYTES = 64L * 1024 * 1024;
  /** 128 KiB: a changelog batch carries ~400 athlete states instead of Kafka's default ~50. */
  static final int PRODUCER_BATCH_BYTES = 128 * 1024;

  /**
   * Throughput and memory settings, measured with {@code ./painguard bench} (README,
   * "Performance"). Part of {@link #defaults}; a deployment may override any of them.
   */
  public static Map<String, Object> tuning() {
    Map<String, Object> config = new LinkedHashMap<>();
    // Every record rewrites its athlete's state: the record cache absorbs repeated writes within a
    // commit and serves the reads, but only when it holds the working set (Kafka's default is 10 MiB).
    config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
    // Changelog and alert batches: fewer, larger produce requests; lz4 costs little CPU and the
    // broker stores and replicates fewer bytes.
    config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
    config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    // All stores of the JVM share one bounded block cache and memtable budget, instead of ~100 MiB
    // of native memory per store.
    config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
    return config;
  }

  /**
   * Checks that a dead letter at the cap fits in one produce request of the app's producer.
   *
   * @throws IllegalArgumentException with one sentence naming both settings
   */
  public static void checkDeadLetterCap(Map<?, ?> streamsConfig, int cap) {
    Object configured = streamsConfig.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    if (configured == null) {
      configured = streamsConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    }
    long maxRequest;
    try {
      maxRequest = configured == null ? 1024 * 1024 : Long.parseLong(configured.toString().trim());
    } catch (NumberFormatException e) {
      return; // Kafka itself refuses a malformed max.request.size, with its own message
    }
    if (cap + FRAMING_BYTES > maxRequest) {
      throw new IllegalArgumentException(
          "painguard.topology.dead-letter-max-bytes is " + cap + " but the producer's max.request.size is "
              + maxRequest + "; the cap must be at least " + FRAMING_BYTES + " bytes smaller so a dead letter"
              + " at the cap can always be written.");
    }
  }

  /** {@link #defaults} plus the application id and the brokers: enough to start the app. */
  public static Properties properties(
      String applicationId,
      String bootstrapServers,
      TopologySettings settings,
      DeadLetterCounter counter) {
    Properties props = new Properties();
    props.putAll(defaults(settings, counter));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }
}
