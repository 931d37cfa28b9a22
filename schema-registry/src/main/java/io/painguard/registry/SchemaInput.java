package io.painguard.registry;

import java.util.List;

/** A schema as a client sends it, before parsing. */
record SchemaInput(String schema, String schemaType, List<SchemaReference> references) {

  SchemaInput {
    schemaType = schemaType == null || schemaType.isBlank() ? SchemaVersionEntry.AVRO : schemaType;
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** No schema text: Confluent then re-registers the subject's latest schema, if it has one. */
  boolean isBlank() {
    return schema == null || schema.isBlank();
  }
}
