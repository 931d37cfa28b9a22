package io.painguard.registry;

import static io.painguard.registry.HttpExchange.flag;
import static io.painguard.registry.HttpExchange.respond;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Confluent's {@code /mode} endpoints, global and per subject. */
final class ModeRoutes {

  private final ModeService modes;

  ModeRoutes(ModeService modes) {
    this.modes = modes;
  }

  void register(JavalinDefaultRouting router) {
    router.get("/mode", ctx -> get(ctx, null));
    router.put("/mode", ctx -> put(ctx, null));
    router.delete("/mode", ctx -> delete(ctx, null));
    router.get("/mode/{subject}", ctx -> get(ctx, subject(ctx)));
    router.put("/mode/{subject}", ctx -> put(ctx, subject(ctx)));
    router.delete("/mode/{subject}", ctx -> delete(ctx, subject(ctx)));
  }

  private void get(Context ctx, String subject) {
    respond(ctx, 200, Map.of("mode", modes.mode(subject, flag(ctx, "defaultToGlobal")).name()));
  }

  /**
   * Sets the mode and echoes the request, as Confluent does: the name as sent (any case), or
   * null, which removes the mode. A body without "mode" is 42204 here (Confluent fails it with
   * a 500).
   */
  private void put(Context ctx, String subject) {
    JsonNode body = Json.readObject(HttpExchange.body(ctx));
    JsonNode requested = body.get("mode");
    if (requested == null || !(requested.isNull() || requested.isTextual())) {
      throw RegistryException.invalidMode();
    }
    RegistryMode mode = requested.isNull() ? null
        : RegistryMode.parse(requested.asText()).orElseThrow(RegistryException::invalidMode);
    modes.setMode(subject, mode, flag(ctx, "force"));
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("mode", requested.isNull() ? null : requested.asText());
    respond(ctx, 200, echo);
  }

  /** Answers the mode removed; {@code {}} when a recursive delete found none. */
  private void delete(Context ctx, String subject) {
    Optional<RegistryMode> old = modes.deleteMode(subject, flag(ctx, "recursive"));
    respond(ctx, 200, old.isPresent() ? Map.of("mode", old.get().name()) : Map.of());
  }

  /** Confluent's name for its default context, {@value RegistryMode#DEFAULT_CONTEXT}, is global. */
  private static String subject(Context ctx) {
    String subject = ctx.pathParam("subject");
    return RegistryMode.DEFAULT_CONTEXT.equals(subject) ? null : subject;
  }
}
