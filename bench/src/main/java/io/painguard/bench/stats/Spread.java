package io.painguard.bench.stats;

import java.util.Arrays;

/**
 * How a figure varied over the repeated runs of one phase: the median (what the bench judges on,
 * so one disturbed run cannot swing a verdict) and the range. {@code relativeSpread} is the range
 * over the median: a change smaller than it cannot be told from this machine's noise.
 *
 * @param runs how many values
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min the lowest value
 * @param max the highest value
 * @param relativeSpread {@code (max - min) / median}; 0 for one run or a median of 0
 */
public record Spread(int runs, double median, double min, double max, double relativeSpread) {

  /** The spread of at least one value. */
  public static Spread of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    double min = sorted[0];
    double max = sorted[n - 1];
    return new Spread(n, median, min, max, median == 0 ? 0 : (max - min) / Math.abs(median));
  }

  /** True when every run lies at or above {@code goal}. */
  public boolean allAtLeast(double goal) {
    return min >= goal;
  }

  /** True when every run lies at or below {@code goal}. */
  public boolean allAtMost(double goal) {
    return max <= goal;
  }
}
