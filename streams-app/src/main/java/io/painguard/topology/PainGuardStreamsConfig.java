package io.painguard.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings the topology relies on. */
public final class PainGuardStreamsConfig {

  /** Config entry (an object, not a string) carrying the {@link DeadLetterCounter}. */
  public static final String DEAD_LETTER_COUNTER = "painguard.dlq.counter";

  private PainGuardStreamsConfig() {}

  /**
   * What the topology needs whatever the deployment: exactly-once v2 (alerts are written in the
   * same transaction as the state that produced them), the dead-letter handler for unexpected
   * processing failures and its topic. Merge the deployment's own settings over these, but keep
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
    config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.deadLetterTopic());
    config.put(DEAD_LETTER_COUNTER, counter);
    return config;
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
