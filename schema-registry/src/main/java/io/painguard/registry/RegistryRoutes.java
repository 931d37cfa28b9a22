package io.painguard.registry;

import static io.painguard.registry.HttpExchange.flag;
import static io.painguard.registry.HttpExchange.respond;
import static io.painguard.registry.HttpExchange.respondRaw;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.painguard.registry.RegistryReads.Deleted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Confluent's schema, subject, compatibility and config endpoints, mapped onto the services. */
final class RegistryRoutes {

  private static final TypeReference<List<SchemaReference>> REFERENCES = new TypeReference<>() {
  };

  private final RegistryService service;
  private final RegistryReads reads;

  RegistryRoutes(RegistryService service, RegistryReads reads) {
    this.service = service;
    this.reads = reads;
  }

  void register(JavalinDefaultRouting router) {
    router.get("/schemas", this::schemas);
    router.get("/schemas/types", ctx -> respond(ctx, 200, List.of(SchemaVersionEntry.AVRO)));
    router.get("/schemas/ids/{id}", ctx -> respond(ctx, 200,
        ResponseBodies.schema(schemaById(ctx), subjectParam(ctx) != null)));
    router.get("/schemas/ids/{id}/schema", ctx -> respondRaw(ctx, 200, schemaById(ctx).schema()));
    router.get("/schemas/ids/{id}/versions", this::versionsOfId);
    router.get("/schemas/ids/{id}/subjects", this::subjectsOfId);
    router.get("/schemas/guids/{guid}", ctx -> respond(ctx, 200,
        ResponseBodies.schema(reads.schemaByGuid(ctx.pathParam("guid")), false)));
    router.get("/schemas/guids/{guid}/ids", this::idsOfGuid);

    router.get("/subjects", ctx -> respond(ctx, 200, Paging.of(ctx).apply(
        reads.subjects(ctx.queryParam("subjectPrefix"), deleted(ctx)))));
    router.post("/subjects/{subject}", this::lookup);
    router.delete("/subjects/{subject}", ctx -> respond(ctx, 200,
        service.deleteSubject(subject(ctx), flag(ctx, "permanent"))));
    router.get("/subjects/{subject}/metadata", ctx -> respond(ctx, 200, ResponseBodies.version(
        reads.latestWithMetadata(subject(ctx), flag(ctx, "deleted")))));
    router.get("/subjects/{subject}/versions", ctx -> respond(ctx, 200, Paging.of(ctx).apply(
        reads.versions(subject(ctx), deleted(ctx)))));
    router.post("/subjects/{subject}/versions", this::registerSchema);
    router.get("/subjects/{subject}/versions/{version}", ctx -> respond(ctx, 200,
        ResponseBodies.version(reads.version(subject(ctx), version(ctx), flag(ctx, "deleted")))));
    router.get("/subjects/{subject}/versions/{version}/schema", ctx -> respondRaw(ctx, 200,
        reads.version(subject(ctx), version(ctx), flag(ctx, "deleted")).schema()));
    router.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> respond(ctx, 200,
        Paging.of(ctx, Paging.SCHEMA_SEARCH_LIMIT, Paging.SCHEMA_SEARCH_LIMIT)
            .apply(reads.referencedBy(subject(ctx), version(ctx)))));
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
  }

  private void schemas(Context ctx) {
    List<SchemaVersionEntry> found = reads.schemas(ctx.queryParam("subjectPrefix"),
        flag(ctx, "deleted"), flag(ctx, "latestOnly"));
    respond(ctx, 200, Paging.of(ctx, Paging.SCHEMA_SEARCH_LIMIT, Paging.SCHEMA_SEARCH_LIMIT)
        .apply(found).stream().map(ResponseBodies::version).toList());
  }

  private void registerSchema(Context ctx) {
    JsonNode body = Json.readObject(HttpExchange.body(ctx));
    RegistrationRequest request = new RegistrationRequest(schemaInput(body),
        optionalInt(body, "id"), optionalInt(body, "version"), flag(ctx, "normalize"));
    respond(ctx, 200, ResponseBodies.registration(service.register(subject(ctx), request)));
  }

  private void lookup(Context ctx) {
    SchemaInput input = schemaInput(Json.readObject(HttpExchange.body(ctx)));
    respond(ctx, 200, ResponseBodies.lookup(reads.lookup(subject(ctx), input,
        flag(ctx, "normalize"), flag(ctx, "deleted"))));
  }

  private void compatibility(Context ctx, VersionSpec version) {
    SchemaInput input = schemaInput(Json.readObject(HttpExchange.body(ctx)));
    List<String> problems = reads.compatibilityProblems(subject(ctx), version, input,
        flag(ctx, "normalize"));
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
    List<Map<String, Object>> body = reads.versionsWithId(id(ctx), flag(ctx, "deleted")).stream()
        .map(entry -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("subject", entry.subject());
          item.put("version", entry.version());
          return item;
        })
        .toList();
    respond(ctx, 200, Paging.of(ctx).apply(body));
  }

  private void subjectsOfId(Context ctx) {
    respond(ctx, 200, Paging.of(ctx).apply(reads.versionsWithId(id(ctx), flag(ctx, "deleted"))
        .stream().map(SchemaVersionEntry::subject).distinct().sorted().toList()));
  }

  /** Confluent's ContextId list: this registry has only the default context, ".". */
  private void idsOfGuid(Context ctx) {
    respond(ctx, 200, reads.idsOfGuid(ctx.pathParam("guid")).stream()
        .map(id -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("context", ".");
          item.put("id", id);
          return item;
        })
        .toList());
  }

  private SchemaVersionEntry schemaById(Context ctx) {
    return reads.schemaById(id(ctx), subjectParam(ctx));
  }

  /** The {@code subject} a schema is asked for in; an empty one names none, as in Confluent. */
  private static String subjectParam(Context ctx) {
    String subject = ctx.queryParam("subject");
    return subject == null || subject.isEmpty() ? null : subject;
  }

  private static Deleted deleted(Context ctx) {
    return Deleted.of(flag(ctx, "deleted"), flag(ctx, "deletedOnly"));
  }

  private static SchemaInput schemaInput(JsonNode body) {
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
    for (String unsupported : new String[] {"metadata", "ruleSet"}) {
      JsonNode value = body.get(unsupported);
      if (value != null && !value.isNull() && !value.isEmpty()) {
        throw RegistryException.invalidSchema("This registry does not support schema "
            + unsupported + "; send the schema without it");
      }
    }
    return new SchemaInput(
        schema == null || schema.isNull() ? null
            : schema.isTextual() ? schema.asText() : schema.toString(),
        schemaType == null || schemaType.isNull() ? null : schemaType.asText(),
        parsedReferences);
  }

  private static Integer optionalInt(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw RegistryException.badRequest("The request's " + field + " must be a whole number");
    }
    return value.intValue();
  }

  static String subject(Context ctx) {
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

  private static Map<String, Object> levelBody(CompatibilityLevel level) {
    return Map.of("compatibilityLevel", level.name());
  }
}
