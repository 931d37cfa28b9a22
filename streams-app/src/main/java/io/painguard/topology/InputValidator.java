package io.painguard.topology;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The contract's rules a decoded record must follow before it may change an athlete's state. Each
 * check answers with one sentence naming the field, or empty when the record is fine. Ranges: a
 * sample's heart rate 20-250 bpm, pain level 0-10, no NaN or negative measurements (trunk flexion
 * may be negative down to -90 degrees: leaning back), timestamps not before 1970, at most {@code maxFutureSkew}
 * ahead of the wall clock and -- for samples and reports, not profiles, which may be edited rarely --
 * at most {@code maxPastAge} behind it (zero: no limit). A profile's heart-rate values are judged
 * where they are used, not here.
 */
final class InputValidator {

  static final int MIN_HEART_RATE = 20;
  static final int MAX_HEART_RATE = 250;
  /** Longest id (athlete, event, report, device, coach) accepted: ids are keys, not documents. */
  static final int MAX_ID_LENGTH = 128;
  /** Longest pain note accepted: a few paragraphs; anything longer is not an athlete typing. */
  static final int MAX_NOTE_LENGTH = 10_000;

  private final Clock clock;
  private final long maxFutureSkewMillis;
  private final long maxPastAgeMillis;

  InputValidator(Clock clock, Duration maxFutureSkew) {
    this(clock, maxFutureSkew, Duration.ZERO);
  }

  InputValidator(Clock clock, Duration maxFutureSkew, Duration maxPastAge) {
    this.clock = clock;
    this.maxFutureSkewMillis = maxFutureSkew.toMillis();
    this.maxPastAgeMillis = maxPastAge.toMillis();
  }

  Optional<String> problem(String key, ActivityEvent e) {
    return first(
        length("athleteId", e.getAthleteId(), MAX_ID_LENGTH),
        length("eventId", e.getEventId(), MAX_ID_LENGTH),
        length("deviceId", e.getDeviceId(), MAX_ID_LENGTH),
        athlete(key, e.getAthleteId()),
        time("timestamp", e.getTimestamp(), true),
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
    return first(
        length("athleteId", r.getAthleteId(), MAX_ID_LENGTH),
        length("reportId", r.getReportId(), MAX_ID_LENGTH),
        length("note", r.getNote(), MAX_NOTE_LENGTH),
        athlete(key, r.getAthleteId()),
        time("timestamp", r.getTimestamp(), true),
        level);
  }

  /**
   * Only what makes a profile unusable: ids, lengths, timestamps. Its heart-rate-relevant values
   * (birth year, resting and maximum heart rate) are never a reason to reject it, however
   * implausible or inconsistent: the profile is applied with those values ignored ({@link
   * io.painguard.rules.ProfilePlausibility}), so its coach still sees the athlete's alerts.
   */
  Optional<String> problem(String key, AthleteProfile p) {
    return first(
        length("athleteId", p.getAthleteId(), MAX_ID_LENGTH),
        length("coachId", p.getCoachId(), MAX_ID_LENGTH),
        athlete(key, p.getAthleteId()),
        time("updatedAt", p.getUpdatedAt(), false));
  }

  /**
   * An acknowledgement: ids, the note's rules ({@link Acknowledgement#noteProblem}), its time --
   * not bounded by {@code maxPastAge}, since the topic is an audit trail that may be read again
   * long after.
   */
  Optional<String> problem(String key, AlertAcknowledgement a) {
    return first(
        length("athleteId", a.getAthleteId(), MAX_ID_LENGTH),
        length("alertId", a.getAlertId(), MAX_ID_LENGTH),
        length("acknowledgedBy", a.getAcknowledgedBy(), MAX_ID_LENGTH),
        a.getAlertId().isBlank() ? "alertId is blank." : null,
        a.getAcknowledgedBy().isBlank() ? "acknowledgedBy is blank." : null,
        athlete(key, a.getAthleteId()),
        time("acknowledgedAt", a.getAcknowledgedAt(), false),
        Acknowledgement.noteProblem(a.getNote()).orElse(null));
  }

  /**
   * True when a decoded payload passes every check {@link #problem} makes for its type, under this
   * key. The {@link EventTimeExtractor} orders a record by its payload's time only then: a record
   * that will be dead-lettered must not hold back or jump ahead of the valid records of its task.
   */
  boolean accepts(String key, SpecificRecord payload) {
    Optional<String> problem;
    if (payload instanceof ActivityEvent e) {
      problem = problem(key, e);
    } else if (payload instanceof PainReport r) {
      problem = problem(key, r);
    } else if (payload instanceof AthleteProfile p) {
      problem = problem(key, p);
    } else if (payload instanceof AlertAcknowledgement a) {
      problem = problem(key, a);
    } else {
      return false;
    }
    return problem.isEmpty();
  }

  /** At most 64 characters of an id for a message (a huge key must not make a huge header). */
  private static String abbreviate(String id) {
    return id.length() <= 64 ? id : id.substring(0, 61) + "...";
  }

  /** Never quotes the text: a pain note is health data. */
  private static String length(String field, String value, int max) {
    return value == null || value.length() <= max
        ? null
        : field + " is " + value.length() + " characters long; at most " + max + " are accepted.";
  }

  private static String athlete(String key, String athleteId) {
    return key.equals(athleteId)
        ? null
        : "athleteId '" + abbreviate(athleteId) + "' differs from the record key '" + abbreviate(key) + "'.";
  }

  /** @param live whether the age limit applies: to samples and reports, not to a profile edited long ago */
  private String time(String field, Instant t, boolean live) {
    long millis = t.toEpochMilli();
    if (millis < 0) {
      return field + " " + t + " is before 1970.";
    }
    long now = clock.millis();
    if (live && maxPastAgeMillis > 0 && millis < now - maxPastAgeMillis) {
      return field + " " + t + " is more than " + Duration.ofMillis(maxPastAgeMillis) + " in the past.";
    }
    long latest = now + maxFutureSkewMillis;
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
