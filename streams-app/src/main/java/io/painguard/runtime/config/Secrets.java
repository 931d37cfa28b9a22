package io.painguard.runtime.config;

import java.util.List;
import java.util.Locale;

/** Which settings hold secrets, so that no log line or config dump ever shows them. */
public final class Secrets {

  public static final String MASK = "[hidden]";

  // Substrings of the keys that carry credentials in Kafka, SSL, SASL and the registry client.
  private static final List<String> SECRET_MARKERS =
      List.of("password", "secret", "jaas", "user.info", "token", "credential", "key");

  private Secrets() {}

  public static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    // "key" alone would hide key.serializer and friends, which are harmless class names.
    if (lower.endsWith(".serializer") || lower.endsWith(".deserializer") || lower.endsWith(".serde")) {
      return false;
    }
    return SECRET_MARKERS.stream().anyMatch(lower::contains);
  }
}
