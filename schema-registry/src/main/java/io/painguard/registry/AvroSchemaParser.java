package io.painguard.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;

/** Parses Avro schema text, after the text of the schemas it references, into one namespace. */
final class AvroSchemaParser {

  /** Confluent's order for normalized references: by subject, then version. */
  private static final Comparator<SchemaReference> REFERENCE_ORDER =
      Comparator.comparing(SchemaReference::subject).thenComparingInt(SchemaReference::version);

  /**
   * @param referencedTexts the normalized texts of every referenced schema, transitively,
   *                        dependencies before the schemas that use them
   * @param normalize       store Confluent's normalized form ({@link AvroNormalizer}) with the
   *                        references sorted and without duplicates, as {@code normalize=true}
   *                        asks
   * @throws RegistryException 42201 when the text is not a valid Avro schema
   */
  ParsedSchema parse(String text, List<SchemaReference> references, List<String> referencedTexts,
      boolean normalize) {
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    Schema.Parser parser = new Schema.Parser();
    List<Schema> referenced = parseReferenced(parser, referencedTexts);
    Schema schema;
    try {
      schema = parser.parse(text);
    } catch (RuntimeException e) {
      // Avro reports bad JSON, unknown types, bad names and bad defaults all as runtime exceptions.
      throw RegistryException.invalidSchema("Invalid schema " + abbreviate(text) + ": "
          + e.getMessage());
    }
    List<SchemaReference> storedReferences = references;
    if (normalize) {
      String normalizedText = AvroNormalizer.normalizedText(schema, AvroNormalizer.fullNames(referenced));
      Schema.Parser again = new Schema.Parser();
      referenced = parseReferenced(again, referencedTexts);
      schema = again.parse(normalizedText);
      storedReferences = references.stream().sorted(REFERENCE_ORDER).distinct().toList();
    }
    String stored = referenced.isEmpty() ? schema.toString() : withoutReferencedTypes(schema, referenced);
    String identity = SchemaIdentity.of(SchemaVersionEntry.AVRO, stored, storedReferences);
    return new ParsedSchema(schema, stored, identity, storedReferences);
  }

  private static List<Schema> parseReferenced(Schema.Parser parser, List<String> referencedTexts) {
    List<Schema> referenced = new ArrayList<>();
    try {
      for (String referencedText : referencedTexts) {
        referenced.add(parser.parse(referencedText));
      }
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema("Invalid schema: a referenced schema does not parse: "
          + e.getMessage());
    }
    return referenced;
  }

  /**
   * Writes the schema with referenced types by name only, as the client sent it. Avro 1.12 has
   * no public replacement for this deprecated method (later Avro versions hide it); if an upgrade
   * removes it, store the text as sent for schemas with references instead.
   */
  @SuppressWarnings("deprecation")
  private static String withoutReferencedTypes(Schema schema, List<Schema> referenced) {
    return schema.toString(referenced, false);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
