package io.painguard.runtime;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.DeviceSource;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.stack.junit.KafkaStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scripted athletes for the dashboard's browser tests, one per need the team view ranks: each
 * (HRrest 60, HRmax 180) reports pain, then does one activity at one heart rate from then until
 * now, so what they raise stays open until {@code alerts.resolve-after} has passed on the wall
 * clock; produced onto a test run's input topics ({@code <contract name>-<run>}).
 */
final class ScriptedAthletes implements AutoCloseable {

  /** What the athlete reports and then does. */
  record Script(
      int painLevel,
      List<PainSensation> sensations,
      List<Limb> radiatesTo,
      List<Movement> triggers,
      ActivityType activity,
      int heartRateBpm) {

    /** Pins and needles down the left leg, then a walk: an open medical referral. */
    static Script referral() {
      return new Script(4, List.of(PainSensation.PINS_AND_NEEDLES), List.of(Limb.LEFT_LEG), List.of(),
          ActivityType.WALKING, 100);
    }

    /** Severe pain (8/10), then running at 160 bpm (50 %HRR ceiling: 120 bpm): STOP_ACTIVITY. */
    static Script stop() {
      return hardRun(8);
    }

    /** Moderate pain (5/10), then running at 160 bpm (60 %HRR ceiling: 132 bpm): REDUCE_INTENSITY. */
    static Script reduce() {
      return hardRun(5);
    }

    /** Mild pain (2/10) brought on by jumping, then an easy run (running involves jumping): ADVISORY. */
    static Script advisory() {
      return new Script(2, List.of(), List.of(), List.of(Movement.JUMPING), ActivityType.RUNNING, 100);
    }

    /** Mild pain (3/10) and an easy walk: in pain, no alert. */
    static Script inPain() {
      return new Script(3, List.of(), List.of(), List.of(), ActivityType.WALKING, 100);
    }

    /** No pain report, an easy walk: nothing to do. */
    static Script fine() {
      return new Script(0, List.of(), List.of(), List.of(), ActivityType.WALKING, 100);
    }

    private static Script hardRun(int level) {
      return new Script(level, List.of(), List.of(), List.of(), ActivityType.RUNNING, 160);
    }
  }

  private final String run;
  private final KafkaProducer<String, SpecificRecord> producer;

  ScriptedAthletes(KafkaStack stack, String run) {
    this.run = run;
    Map<String, Object> config = new HashMap<>(stack.clientProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
  }

  /** The athlete's profile, their report (none at level 0) {@code ago} before now, then the activity until now. */
  void play(String athleteId, String coachId, Script script, Duration ago) {
    play(athleteId, coachId, script, ago, ago);
  }

  /** As {@link #play(String, String, Script, Duration)}, with the activity lasting only {@code activeFor}. */
  void play(String athleteId, String coachId, Script script, Duration ago, Duration activeFor) {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(ago);
    send("athlete-profiles", athleteId,
        AthleteProfile.newBuilder()
            .setAthleteId(athleteId)
            .setUpdatedAt(start.minus(Duration.ofDays(30)))
            .setRestingHeartRateBpm(60)
            .setMaxHeartRateBpm(180)
            .setCoachId(coachId)
            .build());
    if (script.painLevel() > 0) {
      send("pain-reports", athleteId,
          PainReport.newBuilder()
              .setReportId("report-" + athleteId + "-" + start.getEpochSecond())
              .setAthleteId(athleteId)
              .setTimestamp(start)
              .setLevel(script.painLevel())
              .setSensations(script.sensations())
              .setRadiatesTo(script.radiatesTo())
              .setTriggers(script.triggers())
              .setNote(EpisodeProducer.NOTE)
              .build());
    }
    activity(athleteId, start, script.activity(), script.heartRateBpm(), (int) activeFor.toSeconds());
  }

  /** Only samples: {@code seconds} of the activity at the heart rate, starting {@code ago} before now. */
  void activity(String athleteId, Duration ago, ActivityType activity, int heartRateBpm, int seconds) {
    activity(athleteId, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(ago), activity, heartRateBpm, seconds);
  }

  private void activity(String athleteId, Instant start, ActivityType activity, int heartRateBpm, int seconds) {
    for (int s = 1; s <= seconds; s++) {
      send("activity-events", athleteId,
          ActivityEvent.newBuilder()
              .setEventId(athleteId + "-" + start.getEpochSecond() + "-" + s)
              .setAthleteId(athleteId)
              .setTimestamp(start.plusSeconds(s))
              .setActivityType(activity)
              .setSource(DeviceSource.CHEST_STRAP)
              .setHeartRateBpm(heartRateBpm)
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
