package io.painguard.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Turns schema text into Avro schemas, with the registered schemas it references: what both the
 * registry's writes and its reads need before they can compare or check schemas.
 */
final class SchemaResolver {

  private static final int MAX_REFERENCE_DEPTH = 32;

  private final SchemaStore store;
  private final AvroSchemaParser parser = new AvroSchemaParser();
  /** Ids are never reused, so a parsed schema can be cached by id for good. */
  private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();

  SchemaResolver(SchemaStore store) {
    this.store = store;
  }

  /**
   * Parses what a client sent, its references resolved against live versions.
   *
   * @throws RegistryException 42201 for another schema type, a bad schema or a bad reference
   */
  ParsedSchema parse(SchemaInput input, boolean normalize) {
    if (!SchemaVersionEntry.AVRO.equalsIgnoreCase(input.schemaType())) {
      throw RegistryException.invalidSchema("Schema type " + input.schemaType()
          + " is not supported: this registry accepts AVRO schemas only");
    }
    Map<String, String> referencedTexts = new LinkedHashMap<>();
    List<SchemaReference> resolved = new ArrayList<>();
    for (SchemaReference reference : input.references()) {
      SchemaVersionEntry target = resolveReference(reference);
      collectReferencedTexts(target, referencedTexts, 0);
      resolved.add(new SchemaReference(reference.name(), target.subject(), target.version()));
    }
    return parser.parse(input.schema(), resolved, List.copyOf(referencedTexts.values()), normalize);
  }

  /** The Avro schema of a stored version. */
  Schema schemaOf(SchemaVersionEntry entry) {
    Schema cached = parsedById.get(entry.id());
    if (cached != null) {
      return cached;
    }
    Schema schema = parse(new SchemaInput(entry.schema(), entry.schemaType(), entry.references()),
        false).schema();
    parsedById.putIfAbsent(entry.id(), schema);
    return schema;
  }

  private SchemaVersionEntry resolveReference(SchemaReference reference) {
    if (reference == null || reference.name() == null || reference.subject() == null) {
      throw RegistryException.invalidSchema("Invalid reference " + reference
          + ": name, subject and version are required");
    }
    List<SchemaVersionEntry> live = store.state().versionsOf(reference.subject()).stream()
        .filter(entry -> !entry.deleted()).toList();
    Optional<SchemaVersionEntry> target = reference.version() == -1
        ? live.stream().reduce((first, second) -> second)
        : live.stream().filter(entry -> entry.version() == reference.version()).findFirst();
    return target.orElseThrow(() -> RegistryException.invalidSchema("Invalid schema: reference '"
        + reference.name() + "' points to subject '" + reference.subject() + "' version "
        + reference.version() + ", which does not exist"));
  }

  /** Adds the texts the entry needs, dependencies first, each (subject, version) once. */
  private void collectReferencedTexts(SchemaVersionEntry entry, Map<String, String> out, int depth) {
    if (depth > MAX_REFERENCE_DEPTH) {
      throw RegistryException.invalidSchema("Invalid schema: references nested deeper than "
          + MAX_REFERENCE_DEPTH + " levels");
    }
    for (SchemaReference inner : entry.references()) {
      collectReferencedTexts(resolveReference(inner), out, depth + 1);
    }
    out.putIfAbsent(entry.subject() + '\u0000' + entry.version(), entry.schema());
  }
}
