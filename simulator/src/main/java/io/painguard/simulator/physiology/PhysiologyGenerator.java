package io.painguard.simulator.physiology;

import java.util.random.RandomGenerator;

/**
 * Draws plausible bodies for a population of recreational athletes: ages 18-70, resting heart
 * rates around 62 bpm, maximum heart rates scattered around the Tanaka estimate (its residual
 * standard deviation is ~7 bpm).
 */
public final class PhysiologyGenerator {

  private PhysiologyGenerator() {}

  public static Physiology draw(RandomGenerator random, int currentYear) {
    int age = 18 + random.nextInt(53);
    int resting = (int) clamp(Math.round(62 + 7 * random.nextGaussian()), 42, 85);
    int max = (int) clamp(Math.round(Karvonen.tanakaMaxHeartRate(age) + 7 * random.nextGaussian()), resting + 60, 205);
    int peakPower = (int) clamp(Math.round(260 + 50 * random.nextGaussian() - 1.5 * (age - 35)), 120, 450);
    return new Physiology(currentYear - age, resting, max, peakPower);
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }
}
