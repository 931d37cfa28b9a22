package io.painguard.registry;

import java.util.List;

/** A schema as a client sends it, before parsing. */
record SchemaInput(String schema, String schemaType, List<SchemaReference> references) {

  SchemaInput {
    schemaType = schemaType == null || schemaType.isBlank() ? SchemaVersionEntry.AVRO : schemaType;
    references = references == null ? List.of() : List.copyOf(references);
  }
}
