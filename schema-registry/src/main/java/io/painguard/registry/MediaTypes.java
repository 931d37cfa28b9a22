package io.painguard.registry;

import java.util.List;
import java.util.Locale;

/**
 * Content negotiation as Confluent's registry does it: it reads and writes its two vendor types
 * and plain JSON, preferring the v1 vendor type when the client accepts several.
 */
final class MediaTypes {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
  static final String JSON = "application/json";
  /** Confluent also accepts request bodies labelled as plain bytes. */
  static final String OCTET_STREAM = "application/octet-stream";

  private static final List<String> PRODUCED = List.of(V1_JSON, DEFAULT_JSON, JSON);
  /** Confluent's server-side weights for the produced types, in the same order. */
  private static final double[] SERVER_WEIGHTS = {0.9, 0.8, 0.7};
  private static final List<String> CONSUMED = List.of(V1_JSON, DEFAULT_JSON, JSON, OCTET_STREAM);

  private MediaTypes() {
  }

  /** Whether a request body with this Content-Type is read; a missing header is accepted. */
  static boolean isAcceptedRequestType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    return CONSUMED.contains(baseType(contentType));
  }

  /**
   * The type to answer with for this Accept header, or null when the client accepts none of
   * the produced types. No header, or a wildcard, gets the v1 vendor type.
   */
  static String responseTypeFor(String accept) {
    if (accept == null || accept.isBlank()) {
      return V1_JSON;
    }
    String best = null;
    double bestScore = 0;
    for (int i = 0; i < PRODUCED.size(); i++) {
      double score = clientQuality(accept, PRODUCED.get(i)) * SERVER_WEIGHTS[i];
      if (score > bestScore) {
        best = PRODUCED.get(i);
        bestScore = score;
      }
    }
    return best;
  }

  /** The q the client gives the type, from its most specific matching range; 0 if none. */
  private static double clientQuality(String accept, String type) {
    int bestSpecificity = -1;
    double quality = 0;
    for (String range : accept.split(",")) {
      String base = baseType(range);
      int specificity = base.equals(type) ? 2
          : base.equals("application/*") ? 1
          : base.equals("*/*") || base.equals("*") ? 0
          : -1;
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        quality = qualityOf(range);
      }
    }
    return quality;
  }

  private static double qualityOf(String range) {
    String[] parts = range.split(";");
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.startsWith("q=")) {
        try {
          return Math.max(0, Math.min(1, Double.parseDouble(parameter.substring(2).trim())));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private static String baseType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String base = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return base.trim().toLowerCase(Locale.ROOT);
  }
}
