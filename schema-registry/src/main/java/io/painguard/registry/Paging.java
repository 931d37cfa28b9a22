package io.painguard.registry;

import io.javalin.http.Context;
import java.util.List;

/**
 * Confluent's {@code offset} and {@code limit} query parameters. A limit that is missing, not
 * positive or above the endpoint's maximum means the endpoint's default (Confluent's defaults:
 * 1000 for {@code GET /schemas}, everything elsewhere). A parameter that is not a number is a
 * 404, as JAX-RS answers there; a negative offset counts as 0.
 */
record Paging(int offset, int limit) {

  /** Confluent's {@code schema.search.default.limit} and {@code schema.search.max.limit}. */
  static final int SCHEMA_SEARCH_LIMIT = 1000;

  static Paging of(Context ctx) {
    return of(ctx, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  static Paging of(Context ctx, int defaultLimit, int maxLimit) {
    int offset = Math.max(0, intParam(ctx, "offset", 0));
    int limit = intParam(ctx, "limit", -1);
    return new Paging(offset, limit > 0 && limit <= maxLimit ? limit : defaultLimit);
  }

  <T> List<T> apply(List<T> items) {
    return items.stream().skip(offset).limit(limit).toList();
  }

  private static int intParam(Context ctx, String name, int absent) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return absent;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new RegistryException(404, 404, "HTTP 404 Not Found");
    }
  }
}
