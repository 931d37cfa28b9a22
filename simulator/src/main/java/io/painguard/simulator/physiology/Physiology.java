package io.painguard.simulator.physiology;

/**
 * What the simulated body really is, independent of what the athlete's published profile says
 * (a profile may omit values, and the app then has to estimate them).
 *
 * @param birthYear year of birth
 * @param restingHeartRate true resting heart rate, bpm
 * @param maxHeartRate true maximum heart rate, bpm
 * @param peakPowerWatts mechanical power the athlete can hold at 100 % heart-rate reserve
 */
public record Physiology(int birthYear, int restingHeartRate, int maxHeartRate, int peakPowerWatts) {

  /** Resting and maximum heart rate limits any simulated body stays within. */
  public static final int LOWEST_RESTING_BPM = 35;

  public static final int HIGHEST_MAX_BPM = 220;

  public Physiology {
    if (restingHeartRate < LOWEST_RESTING_BPM || restingHeartRate > 110) {
      throw new IllegalArgumentException(
          "resting heart rate must be between " + LOWEST_RESTING_BPM + " and 110 bpm, was " + restingHeartRate);
    }
    if (maxHeartRate > HIGHEST_MAX_BPM || maxHeartRate < restingHeartRate + 40) {
      throw new IllegalArgumentException(
          "max heart rate must be at most " + HIGHEST_MAX_BPM
              + " bpm and at least 40 bpm above the resting rate, was " + maxHeartRate);
    }
    if (peakPowerWatts <= 0) {
      throw new IllegalArgumentException("peak power must be positive, was " + peakPowerWatts);
    }
  }

  /** Target heart rate for an intensity as a fraction of heart-rate reserve, clamped to 0..1. */
  public double targetHeartRate(double intensity) {
    return Karvonen.targetHeartRate(restingHeartRate, maxHeartRate, clamp01(intensity));
  }

  public int heartRateReserve() {
    return maxHeartRate - restingHeartRate;
  }

  static double clamp01(double value) {
    return Math.max(0.0, Math.min(1.0, value));
  }
}
