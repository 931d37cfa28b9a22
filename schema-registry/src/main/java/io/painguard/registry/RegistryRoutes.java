package io.painguard.registry;

import static io.painguard.registry.HttpExchange.flag;
import static io.painguard.registry.HttpExchange.respond;
import static io.painguard.registry.HttpExchange.respondRaw;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Confluent Schema Registry REST endpoints, mapped onto {@link RegistryService}. */
final class RegistryRoutes {

  private static final TypeReference<List<SchemaReference>> REFERENCES = new TypeReference<>() {
  };

  private final RegistryService service;

  RegistryRoutes(RegistryService service) {
    this.service = service;
  }

  void register(JavalinDefaultRouting router) {
    router.before(HttpExchange::negotiate);
    router.get("/", ctx -> respondRaw(ctx, 200, "{}"));
    router.get("/schemas/types", ctx -> respond(ctx, 200, List.of(SchemaVersionEntry.AVRO)));
    router.get("/schemas/ids/{id}", ctx -> respond(ctx, 200, schemaBody(schemaById(ctx))));
    router.get("/schemas/ids/{id}/schema", ctx -> respondRaw(ctx, 200, schemaById(ctx).schema()));
    router.get("/schemas/ids/{id}/versions", this::versionsOfId);
    router.get("/schemas/ids/{id}/subjects", this::subjectsOfId);

    router.get("/subjects", ctx -> respond(ctx, 200,
        service.subjects(ctx.queryParam("subjectPrefix"), flag(ctx, "deleted"))));
    router.post("/subjects/{subject}", this::lookup);
    router.delete("/subjects/{subject}", ctx -> respond(ctx, 200,
        service.deleteSubject(subject(ctx), flag(ctx, "permanent"))));
    router.get("/subjects/{subject}/versions", ctx -> respond(ctx, 200,
        service.versions(subject(ctx), flag(ctx, "deleted"))));
    router.post("/subjects/{subject}/versions", this::registerSchema);
    router.get("/subjects/{subject}/versions/{version}", ctx -> respond(ctx, 200,
        versionBody(service.version(subject(ctx), version(ctx), flag(ctx, "deleted")))));
    router.get("/subjects/{subject}/versions/{version}/schema", ctx -> respondRaw(ctx, 200,
        service.version(subject(ctx), version(ctx), flag(ctx, "deleted")).schema()));
    router.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> respond(ctx, 200,
        service.referencedBy(subject(ctx), version(ctx))));
    router.delete("/subjects/{subject}/versions/{version}", ctx -> respond(ctx, 200,
        service.deleteVersion(subject(ctx), version(ctx), flag(ctx, "permanent"))));

    router.post("/compatibility/subjects/{subject}/versions",
        ctx -> compatibility(ctx, null));
    router.post("/compatibility/subjects/{subject}/versions/{version}",
        ctx -> compatibility(ctx, version(ctx)));

    router.get("/config", ctx -> respond(ctx, 200, levelBody(service.globalLevel())));
    router.put("/config", ctx -> updateLevel(ctx, null));
    router.delete("/config", ctx -> respond(ctx, 200, levelBody(service.resetGlobalLevel())));
    router.get("/config/{subject}", ctx -> respond(ctx, 200,
        levelBody(service.subjectLevel(subject(ctx), flag(ctx, "defaultToGlobal")))));
    router.put("/config/{subject}", ctx -> updateLevel(ctx, subject(ctx)));
    router.delete("/config/{subject}", ctx -> respond(ctx, 200,
        levelBody(service.removeSubjectLevel(subject(ctx)))));

    // Only READWRITE is supported; the endpoint exists because tools read it.
    router.get("/mode", ctx -> respond(ctx, 200, Map.of("mode", "READWRITE")));
  }

  private void registerSchema(Context ctx) {
    int id = service.register(subject(ctx), schemaInput(ctx));
    respond(ctx, 200, Map.of("id", id));
  }

  private void lookup(Context ctx) {
    SchemaInput input = schemaInput(ctx);
    respond(ctx, 200, versionBody(service.lookup(subject(ctx), input, flag(ctx, "deleted"))));
  }

  private void compatibility(Context ctx, VersionSpec version) {
    List<String> problems = service.compatibilityProblems(subject(ctx), version, schemaInput(ctx));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("is_compatible", problems.isEmpty());
    if (flag(ctx, "verbose")) {
      body.put("messages", problems);
    }
    respond(ctx, 200, body);
  }

  private void updateLevel(Context ctx, String subject) {
    JsonNode body = Json.readObject(HttpExchange.body(ctx));
    JsonNode requested = body.get("compatibility");
    String name = requested == null || requested.isNull() ? null : requested.asText();
    CompatibilityLevel level = CompatibilityLevel.parse(name)
        .orElseThrow(() -> RegistryException.invalidCompatibilityLevel(name));
    service.setLevel(subject, level);
    respond(ctx, 200, Map.of("compatibility", level.name()));
  }

  private void versionsOfId(Context ctx) {
    List<Map<String, Object>> body = service.versionsWithId(id(ctx), flag(ctx, "deleted")).stream()
        .map(entry -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("subject", entry.subject());
          item.put("version", entry.version());
          return item;
        })
        .toList();
    respond(ctx, 200, body);
  }

  private void subjectsOfId(Context ctx) {
    respond(ctx, 200, service.versionsWithId(id(ctx), flag(ctx, "deleted")).stream()
        .map(SchemaVersionEntry::subject).distinct().sorted().toList());
  }

  private SchemaVersionEntry schemaById(Context ctx) {
    return service.schemaById(id(ctx));
  }

  private static SchemaInput schemaInput(Context ctx) {
    JsonNode body = Json.readObject(HttpExchange.body(ctx));
    JsonNode schema = body.get("schema");
    JsonNode schemaType = body.get("schemaType");
    JsonNode references = body.get("references");
    if (schemaType != null && !schemaType.isNull() && !schemaType.isTextual()) {
      throw RegistryException.invalidSchema("schemaType must be a string such as \"AVRO\"");
    }
    List<SchemaReference> parsedReferences;
    try {
      parsedReferences = references == null || references.isNull()
          ? List.of()
          : Json.MAPPER.convertValue(references, REFERENCES);
    } catch (IllegalArgumentException e) {
      parsedReferences = null;
    }
    if (parsedReferences == null || parsedReferences.stream().anyMatch(Objects::isNull)) {
      throw RegistryException.invalidSchema("references must be a list of {name, subject, version}");
    }
    return new SchemaInput(
        schema == null || schema.isNull() ? null
            : schema.isTextual() ? schema.asText() : schema.toString(),
        schemaType == null || schemaType.isNull() ? null : schemaType.asText(),
        parsedReferences);
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static VersionSpec version(Context ctx) {
    return VersionSpec.parse(ctx.pathParam("version"));
  }

  private static int id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw RegistryException.schemaIdNotFound(raw);
    }
  }

  private static Map<String, Object> schemaBody(SchemaVersionEntry entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    addTypeAndReferences(entry, body);
    body.put("schema", entry.schema());
    return body;
  }

  private static Map<String, Object> versionBody(SchemaVersionEntry entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", entry.subject());
    body.put("version", entry.version());
    body.put("id", entry.id());
    addTypeAndReferences(entry, body);
    body.put("schema", entry.schema());
    return body;
  }

  /** Like Confluent, AVRO is the implied type and an empty reference list is left out. */
  private static void addTypeAndReferences(SchemaVersionEntry entry, Map<String, Object> body) {
    if (!SchemaVersionEntry.AVRO.equals(entry.schemaType())) {
      body.put("schemaType", entry.schemaType());
    }
    if (!entry.references().isEmpty()) {
      body.put("references", entry.references());
    }
  }

  private static Map<String, Object> levelBody(CompatibilityLevel level) {
    return Map.of("compatibilityLevel", level.name());
  }
}
