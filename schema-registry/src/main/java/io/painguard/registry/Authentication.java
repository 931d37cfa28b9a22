package io.painguard.registry;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a request that lacks the credentials {@link RegistryAuth} asks for, as Confluent's
 * registry does: 401, {@code WWW-Authenticate: Basic realm="..."} and the body
 * {@code {"error_code":401,"message":"Unauthorized"}}, the same for missing and wrong credentials.
 */
final class Authentication {

  /** The realm named in the challenge; clients show it, none depends on it. */
  static final String REALM = "SchemaRegistry";

  private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);

  private Authentication() {
  }

  static void check(RegistryAuth auth, Context ctx) {
    if (!auth.required(ctx.method().name())) {
      return;
    }
    String authorization = ctx.header("Authorization");
    if (auth.accepts(authorization)) {
      return;
    }
    // Never the header itself: it holds the (wrong or right) password.
    LOG.warn("Refused {} {} from {}: {} credentials", ctx.method(), ctx.path(), ctx.ip(),
        authorization == null ? "no" : "wrong");
    ctx.header("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    throw new RegistryException(401, 401, "Unauthorized");
  }
}
