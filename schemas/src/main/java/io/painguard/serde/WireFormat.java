package io.painguard.serde;

import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent Schema Registry wire format: byte 0 is the magic byte {@code 0x00}, bytes 1-4 the
 * schema id (big-endian), the rest the Avro binary body.
 *
 * <p>Used by the serde itself and by anyone who must look at framed bytes without decoding them,
 * e.g. dead-letter handling that records which schema id a poison record claimed.
 */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0x0;
  public static final int ID_SIZE = 4;
  /** Magic byte plus schema id: where the Avro body starts. */
  public static final int HEADER_SIZE = 1 + ID_SIZE;

  private WireFormat() {}

  /**
   * The schema id a framed payload refers to.
   *
   * @throws SerializationException naming the problem when the payload is null, too short or does
   *     not start with the magic byte
   */
  public static int schemaIdOf(byte[] data) {
    validate(data);
    return readId(data);
  }

  /** The schema id if the payload is a well-formed frame header, otherwise empty; never throws. */
  public static OptionalInt schemaIdIfFramed(byte[] data) {
    return problemWith(data).isPresent() ? OptionalInt.empty() : OptionalInt.of(readId(data));
  }

  /** True when the payload has a complete header with the right magic byte. */
  public static boolean isFramed(byte[] data) {
    return problemWith(data).isEmpty();
  }

  /**
   * Checks the header.
   *
   * @throws SerializationException whose message says what is wrong with the payload
   */
  public static void validate(byte[] data) {
    Optional<String> problem = problemWith(data);
    if (problem.isPresent()) {
      throw new SerializationException(problem.get());
    }
  }

  /**
   * Why the payload is not a Confluent frame, in one sentence, or empty when its header is fine.
   * Does not look at the Avro body.
   */
  public static Optional<String> problemWith(byte[] data) {
    if (data == null) {
      return Optional.of("payload is null; a Confluent Avro frame needs at least " + HEADER_SIZE
          + " bytes (magic byte 0x00 and a 4-byte schema id)");
    }
    if (data.length < HEADER_SIZE) {
      String what = data.length == 0 ? "payload is empty (0 bytes)"
          : "payload is too short (" + data.length + (data.length == 1 ? " byte)" : " bytes)");
      return Optional.of(what + "; a Confluent Avro frame needs at least " + HEADER_SIZE
          + " bytes (magic byte 0x00 and a 4-byte schema id)");
    }
    if (data[0] != MAGIC_BYTE) {
      return Optional.of("unknown magic byte " + hex(data[0]) + " (expected 0x00)" + hint(data[0])
          + ": the payload is not in the Confluent Schema Registry wire format");
    }
    return Optional.empty();
  }

  /** A frame made of the header for {@code schemaId} followed by {@code avroBody}. */
  public static byte[] frame(int schemaId, byte[] avroBody) {
    byte[] framed = new byte[HEADER_SIZE + avroBody.length];
    writeHeader(framed, 0, schemaId);
    System.arraycopy(avroBody, 0, framed, HEADER_SIZE, avroBody.length);
    return framed;
  }

  /** Length of the Avro body of a payload whose header {@link #validate validates}. */
  public static int bodyLength(byte[] data) {
    return data.length - HEADER_SIZE;
  }

  static void writeHeader(byte[] target, int offset, int schemaId) {
    target[offset] = MAGIC_BYTE;
    target[offset + 1] = (byte) (schemaId >>> 24);
    target[offset + 2] = (byte) (schemaId >>> 16);
    target[offset + 3] = (byte) (schemaId >>> 8);
    target[offset + 4] = (byte) schemaId;
  }

  static int readId(byte[] data) {
    return ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8)
        | (data[4] & 0xFF);
  }

  private static String hex(byte b) {
    return String.format("0x%02X", b & 0xFF);
  }

  // Common producer mistakes are worth naming: plain JSON or a string serializer on the topic.
  private static String hint(byte first) {
    if (first == '{' || first == '[') {
      return ", which looks like JSON text";
    }
    if (first >= 0x20 && first < 0x7F) {
      return ", which looks like plain text ('" + (char) first + "')";
    }
    return "";
  }
}
