package io.painguard.topology;

import static io.painguard.events.ActivityType.CYCLING;
import static io.painguard.events.ActivityType.REST;
import static io.painguard.events.ActivityType.WALKING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.AthleteProfile;
import io.painguard.events.DeviceSource;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.rules.AthleteState;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.GuidanceSettings;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.SpecificAvroSerde;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's cyclist on the real topology: a wrist heart-rate sensor and a stationary bike send
 * two sample streams, interleaved at 1 Hz as the simulator sends them, with event time running
 * three times faster than the wall clock (so ahead of it, as in {@code ./painguard demo}); the
 * processor caps its event clock at the wall clock, which this test moves by hand.
 *
 * <p>Profile HRrest 58, HRmax 186 (chloe-complies); moderate pain 4/10: ceiling 60 %HRR = 134.8
 * bpm. The bike's power is vigorous (75 %HRR) throughout, as 106 W at the demo's "intensity 42"
 * is.
 */
class MixedSourcesEpisodeTopologyTest {

  private static final String CHLOE = "chloe";
  private static final String DEV = "dev";
  private static final double SPEEDUP = 3;

  private final ManualClock wall = new ManualClock(Events.T0);
  private final Driver app = new Driver(wall);

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aComplyingCyclistGetsOneRaiseAndOneResolution() {
    // Given: chloe in moderate pain, cycling hard with both devices
    app.profile(Events.profile(CHLOE, 58, 186));
    app.cycle(CHLOE, 0, 20, s -> 150, s -> 160);
    app.pain(Events.pain(CHLOE, at(20), 4));
    app.cycle(CHLOE, 20, 240, s -> 150, s -> 160);
    // When: she drops to 112 bpm (42 %HRR) for five minutes -- her power still reads vigorous --
    // then rests, and later reports the pain gone
    app.cycle(CHLOE, 240, 540, s -> 112, s -> 106);
    app.run(CHLOE, 540, 600, REST, 80);
    app.pain(Events.pain(CHLOE, at(595), 0));
    // ... and the wall clock catches up with event time while another athlete's samples drive
    // the sweeps on, well past every deadline of hers
    app.wallClockAt(at(1200));
    app.run(DEV, 600, 1100, WALKING, 90);
    // Then: one RAISED and one RESOLVED, two minutes after the last second above the ceiling
    assertThat(app.alerts())
        .extracting(
            ExertionAlert::getAthleteId,
            ExertionAlert::getState,
            ExertionAlert::getSeverity,
            ExertionAlert::getEventTime)
        .containsExactly(
            tuple(CHLOE, AlertState.RAISED, Severity.REDUCE_INTENSITY, at(79)),
            tuple(CHLOE, AlertState.RESOLVED, Severity.REDUCE_INTENSITY, at(359)));
  }

  @Test
  void whileCyclingTheStatusShowsTheMeasuredHeartRateNotTheBikesEstimate() {
    app.profile(Events.profile(CHLOE, 58, 186));
    app.pain(Events.pain(CHLOE, at(0), 4));

    app.cycle(CHLOE, 0, 30, s -> 112, s -> 106);

    AthleteStatus status = app.status(CHLOE);
    assertThat(status.lastHeartRateBpm()).isEqualTo(112);
    assertThat(status.lastIntensityHrrPct()).isEqualTo(42);
    assertThat(status.lastActivity()).isEqualTo(CYCLING);
  }

  @Test
  void aWristReportingEveryTwoSecondsBesideTheBikeStillLetsTheEpisodeEnd() {
    // Given: the wrist reports every other second, the bike every second half a second later
    app.profile(Events.profile(CHLOE, 58, 186));
    app.pain(Events.pain(CHLOE, at(0), 4));
    app.cycleSparseWrist(CHLOE, 1, 121, 150, 160);
    assertThat(app.alerts())
        .extracting(ExertionAlert::getState, ExertionAlert::getReasons)
        .containsExactly(tuple(AlertState.RAISED, List.of(Reason.SUSTAINED_HIGH_INTENSITY)));
    // When: she eases off to 112 bpm while the bike still reads vigorous
    app.cycleSparseWrist(CHLOE, 121, 400, 112, 106);
    // Then: 2 min after the last second above (the 150 bpm of second 120 stands for second 121)
    assertThat(app.alerts())
        .extracting(ExertionAlert::getState, ExertionAlert::getEventTime)
        .containsExactly(tuple(AlertState.RESOLVED, at(241)));
  }

  @Test
  void anAthleteWhoGoesQuietIsResolvedOnceByTheSweepAndNotAgainWhenSheReturns() {
    // Given: chloe raises an alert, eases off for 30 s and her devices go quiet
    app.profile(Events.profile(CHLOE, 58, 186));
    app.pain(Events.pain(CHLOE, at(0), 4));
    app.cycle(CHLOE, 0, 120, s -> 150, s -> 160);
    app.cycle(CHLOE, 120, 150, s -> 112, s -> 106);
    assertThat(app.alerts()).extracting(ExertionAlert::getState).containsExactly(AlertState.RAISED);
    // When: another athlete goes on while the wall clock is still behind her event time, ...
    app.run(DEV, 150, 300, WALKING, 90);
    assertThat(app.alerts()).as("the capped clock has not reached her deadline").isEmpty();
    // ... then the wall clock catches up and the sweeps run past her deadline
    app.wallClockAt(at(1200));
    app.run(DEV, 300, 700, WALKING, 90);
    assertThat(app.alerts())
        .extracting(
            ExertionAlert::getAthleteId, ExertionAlert::getState, ExertionAlert::getEventTime)
        .containsExactly(tuple(CHLOE, AlertState.RESOLVED, at(239)));
    // Then: her return at an easy pace, and more sweeps, resolve nothing again
    app.cycle(CHLOE, 700, 760, s -> 112, s -> 106);
    app.run(DEV, 760, 1000, WALKING, 90);
    assertThat(app.alerts()).isEmpty();
  }

  @Test
  void equipmentAloneStillAlerts() {
    app.profile(Events.profile(CHLOE, 58, 186));
    app.pain(Events.pain(CHLOE, at(0), 4));

    for (int s = 1; s <= 61; s++) {
      app.tick(s);
      app.sample(bike(CHLOE, at(s), 160));
    }

    assertThat(app.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
              assertThat(a.getReasons()).containsExactly(Reason.SUSTAINED_HIGH_INTENSITY);
              assertThat(a.getEventTime()).isEqualTo(at(60));
            });
  }

  @Test
  void anAlertAheadOfTheWallClockIsStampedWithTheWallClockAndKeepsItsEventTime() {
    // Given: event time runs three times faster than the wall clock
    app.profile(Events.profile(CHLOE, 58, 186));
    app.pain(Events.pain(CHLOE, at(0), 4));
    // When: 60 s above the ceiling (seconds 0..59) raise an alert at event second 59, sent at
    // wall-clock 19.666 s
    app.cycle(CHLOE, 0, 60, s -> 150, s -> 160);
    // Then: brokers refuse records dated > 1 h ahead by default (a demo that has run 30 min), so
    // the Kafka timestamp is the wall clock; the alert still says when it happened
    List<TestRecord<String, ExertionAlert>> records = app.alertRecords();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).timestamp()).isEqualTo(Events.T0.plusMillis(19_666).toEpochMilli());
    assertThat(records.get(0).value().getEventTime()).isEqualTo(at(59));
  }

  private static ActivityEvent bike(String athlete, Instant at, int watts) {
    return Events.sample(athlete, at, CYCLING)
        .setSource(DeviceSource.STATIONARY_BIKE)
        .setPowerWatts(watts)
        .setCadencePerMin(85)
        .build();
  }

  /** A wall clock the test moves; never backwards. */
  private static final class ManualClock extends Clock {
    private Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    void advanceTo(Instant t) {
      if (t.isAfter(now)) {
        now = t;
      }
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The topology on a TopologyTestDriver whose wall clock is {@link ManualClock}. */
  private static final class Driver implements AutoCloseable {
    private final ManualClock wall;
    private final String scope = "painguard-mixed-" + UUID.randomUUID();
    private final GuidanceSettings rules = GuidanceSettings.defaults();
    private final Map<String, Object> serdeConfig =
        Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ActivityEvent> activity;
    private final TestInputTopic<String, PainReport> pain;
    private final TestInputTopic<String, AthleteProfile> profiles;
    private final TestOutputTopic<String, ExertionAlert> alerts;

    Driver(ManualClock wall) {
      this.wall = wall;
      TopologySettings settings = TopologySettings.defaults();
      DeadLetterCounter deadLetters = new DeadLetterCounter();
      Properties props =
          PainGuardStreamsConfig.properties("painguard-test", "unused:9092", settings, deadLetters);
      props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/" + scope);
      driver =
          new TopologyTestDriver(
              PainGuardTopology.build(settings, rules, serdeConfig, deadLetters, wall),
              props,
              wall.instant());
      activity = input(settings.activityEventsTopic(), ActivityEvent.class);
      pain = input(settings.painReportsTopic(), PainReport.class);
      profiles = input(settings.athleteProfilesTopic(), AthleteProfile.class);
      SpecificAvroSerde<ExertionAlert> alertSerde = serde(ExertionAlert.class);
      alerts =
          driver.createOutputTopic(
              settings.exertionAlertsTopic(), new StringDeserializer(), alertSerde.deserializer());
    }

    /** Moves the wall clock to where the simulator would send second {@code s} at x3. */
    void tick(long s) {
      wallClockAt(Events.T0.plusMillis((long) (s * 1000 / SPEEDUP)));
    }

    void wallClockAt(Instant t) {
      Instant before = wall.instant();
      wall.advanceTo(t);
      Duration step = Duration.between(before, wall.instant());
      if (!step.isZero()) {
        driver.advanceWallClockTime(step);
      }
    }

    void profile(AthleteProfile p) {
      profiles.pipeInput(new TestRecord<>(p.getAthleteId(), p, wall.instant()));
    }

    void pain(PainReport r) {
      pain.pipeInput(new TestRecord<>(r.getAthleteId(), r, wall.instant()));
    }

    void sample(ActivityEvent e) {
      // The Kafka timestamp is the time of sending, as a live producer sets it.
      activity.pipeInput(new TestRecord<>(e.getAthleteId(), e, wall.instant()));
    }

    /** The wrist's sample and then the bike's, both stamped at each second in [from, to). */
    void cycle(String athlete, int from, int to, IntUnaryOperator hr, IntUnaryOperator watts) {
      for (int s = from; s < to; s++) {
        tick(s);
        sample(Events.sample(athlete, at(s), CYCLING, hr.applyAsInt(s)));
        sample(bike(athlete, at(s), watts.applyAsInt(s)));
      }
    }

    /** The wrist's sample every even second, the bike's every second 500 ms later. */
    void cycleSparseWrist(String athlete, int from, int to, int hr, int watts) {
      for (int s = from; s < to; s++) {
        tick(s);
        if (s % 2 == 0) {
          sample(Events.sample(athlete, at(s), CYCLING, hr));
        }
        sample(bike(athlete, at(s).plusMillis(500), watts));
      }
    }

    /** One wrist sample a second in [from, to). */
    void run(String athlete, int from, int to, ActivityType type, int hr) {
      for (int s = from; s < to; s++) {
        tick(s);
        sample(Events.sample(athlete, at(s), type, hr));
      }
    }

    List<ExertionAlert> alerts() {
      return alerts.readValuesToList();
    }

    List<TestRecord<String, ExertionAlert>> alertRecords() {
      return alerts.readRecordsToList();
    }

    AthleteStatus status(String athlete) {
      KeyValueStore<String, byte[]> store =
          driver.getKeyValueStore(PainGuardTopology.ATHLETE_STATE_STORE);
      return AthleteStatus.of(athlete, AthleteState.decode(store.get(athlete), rules), rules);
    }

    private <T extends SpecificRecord> TestInputTopic<String, T> input(
        String topic, Class<T> type) {
      return driver.createInputTopic(topic, new StringSerializer(), serde(type).serializer());
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
      SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
      serde.configure(serdeConfig, false);
      return serde;
    }

    @Override
    public void close() {
      driver.close();
      MockSchemaRegistry.drop(scope);
    }
  }
}
