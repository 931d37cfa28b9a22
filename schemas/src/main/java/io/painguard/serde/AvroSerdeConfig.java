package io.painguard.serde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's configuration, read from the same keys as Confluent's serdes so that swapping in
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde} needs no config change.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #SCHEMA_REGISTRY_URL}</td><td>(required)</td><td>comma-separated registry
 *       URLs, tried in turn (failover); or a single {@code mock://SCOPE} for an in-memory registry
 *       shared per scope in the JVM ({@link MockSchemaRegistry})</td></tr>
 *   <tr><td>{@value #AUTO_REGISTER_SCHEMAS}</td><td>true</td><td>register the record's schema
 *       under the subject on first use; when false the schema must already be registered</td></tr>
 *   <tr><td>{@value #USE_LATEST_VERSION}</td><td>false</td><td>with auto-registration off, write
 *       with the subject's latest schema (the record's schema must be readable as it)</td></tr>
 *   <tr><td>{@value #LATEST_CACHE_TTL_SEC}</td><td>-1</td><td>how long the latest version is
 *       cached; negative = for the life of the client</td></tr>
 *   <tr><td>{@value #BASIC_AUTH_CREDENTIALS_SOURCE}</td><td>URL</td><td>{@code USER_INFO}: take
 *       {@value #BASIC_AUTH_USER_INFO}; {@code URL}: take {@code user:password@} from each URL
 *       </td></tr>
 *   <tr><td>{@value #BASIC_AUTH_USER_INFO}</td><td></td><td>{@code user:password}; also read
 *       from {@value #REGISTRY_BASIC_AUTH_USER_INFO}, which wins when both are set (as in
 *       Confluent's client); never logged nor shown</td></tr>
 *   <tr><td>{@value #RETRY_MAX_MS}</td><td>5000</td><td>time budget for retrying one registry
 *       call on transient failures (connection refused, timeout, HTTP 5xx/408/429); 0 = one try
 *       per URL</td></tr>
 *   <tr><td>{@value #RETRY_BACKOFF_MS}</td><td>100</td><td>first pause between retry rounds,
 *       doubled each round</td></tr>
 *   <tr><td>{@value #RETRY_BACKOFF_MAX_MS}</td><td>1000</td><td>longest pause between
 *       rounds</td></tr>
 *   <tr><td>{@value #REQUEST_TIMEOUT_MS}</td><td>5000</td><td>connect and response timeout of one
 *       HTTP request</td></tr>
 *   <tr><td>{@value #KEY_SUBJECT_NAME_STRATEGY}, {@value #VALUE_SUBJECT_NAME_STRATEGY}</td>
 *       <td>TopicNameStrategy</td><td>only TopicNameStrategy ({@code <topic>-key},
 *       {@code <topic>-value}) is supported</td></tr>
 *   <tr><td>{@value #SPECIFIC_AVRO_KEY_TYPE}, {@value #SPECIFIC_AVRO_VALUE_TYPE}</td><td></td>
 *       <td>class (or class name) to read specific records as, when the serde was not built with
 *       one</td></tr>
 * </table>
 */
public final class AvroSerdeConfig {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
  public static final String RETRY_MAX_MS = "schema.registry.retry.max.ms";
  public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

  public static final long DEFAULT_RETRY_MAX_MS = 5_000;
  public static final long DEFAULT_RETRY_BACKOFF_MS = 100;
  public static final long DEFAULT_RETRY_BACKOFF_MAX_MS = 1_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

  /** Where basic-auth credentials come from. */
  public enum CredentialsSource { URL, USER_INFO }

  private final List<String> urls;
  private final boolean isKey;
  private final boolean autoRegisterSchemas;
  private final boolean useLatestVersion;
  private final long latestCacheTtlSec;
  private final CredentialsSource credentialsSource;
  private final String userInfo;
  private final RetryPolicy retryPolicy;
  private final Duration requestTimeout;
  private final Object specificType;

  private AvroSerdeConfig(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    this.urls = parseUrls(configs.get(SCHEMA_REGISTRY_URL));
    this.autoRegisterSchemas = bool(configs, AUTO_REGISTER_SCHEMAS, true);
    this.useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
    this.latestCacheTtlSec = number(configs, LATEST_CACHE_TTL_SEC, -1, Long.MIN_VALUE);
    this.credentialsSource = credentialsSource(configs.get(BASIC_AUTH_CREDENTIALS_SOURCE));
    // Confluent's UserInfoCredentialProvider reads the older, prefixed name first; so do we, so
    // a config that sets both means the same credentials with either serde.
    Object info = configs.get(REGISTRY_BASIC_AUTH_USER_INFO);
    if (info == null || info.toString().isBlank()) {
      info = configs.get(BASIC_AUTH_USER_INFO);
    }
    this.userInfo = info == null || info.toString().isBlank() ? null : info.toString();
    if (credentialsSource == CredentialsSource.USER_INFO && userInfo == null) {
      throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs "
          + BASIC_AUTH_USER_INFO + " set to user:password.");
    }
    if (credentialsSource == CredentialsSource.USER_INFO && userInfo.indexOf(':') < 0) {
      // Do not echo the value: it is a secret even when malformed.
      throw new ConfigException(BASIC_AUTH_USER_INFO + " must have the form user:password.");
    }
    this.retryPolicy = new RetryPolicy(
        Duration.ofMillis(number(configs, RETRY_MAX_MS, DEFAULT_RETRY_MAX_MS, 0)),
        Duration.ofMillis(number(configs, RETRY_BACKOFF_MS, DEFAULT_RETRY_BACKOFF_MS, 0)),
        Duration.ofMillis(number(configs, RETRY_BACKOFF_MAX_MS, DEFAULT_RETRY_BACKOFF_MAX_MS, 0)));
    this.requestTimeout =
        Duration.ofMillis(number(configs, REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, 1));
    checkSubjectStrategy(configs, isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY);
    this.specificType = configs.get(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
  }

  /**
   * Reads a Kafka-style config map.
   *
   * @throws ConfigException with one sentence naming the offending key
   */
  public static AvroSerdeConfig parse(Map<String, ?> configs, boolean isKey) {
    return new AvroSerdeConfig(configs, isKey);
  }

  /** The registry URLs as configured (may carry user info; never print them, use
   * {@link #redactedUrls()}). */
  List<String> urls() {
    return urls;
  }

  /** The registry URLs without user info, safe for logs and messages. */
  public List<String> redactedUrls() {
    return urls.stream().map(AvroSerdeConfig::redact).toList();
  }

  public boolean isKey() {
    return isKey;
  }

  public boolean autoRegisterSchemas() {
    return autoRegisterSchemas;
  }

  public boolean useLatestVersion() {
    return useLatestVersion;
  }

  public long latestCacheTtlSec() {
    return latestCacheTtlSec;
  }

  public CredentialsSource credentialsSource() {
    return credentialsSource;
  }

  /** The secret; package-private so it cannot leak beyond the HTTP client. */
  String userInfo() {
    return userInfo;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** True for a {@code mock://SCOPE} URL. */
  public boolean isMock() {
    return urls.get(0).startsWith(MockSchemaRegistry.URL_PREFIX);
  }

  /** The scope of a {@code mock://SCOPE} URL. */
  public String mockScope() {
    return urls.get(0).substring(MockSchemaRegistry.URL_PREFIX.length());
  }

  /** TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
  public String subjectFor(String topic) {
    return subjectFor(topic, isKey);
  }

  /** TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
  public static String subjectFor(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  /** {@value #SPECIFIC_AVRO_KEY_TYPE} or {@value #SPECIFIC_AVRO_VALUE_TYPE}: a Class, a class
   * name, or null. */
  Object specificType() {
    return specificType;
  }

  @Override
  public String toString() {
    return "AvroSerdeConfig{urls=" + redactedUrls() + ", isKey=" + isKey
        + ", autoRegisterSchemas=" + autoRegisterSchemas + ", useLatestVersion=" + useLatestVersion
        + ", credentialsSource=" + credentialsSource
        + ", userInfo=" + (userInfo == null ? "none" : "[hidden]")
        + ", retry=" + retryPolicy + ", requestTimeout=" + requestTimeout + "}";
  }

  /**
   * {@code scheme://host:port/path} without any {@code user:password@}. Cuts at the last '@' so
   * that even an unencoded '/' or '@' in a password cannot leak.
   */
  static String redact(String url) {
    return io.painguard.redaction.Redaction.url(url); // also hides ?access_token= and the like
  }

  private static List<String> parseUrls(Object value) {
    List<String> urls = new ArrayList<>();
    if (value instanceof Collection<?> list) {
      list.forEach(item -> split(String.valueOf(item), urls));
    } else if (value != null) {
      split(value.toString(), urls);
    }
    if (urls.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " is missing: set it to the registry URL"
          + " (e.g. http://localhost:8081) or to mock://SCOPE for an in-memory registry.");
    }
    long mocks = urls.stream().filter(u -> u.startsWith(MockSchemaRegistry.URL_PREFIX)).count();
    if (mocks > 0 && urls.size() > 1) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " may hold only one mock:// URL and no"
          + " other URL, but it is " + urls.stream().map(AvroSerdeConfig::redact).toList() + ".");
    }
    for (String url : urls) {
      if (!url.startsWith("http://") && !url.startsWith("https://")
          && !url.startsWith(MockSchemaRegistry.URL_PREFIX)) {
        throw new ConfigException(SCHEMA_REGISTRY_URL + " entry '" + redact(url)
            + "' is not an http://, https:// or mock:// URL.");
      }
    }
    return List.copyOf(urls);
  }

  private static void split(String value, List<String> into) {
    for (String part : value.split(",")) {
      String url = part.trim();
      if (!url.isEmpty()) {
        into.add(url);
      }
    }
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Object value = configs.get(key);
    if (value == null) {
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

  private static long number(Map<String, ?> configs, String key, long fallback, long min) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    long parsed;
    try {
      parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, but is '" + value + "'.");
    }
    if (parsed < min) {
      throw new ConfigException(key + " must be at least " + min + ", but is " + parsed + ".");
    }
    return parsed;
  }

  private static CredentialsSource credentialsSource(Object value) {
    if (value == null || value.toString().isBlank()) {
      return CredentialsSource.URL;
    }
    String text = value.toString().trim().toUpperCase(Locale.ROOT);
    for (CredentialsSource source : CredentialsSource.values()) {
      if (source.name().equals(text)) {
        return source;
      }
    }
    throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + " must be URL or USER_INFO, but is '"
        + value + "'.");
  }

  private static void checkSubjectStrategy(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return;
    }
    String name = value instanceof Class<?> type ? type.getName() : value.toString().trim();
    if (!name.isEmpty() && !name.endsWith(".TopicNameStrategy") && !name.equals("TopicNameStrategy")) {
      throw new ConfigException(key + " '" + name + "' is not supported: this serde only uses"
          + " TopicNameStrategy (<topic>-key / <topic>-value).");
    }
  }
}
