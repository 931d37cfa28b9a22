package io.painguard.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.rules.GuidanceSettings;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.topology.DeadLetterCounter;
import io.painguard.topology.PainGuardStreamsConfig;
import io.painguard.topology.PainGuardTopology;
import io.painguard.topology.TopologySettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The latency phase's probe episode, played through the real topology: it must raise one alert. */
class ProbeScriptTopologyTest {

  private static final String SCOPE = "probe-script-test";
  private static final long T0 = Instant.parse("2025-01-06T08:00:00Z").toEpochMilli();

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void aProbeEpisodeRaisesOneSustainedIntensityAlertAfterAboutAMinute() {
    // Given the detection topology with its default rules
    Map<String, Object> serde = Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE,
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    TopologySettings settings = TopologySettings.defaults();
    DeadLetterCounter counter = new DeadLetterCounter();
    Clock clock = Clock.fixed(Instant.ofEpochMilli(T0).plusSeconds(3600), ZoneOffset.UTC);
    Properties props = PainGuardStreamsConfig.properties("probe-test", "unused:9092", settings, counter);
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(serde, false);
    SpecificAvroDeserializer<ExertionAlert> alerts = new SpecificAvroDeserializer<>(ExertionAlert.class);
    alerts.configure(serde, false);

    try (TopologyTestDriver driver = new TopologyTestDriver(
        PainGuardTopology.build(settings, GuidanceSettings.defaults(), serde, counter, clock), props)) {
      TestInputTopic<String, byte[]> activity = input(driver, settings.activityEventsTopic());
      TestInputTopic<String, byte[]> pain = input(driver, settings.painReportsTopic());
      TestInputTopic<String, byte[]> profiles = input(driver, settings.athleteProfilesTopic());
      TestOutputTopic<String, ExertionAlert> out =
          driver.createOutputTopic(settings.exertionAlertsTopic(), new StringDeserializer(), alerts);
      String id = ProbeScript.athleteId(3, 7);

      // When the probe's episode is played as the latency driver sends it
      profiles.pipeInput(id, values.serialize(settings.athleteProfilesTopic(), ProbeScript.profile(id, T0)), T0 - 1_000);
      pain.pipeInput(id, values.serialize(settings.painReportsTopic(), ProbeScript.pain(id, T0)), T0);
      for (int n = 1; n <= LatencyDriver.SAMPLES_PER_PROBE; n++) {
        long t = ProbeScript.sampleTime(T0, n);
        activity.pipeInput(id, values.serialize(settings.activityEventsTopic(), ProbeScript.sample(id, T0, n)), t);
      }

      // Then exactly one alert, raised by one of the samples about a minute in
      List<ExertionAlert> raised = out.readValuesToList();
      assertThat(raised).hasSize(1);
      ExertionAlert alert = raised.get(0);
      assertThat(alert.getAthleteId()).isEqualTo(id);
      assertThat(alert.getState()).isEqualTo(AlertState.RAISED);
      assertThat(alert.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
      assertThat(alert.getReasons()).contains(Reason.SUSTAINED_HIGH_INTENSITY);
      long sample = (alert.getEventTime().toEpochMilli() - T0) / 1_000;
      assertThat(alert.getEventTime().toEpochMilli()).isEqualTo(ProbeScript.sampleTime(T0, (int) sample));
      assertThat(sample).isBetween(50L, 65L);
      assertThat(counter.total()).isZero();
    } finally {
      values.close();
      alerts.close();
    }
  }

  private static TestInputTopic<String, byte[]> input(TopologyTestDriver driver, String topic) {
    return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
  }
}
