package io.painguard.rules;

import io.painguard.events.AthleteProfile;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which heart-rate-relevant values of an athlete's profile are plausible enough to use. Each value
 * is judged on its own against a range, then the pair of heart rates in use against a minimum
 * reserve; a value that fails is ignored -- {@link HeartRateLimits} uses the estimate it would use
 * without it, and says the limits are estimated -- while the rest of the profile (coach, other
 * values) still applies. A profile is never rejected as a whole for its values.
 *
 * <p>The ranges are wide on purpose: they catch typing errors and units mix-ups (a resting rate of
 * 6, a maximum typed as the resting rate, a birth year of this year), not unusual athletes.
 *
 * <ul>
 *   <li>Resting heart rate {@value #MIN_RESTING_BPM}-{@value #MAX_RESTING_BPM} bpm: the usual adult
 *       range is 60-100 bpm (American Heart Association); well-trained endurance athletes' resting
 *       rates reach the 30s (athletic sinus bradycardia), below 30 is a sensor or typing error far
 *       more often than a heart; above 100 bpm at rest is tachycardia, and 110 leaves a margin for
 *       a rate measured not quite at rest -- beyond it the number is not a resting rate.
 *   <li>Maximum heart rate {@value #MIN_MAX_BPM}-{@value #MAX_MAX_BPM} bpm: Tanaka's 208 - 0.7 x age
 *       gives 201 bpm at the youngest age accepted (10) and 138 at the oldest (100), and measured
 *       maxima scatter about 10 bpm (one standard deviation) around it: 100 and 230 lie more than
 *       three deviations outside for every accepted age. Below 100 bpm is what a brisk walk
 *       reaches, not a maximum.
 *   <li>Age {@value #MIN_AGE_YEARS}-{@value #MAX_AGE_YEARS} years from the birth year, judged in
 *       the UTC year of the event time the limits are needed for (as {@link HeartRateLimits} counts
 *       age): Tanaka's equation was fitted on adults and is used down to youth athletes, not for a
 *       birth year typed as this year or last (age 0 would estimate HRmax 208 bpm and hide any
 *       overexertion); above 100 a typing error is far likelier than an athlete.
 *   <li>Reserve: HRmax must exceed HRrest by at least {@value #MIN_RESERVE_BPM} bpm -- the lowest
 *       plausible HRmax (100) over a typical resting rate (60, DOMAIN conventions); the simulator's
 *       scenarios ask the same. With less, 1 %HRR is under 0.4 bpm and every ceiling lands within a
 *       few beats of rest (rest 60 / max 64 would give a 62 bpm target). When the profile's pair
 *       fails with both values plausible alone, <b>HRmax is ignored</b> and estimated from age:
 *       it is the value people guess or mistype (a hard-training heart rate, the resting rate
 *       typed twice), while the resting rate is what a wearable measures every morning. If the
 *       profile's HRrest still leaves less than the reserve below the HRmax in use (the estimate,
 *       e.g. a resting rate of 110 and an age of 100), HRrest is ignored too and the default used.
 * </ul>
 *
 * The bounds are constants, not settings: they describe people, not a deployment's policy.
 */
public final class ProfilePlausibility {

  /** Lowest plausible resting heart rate: trained endurance athletes reach the 30s. */
  public static final int MIN_RESTING_BPM = 30;
  /** Highest plausible resting heart rate: above 100 at rest is tachycardia, plus a margin. */
  public static final int MAX_RESTING_BPM = 110;
  /** Lowest plausible maximum heart rate: more than 3 SD under Tanaka at age 100 (138). */
  public static final int MIN_MAX_BPM = 100;
  /** Highest plausible maximum heart rate: more than 3 SD over Tanaka at age 10 (201). */
  public static final int MAX_MAX_BPM = 230;
  /** Youngest plausible age: youth athletes, not a birth year typed as this year. */
  public static final int MIN_AGE_YEARS = 10;
  /** Oldest plausible age. */
  public static final int MAX_AGE_YEARS = 100;
  /** Smallest plausible HRmax - HRrest: the lowest plausible HRmax over a typical HRrest of 60. */
  public static final int MIN_RESERVE_BPM = 40;

  /**
   * Birth years kept when a profile is applied: events are never dated before 1970, so a year before
   * 1870 is never an age of 100 or less; after 9999 is not a calendar year a person has. (The
   * athlete state keeps a birth year in two bytes.) Years in between are kept as they are and
   * judged against each event's year.
   */
  static final int FIRST_KEPT_BIRTH_YEAR = 1870;

  static final int LAST_KEPT_BIRTH_YEAR = 9999;

  /** A heart-rate-relevant profile field, named as in the {@code AthleteProfile} schema. */
  public enum Field {
    BIRTH_YEAR("birthYear"),
    RESTING_HEART_RATE("restingHeartRateBpm"),
    MAX_HEART_RATE("maxHeartRateBpm");

    private final String schemaName;

    Field(String schemaName) {
      this.schemaName = schemaName;
    }

    /** The field's name in the {@code AthleteProfile} schema (the metric's tag value). */
    public String schemaName() {
      return schemaName;
    }
  }

  /**
   * The judgement of one profile's values.
   *
   * @param reasons each ignored field with one sentence saying why (names the rule, never the value)
   */
  public record Verdict(Map<Field, String> reasons) {

    public Verdict {
      reasons = reasons.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(reasons));
    }

    /** The ignored fields, in schema order. */
    public Set<Field> ignored() {
      return reasons.keySet();
    }

    public boolean ignores(Field field) {
      return reasons.containsKey(field);
    }
  }

  private static final Verdict PLAUSIBLE = new Verdict(Map.of());

  private ProfilePlausibility() {}

  /**
   * Judges the profile's values for the limits needed in {@code year}.
   *
   * @param birthYear from the profile, or null
   * @param restingBpm from the profile, or null
   * @param maxBpm from the profile, or null
   * @param year the UTC calendar year of the event time the limits are needed for
   * @param settings the defaults and Tanaka coefficients that stand in for an ignored value
   */
  public static Verdict judge(
      Integer birthYear, Integer restingBpm, Integer maxBpm, int year, GuidanceSettings settings) {
    // Asked for every record: nothing is allocated unless a value is ignored.
    boolean birthOutside = birthYear != null && !plausibleAge(year - (long) birthYear);
    boolean restOutside =
        restingBpm != null && (restingBpm < MIN_RESTING_BPM || restingBpm > MAX_RESTING_BPM);
    boolean maxOutside = maxBpm != null && (maxBpm < MIN_MAX_BPM || maxBpm > MAX_MAX_BPM);
    Integer birth = birthOutside ? null : birthYear;
    Integer rest = restOutside ? null : restingBpm;
    Integer max = maxOutside ? null : maxBpm;
    // The pair in use: HRmax gives way first (it is the value guessed or mistyped), then HRrest.
    boolean maxTooLow =
        max != null && max - HeartRateLimits.restOrDefault(rest, settings) < MIN_RESERVE_BPM;
    if (maxTooLow) {
      max = null;
    }
    double maxInUse = max != null ? max : HeartRateLimits.estimatedMaxBpm(birth, year, settings);
    boolean restTooHigh = rest != null && maxInUse - rest < MIN_RESERVE_BPM;
    if (restTooHigh) {
      rest = null;
    }
    // Only configured coefficients (e.g. a low Tanaka intercept) can make the estimate for an old
    // athlete fall to the default resting rate; the settings make sure the default age never does.
    boolean estimateTooLow =
        max == null && birth != null && !(maxInUse > HeartRateLimits.restOrDefault(rest, settings));
    if (!(birthOutside || restOutside || maxOutside || maxTooLow || restTooHigh || estimateTooLow)) {
      return PLAUSIBLE;
    }
    Map<Field, String> reasons = new EnumMap<>(Field.class);
    if (birthOutside) {
      reasons.put(
          Field.BIRTH_YEAR,
          "birthYear gives an age outside " + MIN_AGE_YEARS + "-" + MAX_AGE_YEARS + " years in " + year + ".");
    } else if (estimateTooLow) {
      reasons.put(
          Field.BIRTH_YEAR,
          "the maximum heart rate estimated from birthYear is not above the resting heart rate in"
              + " use; the default age is used instead.");
    }
    if (restOutside) {
      reasons.put(
          Field.RESTING_HEART_RATE,
          "restingHeartRateBpm is outside " + MIN_RESTING_BPM + "-" + MAX_RESTING_BPM + " bpm.");
    } else if (restTooHigh) {
      reasons.put(
          Field.RESTING_HEART_RATE,
          "restingHeartRateBpm is less than "
              + MIN_RESERVE_BPM
              + " bpm below the maximum heart rate in use; the default resting heart rate is used"
              + " instead.");
    }
    if (maxOutside) {
      reasons.put(Field.MAX_HEART_RATE, "maxHeartRateBpm is outside " + MIN_MAX_BPM + "-" + MAX_MAX_BPM + " bpm.");
    } else if (maxTooLow) {
      reasons.put(
          Field.MAX_HEART_RATE,
          "maxHeartRateBpm is less than "
              + MIN_RESERVE_BPM
              + " bpm above the resting heart rate in use; HRmax is the value more often guessed"
              + " or mistyped, so it is estimated from age instead.");
    }
    return new Verdict(reasons);
  }

  /**
   * The profile as the athlete state may keep it: heart rates implausible on their own are dropped
   * (they are implausible whatever the year, and the state keeps heart rates in one byte), and so
   * is a birth year before {@value #FIRST_KEPT_BIRTH_YEAR} or after {@value #LAST_KEPT_BIRTH_YEAR}.
   * Everything else is kept as it is -- a birth year is judged against each event's year, a pair
   * against the values in use -- so the limits ignore exactly what {@link #judge} says.
   */
  public static AthleteProfile keepable(AthleteProfile p) {
    Integer birth = p.getBirthYear();
    Integer rest = p.getRestingHeartRateBpm();
    Integer max = p.getMaxHeartRateBpm();
    boolean dropBirth =
        birth != null && (birth < FIRST_KEPT_BIRTH_YEAR || birth > LAST_KEPT_BIRTH_YEAR);
    boolean dropRest = rest != null && (rest < MIN_RESTING_BPM || rest > MAX_RESTING_BPM);
    boolean dropMax = max != null && (max < MIN_MAX_BPM || max > MAX_MAX_BPM);
    if (!dropBirth && !dropRest && !dropMax) {
      return p;
    }
    return AthleteProfile.newBuilder(p)
        .setBirthYear(dropBirth ? null : birth)
        .setRestingHeartRateBpm(dropRest ? null : rest)
        .setMaxHeartRateBpm(dropMax ? null : max)
        .build();
  }

  private static boolean plausibleAge(long age) {
    return age >= MIN_AGE_YEARS && age <= MAX_AGE_YEARS;
  }
}
