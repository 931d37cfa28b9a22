package io.painguard.serde;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serde's own retry and timeout keys from before it took Confluent's names. They are still
 * read for one release, each as the Confluent key that replaces it, with one WARN per key and JVM
 * (a serde is configured once per topic and thread, so warning each time would flood the log).
 */
final class DeprecatedKeys {

  private static final Logger LOG = LoggerFactory.getLogger(DeprecatedKeys.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  /** Each old key and the Confluent keys it is read as. */
  static final Map<String, List<String>> REPLACED_BY = Map.of(
      AvroSerdeConfig.RETRY_BACKOFF_MS, List.of(AvroSerdeConfig.RETRIES_WAIT_MS),
      AvroSerdeConfig.RETRY_BACKOFF_MAX_MS, List.of(AvroSerdeConfig.RETRIES_MAX_WAIT_MS),
      AvroSerdeConfig.REQUEST_TIMEOUT_MS,
      List.of(AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS, AvroSerdeConfig.HTTP_READ_TIMEOUT_MS));

  private DeprecatedKeys() {}

  /**
   * The config with each old key's value under the keys replacing it, unless those are set
   * themselves (then they win). {@link AvroSerdeConfig#RETRY_MAX_MS} has no Confluent equivalent
   * (it times retries, Confluent's {@code max.retries} counts them), so it stays under its own
   * name for {@link RetryPolicy} to read.
   */
  static Map<String, Object> resolve(Map<String, ?> configs) {
    Map<String, Object> resolved = new HashMap<>(configs);
    REPLACED_BY.forEach((old, replacements) -> {
      Object value = configs.get(old);
      if (value == null) {
        return;
      }
      List<String> alreadySet = replacements.stream().filter(configs::containsKey).toList();
      for (String key : replacements) {
        resolved.putIfAbsent(key, value);
      }
      warnOnce(old, "use " + String.join(" and ", replacements) + ", Confluent's name"
          + (replacements.size() > 1 ? "s" : "") + (alreadySet.isEmpty() ? ""
              : "; " + String.join(" and ", alreadySet) + " set as well, and win"));
    });
    if (configs.get(AvroSerdeConfig.RETRY_MAX_MS) != null) {
      warnOnce(AvroSerdeConfig.RETRY_MAX_MS, "use " + AvroSerdeConfig.MAX_RETRIES + ", Confluent's"
          + " name, which counts retries instead of timing them; until then it still limits how long"
          + " one registry call retries");
    }
    return resolved;
  }

  /** Old key -> new keys, for documentation and for the app's list of serde keys. */
  static Map<String, List<String>> table() {
    Map<String, List<String>> all = new LinkedHashMap<>(REPLACED_BY);
    all.put(AvroSerdeConfig.RETRY_MAX_MS, List.of(AvroSerdeConfig.MAX_RETRIES));
    return all;
  }

  private static void warnOnce(String key, String advice) {
    if (WARNED.add(key)) {
      LOG.warn("Serde setting {} is deprecated and will be removed in the next release: {}.", key,
          advice);
    }
  }

  /** Forgets which keys were warned about (tests only). */
  static void forgetWarnings() {
    WARNED.clear();
  }
}
