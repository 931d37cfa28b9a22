package io.painguard.runtime.config;

import io.painguard.redaction.KnownSecrets;
import io.painguard.redaction.Redaction;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The app's settings, merged from defaults, a properties file, environment variables and flags
 * (see {@link SettingSources}), and split into the views each part of the app needs.
 *
 * <p>Key families:
 *
 * <ul>
 *   <li>{@code kafka.*}: any Kafka client or Kafka Streams property, passed through with the prefix
 *       removed ({@code kafka.security.protocol=SASL_SSL}, {@code kafka.num.stream.threads=2}...), so
 *       security and tuning need no code change;
 *   <li>{@code schema.registry.*}, {@code basic.auth.*}, {@code auto.register.schemas}, {@code
 *       use.latest.version}: the serde's settings, under Confluent's own names;
 *   <li>{@code painguard.*}: the app's own (topics, rules, HTTP).
 * </ul>
 */
public final class AppConfig {

  public static final String KAFKA_PREFIX = "kafka.";
  public static final String RULES_PREFIX = "painguard.rules.";
  public static final String TOPICS_PREFIX = "painguard.topics.";
  public static final String HTTP_PREFIX = "painguard.http.";

  private static final List<String> SERDE_PREFIXES =
      List.of("schema.registry.", "basic.auth.", "auto.register.schemas", "use.latest.version");

  /** Defaults: the {@code ./painguard stack} addresses, exactly-once processing. */
  static final Map<String, String> DEFAULTS =
      Map.of(
          "kafka.bootstrap.servers", "localhost:9092",
          "kafka.application.id", "painguard",
          "kafka.processing.guarantee", "exactly_once_v2",
          "schema.registry.url", "http://localhost:8081",
          "painguard.http.host", "0.0.0.0",
          "painguard.http.port", "8080");

  private final Map<String, String> settings;

  private AppConfig(Map<String, String> settings) {
    this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  /** Merges the layers, later ones winning, on top of {@link #DEFAULTS}, and validates the result. */
  @SafeVarargs
  public static AppConfig of(Map<String, String>... layers) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    for (Map<String, String> layer : layers) {
      merged.putAll(layer);
    }
    // Before anything can print them: a refusal below, the start-up dump, Kafka's own logs.
    KnownSecrets.rememberSettings(merged);
    AppConfig config = new AppConfig(merged);
    config.validate();
    return config;
  }

  private void validate() {
    for (String key : settings.keySet()) {
      if (!key.startsWith(KAFKA_PREFIX)
          && !key.startsWith("painguard.")
          && SERDE_PREFIXES.stream().noneMatch(key::startsWith)) {
        throw new ConfigException(
            "Unknown setting '"
                + key
                + "': settings start with kafka., schema.registry., basic.auth. or painguard.");
      }
    }
    if (get("kafka.bootstrap.servers").isBlank()) {
      throw new ConfigException("kafka.bootstrap.servers is empty: name at least one Kafka broker.");
    }
    for (String url : get("schema.registry.url").split(",")) {
      if (!url.trim().startsWith("mock://")) {
        requireHttpUrl("schema.registry.url", url.trim());
      }
    }
    httpPort();
  }

  private static void requireHttpUrl(String key, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + " '" + Redaction.url(value) + "' is not an http(s) URL with a host.");
    }
  }

  /** The value of a setting, or "" when unset. */
  public String get(String key) {
    return settings.getOrDefault(key, "");
  }

  public int httpPort() {
    return intSetting("painguard.http.port", 0, 65535);
  }

  public String httpHost() {
    return get("painguard.http.host");
  }

  public int intSetting(String key, int min, int max) {
    String raw = get(key);
    try {
      int value = Integer.parseInt(raw);
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          key + " is '" + raw + "'; it must be a whole number from " + min + " to " + max + ".");
    }
  }

  /** Kafka client and Streams properties, {@code kafka.} prefix removed. */
  public Map<String, Object> kafkaProperties() {
    Map<String, Object> kafka = new LinkedHashMap<>();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(KAFKA_PREFIX)) {
            kafka.put(key.substring(KAFKA_PREFIX.length()), value);
          }
        });
    return kafka;
  }

  /** The serde's settings under Confluent's names. */
  public Map<String, Object> serdeConfig() {
    Map<String, Object> serde = new LinkedHashMap<>();
    settings.forEach(
        (key, value) -> {
          if (SERDE_PREFIXES.stream().anyMatch(key::startsWith)) {
            serde.put(key, value);
          }
        });
    return serde;
  }

  /** Settings under a {@code painguard.} family, the family prefix kept. */
  public Map<String, String> family(String prefix) {
    Map<String, String> family = new LinkedHashMap<>();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            family.put(key, value);
          }
        });
    return family;
  }

  /**
   * Every setting, safe to log or print: secret keys masked, and credentials in other values (a
   * registry URL's {@code user:password@} or {@code ?access_token=}) cut.
   */
  public Map<String, String> redacted() {
    Map<String, String> shown = new TreeMap<>();
    settings.forEach(
        (key, value) -> shown.put(key, Redaction.isSecretKey(key) ? Redaction.MASK : Redaction.text(value)));
    return shown;
  }

  @Override
  public String toString() {
    return "AppConfig" + redacted();
  }
}
