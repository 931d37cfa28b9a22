package io.painguard.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

  @Test
  void defaultsPointAtTheLocalStackWithExactlyOnce() {
    AppConfig config = AppConfig.of();

    assertThat(config.kafkaProperties())
        .containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("application.id", "painguard");
    assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "http://localhost:8081");
    assertThat(config.httpPort()).isEqualTo(8080);
  }

  @Test
  void laterLayersWinFileThenEnvironmentThenFlags(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("painguard.properties");
    Files.writeString(
        file,
        "kafka.bootstrap.servers=file:9092\nkafka.num.stream.threads=2\npainguard.http.port=9000\n");
    Map<String, String> environment =
        SettingSources.fromEnvironment(
            Map.of("PAINGUARD_KAFKA_BOOTSTRAP_SERVERS", "env:9092", "HOME", "/root"));
    Map<String, String> flags = Map.of("painguard.http.port", "9100");

    AppConfig config = AppConfig.of(SettingSources.fromFile(file), environment, flags);

    assertThat(config.kafkaProperties())
        .containsEntry("bootstrap.servers", "env:9092")
        .containsEntry("num.stream.threads", "2");
    assertThat(config.httpPort()).isEqualTo(9100);
  }

  @Test
  void environmentVariablesMapToDottedKeys() {
    assertThat(SettingSources.toKey("PAINGUARD_KAFKA_SASL_JAAS_CONFIG"))
        .isEqualTo("kafka.sasl.jaas.config");
    assertThat(SettingSources.fromEnvironment(Map.of("PAINGUARD_CONFIG", "/etc/x", "PATH", "/bin")))
        .isEmpty();
  }

  @Test
  void theLaunchersOwnVariableIsNotASetting() {
    // Given the script's build switch in the environment, as in PAINGUARD_SKIP_BUILD=1 ./painguard app
    Map<String, String> env =
        SettingSources.fromEnvironment(
            Map.of("PAINGUARD_SKIP_BUILD", "1", "PAINGUARD_HTTP_PORT", "9000"));

    // Then it is no setting, so the app does not refuse it as unknown; real settings still pass
    assertThat(env).containsOnlyKeys("http.port");
  }

  @Test
  void everyKafkaPropertyPassesThroughSoSecurityNeedsNoCode() {
    AppConfig config =
        AppConfig.of(
            Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "coach:s3cret"));

    assertThat(config.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThat(config.serdeConfig()).containsEntry("basic.auth.user.info", "coach:s3cret");
  }

  @Test
  void secretsNeverShowInTheDump() {
    AppConfig config =
        AppConfig.of(
            Map.of(
                "kafka.sasl.jaas.config", "ScramLoginModule required password=\"p4ss\";",
                "kafka.ssl.truststore.password", "trust-me",
                "basic.auth.user.info", "coach:s3cret",
                "kafka.default.key.serde", "org.apache.kafka.common.serialization.Serdes$StringSerde"));

    assertThat(config.toString()).doesNotContain("p4ss", "trust-me", "s3cret").contains(io.painguard.redaction.Redaction.MASK);
    assertThat(config.redacted()).containsEntry("kafka.default.key.serde",
        "org.apache.kafka.common.serialization.Serdes$StringSerde");
  }

  @Test
  void credentialsInsideTheRegistryUrlNeverShowInTheDumpOrARefusal() {
    AppConfig config =
        AppConfig.of(
            Map.of(
                "schema.registry.url",
                "https://reg-user:url-Pa55-word@registry:8081/?access_token=url-token-77,http://b:8081"));

    assertThat(config.redacted().get("schema.registry.url"))
        .isEqualTo("https://registry:8081/?access_token=[hidden],http://b:8081");
    assertThat(config.toString()).doesNotContain("url-Pa55-word", "url-token-77", "reg-user");
    assertThat(config.serdeConfig().get("schema.registry.url").toString())
        .as("the serde still gets the URL as configured")
        .contains("reg-user:url-Pa55-word@");
    assertThatThrownBy(() -> AppConfig.of(Map.of("schema.registry.url", "ftp://u:ftp-Pa55@registry/")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("schema.registry.url 'ftp://registry/' is not an http(s) URL with a host.");
  }

  @Test
  void unknownFamilyIsRefusedInOneSentence() {
    assertThatThrownBy(() -> AppConfig.of(Map.of("bootstrap.servers", "x:9092")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "Unknown setting 'bootstrap.servers': settings start with kafka., serde.,"
                + " schema.registry., basic.auth., bearer.auth. or painguard., or are one of the"
                + " serde's own keys [auto.register.schemas, http.connect.timeout.ms,")
        .hasMessageEndingWith(", value.subject.name.strategy].")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> AppConfig.of(Map.of("max.retry", "3")))
        .hasMessageStartingWith("Unknown setting 'max.retry'");
  }

  @Test
  void confluentsSerdeKeysReachTheSerdeUnderTheirOwnNamesAndSerdePrefixedOnesWithoutThePrefix() {
    // Given a Confluent Cloud-style registry configuration, and one key only Confluent's serde reads
    AppConfig config =
        AppConfig.of(
            Map.of(
                "schema.registry.url", "https://psrc.example:443",
                "bearer.auth.credentials.source", "STATIC_TOKEN",
                "bearer.auth.token", "tok-123456",
                "schema.registry.ssl.truststore.location", "/etc/painguard/registry.p12",
                "latest.cache.ttl.sec", "60",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy",
                "max.retries", "5",
                "serde.normalize.schemas", "true",
                "serde.max.retries", "2",
                "painguard.serde.value-class", "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde"));

    // Then every one reaches the serde; serde.* without its prefix, and winning over the bare key
    assertThat(config.serdeConfig())
        .containsEntry("bearer.auth.credentials.source", "STATIC_TOKEN")
        .containsEntry("bearer.auth.token", "tok-123456")
        .containsEntry("schema.registry.ssl.truststore.location", "/etc/painguard/registry.p12")
        .containsEntry("latest.cache.ttl.sec", "60")
        .containsEntry("value.subject.name.strategy",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy")
        .containsEntry("normalize.schemas", "true")
        .containsEntry("max.retries", "2")
        .containsEntry("painguard.serde.value-class",
            "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde")
        .doesNotContainKey("serde.normalize.schemas");
    assertThat(config.kafkaProperties()).doesNotContainKey("max.retries");
    assertThat(config.toString()).doesNotContain("tok-123456");
  }

  @Test
  void badValuesAreRefusedWithTheKeyNamed() {
    assertThatThrownBy(() -> AppConfig.of(Map.of("painguard.http.port", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("painguard.http.port is 'eighty'");
    assertThatThrownBy(() -> AppConfig.of(Map.of("schema.registry.url", "localhost:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url 'localhost:8081'");
    assertThatThrownBy(() -> AppConfig.of(Map.of("kafka.bootstrap.servers", " ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.bootstrap.servers is empty");
  }

  @Test
  void missingFileIsAConfigurationError(@TempDir Path dir) {
    assertThatThrownBy(() -> SettingSources.fromFile(dir.resolve("nope.properties")))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("nope.properties does not exist.");
  }

  @Test
  void registryCallsOnStreamThreadsStayWellUnderTheTransactionTimeoutUnlessTheDeploymentSaysOtherwise() {
    // Given no retry or timeout settings, Then the app's bounds apply
    assertThat(AppConfig.withStreamThreadBounds(new java.util.HashMap<>()))
        .containsEntry("max.retries", "2")
        .containsEntry("retries.wait.ms", "250")
        .containsEntry("retries.max.wait.ms", "500")
        .containsEntry("http.connect.timeout.ms", "2000")
        .containsEntry("http.read.timeout.ms", "2000");
    // Given the deployment's own values (new or deprecated keys), Then they are kept as they are
    java.util.Map<String, Object> own = new java.util.HashMap<>(java.util.Map.of(
        "max.retries", "5", "schema.registry.request.timeout.ms", "9000"));
    assertThat(AppConfig.withStreamThreadBounds(own))
        .containsEntry("max.retries", "5")
        .doesNotContainKey("http.read.timeout.ms")
        .doesNotContainKey("http.connect.timeout.ms");
  }
}
