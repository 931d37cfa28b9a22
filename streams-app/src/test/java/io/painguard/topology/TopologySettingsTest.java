package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code painguard.topics.*} and {@code painguard.topology.*} settings as a user writes them. */
class TopologySettingsTest {

  @Test
  void maxLatenessDefaultsToFifteenMinutesAndIsSetByItsKey() {
    assertThat(TopologySettings.fromProperties(Map.of()).maxLateness()).isEqualTo(Duration.ofMinutes(15));
    assertThat(TopologySettings.fromProperties(Map.of("painguard.topology.max-lateness", "5m")).maxLateness())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(TopologySettings.defaults().toProperties()).containsEntry("painguard.topology.max-lateness", "15m");
  }

  @Test
  void aMaxLatenessBeyondSixHoursIsRefusedInOneSentenceNamingTheKey() {
    assertThatThrownBy(() -> TopologySettings.fromProperties(Map.of("painguard.topology.max-lateness", "7h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("painguard.topology.max-lateness must be between 0 and 6h")
        .hasMessageEndingWith(".");
    assertThatThrownBy(() -> TopologySettings.fromProperties(Map.of("painguard.topology.max-lateness", "soon")))
        .hasMessageContaining("painguard.topology.max-lateness must be a duration");
  }

  @Test
  void summaryRetentionDefaultsToADayAndARetentionOutsideAnHourToThirtyDaysIsRefusedInOneSentence() {
    assertThat(TopologySettings.fromProperties(Map.of()).summaryRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(TopologySettings.fromProperties(Map.of("painguard.topology.summary-retention", "6h")).summaryRetention())
        .isEqualTo(Duration.ofHours(6));
    assertThatThrownBy(() -> TopologySettings.fromProperties(Map.of("painguard.topology.summary-retention", "30m")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("painguard.topology.summary-retention must be between 1h and 30d, got 30m.");
    assertThatThrownBy(() -> TopologySettings.fromProperties(Map.of("painguard.topology.summary-retention", "a day")))
        .hasMessageStartingWith("painguard.topology.summary-retention must be a duration");
  }

  @Test
  void theAcknowledgementsTopicIsConfigurableAndReadBesideTheInputs() {
    // Given the default and a configured name
    TopologySettings defaults = TopologySettings.defaults();
    TopologySettings named =
        TopologySettings.fromProperties(Map.of("painguard.topics.alert-acknowledgements", "acks-eu"));

    // Then the topology reads four topics; the health checks' three inputs are the athlete data
    assertThat(defaults.acknowledgementsTopic()).isEqualTo("alert-acknowledgements");
    assertThat(named.sourceTopics())
        .containsExactly("activity-events", "pain-reports", "athlete-profiles", "acks-eu");
    assertThat(named.inputTopics()).doesNotContain("acks-eu");
    assertThat(named.withTopics("a", "p", "pr", "al", "dl").acknowledgementsTopic()).isEqualTo("acks-eu");
    assertThat(named.withTopics("a", "p", "pr", "al", "dl", "ak").sourceTopics()).containsExactly("a", "p", "pr", "ak");
    assertThatThrownBy(() -> TopologySettings.fromProperties(Map.of("painguard.topics.alert-acknowledgements", "a b")))
        .hasMessage("Topic name 'a b' is not a valid Kafka topic name.");
  }

  @Test
  void withTopicsChangesTheTopicNamesAndKeepsEveryOtherSetting() {
    TopologySettings tuned = TopologySettings.fromProperties(Map.of("painguard.topology.max-lateness", "20m"));

    TopologySettings renamed = tuned.withTopics("a", "p", "pr", "al", "dl");

    assertThat(renamed.inputTopics()).containsExactly("a", "p", "pr");
    assertThat(renamed.exertionAlertsTopic()).isEqualTo("al");
    assertThat(renamed.deadLetterTopic()).isEqualTo("dl");
    assertThat(renamed.maxLateness()).isEqualTo(Duration.ofMinutes(20));
    assertThat(renamed.tickInterval()).isEqualTo(tuned.tickInterval());
    assertThat(renamed.registryRetryLimit()).isEqualTo(tuned.registryRetryLimit());
  }

  @Test
  void theDeadLetterCapDefaultsTo512KibAndIsBoundedInOneSentence() {
    assertThat(TopologySettings.defaults().deadLetterMaxBytes()).isEqualTo(512 * 1024);
    assertThat(TopologySettings.fromProperties(Map.of("painguard.topology.dead-letter-max-bytes", "65536"))
        .deadLetterMaxBytes()).isEqualTo(65536);
    assertThat(TopologySettings.defaults().withTopics("a", "p", "pr", "al", "dl").withDeadLetterMaxBytes(8192)
        .deadLetterMaxBytes()).isEqualTo(8192);
    assertThatThrownBy(() -> TopologySettings.fromProperties(Map.of("painguard.topology.dead-letter-max-bytes", "100")))
        .hasMessage("painguard.topology.dead-letter-max-bytes must be between 4096 and 67108864, got 100.");
    assertThatThrownBy(() -> TopologySettings.fromProperties(Map.of("painguard.topology.dead-letter-max-bytes", "1MB")))
        .hasMessage("painguard.topology.dead-letter-max-bytes must be a whole number, got '1MB'.");
  }
}
