package io.painguard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.runtime.KnownSettings;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.EnvironmentKeys;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.runtime.config.SettingSources;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What makes {@code docker compose down} and {@code up} carry on where they stopped, checked on the
 * file because no Docker engine runs here: every byte of state on a named volume, and the app given
 * the time to close cleanly (killed mid-close, an exactly-once app wipes its state on restart).
 */
class ComposeKeepsItsDataTest {

  /** What the app closes besides Kafka Streams (HTTP API, alert feed, metrics), with margin. */
  private static final Duration CLOSE_HEADROOM = Duration.ofSeconds(10);
  /** Docker's own stop timeout, when a service names none. */
  private static final String DOCKER_DEFAULT_GRACE = "10s";

  private static ComposeFile compose;

  @BeforeAll
  static void readComposeFile() {
    compose = ComposeFile.read();
  }

  @Test
  void kafkaWritesTopicsAndItsMetadataOntoItsNamedVolume() {
    // Given where the broker keeps its logs (in KRaft, its metadata log lives in the first one)
    String logDirs = compose.env("kafka", "KAFKA_LOG_DIRS");

    // Then every one is on a named volume, so _schemas, the topics and the cluster survive down/up
    for (String dir : logDirs.split(",")) {
      assertThat(compose.onNamedVolume("kafka", dir.trim()))
          .as(dir + " on one of " + compose.namedVolumeMounts("kafka")).isTrue();
    }
    String metadataDir = compose.environment("kafka").get("KAFKA_METADATA_LOG_DIR");
    if (metadataDir != null) {
      assertThat(compose.onNamedVolume("kafka", metadataDir)).as(metadataDir).isTrue();
    }
  }

  @Test
  void kafkaFormatsItsStorageForOneFixedClusterId() {
    // Given the cluster id the image formats the storage with (left unset, the image picks its own)
    String clusterId = compose.env("kafka", "CLUSTER_ID");

    // Then it is a valid Kafka cluster id, so the data on the volume matches every later start
    assertThatCode(() -> Uuid.fromString(clusterId)).as(clusterId).doesNotThrowAnyException();
  }

  @Test
  void theAppsStateDirectoryIsOnANamedVolumeItsImageCreatesForTheAppsUser() throws IOException {
    // Given the state directory the app's environment configures
    String stateDir = (String) appConfig().kafkaProperties().get("state.dir");
    assertThat(stateDir).as("kafka.state.dir (PAINGUARD_KAFKA_STATE_DIR)").isNotBlank();

    // Then it is on a named volume ...
    assertThat(compose.onNamedVolume("app", stateDir)).as(stateDir + " on one of " + compose.namedVolumeMounts("app"))
        .isTrue();
    // ... which the image creates and gives its user, as a fresh named volume copies that ownership
    String dockerfile =
        Files.readString(ComposeFile.ROOT.resolve(compose.service("app").get("build").get("dockerfile").asText()));
    assertThat(dockerfile).containsPattern("mkdir -p [^\\n]*" + stateDir).contains("chown -R painguard:painguard");
  }

  @Test
  void dockerGivesTheAppLongerToStopThanTheAppGivesKafkaStreamsToClose() {
    // Given how long the app lets Kafka Streams close, as compose configures it
    Duration shutdownTimeout = RuntimeSettings.from(appConfig()).shutdownTimeout();

    // When Docker stops the app (SIGTERM, then SIGKILL after the grace period)
    Duration grace = ComposeFile.duration(compose.service("app").path("stop_grace_period").asText(DOCKER_DEFAULT_GRACE));

    // Then the app closes before Docker kills it
    assertThat(grace).isGreaterThanOrEqualTo(shutdownTimeout.plus(CLOSE_HEADROOM));
  }

  @Test
  void composeDurationsAreReadAsComposeWritesThem() {
    assertThat(ComposeFile.duration("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(ComposeFile.duration("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(ComposeFile.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(ComposeFile.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> ComposeFile.duration("45")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ComposeFile.duration("soon")).isInstanceOf(IllegalArgumentException.class);
  }

  private static AppConfig appConfig() {
    return AppConfig.of(
        EnvironmentKeys.resolve(SettingSources.fromEnvironment(compose.environment("app")), KnownSettings.painguardKeys()));
  }
}
