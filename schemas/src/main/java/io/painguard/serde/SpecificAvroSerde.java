package io.painguard.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for Avro specific records in the Confluent Schema Registry wire format; a drop-in for
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}, configured with the same keys
 * (see {@link AvroSerdeConfig}).
 *
 * <pre>{@code
 * var serde = new SpecificAvroSerde<>(ActivityEvent.class);
 * serde.configure(Map.of("schema.registry.url", "http://localhost:8081"), false);
 * }</pre>
 *
 * <p>Its serializer and deserializer share one registry client, so a schema fetched by one is
 * known to the other. Thread-safe once configured.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final SchemaRegistryClient providedClient;
  private final SpecificAvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;
  private SerdeSetup setup;

  /** Reads each record as the generated class its writer schema names. */
  public SpecificAvroSerde() {
    this(null, null);
  }

  /** Reads every record as {@code type}, resolving older and newer writer schemas to it. */
  public SpecificAvroSerde(Class<T> type) {
    this(type, null);
  }

  /** Uses {@code client} instead of building one from {@code schema.registry.url}. */
  public SpecificAvroSerde(SchemaRegistryClient client) {
    this(null, client);
  }

  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
    this.providedClient = client;
    this.serializer = new SpecificAvroSerializer<>(client);
    this.deserializer = new SpecificAvroDeserializer<>(type, client);
  }

  /** A serde for {@code type}, configured with {@code configs} for keys or values. */
  public static <T extends SpecificRecord> SpecificAvroSerde<T> of(Class<T> type,
      Map<String, ?> configs, boolean isKey) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    serde.configure(configs, isKey);
    return serde;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    setup = SerdeSetup.of(configs, isKey, providedClient);
    serializer.configure(setup.borrowed());
    deserializer.configure(setup.borrowed());
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
    if (setup != null) {
      setup.close();
    }
  }
}
