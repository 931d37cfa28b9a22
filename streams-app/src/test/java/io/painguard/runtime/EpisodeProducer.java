package io.painguard.runtime;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.DeviceSource;
import io.painguard.events.PainReport;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.stack.junit.KafkaStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces scripted athletes onto a test run's input topics ({@code <contract name>-<run>}). */
final class EpisodeProducer implements AutoCloseable {

  /** The free-text note of every scripted pain report: it must never show in a log or an answer. */
  static final String NOTE = "sharp twinge after the hill, private";

  private final String run;
  private final KafkaProducer<String, SpecificRecord> producer;

  EpisodeProducer(KafkaStack stack, String run) {
    this.run = run;
    Map<String, Object> config = new HashMap<>(stack.clientProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
  }

  /**
   * An athlete of {@code coachId} (HRrest 60, HRmax 180) reports moderate pain (5/10) and runs at
   * 160 bpm for two minutes -- 83 %HRR against a 60 %HRR ceiling: a REDUCE_INTENSITY alert. Event
   * times start eight minutes before now.
   */
  void painfulHardRun(String athleteId, String coachId) {
    episode(athleteId, coachId, false);
  }

  /**
   * {@link #painfulHardRun}, then three minutes at an easy 110 bpm: the alert is RESOLVED two
   * minutes after the last hard second. Event times end three minutes before now.
   */
  void painfulHardRunThenRecovery(String athleteId, String coachId) {
    episode(athleteId, coachId, true);
  }

  private void episode(String athleteId, String coachId, boolean recover) {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(8));
    send(
        "athlete-profiles",
        athleteId,
        AthleteProfile.newBuilder()
            .setAthleteId(athleteId)
            .setUpdatedAt(start.minus(Duration.ofDays(30)))
            .setRestingHeartRateBpm(60)
            .setMaxHeartRateBpm(180)
            .setCoachId(coachId)
            .build());
    send(
        "pain-reports",
        athleteId,
        PainReport.newBuilder()
            .setReportId("report-" + athleteId)
            .setAthleteId(athleteId)
            .setTimestamp(start)
            .setLevel(5)
            .setNote(NOTE)
            .build());
    int last = recover ? 300 : 120;
    for (int s = 1; s <= last; s++) {
      send(
          "activity-events",
          athleteId,
          ActivityEvent.newBuilder()
              .setEventId(athleteId + "-" + s)
              .setAthleteId(athleteId)
              .setTimestamp(start.plusSeconds(s))
              .setActivityType(ActivityType.RUNNING)
              .setSource(DeviceSource.CHEST_STRAP)
              .setHeartRateBpm(s <= 120 ? 160 : 110)
              .build());
    }
    producer.flush();
  }

  private void send(String contractTopic, String key, SpecificRecord value) {
    producer.send(new ProducerRecord<>(contractTopic + "-" + run, key, value));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
