package io.painguard.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One version of one subject, exactly as stored.
 *
 * @param schema    the schema text in Avro's normalized form ({@code Schema.toString()}), which is
 *                  also what the API returns
 * @param deleted   true once soft-deleted: hidden from listings, but the id still resolves
 * @param timestamp when the store wrote this state of the version (Confluent's {@code ts}), in
 *                  epoch milliseconds; null until the store applied it. Not part of the stored
 *                  value: the store's own record says when it was written.
 */
public record SchemaVersionEntry(
    String subject,
    int version,
    int id,
    String schemaType,
    String schema,
    List<SchemaReference> references,
    boolean deleted,
    @JsonIgnore Long timestamp) {

  public static final String AVRO = "AVRO";

  public SchemaVersionEntry {
    schemaType = schemaType == null ? AVRO : schemaType;
    references = references == null ? List.of() : List.copyOf(references);
  }

  public SchemaVersionEntry(String subject, int version, int id, String schemaType, String schema,
      List<SchemaReference> references, boolean deleted) {
    this(subject, version, id, schemaType, schema, references, deleted, null);
  }

  public SchemaVersionEntry asDeleted() {
    return new SchemaVersionEntry(subject, version, id, schemaType, schema, references, true);
  }

  /** This state of the version as written at {@code epochMillis}. */
  public SchemaVersionEntry writtenAt(long epochMillis) {
    return new SchemaVersionEntry(subject, version, id, schemaType, schema, references, deleted,
        epochMillis);
  }

  /** The schema's GUID, as Confluent derives it (see {@link SchemaGuid}). */
  public String guid() {
    return SchemaGuid.of(schema, references);
  }
}
