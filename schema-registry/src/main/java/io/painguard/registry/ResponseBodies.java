package io.painguard.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON bodies Confluent's registry 8.x answers with, field for field. Since 8.0 every schema
 * body names its {@code schemaType} (AVRO included) and its {@code guid}; an empty reference list
 * is left out. Which of {@code ts} and {@code deleted} appear depends on the endpoint, as there.
 */
final class ResponseBodies {

  private ResponseBodies() {
  }

  /** A stored version: {@code GET /subjects/{s}/versions/{v}}, the entries of {@code GET /schemas}. */
  static Map<String, Object> version(SchemaVersionEntry entry) {
    Map<String, Object> body = identified(entry);
    addStoredState(entry, body);
    return body;
  }

  /** The answer to {@code POST /subjects/{s}}: the version found, without its stored state. */
  static Map<String, Object> lookup(SchemaVersionEntry entry) {
    return identified(entry);
  }

  /** The answer to {@code POST /subjects/{s}/versions}: Confluent's RegisterSchemaResponse. */
  static Map<String, Object> registration(SchemaVersionEntry entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", entry.id());
    body.put("version", entry.version());
    body.put("guid", entry.guid());
    body.put("schemaType", entry.schemaType());
    addReferences(entry, body);
    body.put("schema", entry.schema());
    return body;
  }

  /**
   * A schema by id or GUID (Confluent's SchemaString): subject and version only when the request
   * named a subject.
   */
  static Map<String, Object> schema(SchemaVersionEntry entry, boolean withSubject) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (withSubject) {
      body.put("subject", entry.subject());
      body.put("version", entry.version());
    }
    body.put("guid", entry.guid());
    body.put("schemaType", entry.schemaType());
    body.put("schema", entry.schema());
    addReferences(entry, body);
    addStoredState(entry, body);
    return body;
  }

  private static Map<String, Object> identified(SchemaVersionEntry entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", entry.subject());
    body.put("version", entry.version());
    body.put("id", entry.id());
    body.put("guid", entry.guid());
    body.put("schemaType", entry.schemaType());
    addReferences(entry, body);
    body.put("schema", entry.schema());
    return body;
  }

  private static void addReferences(SchemaVersionEntry entry, Map<String, Object> body) {
    if (!entry.references().isEmpty()) {
      body.put("references", entry.references());
    }
  }

  private static void addStoredState(SchemaVersionEntry entry, Map<String, Object> body) {
    if (entry.timestamp() != null) {
      body.put("ts", entry.timestamp());
    }
    body.put("deleted", entry.deleted());
  }
}
