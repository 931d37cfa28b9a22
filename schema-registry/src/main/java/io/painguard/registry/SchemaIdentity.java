package io.painguard.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.util.List;

/**
 * What makes two registrations "the same schema". The text is Avro's normalized form (the output of
 * {@code Schema.toString()} after parsing), which already drops whitespace and fixes the order of
 * Avro's own attributes; sorting the remaining JSON object keys also makes custom attributes and
 * default values independent of key order. Docs are part of the identity, as in Confluent's
 * registry: changing a doc gives a new id.
 */
final class SchemaIdentity {

  private static final JsonMapper SORTED = JsonMapper.builder()
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
      .build();

  private SchemaIdentity() {
  }

  static String of(String schemaType, String normalizedSchema, List<SchemaReference> references) {
    return schemaType + '\u0000' + sortedJson(normalizedSchema) + '\u0000' + references;
  }

  private static String sortedJson(String json) {
    try {
      return SORTED.writeValueAsString(SORTED.readTree(json));
    } catch (JsonProcessingException e) {
      // Stored text that is not JSON cannot equal anything else; keep it as it is.
      return json;
    }
  }
}
