package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.painguard.events.ActivityEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AvroSerdeConfigTest {

  private static final String URL = "http://localhost:8081";

  private static AvroSerdeConfig parse(Object... keysAndValues) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      configs.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return AvroSerdeConfig.parse(configs, false);
  }

  @Test
  void defaultsFollowConfluentExceptTheShorterHttpTimeouts() {
    AvroSerdeConfig config = parse();

    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.specificAvroReader()).isFalse();
    assertThat(config.credentialsSource()).isEqualTo(AvroSerdeConfig.CredentialsSource.URL);
    assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
    assertThat(config.retryPolicy().maxRetries()).isEqualTo(3);
    assertThat(config.retryPolicy().initialWait()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.retryPolicy().maxWait()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.subjectFor("pain-reports", ActivityEvent.getClassSchema()))
        .isEqualTo("pain-reports-value");
    assertThat(AvroSerdeConfig.subjectFor("pain-reports", true)).isEqualTo("pain-reports-key");
  }

  @Test
  void readsCommaSeparatedListsAndLists() {
    assertThat(AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
        " http://a:8081 ,http://b:8081,"), false).redactedUrls())
        .containsExactly("http://a:8081", "http://b:8081");
    assertThat(AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
        List.of("http://a:8081", "http://b:8081")), false).redactedUrls())
        .containsExactly("http://a:8081", "http://b:8081");
  }

  @Test
  void readsConfluentsRetryAndTimeoutKeysAsStringsNumbersAndBooleans() {
    AvroSerdeConfig config = AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "FALSE",
        AvroSerdeConfig.USE_LATEST_VERSION, true,
        AvroSerdeConfig.MAX_RETRIES, "7",
        AvroSerdeConfig.RETRIES_WAIT_MS, 50,
        AvroSerdeConfig.RETRIES_MAX_WAIT_MS, "400",
        AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS, 250L,
        AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, "30000"), true);

    assertThat(config.autoRegisterSchemas()).isFalse();
    assertThat(config.useLatestVersion()).isTrue();
    assertThat(config.retryPolicy()).isEqualTo(
        new RetryPolicy(7, Duration.ofMillis(50), Duration.ofMillis(400), null));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.isMock()).isTrue();
    assertThat(config.mockScope()).isEqualTo("x");
    assertThat(config.isKey()).isTrue();
  }

  @Test
  void retryWaitsDoubleUpToTheirCapAndMaxRetriesCountsRounds() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(250), null);

    assertThat(policy.waitBefore(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.waitBefore(2, Duration.ZERO)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.waitBefore(3, Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
    assertThat(policy.waitBefore(64, Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
    assertThat(policy.mayRetry(2, Duration.ofHours(1))).isTrue();
    assertThat(policy.mayRetry(3, Duration.ZERO)).isFalse();

    RetryPolicy budgeted = policy.withTimeBudget(Duration.ofMillis(1000));
    assertThat(budgeted.mayRetry(1000, Duration.ofMillis(999))).isTrue();
    assertThat(budgeted.mayRetry(0, Duration.ofMillis(1000))).isFalse();
    assertThat(budgeted.waitBefore(5, Duration.ofMillis(900))).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void deprecatedKeysAreReadAsConfluentsWithOneWarningEachNamingTheNewKey() {
    // Given a config written for the previous release
    DeprecatedKeys.forgetWarnings();
    ListAppender<ILoggingEvent> log = capture();
    try {
      // When it is read twice (a serde per topic), once with the new key set as well
      AvroSerdeConfig old = parse(AvroSerdeConfig.RETRY_BACKOFF_MS, "10",
          AvroSerdeConfig.RETRY_BACKOFF_MAX_MS, "20", AvroSerdeConfig.REQUEST_TIMEOUT_MS, "300");
      AvroSerdeConfig both = parse(AvroSerdeConfig.RETRY_BACKOFF_MS, "10",
          AvroSerdeConfig.RETRIES_WAIT_MS, "77");

      // Then the old values count, the new key wins when both are there...
      assertThat(old.retryPolicy().initialWait()).isEqualTo(Duration.ofMillis(10));
      assertThat(old.retryPolicy().maxWait()).isEqualTo(Duration.ofMillis(20));
      assertThat(old.connectTimeout()).isEqualTo(Duration.ofMillis(300));
      assertThat(old.readTimeout()).isEqualTo(Duration.ofMillis(300));
      assertThat(both.retryPolicy().initialWait()).isEqualTo(Duration.ofMillis(77));
      // ...and each old key was warned about once, naming its replacement
      assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactlyInAnyOrder(
          "Serde setting schema.registry.retry.backoff.ms is deprecated and will be removed in the"
              + " next release: use retries.wait.ms, Confluent's name.",
          "Serde setting schema.registry.retry.backoff.max.ms is deprecated and will be removed in"
              + " the next release: use retries.max.wait.ms, Confluent's name.",
          "Serde setting schema.registry.request.timeout.ms is deprecated and will be removed in the"
              + " next release: use http.connect.timeout.ms and http.read.timeout.ms, Confluent's"
              + " names.");
    } finally {
      release(log);
    }
  }

  @Test
  void theDeprecatedRetryBudgetStillLimitsRetriesByTimeUnlessMaxRetriesIsSet() {
    DeprecatedKeys.forgetWarnings();
    ListAppender<ILoggingEvent> log = capture();
    try {
      RetryPolicy budget = parse(AvroSerdeConfig.RETRY_MAX_MS, "2500").retryPolicy();
      RetryPolicy both = parse(AvroSerdeConfig.RETRY_MAX_MS, "2500", AvroSerdeConfig.MAX_RETRIES, 1)
          .retryPolicy();
      RetryPolicy once = parse(AvroSerdeConfig.RETRY_MAX_MS, 0).retryPolicy();

      assertThat(budget.timeBudget()).isEqualTo(Duration.ofMillis(2500));
      assertThat(budget.mayRetry(50, Duration.ofMillis(2499))).isTrue();
      assertThat(both.mayRetry(1, Duration.ZERO)).isFalse();
      assertThat(once.mayRetry(0, Duration.ZERO)).isFalse();
      assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
          .asString().contains("schema.registry.retry.max.ms is deprecated").contains("use max.retries");
    } finally {
      release(log);
    }
  }

  @Test
  void subjectNameStrategiesByConfluentsClassNamesFullOrSimple() {
    String confluent = "io.confluent.kafka.serializers.subject.";

    assertThat(parse(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, confluent + "RecordNameStrategy")
        .subjectFor("activity-events", ActivityEvent.getClassSchema()))
        .isEqualTo("io.painguard.events.ActivityEvent");
    assertThat(parse(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy")
        .subjectFor("activity-events", ActivityEvent.getClassSchema()))
        .isEqualTo("activity-events-io.painguard.events.ActivityEvent");
    assertThat(AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
            AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, confluent + "TopicNameStrategy"), true)
        .subjectFor("t", ActivityEvent.getClassSchema()))
        .isEqualTo("t-key");
    // The value's strategy does not touch the key's subject, nor the other way round
    assertThat(AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, URL,
            AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy"), true)
        .subjectFor("t", ActivityEvent.getClassSchema()))
        .isEqualTo("t-key");
  }

  @Test
  void badConfigGetsOneClearSentence() {
    List<Runnable> bad = List.of(
        () -> AvroSerdeConfig.parse(Map.of(), false),
        () -> parse(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "localhost:8081"),
        () -> parse(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://a,http://b:1"),
        () -> parse(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes"),
        () -> parse(AvroSerdeConfig.MAX_RETRIES, "often"),
        () -> parse(AvroSerdeConfig.MAX_RETRIES, -1),
        () -> parse(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 0),
        () -> parse(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT"),
        () -> parse(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
            "io.confluent.kafka.serializers.subject.AssociatedNameStrategy"),
        () -> parse(AvroSerdeConfig.SPECIFIC_AVRO_READER, "sometimes"));
    List<String> expected = List.of(
        "schema.registry.url is missing",
        "is not an http://, https:// or mock:// URL",
        "only one mock:// URL",
        "auto.register.schemas must be true or false",
        "max.retries must be a whole number",
        "max.retries must be from 0 to 2147483647, but is -1",
        "http.read.timeout.ms must be from 1 to 2147483647, but is 0",
        "must be URL or USER_INFO",
        "AssociatedNameStrategy' is not supported: use TopicNameStrategy, RecordNameStrategy or"
            + " TopicRecordNameStrategy",
        "specific.avro.reader must be true or false");
    for (int i = 0; i < bad.size(); i++) {
      assertThatThrownBy(bad.get(i)::run)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(expected.get(i))
          .hasMessageEndingWith(".")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void aStaticBearerTokenIsSentWithConfluentClouds() {
    AvroSerdeConfig config = parse(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
        AvroSerdeConfig.BEARER_AUTH_TOKEN, "tok-123456", AvroSerdeConfig.BEARER_AUTH_LOGICAL_CLUSTER,
        "lsrc-1", AvroSerdeConfig.BEARER_AUTH_IDENTITY_POOL_ID, "pool-2");

    assertThat(config.auth().headersFor("url-user:url-pw")).containsExactly(
        Map.entry("Authorization", "Bearer tok-123456"),
        Map.entry("target-sr-cluster", "lsrc-1"),
        Map.entry("Confluent-Identity-Pool-Id", "pool-2"));
    assertThat(config.toString()).doesNotContain("tok-123456");
  }

  @Test
  void bearerSourcesThisClientCannotServeAndAmbiguousCredentialsAreRefusedWithoutTheSecret() {
    assertThatThrownBy(() -> parse(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "OAUTHBEARER",
        AvroSerdeConfig.BEARER_AUTH_TOKEN, "tok-123456"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("bearer.auth.credentials.source must be STATIC_TOKEN (with bearer.auth.token),"
            + " but is 'OAUTHBEARER': this client sends a token it is given and fetches none itself.");
    assertThatThrownBy(() -> parse(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN"))
        .hasMessage("bearer.auth.credentials.source=STATIC_TOKEN needs bearer.auth.token set to the"
            + " token.");
    assertThatThrownBy(() -> parse(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
        AvroSerdeConfig.BEARER_AUTH_TOKEN, "tok-123456",
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "me:pw-98765"))
        .hasMessageContaining("are both set")
        .hasMessageNotContaining("tok-123456")
        .hasMessageNotContaining("pw-98765");
    assertThatThrownBy(() -> parse(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
        AvroSerdeConfig.BEARER_AUTH_TOKEN, "tok-1\nX-Injected: yes"))
        .hasMessage("bearer.auth.token holds characters an HTTP header cannot carry (spaces, line"
            + " breaks or non-ASCII).");
  }

  @Test
  void secretsNeverShow() {
    String secret = "hunter2-xyz";
    AvroSerdeConfig withUserInfo = parse(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "me:" + secret);
    AvroSerdeConfig withUrl = parse(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://me:" + secret + "@registry:8081/base");

    assertThat(withUserInfo.toString()).doesNotContain(secret).contains("[hidden]");
    assertThat(withUrl.toString()).doesNotContain(secret);
    assertThat(withUrl.redactedUrls()).containsExactly("https://registry:8081/base");
    assertThat(AvroSerdeConfig.redact("http://me:a/b@c@registry:8081")).isEqualTo(
        "http://registry:8081");
    assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://me:" + secret + " x@registry:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http://registry:8081")
        .hasMessageNotContaining(secret);
    assertThatThrownBy(() -> parse(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, secret))
        .hasMessageContaining("user:password")
        .hasMessageNotContaining(secret);
    assertThatThrownBy(() -> parse(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"))
        .hasMessageContaining("needs basic.auth.user.info");
  }

  @Test
  void confluentsRegistryPrefixedUserInfoKeyIsAccepted() {
    AvroSerdeConfig config = parse(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "user_info",
        AvroSerdeConfig.REGISTRY_BASIC_AUTH_USER_INFO, "me:pw");

    assertThat(config.credentialsSource()).isEqualTo(AvroSerdeConfig.CredentialsSource.USER_INFO);
    assertThat(config.auth().userInfo()).isEqualTo("me:pw");
  }

  @Test
  void whenBothUserInfoKeysAreSetThePrefixedOneWinsAsInConfluentsClient() {
    AvroSerdeConfig config = parse(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "plain:pw",
        AvroSerdeConfig.REGISTRY_BASIC_AUTH_USER_INFO, "prefixed:pw");

    assertThat(config.auth().userInfo()).isEqualTo("prefixed:pw");
  }

  @Test
  void serdeKeysAreConfluentsNamespacesAndTheNamesThisSerdeReads() {
    assertThat(List.of("schema.registry.url", "schema.registry.ssl.truststore.location",
        "basic.auth.user.info", "bearer.auth.token", "max.retries", "latest.cache.ttl.sec",
        "value.subject.name.strategy", "specific.avro.reader"))
        .allMatch(AvroSerdeConfig::isSerdeKey);
    assertThat(List.of("bootstrap.servers", "http.port", "normalize.schemas", "max.retries.ms"))
        .noneMatch(AvroSerdeConfig::isSerdeKey);
  }

  @Test
  void specificTypeCanBeConfiguredByClassName() {
    try {
      // Given a classless serde told by config to read ActivityEvent
      SpecificAvroSerde<org.apache.avro.specific.SpecificRecord> serde = new SpecificAvroSerde<>();
      serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://cfg",
          AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, "io.painguard.events.ActivityEvent"), false);

      // When it meets a PainReport
      byte[] report = serde.serializer().serialize("t", Samples.painReport());

      // Then it reads as the configured class (and so fails), not as the writer's class
      assertThatThrownBy(() -> serde.deserializer().deserialize("t", report))
          .hasMessageContaining("cannot be read as io.painguard.events.ActivityEvent");
      assertThatThrownBy(() -> new SpecificAvroSerde<>().configure(Map.of(
          AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://cfg",
          AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, "java.lang.String"), false))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("must name a generated SpecificRecord class");
    } finally {
      MockSchemaRegistry.drop("cfg");
    }
  }

  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(DeprecatedKeys.class)).addAppender(appender);
    return appender;
  }

  private static void release(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(DeprecatedKeys.class)).detachAppender(appender);
  }
}
