package io.painguard.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generic records in the Confluent wire format; a drop-in for
 * {@code io.confluent.kafka.streams.serdes.avro.GenericAvroSerde}. Keys: {@link AvroSerdeConfig}.
 */
public class GenericAvroSerde implements Serde<GenericRecord> {

  private final SchemaRegistryClient providedClient;
  private final GenericAvroSerializer serializer;
  private final GenericAvroDeserializer deserializer;
  private SerdeSetup setup;

  public GenericAvroSerde() {
    this(null, null);
  }

  /** Resolves every writer schema to {@code readerSchema} when reading. */
  public GenericAvroSerde(Schema readerSchema) {
    this(readerSchema, null);
  }

  public GenericAvroSerde(SchemaRegistryClient client) {
    this(null, client);
  }

  public GenericAvroSerde(Schema readerSchema, SchemaRegistryClient client) {
    this.providedClient = client;
    this.serializer = new GenericAvroSerializer(client);
    this.deserializer = new GenericAvroDeserializer(readerSchema, client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    setup = SerdeSetup.of(configs, isKey, providedClient);
    serializer.configure(setup.borrowed());
    deserializer.configure(setup.borrowed());
  }

  @Override
  public Serializer<GenericRecord> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<GenericRecord> deserializer() {
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
