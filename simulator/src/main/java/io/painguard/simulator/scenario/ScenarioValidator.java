package io.painguard.simulator.scenario;

import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;
import io.painguard.simulator.physiology.Devices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a bound scenario for what the YAML types cannot express: required fields, ranges,
 * devices that fit the activity, unique athletes. Each problem carries the JSON pointer of the
 * offending field so the parser can name its line.
 */
final class ScenarioValidator {

  /** One problem: where (JSON pointer) and what. */
  record Problem(String pointer, String message) {}

  static final int MIN_HEART_RATE = 30;
  static final int MAX_HEART_RATE = 250;
  static final Duration MAX_DELAY = Duration.ofDays(1);

  private final List<Problem> problems = new ArrayList<>();

  private ScenarioValidator() {}

  static List<Problem> validate(Scenario scenario) {
    ScenarioValidator v = new ScenarioValidator();
    v.check(scenario);
    return v.problems;
  }

  private void check(Scenario s) {
    if (!(s.speedup() > 0) || s.speedup().isInfinite()) {
      add("/speedup", "speedup must be a positive number, was " + s.speedup());
    }
    if (s.athletes().isEmpty()) {
      add("/athletes", "a scenario needs at least one athlete under 'athletes'");
    }
    Set<String> ids = new HashSet<>();
    for (int a = 0; a < s.athletes().size(); a++) {
      AthleteScript athlete = s.athletes().get(a);
      String base = "/athletes/" + a;
      if (athlete == null) {
        add(base, "an athlete entry is empty");
        continue;
      }
      if (athlete.id() == null || athlete.id().isBlank()) {
        add(base + "/id", "every athlete needs an 'id'");
      } else if (!ids.add(athlete.id())) {
        add(base + "/id", "athlete id '" + athlete.id() + "' appears twice");
      }
      if (athlete.activities().isEmpty() && athlete.painReports().isEmpty() && athlete.malformed().isEmpty()) {
        add(base, "athlete '" + athlete.id() + "' has no activities, painReports or malformed records");
      }
      checkProfile(base + "/profile", athlete.profile());
      for (int i = 0; i < athlete.activities().size(); i++) {
        checkSegment(base + "/activities/" + i, athlete.activities().get(i));
      }
      for (int i = 0; i < athlete.painReports().size(); i++) {
        checkPain(base + "/painReports/" + i, athlete.painReports().get(i));
      }
      for (int i = 0; i < athlete.malformed().size(); i++) {
        checkMalformed(base + "/malformed/" + i, athlete.malformed().get(i));
      }
    }
    for (int i = 0; i < s.expect().size(); i++) {
      Expectation e = s.expect().get(i);
      String base = "/expect/" + i;
      if (e == null || e.athlete() == null) {
        add(base + "/athlete", "every expectation names an 'athlete'");
      } else if (!ids.contains(e.athlete())) {
        add(base + "/athlete", "expectation names athlete '" + e.athlete() + "', who is not in the scenario");
      } else if (e.none() && (e.severity() != null || !e.reasons().isEmpty() || e.state() != null)) {
        add(base + "/none", "an expectation with 'none: true' cannot also name a state, severity or reasons");
      } else if (!e.none() && e.severity() == null && e.reasons().isEmpty() && e.state() == null) {
        add(base, "an expectation needs a 'state', 'severity', 'reasons' or 'none: true'");
      }
    }
  }

  private void checkProfile(String base, ProfileSpec p) {
    if (p == null) {
      return;
    }
    if (p.birthYear() != null && (p.birthYear() < 1900 || p.birthYear() > 2100)) {
      add(base + "/birthYear", "birthYear must be a year between 1900 and 2100, was " + p.birthYear());
    }
    if (p.restingHeartRate() != null && (p.restingHeartRate() < 35 || p.restingHeartRate() > 110)) {
      add(base + "/restingHeartRate", "restingHeartRate must be between 35 and 110 bpm, was " + p.restingHeartRate());
    }
    if (p.maxHeartRate() != null && (p.maxHeartRate() < 100 || p.maxHeartRate() > 220)) {
      add(base + "/maxHeartRate", "maxHeartRate must be between 100 and 220 bpm, was " + p.maxHeartRate());
    }
    if (p.restingHeartRate() != null && p.maxHeartRate() != null && p.maxHeartRate() < p.restingHeartRate() + 40) {
      add(base + "/maxHeartRate", "maxHeartRate must be at least 40 bpm above restingHeartRate");
    }
    if (p.peakPower() != null && (p.peakPower() < 50 || p.peakPower() > 600)) {
      add(base + "/peakPower", "peakPower must be between 50 and 600 W, was " + p.peakPower());
    }
  }

  private void checkSegment(String base, Segment s) {
    if (s == null) {
      add(base, "an activities entry is empty");
      return;
    }
    if (s.activity() != null && s.pause() != null) {
      add(base + "/pause", "a segment is either an 'activity' with a 'duration' or a 'pause', not both");
      return;
    }
    if (s.activity() == null && s.pause() == null) {
      add(base, "a segment needs 'activity' (with 'duration') or 'pause'");
      return;
    }
    if (s.isPause()) {
      positive(base + "/pause", "pause", s.pause());
      if (s.duration() != null || s.devices() != null || s.intensity() != null || s.heartRate() != null
          || s.trunkFlexion() != null) {
        add(base + "/pause", "a pause takes no duration, devices, intensity, heartRate or trunkFlexion");
      }
      return;
    }
    if (s.activity() == ActivityType.UNKNOWN) {
      add(base + "/activity", "activity UNKNOWN cannot be simulated; name a real activity");
    }
    if (s.duration() == null) {
      add(base + "/duration", "an activity segment needs a 'duration' (such as 90s, 5m, 1h)");
    } else {
      positive(base + "/duration", "duration", s.duration());
    }
    List<DeviceSource> devices = s.effectiveDevices();
    for (int i = 0; i < devices.size(); i++) {
      DeviceSource d = devices.get(i);
      if (!Devices.supports(d, s.activity())) {
        add(base + "/devices/" + i, "a " + d + " cannot record " + s.activity());
      }
    }
    if (s.devices() != null && new HashSet<>(s.devices()).size() != s.devices().size()) {
      add(base + "/devices", "a device appears twice");
    }
    if (s.intensity() != null) {
      Intensity i = s.intensity();
      if (outOfPercent(i.fromPct()) || outOfPercent(i.toPct())) {
        add(base + "/intensity", "intensity is a percentage of heart-rate reserve between 0 and 100");
      }
    }
    if (s.trunkFlexion() != null && (s.trunkFlexion() < 0 || s.trunkFlexion() > 120)) {
      add(base + "/trunkFlexion", "trunkFlexion must be between 0 and 120 degrees, was " + s.trunkFlexion());
    }
    if (s.heartRate() != null && (s.heartRate() < MIN_HEART_RATE || s.heartRate() > MAX_HEART_RATE)) {
      add(base + "/heartRate", "heartRate must be between " + MIN_HEART_RATE + " and " + MAX_HEART_RATE
          + " bpm (script an out-of-range value with a 'malformed' record), was " + s.heartRate());
    }
    if (s.sampleEvery().compareTo(Duration.ofSeconds(1)) < 0) {
      add(base + "/sampleEvery", "sampleEvery must be at least 1s");
    }
    delay(base + "/delay", s.delay());
  }

  private void checkPain(String base, PainReportSpec p) {
    if (p == null) {
      add(base, "a painReports entry is empty");
      return;
    }
    offset(base + "/at", p.at());
    if (p.level() == null) {
      add(base + "/level", "a pain report needs a 'level' (0-10)");
    } else if (p.level() < 0 || p.level() > 10) {
      add(base + "/level", "pain level must be between 0 and 10, was " + p.level()
          + " (script an out-of-range level with a 'malformed' record)");
    }
    delay(base + "/delay", p.delay());
    if (p.id() != null && p.id().isBlank()) {
      add(base + "/id", "id must not be blank");
    }
  }

  private void checkMalformed(String base, MalformedSpec m) {
    if (m == null) {
      add(base, "a malformed entry is empty");
      return;
    }
    offset(base + "/at", m.at());
    if (m.kind() == null) {
      add(base + "/kind", "a malformed record needs a 'kind'");
    } else if (!m.kind().fits(m.effectiveTopic())) {
      add(base + "/topic", m.kind() + " only makes sense on topic " + m.kind().defaultTopic().name().toLowerCase(Locale.ROOT));
    }
    if (m.count() < 1 || m.count() > 10_000) {
      add(base + "/count", "count must be between 1 and 10000, was " + m.count());
    }
  }

  private void offset(String pointer, Duration at) {
    if (at == null) {
      add(pointer, "an 'at' offset from the scenario start is required (such as 90s or 5m)");
    } else if (at.isNegative()) {
      add(pointer, "'at' must not be negative");
    }
  }

  private void delay(String pointer, Duration d) {
    if (d.isNegative() || d.compareTo(MAX_DELAY) > 0) {
      add(pointer, "delay must be between 0s and 1d");
    }
  }

  private void positive(String pointer, String what, Duration d) {
    if (d.isZero() || d.isNegative()) {
      add(pointer, what + " must be longer than zero");
    }
  }

  private static boolean outOfPercent(double pct) {
    return !(pct >= 0 && pct <= 100);
  }

  private void add(String pointer, String message) {
    problems.add(new Problem(pointer, message));
  }
}
