package io.painguard.serde;

import io.painguard.redaction.KnownSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's configuration, read from the same keys as Confluent's serdes (names and meanings of
 * Confluent's client 8.x; defaults Confluent's unless said), so one config serves either serde.
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
 *   <tr><td>{@value #BEARER_AUTH_CREDENTIALS_SOURCE}, {@value #BEARER_AUTH_TOKEN}</td><td></td>
 *       <td>{@code STATIC_TOKEN} sends the token as {@code Authorization: Bearer}; other sources
 *       are refused; {@value #BEARER_AUTH_LOGICAL_CLUSTER} and {@value
 *       #BEARER_AUTH_IDENTITY_POOL_ID} add Confluent Cloud's headers ({@link RegistryAuth})</td></tr>
 *   <tr><td>{@value #REGISTRY_SSL_PREFIX}*</td><td>the JDK's</td><td>Kafka's client {@code ssl.*}
 *       settings for the registry's HTTPS ({@link RegistryTls})</td></tr>
 *   <tr><td>{@value #MAX_RETRIES}</td><td>3</td><td>rounds of retries of one registry call after
 *       transient failures (connection refused, timeout, HTTP 5xx/408/429); 0 = one try per
 *       URL</td></tr>
 *   <tr><td>{@value #RETRIES_WAIT_MS}, {@value #RETRIES_MAX_WAIT_MS}</td><td>1000, 20000</td>
 *       <td>wait before the first retry, doubled each round up to the second</td></tr>
 *   <tr><td>{@value #HTTP_CONNECT_TIMEOUT_MS}, {@value #HTTP_READ_TIMEOUT_MS}</td><td>5000, 5000
 *       (Confluent: 60000)</td><td>timeouts of one HTTP request: connecting, and waiting for the
 *       answer. Shorter than Confluent's because a stream thread waits on them, and Kafka Streams
 *       gives a thread {@code max.poll.interval.ms} between polls</td></tr>
 *   <tr><td>{@value #KEY_SUBJECT_NAME_STRATEGY}, {@value #VALUE_SUBJECT_NAME_STRATEGY}</td>
 *       <td>TopicNameStrategy</td><td>{@link SubjectNameStrategy}: TopicNameStrategy,
 *       RecordNameStrategy or TopicRecordNameStrategy</td></tr>
 *   <tr><td>{@value #SPECIFIC_AVRO_READER}</td><td>false</td><td>the generic deserializer reads
 *       generated classes when there are (the specific ones always do, as Confluent's
 *       SpecificAvroSerde sets it)</td></tr>
 *   <tr><td>{@value #SPECIFIC_AVRO_KEY_TYPE}, {@value #SPECIFIC_AVRO_VALUE_TYPE}</td><td></td>
 *       <td>class (or class name) to read specific records as, when the serde was not built with
 *       one</td></tr>
 * </table>
 *
 * <p>Deprecated, read for one more release with a warning ({@link DeprecatedKeys}): {@value
 * #RETRY_BACKOFF_MS} (now {@value #RETRIES_WAIT_MS}), {@value #RETRY_BACKOFF_MAX_MS} (now {@value
 * #RETRIES_MAX_WAIT_MS}), {@value #REQUEST_TIMEOUT_MS} (now both HTTP timeouts) and {@value
 * #RETRY_MAX_MS} (a time budget for retries; {@value #MAX_RETRIES} counts them instead). Keys
 * this serde does not know are ignored, as Kafka clients ignore them.
 */
public final class AvroSerdeConfig {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String BEARER_AUTH_LOGICAL_CLUSTER = "bearer.auth.logical.cluster";
  public static final String BEARER_AUTH_IDENTITY_POOL_ID = "bearer.auth.identity.pool.id";
  public static final String REGISTRY_SSL_PREFIX = RegistryTls.PREFIX;
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

  /** Deprecated: a time budget for retries; use {@link #MAX_RETRIES}. */
  @Deprecated
  public static final String RETRY_MAX_MS = "schema.registry.retry.max.ms";
  /** Deprecated: use {@link #RETRIES_WAIT_MS}. */
  @Deprecated
  public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
  /** Deprecated: use {@link #RETRIES_MAX_WAIT_MS}. */
  @Deprecated
  public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
  /** Deprecated: use {@link #HTTP_CONNECT_TIMEOUT_MS} and {@link #HTTP_READ_TIMEOUT_MS}. */
  @Deprecated
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  public static final long DEFAULT_HTTP_TIMEOUT_MS = 5_000;

  /** Confluent's namespaces whose every key is a registry-client or serde setting. */
  public static final List<String> KEY_PREFIXES =
      List.of("schema.registry.", "basic.auth.", "bearer.auth.");

  /** The keys outside {@link #KEY_PREFIXES} this serde reads, all under Confluent's names. */
  public static final Set<String> UNPREFIXED_KEYS = Set.of(AUTO_REGISTER_SCHEMAS,
      USE_LATEST_VERSION, LATEST_CACHE_TTL_SEC, MAX_RETRIES, RETRIES_WAIT_MS, RETRIES_MAX_WAIT_MS,
      HTTP_CONNECT_TIMEOUT_MS, HTTP_READ_TIMEOUT_MS, KEY_SUBJECT_NAME_STRATEGY,
      VALUE_SUBJECT_NAME_STRATEGY, SPECIFIC_AVRO_READER, SPECIFIC_AVRO_KEY_TYPE,
      SPECIFIC_AVRO_VALUE_TYPE);

  /** Where basic-auth credentials come from. */
  public enum CredentialsSource { URL, USER_INFO }

  private final List<String> urls;
  private final boolean isKey;
  private final boolean autoRegisterSchemas;
  private final boolean useLatestVersion;
  private final long latestCacheTtlSec;
  private final RegistryAuth auth;
  private final RegistryTls tls;
  private final RetryPolicy retryPolicy;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final SubjectNameStrategy subjectNameStrategy;
  private final boolean specificAvroReader;
  private final Object specificType;

  private AvroSerdeConfig(Map<String, ?> given, boolean isKey) {
    // Before anything can fail and be logged: the credentials, tokens and TLS passwords.
    KnownSecrets.rememberSettings(given);
    Map<String, ?> configs = DeprecatedKeys.resolve(given);
    this.isKey = isKey;
    this.urls = parseUrls(configs.get(SCHEMA_REGISTRY_URL));
    this.autoRegisterSchemas = ConfigValues.bool(configs, AUTO_REGISTER_SCHEMAS, true);
    this.useLatestVersion = ConfigValues.bool(configs, USE_LATEST_VERSION, false);
    this.latestCacheTtlSec =
        ConfigValues.number(configs, LATEST_CACHE_TTL_SEC, -1, Long.MIN_VALUE, Long.MAX_VALUE);
    this.auth = RegistryAuth.from(configs);
    this.retryPolicy = RetryPolicy.from(configs);
    this.connectTimeout = timeout(configs, HTTP_CONNECT_TIMEOUT_MS);
    this.readTimeout = timeout(configs, HTTP_READ_TIMEOUT_MS);
    this.subjectNameStrategy = SubjectNameStrategy.parse(
        isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY,
        configs.get(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
    this.specificAvroReader = ConfigValues.bool(configs, SPECIFIC_AVRO_READER, false);
    this.specificType = configs.get(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
    this.tls = urls.get(0).startsWith(MockSchemaRegistry.URL_PREFIX) ? RegistryTls.JDK_DEFAULTS
        : RegistryTls.from(configs);
  }

  private AvroSerdeConfig(AvroSerdeConfig base, RetryPolicy retryPolicy, Duration timeout) {
    this.urls = base.urls;
    this.isKey = base.isKey;
    this.autoRegisterSchemas = base.autoRegisterSchemas;
    this.useLatestVersion = base.useLatestVersion;
    this.latestCacheTtlSec = base.latestCacheTtlSec;
    this.auth = base.auth;
    this.tls = base.tls;
    this.retryPolicy = retryPolicy;
    this.connectTimeout = min(base.connectTimeout, timeout);
    this.readTimeout = min(base.readTimeout, timeout);
    this.subjectNameStrategy = base.subjectNameStrategy;
    this.specificAvroReader = base.specificAvroReader;
    this.specificType = base.specificType;
  }

  /** True for a key this serde reads, or that belongs to one of Confluent's serde namespaces. */
  public static boolean isSerdeKey(String key) {
    return UNPREFIXED_KEYS.contains(key) || KEY_PREFIXES.stream().anyMatch(key::startsWith);
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
    return auth.basicSource();
  }

  /** Who the client says it is; package-private so the secrets cannot leak beyond the client. */
  RegistryAuth auth() {
    return auth;
  }

  /** The HTTPS settings for the registry. */
  RegistryTls tls() {
    return tls;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public SubjectNameStrategy subjectNameStrategy() {
    return subjectNameStrategy;
  }

  /** Confluent's {@value #SPECIFIC_AVRO_READER}. */
  public boolean specificAvroReader() {
    return specificAvroReader;
  }

  /**
   * The same settings for a check that must answer within {@code budget}: retried as often as
   * fits into it, each request timing out within it too.
   */
  public AvroSerdeConfig withTimeBudget(Duration budget) {
    return new AvroSerdeConfig(this, retryPolicy.withTimeBudget(budget), budget);
  }

  /** True for a {@code mock://SCOPE} URL. */
  public boolean isMock() {
    return urls.get(0).startsWith(MockSchemaRegistry.URL_PREFIX);
  }

  /** The scope of a {@code mock://SCOPE} URL. */
  public String mockScope() {
    return urls.get(0).substring(MockSchemaRegistry.URL_PREFIX.length());
  }

  /** The subject {@code schema} is registered under for {@code topic}, by the configured strategy. */
  public String subjectFor(String topic, Schema schema) {
    return subjectNameStrategy.subject(topic, isKey, schema);
  }

  /** TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
  public static String subjectFor(String topic, boolean isKey) {
    return SubjectNameStrategy.TOPIC_NAME.subject(topic, isKey, null);
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
        + ", auth=" + auth + ", tls=" + (tls.context() == null ? "JDK defaults" : "configured")
        + ", " + retryPolicy.describe() + ", connectTimeout=" + connectTimeout.toMillis() + " ms"
        + ", readTimeout=" + readTimeout.toMillis() + " ms, subjects=" + subjectNameStrategy.className()
        + "}";
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

  private static Duration timeout(Map<String, ?> configs, String key) {
    return Duration.ofMillis(
        ConfigValues.number(configs, key, DEFAULT_HTTP_TIMEOUT_MS, 1, Integer.MAX_VALUE));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
