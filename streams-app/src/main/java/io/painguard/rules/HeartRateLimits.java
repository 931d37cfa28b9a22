package io.painguard.rules;

/**
 * An athlete's heart-rate reserve (Karvonen): intensity = (HR - HRrest) / (HRmax - HRrest).
 *
 * @param maxBpm HRmax: from the profile, else Tanaka (208 - 0.7 x age) from the birth year, else
 *     from the default age
 * @param restBpm HRrest: from the profile, else the default
 * @param estimated true when either value did not come straight from the athlete's profile
 */
public record HeartRateLimits(double maxBpm, double restBpm, boolean estimated) {

  public HeartRateLimits {
    if (!(maxBpm > restBpm)) {
      throw new IllegalArgumentException("HRmax must be above HRrest.");
    }
  }

  /**
   * The limits for an athlete.
   *
   * @param birthYear from the profile, or null
   * @param restingBpm from the profile, or null
   * @param maxBpm from the profile, or null
   * @param year the calendar year the limits are needed for (age = year - birthYear)
   */
  public static HeartRateLimits of(
      Integer birthYear, Integer restingBpm, Integer maxBpm, int year, GuidanceSettings settings) {
    boolean estimated = maxBpm == null || restingBpm == null;
    double rest = restingBpm != null ? restingBpm : settings.defaultRestingHeartRateBpm();
    double max;
    if (maxBpm != null) {
      max = maxBpm;
    } else {
      int age = birthYear != null ? Math.max(0, year - birthYear) : settings.defaultAgeYears();
      max = settings.tanakaInterceptBpm() - settings.tanakaSlopeBpmPerYear() * age;
    }
    if (max <= rest + 1) {
      // A profile that leaves no reserve (e.g. HRmax typed as HRrest) cannot be used as is: fall
      // back to the population estimate and say so.
      rest = settings.defaultRestingHeartRateBpm();
      max = settings.tanakaInterceptBpm() - settings.tanakaSlopeBpmPerYear() * settings.defaultAgeYears();
      estimated = true;
    }
    return new HeartRateLimits(max, rest, estimated);
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
