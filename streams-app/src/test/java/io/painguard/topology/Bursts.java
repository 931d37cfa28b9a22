package io.painguard.topology;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import io.painguard.fixtures.Events;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The burst cases as records with explicit event times, each topic's list in event-time
 * order. {@link #sendAdversarially} writes them the way that hurts most: every activity sample
 * first, then the reports, then the profiles, each topic flushed before the next, so the reports
 * reach the broker after the samples they precede in event time.
 */
final class Bursts {

  final List<ActivityEvent> activity = new ArrayList<>();
  final List<PainReport> pain = new ArrayList<>();
  final List<AthleteProfile> profiles = new ArrayList<>();
  /** Key of the undecodable record sent amid the samples, or null for none. */
  String badRecordKey;

  /** An hour ago, to the minute: nothing is in the future, nothing too old. */
  static Instant base() {
    return Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
  }

  static AthleteProfile profile(String athlete, Instant t0) {
    AthleteProfile p = Events.profile(athlete);
    p.setUpdatedAt(t0.minus(Duration.ofDays(1)));
    return p;
  }

  /** (a) level 5, level 0 two minutes later, then a hard run: the pain is gone when she runs. */
  static Bursts painGoneBeforeTheRun(String athlete, Instant t0) {
    Bursts b = new Bursts();
    b.profiles.add(profile(athlete, t0));
    b.pain.add(Events.pain(athlete, t0, 5));
    b.pain.add(Events.pain(athlete, t0.plusSeconds(120), 0));
    for (int s = 121; s <= 300; s++) {
      b.activity.add(Events.sample(athlete, t0.plusSeconds(s), ActivityType.RUNNING, 160));
    }
    return b;
  }

  /** (b) a report, then yoga with a deep trunk bend every 15 s. */
  static Bursts yogaWithDeepBends(String athlete, Instant t0) {
    Bursts b = new Bursts();
    b.profiles.add(profile(athlete, t0));
    b.pain.add(Events.pain(athlete, t0, 4));
    for (int s = 1; s <= 60; s++) {
      b.activity.add(
          Events.sample(athlete, t0.plusSeconds(s), ActivityType.YOGA)
              .setHeartRateBpm(95)
              .setTrunkFlexionDeg(s % 15 == 0 ? 75f : 20f)
              .build());
    }
    return b;
  }

  /** (c) runners, each with a level 5 report a few seconds before 150 s of hard running. */
  static Bursts runnersWithReports(int runners, Instant t0) {
    Bursts b = new Bursts();
    for (int r = 1; r <= runners; r++) {
      String athlete = runner(r);
      b.profiles.add(profile(athlete, t0));
      b.pain.add(Events.pain(athlete, t0.plusSeconds(r), 5));
    }
    for (int s = 10; s < 160; s++) {
      for (int r = 1; r <= runners; r++) {
        b.activity.add(Events.sample(runner(r), t0.plusSeconds(s), ActivityType.RUNNING, 160));
      }
    }
    return b;
  }

  static String runner(int r) {
    return "runner-" + r;
  }

  Bursts withBadRecord(String key) {
    this.badRecordKey = key;
    return this;
  }

  /** Activity (with the bad record half-way), then reports, then profiles; each topic flushed. */
  void sendAdversarially(BurstRig rig) {
    int half = activity.size() / 2;
    rig.sendAll(activity.subList(0, half));
    if (badRecordKey != null) {
      rig.sendRaw(rig.settings.activityEventsTopic(), badRecordKey, "not avro".getBytes(StandardCharsets.UTF_8));
    }
    rig.sendAll(activity.subList(half, activity.size()));
    rig.flush();
    rig.sendAll(pain);
    rig.flush();
    rig.sendAll(profiles);
    rig.flush();
  }
}
