package io.painguard.topology;

import org.apache.kafka.common.serialization.Serializer;

/**
 * The write side of the input sources' serde: the original bytes. Kafka Streams never writes an
 * {@link Incoming} (no repartition or changelog carries one); this exists because a serde needs
 * both halves.
 */
final class IncomingSerializer implements Serializer<Incoming> {

  @Override
  public byte[] serialize(String topic, Incoming data) {
    return data == null ? null : data.raw();
  }
}
