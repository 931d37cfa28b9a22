package io.painguard.runtime.config;

import io.painguard.serde.AvroSerdeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes environment variables reach PainGuard's own settings, whose names an environment variable
 * cannot spell exactly: {@code painguard.*} keys contain hyphens, and repeating the prefix ({@code
 * PAINGUARD_PAINGUARD_HTTP_PORT}) is nobody's guess. After {@link SettingSources#fromEnvironment}:
 *
 * <ul>
 *   <li>keys of the {@code kafka.}, {@code serde.}, {@code schema.registry.} and other serde
 *       families, and the serde's unprefixed keys, stay as they are ({@code
 *       PAINGUARD_KAFKA_BOOTSTRAP_SERVERS} -> {@code kafka.bootstrap.servers}, {@code
 *       PAINGUARD_MAX_RETRIES} -> {@code max.retries}), unless they spell a known {@code
 *       painguard.} setting ({@code PAINGUARD_SERDE_VALUE_CLASS} -> {@code
 *       painguard.serde.value-class});
 *   <li>any other key gains the {@code painguard.} prefix ({@code PAINGUARD_HTTP_PORT} -> {@code
 *       painguard.http.port});
 *   <li>a {@code painguard.} key becomes the known setting it spells with dots for hyphens ({@code
 *       PAINGUARD_TOPICS_ACTIVITY_EVENTS} -> {@code painguard.topics.activity-events}).
 * </ul>
 */
public final class EnvironmentKeys {

  private static final List<String> PASS_THROUGH = List.of("kafka.", AppConfig.SERDE_PREFIX, "painguard.");

  private EnvironmentKeys() {}

  /**
   * The environment layer with keys resolved as above.
   *
   * @param fromEnvironment what {@link SettingSources#fromEnvironment} read
   * @param knownKeys every {@code painguard.*} setting the app knows
   */
  public static Map<String, String> resolve(Map<String, String> fromEnvironment, Set<String> knownKeys) {
    Map<String, String> byDotted = new LinkedHashMap<>();
    for (String known : knownKeys) {
      byDotted.put(known.replace('-', '.'), known);
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    fromEnvironment.forEach(
        (key, value) -> {
          String known = byDotted.get(("painguard." + key).replace('-', '.'));
          String full;
          if (known != null && !key.startsWith("painguard.")) {
            full = known; // PAINGUARD_SERDE_VALUE_CLASS is painguard.serde.value-class, not serde.*
          } else if (PASS_THROUGH.stream().anyMatch(key::startsWith) || AvroSerdeConfig.isSerdeKey(key)) {
            full = key;
          } else {
            full = "painguard." + key;
          }
          if (full.startsWith("painguard.")) {
            full = byDotted.getOrDefault(full.replace('-', '.'), full);
          }
          resolved.put(full, value);
        });
    return resolved;
  }
}
