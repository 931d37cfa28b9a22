package io.painguard.simulator.physiology;

/**
 * Heart-rate reserve arithmetic (DOMAIN.md, "Exercise-science conventions"): Karvonen for target
 * heart rates and Tanaka (2001) for an age-predicted maximum.
 */
public final class Karvonen {

  private Karvonen() {}

  /** Target heart rate for an intensity expressed as a fraction (0..1) of heart-rate reserve. */
  public static double targetHeartRate(double restingBpm, double maxBpm, double intensity) {
    return restingBpm + intensity * (maxBpm - restingBpm);
  }

  /** The fraction of heart-rate reserve a heart rate represents (may leave 0..1). */
  public static double intensityOf(double heartRateBpm, double restingBpm, double maxBpm) {
    return (heartRateBpm - restingBpm) / (maxBpm - restingBpm);
  }

  /** Tanaka, Monahan and Seals (2001): HRmax = 208 - 0.7 x age. */
  public static int tanakaMaxHeartRate(int ageYears) {
    return (int) Math.round(208.0 - 0.7 * ageYears);
  }
}
