package io.painguard.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

  @Test
  void defaultsAreDocumentedValues() {
    RuntimeSettings s = RuntimeSettings.from(AppConfig.of());

    assertThat(s.httpHost()).isEqualTo("0.0.0.0");
    assertThat(s.httpPort()).isEqualTo(8080);
    assertThat(s.httpTokens()).isEmpty();
    assertThat(s.sseHeartbeat()).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.sseReplay()).isEqualTo(50);
    assertThat(s.forwardTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.startupTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.createTopics()).isTrue();
    assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.logFormat()).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void theLogFormatIsTextOrJsonInAnyCaseAndNothingElse() {
    assertThat(RuntimeSettings.from(AppConfig.of(Map.of("painguard.log.format", "json"))).logFormat())
        .isEqualTo(LogFormat.JSON);
    assertThat(RuntimeSettings.from(AppConfig.of(Map.of("painguard.log.format", " JSON "))).logFormat())
        .isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> RuntimeSettings.from(AppConfig.of(Map.of("painguard.log.format", "logfmt"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("painguard.log.format is 'logfmt'; it must be text or json.");
  }

  @Test
  void settingsAreRead() {
    RuntimeSettings s =
        RuntimeSettings.from(
            AppConfig.of(
                Map.of(
                    "painguard.http.tokens", "t=admin",
                    "painguard.http.sse-heartbeat", "2s",
                    "painguard.startup.create-topics", "false",
                    "painguard.shutdown.timeout", "PT5S")));

    assertThat(s.httpTokens()).isEqualTo("t=admin");
    assertThat(s.sseHeartbeat()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.createTopics()).isFalse();
    assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aTypoInAPainguardKeyIsRefusedButOtherFamiliesPass() {
    assertThatThrownBy(() -> RuntimeSettings.from(AppConfig.of(Map.of("painguard.http.token", "t=admin"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Unknown setting 'painguard.http.token'");
    assertThat(
            RuntimeSettings.from(
                AppConfig.of(Map.of("painguard.rules.ceiling.mild-hrr-pct", "65", "painguard.topics.pain-reports", "p"))))
        .isNotNull();
  }

  @Test
  void badValuesAreRefusedWithTheKeyNamed() {
    assertThatThrownBy(() -> RuntimeSettings.from(AppConfig.of(Map.of("painguard.startup.timeout", "soon"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("painguard.startup.timeout is 'soon'; it must be a duration such as 500ms, 15s or 2m.");
    assertThatThrownBy(() -> RuntimeSettings.from(AppConfig.of(Map.of("painguard.http.sse-heartbeat", "10ms"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("at least 1s");
    assertThatThrownBy(() -> RuntimeSettings.from(AppConfig.of(Map.of("painguard.startup.create-topics", "yes"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> RuntimeSettings.from(AppConfig.of(Map.of("painguard.http.sse-replay", "-1"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("painguard.http.sse-replay");
  }

  @Test
  void tokensAreSecretsAndNeverShown() {
    AppConfig config = AppConfig.of(Map.of("painguard.http.tokens", "s3cr3t=admin"));

    assertThat(config.toString()).doesNotContain("s3cr3t");
    assertThat(RuntimeSettings.from(config).toString()).doesNotContain("s3cr3t");
  }

  @Test
  void environmentVariablesReachPainguardSettingsWithHyphens() {
    Map<String, String> env =
        SettingSources.fromEnvironment(
            Map.ofEntries(
                Map.entry("PAINGUARD_HTTP_PORT", "9000"),
                Map.entry("PAINGUARD_HTTP_TOKENS", "t=admin"),
                Map.entry("PAINGUARD_TOPICS_ACTIVITY_EVENTS", "acts"),
                Map.entry("PAINGUARD_RULES_CEILING_MILD_HRR_PCT", "65"),
                Map.entry("PAINGUARD_KAFKA_BOOTSTRAP_SERVERS", "b:9092"),
                Map.entry("PAINGUARD_SCHEMA_REGISTRY_URL", "http://r:8081"),
                Map.entry("PAINGUARD_PAINGUARD_SHUTDOWN_TIMEOUT", "5s"),
                Map.entry("PAINGUARD_MAX_RETRIES", "5"),
                Map.entry("PAINGUARD_HTTP_CONNECT_TIMEOUT_MS", "2000"),
                Map.entry("PAINGUARD_SERDE_NORMALIZE_SCHEMAS", "true"),
                Map.entry("PAINGUARD_SERDE_VALUE_CLASS", "com.example.Serde")));
    Set<String> known =
        Set.of(
            "painguard.http.port",
            "painguard.http.tokens",
            "painguard.topics.activity-events",
            "painguard.rules.ceiling.mild-hrr-pct",
            "painguard.shutdown.timeout",
            "painguard.serde.value-class");

    Map<String, String> resolved = EnvironmentKeys.resolve(env, known);

    assertThat(resolved)
        .containsEntry("painguard.http.port", "9000")
        .containsEntry("painguard.http.tokens", "t=admin")
        .containsEntry("painguard.topics.activity-events", "acts")
        .containsEntry("painguard.rules.ceiling.mild-hrr-pct", "65")
        .containsEntry("kafka.bootstrap.servers", "b:9092")
        .containsEntry("schema.registry.url", "http://r:8081")
        .containsEntry("painguard.shutdown.timeout", "5s")
        // Confluent's serde keys stay as they are, even where they look like painguard.http.*
        .containsEntry("max.retries", "5")
        .containsEntry("http.connect.timeout.ms", "2000")
        .containsEntry("serde.normalize.schemas", "true")
        // ...unless they spell one of the app's own settings
        .containsEntry("painguard.serde.value-class", "com.example.Serde")
        .hasSize(11);
  }
}
