package io.painguard.rules;

import io.painguard.events.ActivityType;

/**
 * How hard an activity is when no heart rate is measured (most gym equipment), from the activity
 * type and, for cyclic activities, speed or power. ACSM/Compendium convention: light < 3 MET,
 * moderate 3-6 MET, vigorous >= 6 MET.
 */
public enum IntensityClass {
  LIGHT,
  MODERATE,
  VIGOROUS;

  /** The %HRR an effort of this class stands for (ACSM ranges; see {@link GuidanceSettings}). */
  public int equivalentHrrPct(GuidanceSettings settings) {
    return switch (this) {
      case LIGHT -> settings.lightEquivalentHrrPct();
      case MODERATE -> settings.moderateEquivalentHrrPct();
      case VIGOROUS -> settings.vigorousEquivalentHrrPct();
    };
  }

  /**
   * Classifies a sample without heart rate.
   *
   * @param speedMps speed, or null; decides for walking and running (treadmills, phones)
   * @param powerWatts power, or null; decides for cycling, rowing and the elliptical
   */
  public static IntensityClass classify(
      ActivityType activity, Float speedMps, Integer powerWatts, GuidanceSettings settings) {
    switch (activity) {
      case WALKING, RUNNING -> {
        if (speedMps != null) {
          return bySpeed(speedMps, settings);
        }
      }
      case CYCLING, ROWING, ELLIPTICAL -> {
        if (powerWatts != null) {
          return byPower(powerWatts, settings);
        }
      }
      default -> {
        // The type alone decides: speed or power say little about HIIT or a barbell.
      }
    }
    return byType(activity);
  }

  /** The class of an activity type on its own. */
  public static IntensityClass byType(ActivityType activity) {
    return switch (activity) {
      // The issue: running, HIIT, stair climbing and strength training count as vigorous.
      case RUNNING, HIIT, STAIR_CLIMBING, STRENGTH_TRAINING -> VIGOROUS;
      case CYCLING, ROWING, ELLIPTICAL, SWIMMING -> MODERATE;
      // Walking, water exercise, yoga, stretching and core work are the guidance's easy options;
      // REST and UNKNOWN cannot justify an alert on their own.
      default -> LIGHT;
    };
  }

  private static IntensityClass bySpeed(double mps, GuidanceSettings s) {
    if (mps >= s.vigorousSpeedMps()) {
      return VIGOROUS;
    }
    return mps >= s.moderateSpeedMps() ? MODERATE : LIGHT;
  }

  private static IntensityClass byPower(int watts, GuidanceSettings s) {
    if (watts >= s.vigorousPowerWatts()) {
      return VIGOROUS;
    }
    return watts >= s.moderatePowerWatts() ? MODERATE : LIGHT;
  }
}
