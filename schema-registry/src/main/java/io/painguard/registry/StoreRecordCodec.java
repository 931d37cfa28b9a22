package io.painguard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The record format of the schemas topic, modelled on Confluent's: JSON keys naming what the record
 * is about ({@code keytype}, subject, version) and JSON values holding its whole current state, or
 * a tombstone (null value) for a removal. Equal keys must be equal bytes so compaction keeps only
 * the latest record per key; the key fields are therefore always written in the same order.
 *
 * <p>Modes use Confluent's own record ({@code "keytype":"MODE"}, value {@code {"subject","mode"}}).
 * Registries older than modes skip that key type like any record they do not know, so a topic
 * with modes stays readable by them (they just do not enforce the mode).
 */
final class StoreRecordCodec {

  /** A key and value as bytes; value null is a tombstone. */
  record Encoded(byte[] key, byte[] value) {
  }

  private static final String SCHEMA = "SCHEMA";
  private static final String CONFIG = "CONFIG";
  private static final String MODE = "MODE";
  private static final String ID_FLOOR = "ID_FLOOR";

  private StoreRecordCodec() {
  }

  static Encoded encode(StoreChange change) {
    if (change instanceof StoreChange.PutVersion put) {
      SchemaVersionEntry entry = put.entry();
      return new Encoded(schemaKey(entry.subject(), entry.version()), bytes(Json.MAPPER.valueToTree(entry)));
    }
    if (change instanceof StoreChange.RemoveVersion remove) {
      return new Encoded(schemaKey(remove.subject(), remove.version()), null);
    }
    if (change instanceof StoreChange.PutCompatibility put) {
      ObjectNode value = Json.MAPPER.createObjectNode().put("compatibilityLevel", put.level().name());
      return new Encoded(subjectKey(CONFIG, put.subject()), bytes(value));
    }
    if (change instanceof StoreChange.RemoveCompatibility remove) {
      return new Encoded(subjectKey(CONFIG, remove.subject()), null);
    }
    if (change instanceof StoreChange.PutMode put) {
      ObjectNode value = Json.MAPPER.createObjectNode();
      if (put.subject() != null) {
        value.put("subject", put.subject());
      }
      value.put("mode", put.mode().name());
      return new Encoded(subjectKey(MODE, put.subject()), bytes(value));
    }
    if (change instanceof StoreChange.RemoveMode remove) {
      return new Encoded(subjectKey(MODE, remove.subject()), null);
    }
    if (change instanceof StoreChange.RaiseIdFloor floor) {
      ObjectNode key = Json.MAPPER.createObjectNode().put("keytype", ID_FLOOR).put("magic", 0);
      ObjectNode value = Json.MAPPER.createObjectNode().put("highestUsedId", floor.highestUsedId());
      return new Encoded(bytes(key), bytes(value));
    }
    throw new IllegalArgumentException("Unknown store change " + change);
  }

  /**
   * Reads one record back; empty for records this registry does not use (other key types written
   * by other tools), so they are skipped rather than failing the whole load.
   *
   * @throws IOException when the record is not in this format
   */
  static Optional<StoreChange> decode(byte[] key, byte[] value) throws IOException {
    JsonNode keyNode = Json.MAPPER.readTree(key);
    String keyType = keyNode.path("keytype").asText("");
    switch (keyType) {
      case SCHEMA -> {
        if (value == null) {
          return Optional.of(new StoreChange.RemoveVersion(
              requiredText(keyNode, "subject"), keyNode.path("version").asInt()));
        }
        return Optional.of(new StoreChange.PutVersion(
            Json.MAPPER.readValue(value, SchemaVersionEntry.class)));
      }
      case CONFIG -> {
        String subject = optionalSubject(keyNode);
        if (value == null) {
          return Optional.of(new StoreChange.RemoveCompatibility(subject));
        }
        String levelName = Json.MAPPER.readTree(value).path("compatibilityLevel").asText();
        CompatibilityLevel level = CompatibilityLevel.parse(levelName)
            .orElseThrow(() -> new IOException("unknown compatibility level '" + levelName + "'"));
        return Optional.of(new StoreChange.PutCompatibility(subject, level));
      }
      case MODE -> {
        String subject = optionalSubject(keyNode);
        if (value == null) {
          return Optional.of(new StoreChange.RemoveMode(subject));
        }
        String modeName = Json.MAPPER.readTree(value).path("mode").asText();
        RegistryMode mode = RegistryMode.parse(modeName)
            .orElseThrow(() -> new IOException("unknown mode '" + modeName + "'"));
        return Optional.of(new StoreChange.PutMode(subject, mode));
      }
      case ID_FLOOR -> {
        if (value == null) {
          return Optional.empty();
        }
        return Optional.of(new StoreChange.RaiseIdFloor(
            Json.MAPPER.readTree(value).path("highestUsedId").asInt()));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static byte[] schemaKey(String subject, int version) {
    ObjectNode key = Json.MAPPER.createObjectNode()
        .put("keytype", SCHEMA).put("subject", subject).put("version", version).put("magic", 1);
    return bytes(key);
  }

  /** A CONFIG or MODE key: the subject, or null for the global setting. */
  private static byte[] subjectKey(String keyType, String subject) {
    ObjectNode key = Json.MAPPER.createObjectNode().put("keytype", keyType);
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    return bytes(key.put("magic", 0));
  }

  private static String optionalSubject(JsonNode keyNode) {
    JsonNode subjectNode = keyNode.get("subject");
    return subjectNode == null || subjectNode.isNull() ? null : subjectNode.asText();
  }

  private static String requiredText(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IOException("key without " + field);
    }
    return value.asText();
  }

  private static byte[] bytes(JsonNode node) {
    return Json.write(node).getBytes(StandardCharsets.UTF_8);
  }
}
