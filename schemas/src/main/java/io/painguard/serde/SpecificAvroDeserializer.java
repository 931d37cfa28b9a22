package io.painguard.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro into specific records, resolving the writer's schema (from the
 * registry, by the frame's id) to the reader's. The reader schema is the target class's when one
 * is given (constructor, or {@link AvroSerdeConfig#SPECIFIC_AVRO_VALUE_TYPE} /
 * {@link AvroSerdeConfig#SPECIFIC_AVRO_KEY_TYPE}); otherwise, like Confluent's
 * {@code specific.avro.reader}, the generated class named by the writer schema. The writer's id is
 * the record header's when a Confluent 8 producer put it there ({@link WireFormat}). Null data
 * gives a null record. Thread-safe once configured.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final Class<T> type;
  private final SchemaRegistryClient providedClient;
  private SerdeSetup setup;
  private FramedAvroReader reader;

  /** Reads each record as the generated class its writer schema names. */
  public SpecificAvroDeserializer() {
    this(null, null);
  }

  /** Reads every record as {@code type}, whatever schema version wrote it. */
  public SpecificAvroDeserializer(Class<T> type) {
    this(type, null);
  }

  public SpecificAvroDeserializer(SchemaRegistryClient client) {
    this(null, client);
  }

  public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
    this.type = type;
    this.providedClient = client;
    AvroTrust.ensureTrusted();
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configure(SerdeSetup.of(configs, isKey, providedClient));
  }

  void configure(SerdeSetup setup) {
    this.setup = setup;
    Class<?> target = type != null ? type : configuredType(setup.config());
    this.reader = new FramedAvroReader(setup.client(), setup.config().isKey(),
        target != null ? fixed(target) : byWriterName());
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  /** Reads the writer schema's id from the record's schema-id header when it has one. */
  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    if (reader == null) {
      throw SerdeSetup.notConfigured(getClass());
    }
    return (T) reader.read(topic, headers, data);
  }

  @Override
  public void close() {
    if (setup != null) {
      setup.close();
    }
  }

  private static FramedAvroReader.ReaderChoice fixed(Class<?> target) {
    SpecificData model = SpecificData.getForClass(target);
    Schema readerSchema = model.getSchema(target);
    FramedAvroReader.Reading reading = new FramedAvroReader.Reading(readerSchema, model);
    return writer -> reading;
  }

  // Confluent's specific.avro.reader: the class whose full name is the writer schema's.
  static FramedAvroReader.ReaderChoice byWriterName() {
    return writer -> {
      if (writer.getType() != Schema.Type.RECORD) {
        throw new SerializationException("writer schema is a " + writer.getType()
            + ", not a record; read it with GenericAvroDeserializer");
      }
      Class<?> found;
      try {
        found = SpecificData.get().getClass(writer);
      } catch (SecurityException e) {
        throw new SerializationException("Avro does not trust class " + writer.getFullName()
            + " (call AvroTrust.trustPackage for its package): " + e.getMessage());
      }
      if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
        throw new SerializationException("no generated SpecificRecord class "
            + writer.getFullName() + " on the classpath; give the serde a target class or use"
            + " GenericAvroDeserializer");
      }
      SpecificData model = SpecificData.getForClass(found);
      return new FramedAvroReader.Reading(model.getSchema(found), model);
    };
  }

  private static Class<?> configuredType(AvroSerdeConfig config) {
    Object value = config.specificType();
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String key = config.isKey() ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE
        : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE;
    Class<?> type;
    if (value instanceof Class<?> given) {
      type = given;
    } else {
      try {
        type = Class.forName(value.toString().trim(), true,
            Thread.currentThread().getContextClassLoader());
      } catch (ClassNotFoundException e) {
        throw new ConfigException(key + " names class '" + value + "', which is not on the"
            + " classpath.");
      }
    }
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new ConfigException(key + " must name a generated SpecificRecord class, but "
          + type.getName() + " is not one.");
    }
    return type;
  }
}
