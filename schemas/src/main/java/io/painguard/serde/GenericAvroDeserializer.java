package io.painguard.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro into generic records: as the writer schema, or resolved to a given
 * reader schema. Timestamps stay longs (no logical-type conversions), as in Confluent's. With
 * Confluent's {@code specific.avro.reader=true} (and no reader schema given) it reads the generated
 * class the writer schema names instead, which is a GenericRecord too.
 */
public class GenericAvroDeserializer implements Deserializer<GenericRecord> {

  private final Schema readerSchema;
  private final SchemaRegistryClient providedClient;
  private SerdeSetup setup;
  private FramedAvroReader reader;

  /** Reads each record as its writer schema. */
  public GenericAvroDeserializer() {
    this(null, null);
  }

  /** Resolves every writer schema to {@code readerSchema}. */
  public GenericAvroDeserializer(Schema readerSchema) {
    this(readerSchema, null);
  }

  public GenericAvroDeserializer(SchemaRegistryClient client) {
    this(null, client);
  }

  public GenericAvroDeserializer(Schema readerSchema, SchemaRegistryClient client) {
    this.readerSchema = readerSchema;
    this.providedClient = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configure(SerdeSetup.of(configs, isKey, providedClient));
  }

  void configure(SerdeSetup setup) {
    this.setup = setup;
    FramedAvroReader.ReaderChoice choice = readerSchema == null && setup.config().specificAvroReader()
        ? SpecificAvroDeserializer.byWriterName()
        : writer -> new FramedAvroReader.Reading(readerSchema != null ? readerSchema : writer,
            GenericData.get());
    this.reader = new FramedAvroReader(setup.client(), setup.config().isKey(), choice);
  }

  @Override
  public GenericRecord deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  /** Reads the writer schema's id from the record's schema-id header when it has one. */
  @Override
  public GenericRecord deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    if (reader == null) {
      throw SerdeSetup.notConfigured(getClass());
    }
    Object record = reader.read(topic, headers, data);
    if (!(record instanceof GenericRecord generic)) {
      throw new org.apache.kafka.common.errors.SerializationException("Cannot deserialize from"
          + " topic " + topic + ": the writer schema is not a record but "
          + (record == null ? "null" : record.getClass().getSimpleName()));
    }
    return generic;
  }

  @Override
  public void close() {
    if (setup != null) {
      setup.close();
    }
  }
}
