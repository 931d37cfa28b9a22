package io.painguard.registry;

import java.util.List;

/**
 * One version of one subject, exactly as stored.
 *
 * @param schema  the schema text in Avro's normalized form ({@code Schema.toString()}), which is also
 *                what the API returns
 * @param deleted true once soft-deleted: hidden from listings, but the id still resolves
 */
public record SchemaVersionEntry(
    String subject,
    int version,
    int id,
    String schemaType,
    String schema,
    List<SchemaReference> references,
    boolean deleted) {

  public static final String AVRO = "AVRO";

  public SchemaVersionEntry {
    schemaType = schemaType == null ? AVRO : schemaType;
    references = references == null ? List.of() : List.copyOf(references);
  }

  public SchemaVersionEntry asDeleted() {
    return new SchemaVersionEntry(subject, version, id, schemaType, schema, references, true);
  }
}
