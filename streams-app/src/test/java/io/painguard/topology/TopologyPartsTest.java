package io.painguard.topology;

import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Recommendation;
import io.painguard.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class TopologyPartsTest {

  @Test
  void topicNamesAndKnobsAreConfigurable() {
    TopologySettings s =
        TopologySettings.fromProperties(
            Map.of(
                "painguard.topics.activity-events", "wearables.v2",
                "painguard.topology.tick-interval", "30s",
                "kafka.bootstrap.servers", "ignored"));

    assertThat(s.activityEventsTopic()).isEqualTo("wearables.v2");
    assertThat(s.painReportsTopic()).isEqualTo("pain-reports");
    assertThat(s.deadLetterTopic()).isEqualTo("painguard-dlq");
    assertThat(s.tickInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(TopologySettings.fromProperties(s.toProperties())).isEqualTo(s);
  }

  @Test
  void badTopologySettingsAreOneSentence() {
    assertThatThrownBy(() -> TopologySettings.fromProperties(Map.of("painguard.topics.alerts", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unknown setting painguard.topics.alerts;");
    assertThatThrownBy(
            () -> TopologySettings.fromProperties(Map.of("painguard.topics.pain-reports", "no spaces")))
        .hasMessage("Topic name 'no spaces' is not a valid Kafka topic name.");
    assertThatThrownBy(
            () -> TopologySettings.fromProperties(Map.of("painguard.topology.tick-interval", "often")))
        .hasMessageContaining("painguard.topology.tick-interval must be a duration");
  }

  @Test
  void theStreamsConfigAsksForExactlyOnceAndTheDeadLetterHandler() {
    DeadLetterCounter counter = new DeadLetterCounter();

    var props = PainGuardStreamsConfig.properties("app", "broker:9092", TopologySettings.defaults(), counter);

    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetterProcessingExceptionHandler.class.getName())
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "painguard-dlq")
        .containsEntry(PainGuardStreamsConfig.DEAD_LETTER_COUNTER, counter)
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "app");
  }

  @Test
  void theAppShipsItsMeasuredTaskIdleTime() {
    var props =
        PainGuardStreamsConfig.properties("app", "broker:9092", TopologySettings.defaults(), new DeadLetterCounter());

    // Waits for fetched-but-not-buffered data (backlog order), never for empty partitions.
    assertThat(props).containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
  }

  @Test
  void recentAlertsKeepTheNewestOnes() {
    byte[] stored = null;
    for (int i = 0; i < 13; i++) {
      stored = RecentAlerts.append(stored, alert(i), 10);
    }

    List<ExertionAlert> alerts = RecentAlerts.decode(stored);

    assertThat(alerts).hasSize(10);
    assertThat(alerts.get(0).getAlertId()).isEqualTo("alert-3");
    assertThat(alerts.get(9).getAlertId()).isEqualTo("alert-12");
  }

  @Test
  void unreadableRecentAlertsAreEmptyNotAnError() {
    assertThat(RecentAlerts.decode(null)).isEmpty();
    assertThat(RecentAlerts.decode(new byte[] {9, 9, 9})).isEmpty();
    byte[] damaged = RecentAlerts.append(null, alert(1), 10);
    damaged[10] ^= 0x55; // inside the single-object header's fingerprint
    assertThat(RecentAlerts.decode(damaged)).isEmpty();
  }

  private static ExertionAlert alert(int i) {
    return ExertionAlert.newBuilder()
        .setAlertId("alert-" + i)
        .setAthleteId("ana")
        .setEventTime(at(i))
        .setState(AlertState.RAISED)
        .setSeverity(Severity.ADVISORY)
        .setReasons(List.of())
        .setPainLevel(3)
        .setRecommendation(
            Recommendation.newBuilder()
                .setIntensityReductionPct(0)
                .setDurationReductionPct(30)
                .setAlternativeActivities(List.of(ActivityType.WALKING))
                .setMessage("Take it easy.")
                .build())
        .build();
  }
}
