package io.painguard.simulator.scenario;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.BodyRegion;
import io.painguard.events.DeviceSource;
import io.painguard.events.PainOnset;
import io.painguard.events.PainReport;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import io.painguard.simulator.physiology.DeviceSampler;
import io.painguard.simulator.physiology.HeartRateModel;
import io.painguard.simulator.physiology.HeartRateState;
import io.painguard.simulator.physiology.Karvonen;
import io.painguard.simulator.physiology.Physiology;
import io.painguard.simulator.physiology.SampleRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;

/**
 * Expands a scenario into the records of one pass, deterministically for a given seed, start and
 * iteration: profiles first, then every device sample, pain report and malformed record in
 * delivery order.
 */
public final class ScenarioPlanner {

  static final int DEFAULT_BIRTH_YEAR = 1990;
  static final int DEFAULT_RESTING_HR = 60;
  static final int DEFAULT_PEAK_POWER = 250;

  /** Heart rate of a malformed HEART_RATE_OUT_OF_RANGE sample. */
  public static final int OUT_OF_RANGE_HEART_RATE = 300;

  /** Level of a malformed PAIN_LEVEL_OUT_OF_RANGE report. */
  public static final int OUT_OF_RANGE_PAIN_LEVEL = 12;

  /** How far ahead a FUTURE_TIMESTAMP record is dated. */
  public static final Duration FUTURE_SKEW = Duration.ofDays(2);

  private static final long MAX_RECOVERY_STEP_MS = 5_000;

  private final HeartRateModel model;

  public ScenarioPlanner(HeartRateModel model) {
    this.model = model;
  }

  public ScenarioPlanner() {
    this(HeartRateModel.DEFAULT);
  }

  /** The records of pass {@code iteration} (0-based) of the scenario starting at {@code start}. */
  public ScenarioPlan plan(Scenario scenario, Instant start, int iteration) {
    List<Entry> entries = new ArrayList<>();
    for (int a = 0; a < scenario.athletes().size(); a++) {
      AthleteScript athlete = scenario.athletes().get(a);
      SplittableRandom random = new SplittableRandom(scenario.seed() * 1_000_003L + a * 7919L + iteration);
      new AthletePlanner(athlete, start, iteration, random, entries).plan();
    }
    entries.sort(
        Comparator.comparingLong((Entry e) -> e.record.deliverOffsetMillis())
            .thenComparingInt(e -> e.record.topic() == InputTopic.PROFILE ? 0 : 1)
            .thenComparingLong(e -> e.sequence));
    return new ScenarioPlan(scenario, start, entries.stream().map(e -> e.record).toList());
  }

  /** The simulated body behind a profile; defaults stand in for what the profile leaves out. */
  public static Physiology physiologyOf(ProfileSpec profile, Instant at) {
    ProfileSpec p = profile != null ? profile : new ProfileSpec(null, null, null, null, null, false);
    int birthYear = p.birthYear() != null ? p.birthYear() : DEFAULT_BIRTH_YEAR;
    int resting = p.restingHeartRate() != null ? p.restingHeartRate() : DEFAULT_RESTING_HR;
    int age = Math.max(10, at.atZone(ZoneOffset.UTC).getYear() - birthYear);
    int max = p.maxHeartRate() != null ? p.maxHeartRate() : Math.max(Karvonen.tanakaMaxHeartRate(age), resting + 40);
    int power = p.peakPower() != null ? p.peakPower() : DEFAULT_PEAK_POWER;
    return new Physiology(birthYear, resting, max, power);
  }

  private record Entry(long sequence, PlannedRecord record) {}

  /** Plans one athlete; holds the running state of their heart. */
  private final class AthletePlanner {
    private final AthleteScript athlete;
    private final long startMillis;
    private final int iteration;
    private final SplittableRandom random;
    private final List<Entry> out;
    private final Physiology body;
    private final HeartRateState heart;
    private long heartAtMillis;

    AthletePlanner(AthleteScript athlete, Instant start, int iteration, SplittableRandom random, List<Entry> out) {
      this.athlete = athlete;
      this.startMillis = start.toEpochMilli();
      this.iteration = iteration;
      this.random = random;
      this.out = out;
      this.body = physiologyOf(athlete.profile(), start);
      this.heart = new HeartRateState(model, body);
    }

    void plan() {
      if (athlete.profile() != null && athlete.profile().publish()) {
        add(0, InputTopic.PROFILE, profile(startMillis), null);
      }
      long cursor = 0;
      for (Segment segment : athlete.activities()) {
        long length = segment.length().toMillis();
        if (segment.isPause()) {
          recoverUntil(cursor + length);
        } else {
          planSegment(segment, cursor, length);
        }
        cursor += length;
      }
      for (PainReportSpec spec : athlete.painReports()) {
        long at = spec.at().toMillis();
        add(at + spec.delay().toMillis(), InputTopic.PAIN, painReport(spec, startMillis + at), null);
      }
      for (MalformedSpec spec : athlete.malformed()) {
        for (int i = 0; i < spec.count(); i++) {
          long at = spec.at().toMillis() + i * 1000L;
          add(at, spec.effectiveTopic(), malformedValue(spec.kind(), spec.effectiveTopic(), startMillis + at, i), spec.kind());
        }
      }
    }

    private void planSegment(Segment segment, long segmentStart, long length) {
      long period = segment.sampleEvery().toMillis();
      Intensity intensity = segment.effectiveIntensity();
      List<DeviceSource> devices = segment.effectiveDevices();
      for (long t = 0; t < length; t += period) {
        double fraction = intensity.fractionAt(length <= period ? 0 : (double) t / (length - period));
        long offset = segmentStart + t;
        double heartRate = advanceTo(offset, fraction);
        for (DeviceSource device : devices) {
          long eventTime = startMillis + offset;
          String suffix = device.name().toLowerCase(Locale.ROOT).replace('_', '-');
          ActivityEvent sample =
              DeviceSampler.sample(
                  new SampleRequest(
                      athlete.id() + "-" + suffix + "-" + eventTime,
                      athlete.id(),
                      eventTime,
                      segment.activity(),
                      device,
                      athlete.id() + "-" + suffix,
                      body,
                      fraction,
                      heartRate,
                      t / 1000.0,
                      segment.trunkFlexion(),
                      segment.heartRate()),
                  random);
          add(offset + segment.delay().toMillis(), InputTopic.ACTIVITY, sample, null);
        }
      }
    }

    /** Advances the heart to {@code offset} at {@code intensity}; returns the true heart rate. */
    private double advanceTo(long offset, double intensity) {
      double dt = Math.max(0, offset - heartAtMillis) / 1000.0;
      heartAtMillis = offset;
      return dt == 0 ? heart.heartRateBpm() : heart.advance(intensity, dt);
    }

    /** A pause: no samples, the heart recovers toward rest. */
    private void recoverUntil(long offset) {
      while (heartAtMillis < offset) {
        long step = Math.min(MAX_RECOVERY_STEP_MS, offset - heartAtMillis);
        heart.advance(0, step / 1000.0);
        heartAtMillis += step;
      }
    }

    private AthleteProfile profile(long updatedAt) {
      ProfileSpec p = athlete.profile();
      return new AthleteProfile(
          athlete.id(), Instant.ofEpochMilli(updatedAt), p.birthYear(), p.restingHeartRate(), p.maxHeartRate(), p.coachId());
    }

    private PainReport painReport(PainReportSpec spec, long eventTime) {
      String id;
      if (spec.id() != null) {
        id = iteration == 0 ? spec.id() : spec.id() + "-" + iteration;
      } else {
        id = athlete.id() + "-pain-" + eventTime;
      }
      return new PainReport(
          id,
          athlete.id(),
          Instant.ofEpochMilli(eventTime),
          spec.level(),
          spec.region(),
          spec.onset(),
          new ArrayList<>(spec.sensations()),
          new ArrayList<>(spec.radiatesTo()),
          new ArrayList<>(spec.triggers()),
          new ArrayList<>(spec.redFlags()),
          spec.note());
    }

    private SpecificRecord malformedValue(MalformedKind kind, InputTopic topic, long eventTime, int index) {
      long time = kind == MalformedKind.FUTURE_TIMESTAMP ? eventTime + FUTURE_SKEW.toMillis() : eventTime;
      String valueAthlete = kind == MalformedKind.KEY_MISMATCH ? athlete.id() + "-not-the-key" : athlete.id();
      String id = athlete.id() + "-malformed-" + kind.name().toLowerCase(Locale.ROOT) + "-" + eventTime + "-" + index;
      return switch (topic) {
        case ACTIVITY -> new ActivityEvent(
            id,
            valueAthlete,
            Instant.ofEpochMilli(time),
            ActivityType.REST,
            DeviceSource.WRIST_WEARABLE,
            athlete.id() + "-wrist-wearable",
            kind == MalformedKind.HEART_RATE_OUT_OF_RANGE ? OUT_OF_RANGE_HEART_RATE : body.restingHeartRate(),
            null, null, null, null, null);
        case PAIN -> new PainReport(
            id,
            valueAthlete,
            Instant.ofEpochMilli(time),
            kind == MalformedKind.PAIN_LEVEL_OUT_OF_RANGE ? OUT_OF_RANGE_PAIN_LEVEL : 3,
            BodyRegion.LOWER_BACK,
            PainOnset.UNKNOWN,
            new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
        case PROFILE -> new AthleteProfile(
            valueAthlete, Instant.ofEpochMilli(time), body.birthYear(), body.restingHeartRate(), body.maxHeartRate(), null);
      };
    }

    private void add(long deliverOffset, InputTopic topic, SpecificRecord value, MalformedKind kind) {
      long eventTime = eventTimeOf(value);
      out.add(new Entry(out.size(), new PlannedRecord(deliverOffset, eventTime, topic, athlete.id(), value, kind)));
    }
  }

  private static long eventTimeOf(SpecificRecord value) {
    if (value instanceof ActivityEvent e) {
      return e.getTimestamp().toEpochMilli();
    }
    if (value instanceof PainReport p) {
      return p.getTimestamp().toEpochMilli();
    }
    if (value instanceof AthleteProfile p) {
      return p.getUpdatedAt().toEpochMilli();
    }
    throw new IllegalArgumentException("unexpected record " + value.getClass());
  }
}
