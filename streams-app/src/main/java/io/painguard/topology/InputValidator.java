package io.painguard.topology;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The contract's rules a decoded record must follow before it may change an athlete's state. Each
 * check answers with one sentence naming the field, or empty when the record is fine. Ranges: heart
 * rate 20-250 bpm, pain level 0-10, no NaN or negative measurements (trunk flexion may be negative
 * down to -90 degrees: leaning back), timestamps not before 1970 and at most {@code maxFutureSkew}
 * ahead of the wall clock.
 */
final class InputValidator {

  static final int MIN_HEART_RATE = 20;
  static final int MAX_HEART_RATE = 250;

  private final Clock clock;
  private final long maxFutureSkewMillis;

  InputValidator(Clock clock, Duration maxFutureSkew) {
    this.clock = clock;
    this.maxFutureSkewMillis = maxFutureSkew.toMillis();
  }

  Optional<String> problem(String key, ActivityEvent e) {
    return first(
        athlete(key, e.getAthleteId()),
        time("timestamp", e.getTimestamp()),
        heartRate("heartRateBpm", e.getHeartRateBpm()),
        nonNegative("cadencePerMin", e.getCadencePerMin()),
        nonNegative("powerWatts", e.getPowerWatts()),
        nonNegative("speedMps", e.getSpeedMps()),
        nonNegative("loadKg", e.getLoadKg()),
        flexion(e.getTrunkFlexionDeg()));
  }

  Optional<String> problem(String key, PainReport r) {
    String level =
        r.getLevel() < 0 || r.getLevel() > 10
            ? "level " + r.getLevel() + " is outside the 0-10 numeric rating scale."
            : null;
    return first(athlete(key, r.getAthleteId()), time("timestamp", r.getTimestamp()), level);
  }

  Optional<String> problem(String key, AthleteProfile p) {
    String birthYear = null;
    if (p.getBirthYear() != null) {
      int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
      if (p.getBirthYear() < 1900 || p.getBirthYear() > thisYear) {
        birthYear = "birthYear " + p.getBirthYear() + " is not between 1900 and " + thisYear + ".";
      }
    }
    String reserve = null;
    if (p.getRestingHeartRateBpm() != null
        && p.getMaxHeartRateBpm() != null
        && p.getMaxHeartRateBpm() <= p.getRestingHeartRateBpm()) {
      reserve =
          "maxHeartRateBpm "
              + p.getMaxHeartRateBpm()
              + " is not above restingHeartRateBpm "
              + p.getRestingHeartRateBpm()
              + ".";
    }
    return first(
        athlete(key, p.getAthleteId()),
        time("updatedAt", p.getUpdatedAt()),
        birthYear,
        heartRate("restingHeartRateBpm", p.getRestingHeartRateBpm()),
        heartRate("maxHeartRateBpm", p.getMaxHeartRateBpm()),
        reserve);
  }

  private static String athlete(String key, String athleteId) {
    return key.equals(athleteId)
        ? null
        : "athleteId '" + athleteId + "' differs from the record key '" + key + "'.";
  }

  private String time(String field, Instant t) {
    long millis = t.toEpochMilli();
    if (millis < 0) {
      return field + " " + t + " is before 1970.";
    }
    long latest = clock.millis() + maxFutureSkewMillis;
    return millis > latest
        ? field + " " + t + " is more than " + Duration.ofMillis(maxFutureSkewMillis) + " in the future."
        : null;
  }

  private static String heartRate(String field, Integer bpm) {
    return bpm == null || (bpm >= MIN_HEART_RATE && bpm <= MAX_HEART_RATE)
        ? null
        : field + " " + bpm + " is outside " + MIN_HEART_RATE + "-" + MAX_HEART_RATE + " bpm.";
  }

  private static String nonNegative(String field, Number value) {
    if (value == null) {
      return null;
    }
    double d = value.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return field + " is " + value + ", not a number.";
    }
    return d < 0 ? field + " " + value + " is negative." : null;
  }

  private static String flexion(Float degrees) {
    if (degrees == null) {
      return null;
    } else if (degrees.isNaN() || degrees.isInfinite()) {
      return "trunkFlexionDeg is " + degrees + ", not a number.";
    }
    return degrees < -90 || degrees > 180
        ? "trunkFlexionDeg " + degrees + " is outside -90 to 180 degrees."
        : null;
  }

  private static Optional<String> first(String... problems) {
    for (String p : problems) {
      if (p != null) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
