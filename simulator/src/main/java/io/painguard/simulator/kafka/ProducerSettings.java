package io.painguard.simulator.kafka;

import io.painguard.serde.AvroSerdeConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producer and serde configuration of the simulator. The producer is set for throughput without
 * giving up safety: idempotence with acks=all (no duplicates or reordering on retries), 10 ms
 * linger and 128 KiB batches (amortise requests), lz4 (cheap on CPU, good on repetitive Avro).
 * Values are always bytes: the simulator encodes with the project serde itself so that it can
 * also send deliberately corrupted bytes on the same producer.
 */
public final class ProducerSettings {

  public static final String CLIENT_ID = "painguard-simulator";

  private ProducerSettings() {}

  /**
   * The producer configuration: the defaults above, then {@code overrides} (e.g. SASL settings
   * from {@code --producer-property}) minus serde keys; the serializers cannot be overridden.
   */
  public static Map<String, Object> producerConfig(String bootstrapServers, Map<String, String> overrides) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    overrides.forEach((k, v) -> {
      if (!AvroSerdeConfig.isSerdeKey(k)) {
        config.put(k, v);
      }
    });
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return config;
  }

  /** The serializer configuration: registry URL, auto-registration on, then serde overrides. */
  public static Map<String, Object> serdeConfig(String registryUrl, Map<String, String> overrides) {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    overrides.forEach((k, v) -> {
      if (AvroSerdeConfig.isSerdeKey(k) && !k.equals(AvroSerdeConfig.SCHEMA_REGISTRY_URL)) {
        config.put(k, v);
      }
    });
    return config;
  }

  /** Settings for short-lived admin checks: the connection overrides, a short timeout. */
  public static Map<String, Object> adminConfig(Map<String, Object> producerConfig, int timeoutMs) {
    Map<String, Object> config = new HashMap<>();
    producerConfig.forEach((k, v) -> {
      if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")
          || k.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) || k.equals("client.dns.lookup")) {
        config.put(k, v);
      }
    });
    config.put("client.id", CLIENT_ID + "-admin");
    config.put("request.timeout.ms", timeoutMs);
    config.put("default.api.timeout.ms", timeoutMs);
    // One quick try per node: the check must answer within the timeout.
    config.put("reconnect.backoff.max.ms", 500);
    return config;
  }
}
