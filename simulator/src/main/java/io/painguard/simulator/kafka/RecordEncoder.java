package io.painguard.simulator.kafka;

import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.serde.WireFormat;
import io.painguard.simulator.MalformedKind;
import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes values with the project serde (Confluent wire format, schema registered under the
 * topic's {@code -value} subject) and corrupts encoded bytes on purpose for malformed records.
 */
public final class RecordEncoder implements AutoCloseable {

  /** A schema id no registry hands out this early. */
  public static final int UNKNOWN_SCHEMA_ID = Integer.MAX_VALUE - 7;

  private final SpecificAvroSerializer<SpecificRecord> serializer;

  /** @param serdeConfig Confluent-style serde config, at least {@code schema.registry.url} */
  public RecordEncoder(Map<String, ?> serdeConfig) {
    this.serializer = new SpecificAvroSerializer<>();
    serializer.configure(serdeConfig, false);
  }

  /** The value in the wire format. */
  public byte[] encode(String topic, SpecificRecord value) {
    return serializer.serialize(topic, value);
  }

  /**
   * Bytes broken the way {@code kind} says, from a valid encoding. Content-level kinds return the
   * bytes unchanged (their record is already invalid).
   */
  public static byte[] corrupt(MalformedKind kind, byte[] valid, RandomGenerator random) {
    switch (kind) {
      case RANDOM_BYTES -> {
        byte[] noise = new byte[8 + random.nextInt(57)];
        random.nextBytes(noise);
        noise[0] = (byte) (1 + random.nextInt(255)); // never the 0x00 magic byte
        return noise;
      }
      case WRONG_MAGIC_BYTE -> {
        byte[] copy = valid.clone();
        copy[0] = 0x01;
        return copy;
      }
      case UNKNOWN_SCHEMA_ID -> {
        byte[] copy = valid.clone();
        copy[1] = (byte) (UNKNOWN_SCHEMA_ID >>> 24);
        copy[2] = (byte) (UNKNOWN_SCHEMA_ID >>> 16);
        copy[3] = (byte) (UNKNOWN_SCHEMA_ID >>> 8);
        copy[4] = (byte) UNKNOWN_SCHEMA_ID;
        return copy;
      }
      case TRUNCATED_AVRO -> {
        // The header and the start of the first string: decoding runs out of bytes.
        int body = valid.length - WireFormat.HEADER_SIZE;
        return Arrays.copyOf(valid, WireFormat.HEADER_SIZE + Math.max(1, Math.min(3, body - 1)));
      }
      case EMPTY_VALUE -> {
        return new byte[0];
      }
      default -> {
        return valid;
      }
    }
  }

  @Override
  public void close() {
    serializer.close();
  }
}
