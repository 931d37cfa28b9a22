package io.painguard.simulator.physiology;

import io.painguard.events.ActivityType;

/**
 * Mechanical side of an activity at an intensity (fraction of heart-rate reserve): cadence, speed,
 * power, external load and how far the trunk bends. Values are ordinary recreational-athlete
 * ranges; what matters is that they rise with intensity and fit the activity.
 */
public final class ActivityKinematics {

  /** Seconds per repetition on a strength machine (about 2 s down, 2 s up). */
  static final double STRENGTH_REP_SECONDS = 4.0;

  private ActivityKinematics() {}

  /** Steps, strokes or revolutions per minute; 0 when the activity has no rhythm to count. */
  public static double cadencePerMin(ActivityType activity, double intensity) {
    double i = Physiology.clamp01(intensity);
    return switch (activity) {
      case WALKING -> 95 + 30 * i;
      case RUNNING -> 150 + 35 * i;
      case STAIR_CLIMBING -> 60 + 40 * i;
      case ELLIPTICAL -> 110 + 50 * i;
      case HIIT -> 100 + 70 * i;
      case CYCLING -> 65 + 30 * i;
      case ROWING -> 18 + 16 * i;
      case SWIMMING -> 25 + 25 * i;
      default -> 0;
    };
  }

  /** Metres per second over ground (or belt); 0 for stationary activities. */
  public static double speedMps(ActivityType activity, double intensity) {
    double i = Physiology.clamp01(intensity);
    return switch (activity) {
      case WALKING -> Math.min(2.1, 0.9 + 1.2 * i);
      case RUNNING -> 2.0 + 3.0 * i;
      default -> 0;
    };
  }

  /** Mechanical power in watts for an athlete whose peak power is {@code peakPowerWatts}. */
  public static double powerWatts(ActivityType activity, double intensity, int peakPowerWatts) {
    double i = Physiology.clamp01(intensity);
    return switch (activity) {
      case CYCLING, HIIT -> 25 + peakPowerWatts * Math.pow(i, 1.3);
      case ROWING -> 30 + 0.9 * peakPowerWatts * Math.pow(i, 1.3);
      case ELLIPTICAL -> 20 + 0.6 * peakPowerWatts * i;
      default -> 0;
    };
  }

  /** External load in kilograms on a strength machine. */
  public static double loadKg(ActivityType activity, double intensity) {
    return activity == ActivityType.STRENGTH_TRAINING ? 20 + 80 * Physiology.clamp01(intensity) : 0;
  }

  /**
   * The deepest forward bend of the trunk in each repetition or stroke, in degrees. Rowing
   * reaches ~30-40 degrees at the catch; machine lifts with a hinge 35-60 degrees -- both within a
   * moderate range unless a scenario scripts more.
   */
  public static double peakTrunkFlexionDeg(ActivityType activity, double intensity) {
    double i = Physiology.clamp01(intensity);
    return switch (activity) {
      case ROWING -> 28 + 12 * i;
      case STRENGTH_TRAINING -> 35 + 25 * i;
      default -> 0;
    };
  }

  /**
   * The trunk angle sampled {@code secondsIntoActivity} into a rhythmic movement whose deepest
   * bend is {@code peakDeg}: between roughly half the peak (upright phase) and the peak.
   */
  public static double trunkFlexionAt(ActivityType activity, double peakDeg, double cadencePerMin, double secondsIntoActivity) {
    double period = activity == ActivityType.ROWING && cadencePerMin > 0 ? 60.0 / cadencePerMin : STRENGTH_REP_SECONDS;
    // Sampling at 1 Hz a cycle of a few seconds lands on varying phases: irrational-ish offset.
    double phase = Math.abs(Math.sin(Math.PI * (secondsIntoActivity + 0.37) / period));
    return peakDeg * (0.5 + 0.5 * phase);
  }
}
