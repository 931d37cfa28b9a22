package io.painguard.topology;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * An input topic's value deserializer: decodes in the source, so the {@link EventTimeExtractor}
 * sees the payload and Kafka Streams picks records across the three inputs by event time. Never
 * throws (see {@link Incoming}), so the deserialization exception handler never decides a record's
 * fate: the topology dead-letters it with its original bytes.
 */
final class IncomingDeserializer implements Deserializer<Incoming> {

  private final InputDecoder<?> decoder;
  private final UnavailableSchemas unavailable;

  IncomingDeserializer(InputDecoder<?> decoder, UnavailableSchemas unavailable) {
    this.decoder = decoder;
    this.unavailable = unavailable;
  }

  @Override
  public Incoming deserialize(String topic, byte[] data) {
    return decoder.read(topic, null, data, unavailable);
  }

  @Override
  public Incoming deserialize(String topic, Headers headers, byte[] data) {
    return decoder.read(topic, headers, data, unavailable);
  }
}
