package io.painguard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * What Confluent's registry stores for a registration with {@code normalize=true}, so that such a
 * schema gets the same text -- and therefore the same GUID -- here as there. Confluent rewrites
 * the schema with every custom property in name order (after the logical type's own), aliases in
 * name order, default values as Avro reads them (a double field's {@code 1} becomes {@code 1.0},
 * object keys in name order), and without an empty {@code doc} on named types; it then parses
 * that text again and stores Avro's usual form of it. This class writes the same intermediate
 * text; {@link AvroSchemaParser} parses it and writes Avro's form.
 */
final class AvroNormalizer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroNormalizer() {
  }

  /**
   * @param referencedNames full names of the types the schema takes from references: written by
   *                        name only, as their own subjects define them
   */
  static String normalizedText(Schema schema, Set<String> referencedNames) {
    return write(schema, new HashSet<>(referencedNames)).toString();
  }

  private static JsonNode write(Schema schema, Set<String> defined) {
    return switch (schema.getType()) {
      case UNION -> {
        ArrayNode branches = NODES.arrayNode();
        schema.getTypes().forEach(branch -> branches.add(write(branch, defined)));
        yield branches;
      }
      case ARRAY, MAP -> {
        ObjectNode node = NODES.objectNode().put("type", schema.getType().getName());
        if (schema.getType() == Schema.Type.ARRAY) {
          node.set("items", write(schema.getElementType(), defined));
        } else {
          node.set("values", write(schema.getValueType(), defined));
        }
        yield withProps(node, schema);
      }
      case RECORD, ENUM, FIXED -> writeNamed(schema, defined);
      default -> schema.getLogicalType() == null && !schema.hasProps()
          ? NODES.textNode(schema.getType().getName())
          : withProps(NODES.objectNode().put("type", schema.getType().getName()), schema);
    };
  }

  private static JsonNode writeNamed(Schema schema, Set<String> defined) {
    String name = schema.getFullName();
    if (!defined.add(name)) {
      return NODES.textNode(name);
    }
    ObjectNode node = NODES.objectNode().put("name", name).put("type", schema.getType().getName());
    switch (schema.getType()) {
      case ENUM -> {
        ArrayNode symbols = node.putArray("symbols");
        schema.getEnumSymbols().forEach(symbols::add);
      }
      case FIXED -> node.put("size", schema.getFixedSize());
      default -> {
        ArrayNode fields = node.putArray("fields");
        for (Schema.Field field : schema.getFields()) {
          fields.add(writeField(field, defined));
        }
      }
    }
    if (schema.getDoc() != null && !schema.getDoc().isEmpty()) {
      node.put("doc", schema.getDoc());
    }
    if (!schema.getAliases().isEmpty()) {
      ArrayNode aliases = node.putArray("aliases");
      new TreeSet<>(schema.getAliases()).forEach(aliases::add);
    }
    if (schema.getType() == Schema.Type.ENUM && schema.getEnumDefault() != null) {
      node.put("default", schema.getEnumDefault());
    }
    return withProps(node, schema);
  }

  private static JsonNode writeField(Schema.Field field, Set<String> defined) {
    ObjectNode node = NODES.objectNode().put("name", field.name());
    node.set("type", write(field.schema(), defined));
    node.put("order", field.order().name().toLowerCase(Locale.ROOT));
    if (field.doc() != null) {
      node.put("doc", field.doc());
    }
    if (!field.aliases().isEmpty()) {
      ArrayNode aliases = node.putArray("aliases");
      new TreeSet<>(field.aliases()).forEach(aliases::add);
    }
    if (field.hasDefaultValue()) {
      node.set("default", toJson(field.defaultVal()));
    }
    sortedProps(field.getObjectProps()).forEach(node::set);
    return node;
  }

  /**
   * The logical type's own properties first (as Confluent writes them), then every other
   * property in name order. Avro keeps properties in the order it reads them and writes them
   * back in that order, so this order survives into the stored text.
   */
  private static ObjectNode withProps(ObjectNode node, Schema schema) {
    LogicalType logicalType = schema.getLogicalType();
    if (logicalType != null) {
      node.put(LogicalType.LOGICAL_TYPE_PROP, logicalType.getName());
      if (logicalType instanceof LogicalTypes.Decimal decimal) {
        node.put("precision", decimal.getPrecision());
        if (decimal.getScale() != 0) {
          node.put("scale", decimal.getScale());
        }
      }
    }
    sortedProps(schema.getObjectProps()).forEach((key, value) -> {
      if (!node.has(key)) {
        node.set(key, value);
      }
    });
    return node;
  }

  private static Map<String, JsonNode> sortedProps(Map<String, Object> props) {
    Map<String, JsonNode> sorted = new LinkedHashMap<>();
    new TreeMap<>(props).forEach((key, value) -> sorted.put(key, toJson(value)));
    return sorted;
  }

  /** A value as Avro hands it out (defaults, properties) back to JSON, object keys sorted. */
  private static JsonNode toJson(Object value) {
    if (value == null || value == JsonProperties.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
      sorted.forEach((key, item) -> object.set(key, toJson(item)));
      return object;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (value instanceof byte[] bytes) {
      return NODES.textNode(new String(bytes, StandardCharsets.ISO_8859_1));
    }
    if (value instanceof CharSequence || value instanceof Enum<?>) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Float number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof BigInteger number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    return NODES.textNode(value.toString());
  }

  static Set<String> fullNames(List<Schema> schemas) {
    Set<String> names = new HashSet<>();
    schemas.forEach(schema -> names.add(schema.getFullName()));
    return names;
  }
}
