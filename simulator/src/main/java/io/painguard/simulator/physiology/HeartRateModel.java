package io.painguard.simulator.physiology;

import java.util.random.RandomGenerator;

/**
 * How a heart rate follows the workload: a first-order lag toward the Karvonen target of the
 * current intensity (faster on the way up than on the way down), cardiac drift once an effort has
 * been sustained for a while, and Gaussian sensor noise on what a device reports.
 *
 * <p>The functions are stateless so that one model can drive a single scripted athlete ({@link
 * HeartRateState}) or 100,000 athletes held in primitive arrays by the load generator.
 *
 * @param riseTimeConstantSeconds time constant while the heart rate climbs (tens of seconds)
 * @param recoveryTimeConstantSeconds time constant while it recovers (recovery takes minutes)
 * @param driftOnsetSeconds sustained effort after which cardiac drift starts
 * @param driftBpmPerMinute drift rate at 100 % heart-rate reserve (scaled by intensity)
 * @param driftCapBpm the most drift can add
 * @param driftDecayTimeConstantSeconds how fast drift fades once the effort stops
 */
public record HeartRateModel(
    double riseTimeConstantSeconds,
    double recoveryTimeConstantSeconds,
    double driftOnsetSeconds,
    double driftBpmPerMinute,
    double driftCapBpm,
    double driftDecayTimeConstantSeconds) {

  /**
   * Typical values: heart rate reaches ~63 % of a step up in 30 s and ~95 % in 90 s; recovery
   * takes ~4-5 min to settle; after 10 min of sustained effort it drifts up by ~0.2 bpm per minute
   * at 70 % HRR, at most 15 bpm (cardiac drift of 10-20 bpm over an hour is the textbook range).
   */
  public static final HeartRateModel DEFAULT = new HeartRateModel(30, 90, 600, 0.3, 15, 300);

  /** Intensity (fraction of HRR) from which an effort counts as sustained for drift. */
  public static final double SUSTAINED_EFFORT_INTENSITY = 0.5;

  /** Lowest heart rate any device reports, whatever the athlete. */
  public static final int ABSOLUTE_MIN_BPM = 30;

  public HeartRateModel {
    if (riseTimeConstantSeconds <= 0 || recoveryTimeConstantSeconds <= 0 || driftDecayTimeConstantSeconds <= 0) {
      throw new IllegalArgumentException("time constants must be positive");
    }
    if (driftOnsetSeconds < 0 || driftBpmPerMinute < 0 || driftCapBpm < 0) {
      throw new IllegalArgumentException("drift settings must not be negative");
    }
  }

  /**
   * One step of the lag: the exact solution of dHR/dt = (target - HR) / tau over {@code dt}, so
   * the result does not depend on how finely time is sliced.
   */
  public double approach(double currentBpm, double targetBpm, double dtSeconds) {
    double tau = targetBpm >= currentBpm ? riseTimeConstantSeconds : recoveryTimeConstantSeconds;
    return targetBpm + (currentBpm - targetBpm) * Math.exp(-dtSeconds / tau);
  }

  /** Seconds of sustained effort after {@code dt} more seconds at {@code intensity}. */
  public double nextEffortSeconds(double effortSeconds, double intensity, double dtSeconds) {
    if (intensity >= SUSTAINED_EFFORT_INTENSITY) {
      return effortSeconds + dtSeconds;
    }
    // Easing off briefly does not reset the effort; a real break does.
    return Math.max(0.0, effortSeconds - 2 * dtSeconds);
  }

  /** Cardiac drift (bpm added to the target) after {@code dt} more seconds. */
  public double nextDrift(double driftBpm, double effortSeconds, double intensity, double dtSeconds) {
    if (effortSeconds > driftOnsetSeconds && intensity >= SUSTAINED_EFFORT_INTENSITY) {
      return Math.min(driftCapBpm, driftBpm + driftBpmPerMinute * intensity * dtSeconds / 60.0);
    }
    return driftBpm * Math.exp(-dtSeconds / driftDecayTimeConstantSeconds);
  }

  /** The heart rate the body heads for: Karvonen target plus drift, never above the maximum. */
  public double target(Physiology body, double intensity, double driftBpm) {
    return Math.min(body.maxHeartRate(), body.targetHeartRate(intensity) + driftBpm);
  }

  /**
   * What a sensor reports for a true heart rate: Gaussian noise of {@code noiseSdBpm}, rounded,
   * kept within {@link #lowestReported(Physiology)} and the athlete's maximum.
   */
  public static int observe(double trueBpm, double noiseSdBpm, Physiology body, RandomGenerator random) {
    double noisy = trueBpm + (noiseSdBpm > 0 ? random.nextGaussian() * noiseSdBpm : 0.0);
    long rounded = Math.round(noisy);
    return (int) Math.max(lowestReported(body), Math.min(body.maxHeartRate(), rounded));
  }

  /** A little below the resting rate (sensors and sleep dip under it), never below 30 bpm. */
  public static int lowestReported(Physiology body) {
    return Math.max(ABSOLUTE_MIN_BPM, body.restingHeartRate() - 10);
  }
}
