package io.painguard.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes specific records in the Confluent wire format, registering or looking up their schema
 * under the TopicNameStrategy subject. Configured like Confluent's serializer (see
 * {@link AvroSerdeConfig} for the keys). Thread-safe once configured.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final SchemaRegistryClient providedClient;
  private SerdeSetup setup;
  private FramedAvroWriter writer;

  public SpecificAvroSerializer() {
    this(null);
  }

  /** Uses {@code client} instead of building one from {@code schema.registry.url}. */
  public SpecificAvroSerializer(SchemaRegistryClient client) {
    this.providedClient = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configure(SerdeSetup.of(configs, isKey, providedClient));
  }

  void configure(SerdeSetup setup) {
    this.setup = setup;
    this.writer = new FramedAvroWriter(setup.config(), setup.client(),
        record -> SpecificData.getForClass(record.getClass()));
  }

  /** {@code null} for a null record (a tombstone), else the framed record. */
  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (writer == null) {
      throw SerdeSetup.notConfigured(getClass());
    }
    return writer.write(topic, record, record.getSchema());
  }

  @Override
  public void close() {
    if (setup != null) {
      setup.close();
    }
  }
}
