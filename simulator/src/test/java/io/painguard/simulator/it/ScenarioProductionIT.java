package io.painguard.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.scenario.ScenarioCatalog;
import io.painguard.simulator.scenario.ScenarioPlan;
import io.painguard.simulator.scenario.ScenarioPlanner;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

@KafkaStackTest
class ScenarioProductionIT {

  @Test
  void aScenarioProducesTheExpectedDecodableRecordsKeyedByAthlete(KafkaStack stack) {
    // Given fresh input topics
    String activity = stack.uniqueTopic("activity");
    String pain = stack.uniqueTopic("pain");
    String profiles = stack.uniqueTopic("profiles");
    stack.createTopic(activity, 3);
    stack.createTopic(pain, 3);
    stack.createCompactedTopic(profiles, 1);
    ScenarioPlan plan = new ScenarioPlanner().plan(ScenarioCatalog.shipped("malformed-records"), Instant.now(), 0);
    Map<InputTopic, Integer> expected = plan.countsByTopic();

    // When the CLI plays the malformed-records scenario as fast as possible
    ItSupport.CliRun run = ItSupport.simulate(
        "--bootstrap", stack.bootstrapServers(), "--registry", stack.schemaRegistryUrl(),
        "--scenario", "malformed-records", "--time-mode", "asFastAsPossible",
        "--activity-topic", activity, "--pain-topic", pain, "--profile-topic", profiles);

    // Then it reports success and what it sent
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("scenario malformed-records: 1 pass(es)", "10 malformed", "failed 0");

    Map<String, Object> serde = Map.of("schema.registry.url", stack.schemaRegistryUrl());
    try (var activityDecoder = new SpecificAvroDeserializer<>(ActivityEvent.class);
        var painDecoder = new SpecificAvroDeserializer<>(PainReport.class);
        var profileDecoder = new SpecificAvroDeserializer<>(AthleteProfile.class)) {
      activityDecoder.configure(serde, false);
      painDecoder.configure(serde, false);
      profileDecoder.configure(serde, false);

      // Activity: the planned samples decode, keys equal athleteId; the bad ones do not
      List<ConsumerRecord<String, byte[]>> samples = ItSupport.readAll(stack, activity);
      long good = 0;
      long undecodable = 0;
      long mismatched = 0;
      long outOfRange = 0;
      for (ConsumerRecord<String, byte[]> r : samples) {
        assertThat(r.key()).isEqualTo("walker-among-bad-records");
        ActivityEvent e;
        try {
          e = activityDecoder.deserialize(activity, r.value());
        } catch (SerializationException bad) {
          undecodable++;
          continue;
        }
        if (!e.getAthleteId().equals(r.key())) {
          mismatched++;
        } else if (e.getHeartRateBpm() != null && e.getHeartRateBpm() > 250) {
          outOfRange++;
        } else if (e.getTimestamp().isAfter(Instant.now().plusSeconds(86_400))) {
          outOfRange++;
        } else {
          good++;
        }
      }
      assertThat(good).isEqualTo(expected.get(InputTopic.ACTIVITY).longValue());
      assertThat(undecodable).isEqualTo(4); // random bytes, wrong magic byte, unknown schema id, empty value
      assertThat(mismatched).isEqualTo(1);
      assertThat(outOfRange).isEqualTo(2); // heart rate 300, timestamp two days ahead

      // Pain: the report decodes; a truncated body and a level of 12 are there too
      List<ConsumerRecord<String, byte[]>> reports = ItSupport.readAll(stack, pain);
      assertThat(reports).hasSize(expected.get(InputTopic.PAIN) + 3);
      assertThat(reports).filteredOn(r -> decodes(painDecoder, pain, r.value()))
          .extracting(r -> painDecoder.deserialize(pain, r.value()).getLevel())
          .containsExactlyInAnyOrder(2, 12, 3);
      assertThatThrownBy(() -> reports.forEach(r -> painDecoder.deserialize(pain, r.value())))
          .isInstanceOf(SerializationException.class);

      // Profile
      List<ConsumerRecord<String, byte[]>> profileRecords = ItSupport.readAll(stack, profiles);
      assertThat(profileRecords).hasSize(1);
      AthleteProfile profile = profileDecoder.deserialize(profiles, profileRecords.get(0).value());
      assertThat(profile.getAthleteId()).isEqualTo(profileRecords.get(0).key()).isEqualTo("walker-among-bad-records");
      assertThat(profile.getMaxHeartRateBpm()).isEqualTo(185);
    }
  }

  private static boolean decodes(SpecificAvroDeserializer<PainReport> decoder, String topic, byte[] value) {
    try {
      decoder.deserialize(topic, value);
      return true;
    } catch (SerializationException e) {
      return false;
    }
  }
}
