package io.painguard.registry;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** Reading requests and writing responses in the registry's media types. */
final class HttpExchange {

  /** Context attribute holding the negotiated response type. */
  static final String RESPONSE_TYPE = "painguard.registry.responseType";

  private HttpExchange() {
  }

  /**
   * Runs before every handler: refuses request bodies in foreign media types (415) and clients
   * that accept none of the registry's types (406), and remembers the type to answer with.
   */
  static void negotiate(Context ctx) {
    String responseType = MediaTypes.responseTypeFor(ctx.header("Accept"));
    if (responseType == null) {
      throw new RegistryException(406, 406, "HTTP 406 Not Acceptable: this registry produces "
          + MediaTypes.V1_JSON + ", " + MediaTypes.DEFAULT_JSON + " and " + MediaTypes.JSON);
    }
    ctx.attribute(RESPONSE_TYPE, responseType);
    if (!MediaTypes.isAcceptedRequestType(ctx.contentType())) {
      throw new RegistryException(415, 415, "HTTP 415 Unsupported Media Type: send "
          + MediaTypes.V1_JSON + ", " + MediaTypes.DEFAULT_JSON + " or " + MediaTypes.JSON);
    }
  }

  /** Writes the value as JSON with the negotiated type. */
  static void respond(Context ctx, int status, Object body) {
    respondRaw(ctx, status, Json.write(body));
  }

  /** Writes text that is already JSON. */
  static void respondRaw(Context ctx, int status, String json) {
    String type = ctx.attribute(RESPONSE_TYPE);
    // JSON is UTF-8 (RFC 8259); Jetty would otherwise encode the vendor types as ISO-8859-1.
    ctx.status(status).contentType(type == null ? MediaTypes.V1_JSON : type)
        .result(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The request body decoded as UTF-8, whatever charset Jetty would assume for the type. */
  static String body(Context ctx) {
    return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
  }

  static boolean flag(Context ctx, String name) {
    return "true".equalsIgnoreCase(ctx.queryParam(name));
  }
}
