package io.painguard.serde;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads one value of a Kafka-style config map (strings from a properties file, or typed values
 * from code) and refuses a bad one in one sentence naming the key. Never echoes the value of a key
 * that holds a secret.
 */
final class ConfigValues {

  private ConfigValues() {}

  static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Object value = configs.get(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key + " must be true or false, but is '" + value + "'.");
  }

  static long number(Map<String, ?> configs, String key, long fallback, long min, long max) {
    Object value = configs.get(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    long parsed;
    try {
      parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, but is '" + value + "'.");
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(key + " must be " + (max == Long.MAX_VALUE ? "at least " + min
          : "from " + min + " to " + max) + ", but is " + parsed + ".");
    }
    return parsed;
  }

  /** The trimmed text of a setting, or null when it is unset or blank. */
  static String text(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return null;
    }
    String text = value instanceof Class<?> type ? type.getName() : value.toString().trim();
    return text.isEmpty() ? null : text;
  }
}
