package io.painguard.runtime.config;

import io.painguard.redaction.KnownSecrets;
import io.painguard.redaction.Redaction;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.topology.SerdeChoice;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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
 *   <li>the serde's settings under Confluent's own names: every key of Confluent's {@code
 *       schema.registry.*}, {@code basic.auth.*} and {@code bearer.auth.*} namespaces, and the
 *       unprefixed keys the serde reads ({@link AvroSerdeConfig#UNPREFIXED_KEYS}: {@code
 *       max.retries}, {@code value.subject.name.strategy}...), passed through as they are;
 *   <li>{@code serde.*}: any serde setting, passed through with the prefix removed -- for keys only
 *       a serde named by {@code painguard.serde.value-class} reads ({@code
 *       serde.normalize.schemas=true}); it wins over the same key unprefixed;
 *   <li>{@code painguard.*}: the app's own (topics, rules, HTTP, {@code painguard.serde.*}).
 * </ul>
 *
 * Any other key is refused as a typo.
 */
public final class AppConfig {

  public static final String KAFKA_PREFIX = "kafka.";
  public static final String RULES_PREFIX = "painguard.rules.";
  public static final String TOPICS_PREFIX = "painguard.topics.";
  public static final String HTTP_PREFIX = "painguard.http.";
  /** Serde settings passed through with this prefix removed. */
  public static final String SERDE_PREFIX = "serde.";

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
          && !key.startsWith(SERDE_PREFIX)
          && !AvroSerdeConfig.isSerdeKey(key)) {
        throw new ConfigException(
            "Unknown setting '"
                + key
                + "': settings start with kafka., serde., schema.registry., basic.auth., bearer.auth."
                + " or painguard., or are one of the serde's own keys "
                + new TreeSet<>(AvroSerdeConfig.UNPREFIXED_KEYS)
                + ".");
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

  /**
   * The serde's settings under Confluent's names: the serde keys as they are, then {@code serde.*}
   * with the prefix removed (winning), and the app's {@code painguard.serde.*} choice of serde
   * class, which {@link io.painguard.topology.SerdeChoice} reads and keeps from the serde itself.
   */
  public Map<String, Object> serdeConfig() {
    Map<String, Object> serde = new LinkedHashMap<>();
    settings.forEach(
        (key, value) -> {
          if (AvroSerdeConfig.isSerdeKey(key) || key.startsWith(SerdeChoice.PREFIX)) {
            serde.put(key, value);
          }
        });
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(SERDE_PREFIX)) {
            serde.put(key.substring(SERDE_PREFIX.length()), value);
          }
        });
    return withStreamThreadBounds(serde);
  }

  /**
   * The serde's registry calls run on stream threads, inside an exactly-once transaction that the
   * broker aborts after {@code transaction.timeout.ms} (10 s under exactly-once). Confluent's
   * defaults (3 retries waiting 1, 2, 4 s, each call up to the HTTP timeouts) could block a thread
   * for about half a minute against a registry that accepts connections and never answers, so
   * unless the deployment says otherwise the app retries twice, 250-500 ms apart, with 2 s
   * timeouts: at most about 7 s, after which the record is parked, not the thread.
   */
  static Map<String, Object> withStreamThreadBounds(Map<String, Object> serde) {
    if (!serde.containsKey(AvroSerdeConfig.RETRY_MAX_MS)) {
      serde.putIfAbsent(AvroSerdeConfig.MAX_RETRIES, "2");
    }
    if (!serde.containsKey(AvroSerdeConfig.RETRY_BACKOFF_MS)) {
      serde.putIfAbsent(AvroSerdeConfig.RETRIES_WAIT_MS, "250");
    }
    if (!serde.containsKey(AvroSerdeConfig.RETRY_BACKOFF_MAX_MS)) {
      serde.putIfAbsent(AvroSerdeConfig.RETRIES_MAX_WAIT_MS, "500");
    }
    if (!serde.containsKey(AvroSerdeConfig.REQUEST_TIMEOUT_MS)) {
      serde.putIfAbsent(AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS, "2000");
      serde.putIfAbsent(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, "2000");
    }
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
