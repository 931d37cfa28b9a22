package io.painguard.rules;

/**
 * An athlete's heart-rate reserve (Karvonen): intensity = (HR - HRrest) / (HRmax - HRrest).
 *
 * @param maxBpm HRmax: from the profile, else Tanaka (208 - 0.7 x age) from the birth year, else
 *     from the default age -- a profile value {@link ProfilePlausibility} finds implausible counts
 *     as absent
 * @param restBpm HRrest: from the profile, else the default (likewise)
 * @param estimated true when either value did not come straight from the athlete's profile (absent
 *     or ignored)
 */
public record HeartRateLimits(double maxBpm, double restBpm, boolean estimated) {

  public HeartRateLimits {
    if (!(maxBpm > restBpm)) {
      throw new IllegalArgumentException("HRmax must be above HRrest.");
    }
  }

  /**
   * The limits for an athlete, from the profile's plausible values only ({@link
   * ProfilePlausibility}): an ignored HRmax is estimated like a missing one, an ignored HRrest
   * replaced by the default like a missing one, an ignored birth year gives way to the default age.
   *
   * @param birthYear from the profile, or null
   * @param restingBpm from the profile, or null
   * @param maxBpm from the profile, or null
   * @param year the calendar year the limits are needed for (age = year - birthYear)
   */
  public static HeartRateLimits of(
      Integer birthYear, Integer restingBpm, Integer maxBpm, int year, GuidanceSettings settings) {
    ProfilePlausibility.Verdict verdict =
        ProfilePlausibility.judge(birthYear, restingBpm, maxBpm, year, settings);
    Integer birth = verdict.ignores(ProfilePlausibility.Field.BIRTH_YEAR) ? null : birthYear;
    Integer rest = verdict.ignores(ProfilePlausibility.Field.RESTING_HEART_RATE) ? null : restingBpm;
    Integer max = verdict.ignores(ProfilePlausibility.Field.MAX_HEART_RATE) ? null : maxBpm;
    return new HeartRateLimits(
        max != null ? max : estimatedMaxBpm(birth, year, settings),
        restOrDefault(rest, settings),
        max == null || rest == null);
  }

  /** Tanaka's HRmax for the age in {@code year} of someone born in {@code birthYear}, else the default age. */
  static double estimatedMaxBpm(Integer birthYear, int year, GuidanceSettings settings) {
    int age = birthYear != null ? year - birthYear : settings.defaultAgeYears();
    return settings.tanakaInterceptBpm() - settings.tanakaSlopeBpmPerYear() * age;
  }

  /** The profile's HRrest, else the default. */
  static double restOrDefault(Integer restingBpm, GuidanceSettings settings) {
    return restingBpm != null ? restingBpm : settings.defaultRestingHeartRateBpm();
  }

  /** Intensity of a heart rate as percent of heart-rate reserve (may exceed 100 or be negative). */
  public double reservePct(double heartRateBpm) {
    return (heartRateBpm - restBpm) * 100.0 / (maxBpm - restBpm);
  }

  /**
   * The highest whole heart rate that stays at or under {@code pct} %HRR: HRrest + pct x (HRmax -
   * HRrest), rounded down, so a heart rate equal to the target is never "above the ceiling".
   */
  public int heartRateAtPct(int pct) {
    return (int) Math.floor(restBpm + pct * (maxBpm - restBpm) / 100.0 + 1e-9);
  }
}
