package io.painguard.runtime;

import io.painguard.events.AlertAcknowledgement;
import io.painguard.runtime.http.AcknowledgementLog;
import io.painguard.topology.SerdeChoice;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes acknowledgements to their topic, keyed by athleteId, with one idempotent producer owned
 * by the app: {@code acks=all}, so an answered acknowledgement is on every in-sync replica, and
 * bounded waits, so a broker that does not answer turns into a 503 within seconds rather than a
 * request hanging for Kafka's default two minutes. Values are written with the serde class the
 * topology reads them with ({@link SerdeChoice}).
 */
final class KafkaAcknowledgementLog implements AcknowledgementLog, AutoCloseable {

  /** The longest a request waits for the broker to take one acknowledgement. */
  static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> OURS =
      Set.of(
          ProducerConfig.CLIENT_ID_CONFIG,
          ProducerConfig.TRANSACTIONAL_ID_CONFIG,
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
          ProducerConfig.ACKS_CONFIG,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
          ProducerConfig.MAX_BLOCK_MS_CONFIG,
          ProducerConfig.LINGER_MS_CONFIG);

  private final String topic;
  private final KafkaProducer<String, AlertAcknowledgement> producer;

  KafkaAcknowledgementLog(Map<String, Object> kafka, Map<String, ?> serdeConfig, String topic) {
    this.topic = topic;
    Serializer<AlertAcknowledgement> values =
        SerdeChoice.from(serdeConfig).serdeFor(AlertAcknowledgement.class, serdeConfig).serializer();
    try {
      this.producer = new KafkaProducer<>(producerConfig(kafka), new StringSerializer(), values);
    } catch (RuntimeException e) {
      throw new StartupException(
          "Cannot write to the acknowledgements topic '" + topic + "': " + StartupChecks.rootMessage(e) + ".", e);
    }
  }

  /** The deployment's client settings (brokers, security) with this producer's own. */
  static Map<String, Object> producerConfig(Map<String, Object> kafka) {
    Map<String, Object> config = new HashMap<>();
    kafka.forEach(
        (key, value) -> {
          if (ProducerConfig.configNames().contains(key) && !OURS.contains(key)) {
            config.put(key, value);
          }
        });
    config.put(ProducerConfig.CLIENT_ID_CONFIG, kafka.getOrDefault("application.id", "painguard") + "-acknowledgements");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0); // one record per request: nothing to batch, no wait
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    return config;
  }

  @Override
  public void append(AlertAcknowledgement acknowledgement) {
    try {
      producer
          .send(new ProducerRecord<>(topic, acknowledgement.getAthleteId(), acknowledgement))
          .get(WRITE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing the acknowledgement.");
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // The cause's message, never the record: it holds the note.
      throw new IllegalStateException(
          "The acknowledgement could not be written to topic '" + topic + "' ("
              + StartupChecks.rootMessage(e) + "); try again.");
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }
}
