package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

  @Test
  void defaultsFollowConfluent() {
    AvroSerdeConfig config = AvroSerdeConfig.parse(
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081"), false);

    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.credentialsSource()).isEqualTo(AvroSerdeConfig.CredentialsSource.URL);
    assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
    assertThat(config.subjectFor("pain-reports")).isEqualTo("pain-reports-value");
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
  void readsStringsNumbersAndBooleans() {
    AvroSerdeConfig config = AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "FALSE",
        AvroSerdeConfig.USE_LATEST_VERSION, true,
        AvroSerdeConfig.RETRY_MAX_MS, "30000",
        AvroSerdeConfig.REQUEST_TIMEOUT_MS, 250L), true);

    assertThat(config.autoRegisterSchemas()).isFalse();
    assertThat(config.useLatestVersion()).isTrue();
    assertThat(config.retryPolicy().maxElapsed()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.isMock()).isTrue();
    assertThat(config.mockScope()).isEqualTo("x");
    assertThat(config.isKey()).isTrue();
  }

  @Test
  void badConfigGetsOneClearSentence() {
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url is missing");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "localhost:8081"), false))
        .hasMessageContaining("not an http://, https:// or mock:// URL");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://a,http://b:1"), false))
        .hasMessageContaining("only one mock:// URL");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes"), false))
        .hasMessageContaining("auto.register.schemas must be true or false");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.RETRY_MAX_MS, "soon"), false))
        .hasMessageContaining("schema.registry.retry.max.ms must be a whole number");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT"), false))
        .hasMessageContaining("must be URL or USER_INFO");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
        "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false))
        .hasMessageContaining("RecordNameStrategy' is not supported");
  }

  @Test
  void acceptsConfluentsTopicNameStrategyClassName() {
    assertThat(AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
        "io.confluent.kafka.serializers.subject.TopicNameStrategy"), true).subjectFor("t"))
        .isEqualTo("t-key");
  }

  @Test
  void secretsNeverShow() {
    String secret = "hunter2-xyz";
    AvroSerdeConfig withUserInfo = AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "me:" + secret), false);
    AvroSerdeConfig withUrl = AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://me:" + secret + "@registry:8081/base"), false);

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
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, secret), false))
        .hasMessageContaining("user:password")
        .hasMessageNotContaining(secret);
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"), false))
        .hasMessageContaining("needs basic.auth.user.info");
  }

  @Test
  void confluentsRegistryPrefixedUserInfoKeyIsAccepted() {
    AvroSerdeConfig config = AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "user_info",
        AvroSerdeConfig.REGISTRY_BASIC_AUTH_USER_INFO, "me:pw"), false);

    assertThat(config.credentialsSource()).isEqualTo(AvroSerdeConfig.CredentialsSource.USER_INFO);
    assertThat(config.userInfo()).isEqualTo("me:pw");
  }

  @Test
  void whenBothUserInfoKeysAreSetThePrefixedOneWinsAsInConfluentsClient() {
    AvroSerdeConfig config = AvroSerdeConfig.parse(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:1",
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "plain:pw",
        AvroSerdeConfig.REGISTRY_BASIC_AUTH_USER_INFO, "prefixed:pw"), false);

    assertThat(config.userInfo()).isEqualTo("prefixed:pw");
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
}
