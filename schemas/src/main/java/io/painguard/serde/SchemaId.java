package io.painguard.serde;

import java.util.UUID;

/**
 * Which registered schema wrote a record: a registry's numeric id (the 4 bytes after the payload's
 * magic byte 0x00, or a header holding 0x00 and 4 bytes), or the schema's GUID (Confluent 8's
 * {@code __value_schema_id} / {@code __key_schema_id} header: 0x01 and 16 bytes). See {@link
 * WireFormat#schemaIdOf(org.apache.kafka.common.header.Headers, byte[], boolean)}.
 */
public sealed interface SchemaId {

  /** A numeric id, global in one registry: {@code GET /schemas/ids/{id}}. */
  record Number(int id) implements SchemaId {
    @Override
    public String toString() {
      return "schema id " + id;
    }
  }

  /** A schema GUID: {@code GET /schemas/guids/{guid}}. */
  record Guid(UUID guid) implements SchemaId {
    @Override
    public String toString() {
      return "schema guid " + guid;
    }
  }
}
