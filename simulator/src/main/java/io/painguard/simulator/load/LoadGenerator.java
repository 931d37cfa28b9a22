package io.painguard.simulator.load;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.DeviceSource;
import io.painguard.events.PainOnset;
import io.painguard.events.PainReport;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.physiology.DeviceSampler;
import io.painguard.simulator.physiology.Devices;
import io.painguard.simulator.physiology.HeartRateModel;
import io.painguard.simulator.physiology.PainCeilings;
import io.painguard.simulator.physiology.Physiology;
import io.painguard.simulator.physiology.SampleRequest;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic, endless stream of records for a population of athletes: each round is one
 * second of event time in which every athlete sends one device sample (and, now and then, a pain
 * report before it). Same {@link LoadSettings}, same records, in the same order -- whatever rate
 * they are later sent at. Not thread-safe; one generator per producing thread.
 */
public final class LoadGenerator {

  /** An overexerting athlete who complies backs off after this long above the ceiling. */
  static final int COMPLY_AFTER_SECONDS = 120;

  private static final ActivityType[] ACTIVITIES = ActivityType.values();
  private static final DeviceSource[] DEVICES = DeviceSource.values();
  private static final ActivityType[] HARD = {
    ActivityType.RUNNING, ActivityType.HIIT, ActivityType.ROWING, ActivityType.STRENGTH_TRAINING,
    ActivityType.CYCLING, ActivityType.STAIR_CLIMBING
  };
  private static final ActivityType[] EASY = {
    ActivityType.WALKING, ActivityType.YOGA, ActivityType.STRETCHING, ActivityType.CORE_STABILITY,
    ActivityType.AQUATIC_EXERCISE, ActivityType.SWIMMING, ActivityType.ELLIPTICAL
  };

  private final LoadSettings settings;
  private final HeartRateModel model;
  private final SplittableRandom random;
  private final AthletePopulation people;
  private final long startMillis;
  private int cursor;
  private long round;
  private GeneratedRecord pending;

  public LoadGenerator(LoadSettings settings) {
    this(settings, HeartRateModel.DEFAULT);
  }

  public LoadGenerator(LoadSettings settings, HeartRateModel model) {
    this.settings = settings;
    this.model = model;
    this.random = new SplittableRandom(settings.seed());
    this.people = new AthletePopulation(settings, random.split());
    this.startMillis = settings.start().toEpochMilli();
  }

  public LoadSettings settings() {
    return settings;
  }

  public int athleteCount() {
    return people.size;
  }

  /** Id of athlete {@code index} (0-based): {@code load-000001} onwards. */
  public String athleteId(int index) {
    return people.ids[index];
  }

  /** Rounds (seconds of event time) completed so far. */
  public long round() {
    return round;
  }

  /** Number of athletes whose profile is published. */
  public int profileCount() {
    int count = 0;
    for (int i = 0; i < people.size; i++) {
      if (people.has(i, AthletePopulation.PUBLISH_PROFILE)) {
        count++;
      }
    }
    return count;
  }

  /** The published profiles, to send before the samples; some omit resting or maximum heart rate. */
  public void forEachProfile(Consumer<GeneratedRecord> action) {
    for (int i = 0; i < people.size; i++) {
      if (!people.has(i, AthletePopulation.PUBLISH_PROFILE)) {
        continue;
      }
      AthleteProfile profile =
          new AthleteProfile(
              people.ids[i],
              settings.start(),
              (int) people.birthYear[i],
              people.has(i, AthletePopulation.PUBLISH_RESTING) ? (int) people.restingHr[i] : null,
              people.has(i, AthletePopulation.PUBLISH_MAX) ? (int) people.maxHr[i] : null,
              people.coachOf(i));
      action.accept(new GeneratedRecord(InputTopic.PROFILE, people.ids[i], profile));
    }
  }

  /** The next record (never null: the stream is endless). */
  public GeneratedRecord next() {
    if (pending != null) {
      GeneratedRecord r = pending;
      pending = null;
      return r;
    }
    int i = cursor;
    long time = startMillis + round * 1000 + (i * 997L) % 1000;
    // A report is stamped a millisecond before the sample that follows it: a phone and a watch
    // never share a clock tick, and records of one instant on two topics have no order a task
    // could keep (Kafka Streams breaks a tie between two topics' heads arbitrarily).
    PainReport report = painStep(i, time - 1);
    ActivityEvent sample = activityStep(i, time);
    if (++cursor == people.size) {
      cursor = 0;
      round++;
    }
    GeneratedRecord sampleRecord = new GeneratedRecord(InputTopic.ACTIVITY, people.ids[i], sample);
    if (report != null) {
      pending = sampleRecord;
      return new GeneratedRecord(InputTopic.PAIN, people.ids[i], report);
    }
    return sampleRecord;
  }

  /** Only the activity samples of the stream (pain reports still shape the athletes' behaviour). */
  public ActivityEvent nextActivityEvent() {
    while (true) {
      GeneratedRecord r = next();
      if (r.value() instanceof ActivityEvent e) {
        return e;
      }
    }
  }

  /** Opens, raises or ends the athlete's pain episode when its round has come. */
  private PainReport painStep(int i, long time) {
    int r = (int) Math.min(Integer.MAX_VALUE, round);
    String id = people.ids[i];
    if (r == people.episodeStart[i]) {
      people.painLevel[i] = people.episodeLevel[i];
      return PainEpisodes.opening(id, time, people.painLevel[i], random);
    }
    if (r == people.painRise[i] && people.painLevel[i] > 0) {
      if (people.activity[i] == ActivityType.REST.ordinal()) {
        people.painRise[i] += 60; // pain rises during activity: wait for the next one
        return null;
      }
      people.painLevel[i] = (byte) Math.min(10, people.painLevel[i] + 2);
      return PainEpisodes.followUp(id, time, people.painLevel[i], PainOnset.DURING_ACTIVITY);
    }
    if (r == people.episodeEnd[i]) {
      people.painLevel[i] = 0;
      return PainEpisodes.followUp(id, time, 0, PainOnset.UNKNOWN);
    }
    return null;
  }

  /** Advances the athlete one second and returns what their device sends. */
  private ActivityEvent activityStep(int i, long time) {
    if (people.segmentRemaining[i] <= 0) {
      startSegment(i);
    }
    people.segmentRemaining[i]--;
    int inSegment = people.secondsInSegment[i]++;
    ActivityType activity = ACTIVITIES[people.activity[i]];
    double ceiling = PainCeilings.ceiling(people.painLevel[i]);
    if (activity != ActivityType.REST && people.intensity[i] > ceiling) {
      people.secondsAboveCeiling[i]++;
      if (people.secondsAboveCeiling[i] >= COMPLY_AFTER_SECONDS
          && people.has(i, AthletePopulation.COMPLIES)
          && !people.has(i, AthletePopulation.COMPLIED)) {
        // The alert worked: back under the ceiling for the rest of the session.
        people.intensity[i] = (float) Math.max(0.25, ceiling - 0.1);
        people.flags[i] |= AthletePopulation.COMPLIED;
      }
    }
    double intensity = people.intensity[i];
    Physiology body = people.body(i);
    people.effortSeconds[i] = (float) model.nextEffortSeconds(people.effortSeconds[i], intensity, 1.0);
    people.drift[i] = (float) model.nextDrift(people.drift[i], people.effortSeconds[i], intensity, 1.0);
    people.heartRate[i] = (float) model.approach(people.heartRate[i], model.target(body, intensity, people.drift[i]), 1.0);
    DeviceSource device = DEVICES[people.device[i]];
    String id = people.ids[i];
    return DeviceSampler.sample(
        new SampleRequest(id + "-" + time, id, time, activity, device, null, body, intensity, people.heartRate[i], inSegment, null, null),
        random);
  }

  /** Rest after an activity, an activity after a rest; what and how hard depends on the athlete. */
  private void startSegment(int i) {
    people.secondsInSegment[i] = 0;
    people.secondsAboveCeiling[i] = 0;
    people.flags[i] &= (byte) ~AthletePopulation.COMPLIED;
    if (people.activity[i] != ActivityType.REST.ordinal()) {
      people.activity[i] = (byte) ActivityType.REST.ordinal();
      people.device[i] = (byte) DeviceSource.WRIST_WEARABLE.ordinal();
      people.intensity[i] = 0;
      people.segmentRemaining[i] = 120 + random.nextInt(360);
      return;
    }
    int pain = people.painLevel[i];
    double ceiling = PainCeilings.ceiling(pain);
    ActivityType next;
    double intensity;
    if (pain > 0 && people.has(i, AthletePopulation.OVEREXERTS)) {
      next = HARD[random.nextInt(HARD.length)];
      intensity = Math.min(0.95, ceiling + 0.1 + 0.15 * random.nextDouble());
    } else if (pain > 0) {
      next = EASY[random.nextInt(EASY.length)];
      intensity = Math.max(0.2, ceiling - 0.05 - 0.15 * random.nextDouble());
    } else if (random.nextDouble() < 0.6) {
      next = HARD[random.nextInt(HARD.length)];
      intensity = 0.45 + 0.35 * random.nextDouble();
    } else {
      next = EASY[random.nextInt(EASY.length)];
      intensity = 0.25 + 0.25 * random.nextDouble();
    }
    List<DeviceSource> devices = Devices.typicalFor(next);
    // A quarter of machine sessions are recorded by the machine alone (no heart rate).
    DeviceSource device = devices.size() > 1 && random.nextDouble() < 0.25 ? devices.get(1) : devices.get(0);
    people.activity[i] = (byte) next.ordinal();
    people.device[i] = (byte) device.ordinal();
    people.intensity[i] = (float) intensity;
    people.segmentRemaining[i] = 360 + random.nextInt(1440);
  }

  /** The population's state (tests look inside). */
  AthletePopulation population() {
    return people;
  }

  /** Event time of round 0. */
  public Instant start() {
    return settings.start();
  }
}
