package io.painguard.serde;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Confluent Schema Registry wire format: byte 0 is the magic byte {@code 0x00}, bytes 1-4 the
 * schema id (big-endian), the rest the Avro binary body.
 *
 * <p>Confluent 8 can put the schema's id in a record header instead ({@link
 * #VALUE_SCHEMA_ID_HEADER}, {@link #KEY_SCHEMA_ID_HEADER}): byte 0 is {@code 0x01} and 16 bytes
 * of the schema's GUID follow (or {@code 0x00} and a 4-byte id), and the payload is the bare Avro
 * body. A record with that header is read by it, whatever the payload's first byte, as Confluent's
 * {@code DualSchemaIdDeserializer} does.
 *
 * <p>Used by the serde itself and by anyone who must look at framed bytes without decoding them,
 * e.g. dead-letter handling that records which schema id a poison record claimed.
 */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0x0;
  public static final int ID_SIZE = 4;
  /** Magic byte plus schema id: where the Avro body starts. */
  public static final int HEADER_SIZE = 1 + ID_SIZE;

  /** Confluent's record header for a value's schema id ({@code SchemaId.VALUE_SCHEMA_ID_HEADER}). */
  public static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";
  /** Confluent's record header for a key's schema id. */
  public static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";
  /** First byte of a schema-id header that holds a GUID. */
  public static final byte MAGIC_BYTE_GUID = 0x1;
  /** Size of a schema-id header holding a GUID: magic byte and 16 bytes. */
  public static final int GUID_HEADER_SIZE = 1 + 16;

  /** Where a record's writer schema is named, and where its Avro body starts in the payload. */
  record Located(SchemaId schemaId, int bodyOffset) {}

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

  /** The schema-id header name for keys or values. */
  public static String schemaIdHeader(boolean isKey) {
    return isKey ? KEY_SCHEMA_ID_HEADER : VALUE_SCHEMA_ID_HEADER;
  }

  /** The value of a schema-id header naming {@code guid}: 0x01 and the GUID's 16 bytes. */
  public static byte[] guidHeader(UUID guid) {
    return ByteBuffer.allocate(GUID_HEADER_SIZE).put(MAGIC_BYTE_GUID)
        .putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits()).array();
  }

  /**
   * The schema a record names -- its schema-id header's when it has one, else its payload
   * prefix's -- or empty when it names none well-formed; never throws. For grouping records by
   * schema without decoding them (which ones wait for the registry, which schema a dead letter
   * claimed).
   */
  public static Optional<SchemaId> schemaIdOf(Headers headers, byte[] data, boolean isKey) {
    byte[] header = headerValue(headers, isKey);
    if (header != null) {
      return headerProblem(header).isPresent() ? Optional.empty() : Optional.of(headerId(header));
    }
    return problemWith(data).isPresent() ? Optional.empty()
        : Optional.of(new SchemaId.Number(readId(data)));
  }

  /**
   * Where the record names its writer schema and where its body starts.
   *
   * @throws SerializationException whose message says what is wrong, without the payload
   */
  static Located locate(Headers headers, byte[] data, boolean isKey) {
    byte[] header = headerValue(headers, isKey);
    if (header != null) {
      Optional<String> problem = headerProblem(header);
      if (problem.isPresent()) {
        throw new SerializationException(problem.get());
      }
      return new Located(headerId(header), 0);
    }
    validate(data);
    return new Located(new SchemaId.Number(readId(data)), HEADER_SIZE);
  }

  private static byte[] headerValue(Headers headers, boolean isKey) {
    Header header = headers == null ? null : headers.lastHeader(schemaIdHeader(isKey));
    return header == null ? null : header.value();
  }

  private static Optional<String> headerProblem(byte[] header) {
    boolean guid = header.length == GUID_HEADER_SIZE && header[0] == MAGIC_BYTE_GUID;
    boolean id = header.length == HEADER_SIZE && header[0] == MAGIC_BYTE;
    if (guid || id) {
      return Optional.empty();
    }
    return Optional.of("the schema-id header is " + header.length + " bytes"
        + (header.length == 0 ? "" : " starting with " + hex(header[0])) + "; Confluent's holds 0x01"
        + " and a 16-byte GUID, or 0x00 and a 4-byte schema id");
  }

  private static SchemaId headerId(byte[] header) {
    ByteBuffer buffer = ByteBuffer.wrap(header, 1, header.length - 1);
    return header[0] == MAGIC_BYTE_GUID
        ? new SchemaId.Guid(new UUID(buffer.getLong(), buffer.getLong()))
        : new SchemaId.Number(buffer.getInt());
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
