package io.painguard.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.fixtures.Events;
import io.painguard.rules.GuidanceSettings;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.SpecificAvroSerde;
import io.painguard.topology.DeadLetterCounter;
import io.painguard.topology.PainGuardStreamsConfig;
import io.painguard.topology.PainGuardTopology;
import io.painguard.topology.TopologySettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meters hung off the detection topology count without changing what it emits. */
class TopologyMetersTest {

  private static final Instant NOW = Events.T0.plus(Duration.ofDays(10));
  private static final String ANA = "ana";

  private final String scope = "meters-" + UUID.randomUUID();
  private final Map<String, Object> serdeConfig = Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope);
  private final TopologySettings settings = TopologySettings.defaults();
  private final DeadLetterCounter deadLetters = new DeadLetterCounter();
  private final PainGuardMetrics metrics = new PainGuardMetrics(deadLetters);
  private TopologyTestDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
    metrics.close();
    MockSchemaRegistry.drop(scope);
  }

  private TopologyTestDriver driver(Topology topology, Path stateDir) {
    Properties props = PainGuardStreamsConfig.properties("meters-test", "unused:9092", settings, deadLetters);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, props, NOW);
    return driver;
  }

  private <T extends SpecificRecord> TestInputTopic<String, T> input(String topic, Class<T> type) {
    return driver.createInputTopic(topic, new StringSerializer(), SpecificAvroSerde.of(type, serdeConfig, false).serializer());
  }

  @Test
  void countsEventsAlertsAndDeadLettersWhileTheAlertsStayTheSame(@TempDir Path stateDir) {
    Topology topology =
        TopologyMeters.instrument(
            PainGuardTopology.build(settings, GuidanceSettings.defaults(), serdeConfig, deadLetters,
                Clock.fixed(NOW, ZoneOffset.UTC)),
            settings,
            metrics);
    driver(topology, stateDir);
    TestInputTopic<String, AthleteProfile> profiles = input(settings.athleteProfilesTopic(), AthleteProfile.class);
    TestInputTopic<String, PainReport> pain = input(settings.painReportsTopic(), PainReport.class);
    TestInputTopic<String, ActivityEvent> activity = input(settings.activityEventsTopic(), ActivityEvent.class);
    TestOutputTopic<String, ExertionAlert> alerts =
        driver.createOutputTopic(
            settings.exertionAlertsTopic(),
            new StringDeserializer(),
            SpecificAvroSerde.of(ExertionAlert.class, serdeConfig, false).deserializer());

    // Given a moderately painful athlete
    AthleteProfile profile = Events.profile(ANA);
    profiles.pipeInput(new TestRecord<>(ANA, profile, profile.getUpdatedAt()));
    PainReport report = Events.pain(ANA, Events.at(0), 5);
    pain.pipeInput(new TestRecord<>(ANA, report, report.getTimestamp()));
    // When they run hard for two minutes, and a broken producer sends garbage
    for (int s = 1; s <= 120; s++) {
      ActivityEvent e = Events.sample(ANA, Events.at(s), ActivityType.RUNNING, 160);
      activity.pipeInput(new TestRecord<>(ANA, e, e.getTimestamp()));
    }
    driver
        .createInputTopic(settings.activityEventsTopic(), new ByteArraySerializer(), new ByteArraySerializer())
        .pipeInput(new TestRecord<>(ANA.getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, Events.at(121)));
    // And a watch syncs one sample of a minute ago (late, within max-lateness)
    ActivityEvent late = Events.sample(ANA, Events.at(60).plusMillis(500), ActivityType.RUNNING, 160);
    activity.pipeInput(new TestRecord<>(ANA, late, late.getTimestamp()));

    // Then the alert is emitted as without meters, and every count shows in the scrape
    List<ExertionAlert> emitted = alerts.readValuesToList();
    assertThat(emitted).hasSize(1);
    String scrape = metrics.scrape();
    assertThat(scrape)
        .contains("painguard_events_processed_total{topic=\"activity-events\"} 122.0")
        .contains("painguard_events_processed_total{topic=\"pain-reports\"} 1.0")
        .contains("painguard_events_processed_total{topic=\"athlete-profiles\"} 1.0")
        .contains("painguard_alerts_total{severity=\"REDUCE_INTENSITY\",state=\"RAISED\"} 1.0")
        .contains("painguard_alerts_total{severity=\"STOP_ACTIVITY\",state=\"RAISED\"} 0.0")
        .contains("painguard_dlq_records_total{reason=\"UNDECODABLE\"} 1.0")
        .contains("painguard_records_out_of_order_total{arrival=\"LATE\"} 1.0")
        .contains("painguard_records_out_of_order_total{arrival=\"AHEAD\"} 0.0")
        .contains("painguard_state_unreadable_total 0.0");
  }

  @Test
  void ignoredProfileValuesAreScrapedByField(@TempDir Path stateDir) {
    Topology topology =
        TopologyMeters.instrument(
            PainGuardTopology.build(settings, GuidanceSettings.defaults(), serdeConfig, deadLetters,
                Clock.fixed(NOW, ZoneOffset.UTC)),
            settings,
            metrics);
    driver(topology, stateDir);
    TestInputTopic<String, AthleteProfile> profiles = input(settings.athleteProfilesTopic(), AthleteProfile.class);

    // When a profile with HRrest 105 over HRmax 100 and a birth year of the event year arrives
    AthleteProfile profile =
        AthleteProfile.newBuilder(Events.profile(ANA, 105, 100)).setBirthYear(2025).build();
    profiles.pipeInput(new TestRecord<>(ANA, profile, profile.getUpdatedAt()));

    // Then each ignored field is one count, tagged with its schema name
    assertThat(metrics.scrape())
        .contains("painguard_profile_values_ignored_total{field=\"maxHeartRateBpm\"} 1.0")
        .contains("painguard_profile_values_ignored_total{field=\"birthYear\"} 1.0")
        .contains("painguard_profile_values_ignored_total{field=\"restingHeartRateBpm\"} 0.0")
        .contains("painguard_dlq_records_total{reason=\"INVALID\"} 0.0");
  }

  @Test
  void refusesATopologyWithoutTheGuardProcessor() {
    Topology bare = new Topology();
    bare.addSource("activity-source", "activity-events");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TopologyMeters.instrument(bare, settings, metrics))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(PainGuardTopology.GUARD_PROCESSOR);
  }
}
