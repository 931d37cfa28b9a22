package io.painguard.registry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A schema's GUID as Confluent's registry 8.x derives it, so that a Confluent client and this
 * registry name the same schema the same way: the MD5 digest of the stored schema text (UTF-8),
 * followed, for each reference in order, by its name and subject (UTF-8) and its version (four
 * bytes, big-endian), written as a UUID (the digest's first eight bytes are the UUID's high half).
 * Confluent also hashes metadata and rule sets; this registry stores neither, so they never add
 * anything. The same text and references always give the same GUID, in every subject.
 */
final class SchemaGuid {

  private SchemaGuid() {
  }

  static String of(String schemaText, List<SchemaReference> references) {
    MessageDigest md5 = md5();
    if (schemaText != null) {
      md5.update(schemaText.getBytes(StandardCharsets.UTF_8));
    }
    for (SchemaReference reference : references) {
      if (reference.name() != null) {
        md5.update(reference.name().getBytes(StandardCharsets.UTF_8));
      }
      if (reference.subject() != null) {
        md5.update(reference.subject().getBytes(StandardCharsets.UTF_8));
      }
      md5.update(ByteBuffer.allocate(Integer.BYTES).putInt(reference.version()).array());
    }
    ByteBuffer digest = ByteBuffer.wrap(md5.digest());
    return new UUID(digest.getLong(), digest.getLong()).toString();
  }

  /**
   * The GUID in its usual form for what a client sent: a UUID, or the same 16 bytes as 32 hex
   * digits (Confluent accepts both); empty for anything else, which can name no schema.
   */
  static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text).toString());
    } catch (IllegalArgumentException notAUuid) {
      try {
        byte[] bytes = HexFormat.of().parseHex(text);
        if (bytes.length != 16) {
          return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()).toString());
      } catch (IllegalArgumentException notHex) {
        return Optional.empty();
      }
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides MD5", e);
    }
  }
}
