package io.painguard.registry;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into Confluent's error body {@code {"error_code": N, "message": "..."}}. */
final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {
  }

  static void registryError(RegistryException e, Context ctx) {
    write(ctx, e.httpStatus(), e.errorCode(), e.getMessage());
  }

  /** Javalin's own responses: no route (404), wrong method (405), body too large (413)... */
  static void httpError(HttpResponseException e, Context ctx) {
    HttpStatus status = HttpStatus.forStatus(e.getStatus());
    String reason = status == HttpStatus.UNKNOWN ? "" : " " + status.getMessage();
    write(ctx, e.getStatus(), e.getStatus(), "HTTP " + e.getStatus() + reason);
  }

  static void storeError(SchemaStoreException e, Context ctx) {
    LOG.warn("Schema store failure on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    write(ctx, 500, 50001, "Error in the backend data store: " + e.getMessage());
  }

  static void unexpected(Exception e, Context ctx) {
    LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
    write(ctx, 500, 500, "Internal server error: " + e.getClass().getSimpleName());
  }

  private static void write(Context ctx, int status, int errorCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", errorCode);
    body.put("message", message);
    HttpExchange.respond(ctx, status, body);
  }
}
