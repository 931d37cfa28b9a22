package io.painguard.serde;

import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Like {@link SpecificAvroSerializer}, for generic records (no logical-type conversions). */
public class GenericAvroSerializer implements Serializer<GenericRecord> {

  private final SchemaRegistryClient providedClient;
  private SerdeSetup setup;
  private FramedAvroWriter writer;

  public GenericAvroSerializer() {
    this(null);
  }

  public GenericAvroSerializer(SchemaRegistryClient client) {
    this.providedClient = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configure(SerdeSetup.of(configs, isKey, providedClient));
  }

  void configure(SerdeSetup setup) {
    this.setup = setup;
    this.writer = new FramedAvroWriter(setup.config(), setup.client(), record -> GenericData.get());
  }

  @Override
  public byte[] serialize(String topic, GenericRecord record) {
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
