package io.painguard.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the module. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Json() {
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON for " + value.getClass(), e);
    }
  }

  /** Reads a request body that must be a JSON object; 400 otherwise. */
  static JsonNode readObject(String body) {
    if (body == null || body.isBlank()) {
      throw RegistryException.badRequest("The request body is empty; a JSON object is expected");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw RegistryException.badRequest("The request body is not valid JSON: "
          + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw RegistryException.badRequest("The request body must be a JSON object");
    }
    return node;
  }
}
