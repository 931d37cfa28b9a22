package io.painguard.bench.result;

import java.util.Arrays;

/**
 * Exact percentiles of a set of latencies by the nearest-rank method: the p-th percentile is the
 * smallest sample such that at least p % of the samples are less than or equal to it. The sample
 * counts of a bench run (hundreds to a few thousand alerts) are small enough to keep and sort, so
 * nothing is approximated.
 *
 * @param count number of samples
 * @param minMillis fastest sample
 * @param p50Millis median
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 * @param maxMillis slowest sample
 * @param meanMillis arithmetic mean
 */
public record Percentiles(
    int count,
    double minMillis,
    double p50Millis,
    double p95Millis,
    double p99Millis,
    double maxMillis,
    double meanMillis) {

  /** No samples: every figure is 0 and {@link #count()} says so. */
  public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0);

  /** Percentiles of latencies given in nanoseconds (the array is not modified). */
  public static Percentiles ofNanos(long[] latenciesNanos) {
    if (latenciesNanos.length == 0) {
      return EMPTY;
    }
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    return new Percentiles(
        sorted.length,
        millis(sorted[0]),
        millis(rank(sorted, 50)),
        millis(rank(sorted, 95)),
        millis(rank(sorted, 99)),
        millis(sorted[sorted.length - 1]),
        millis(sum / sorted.length));
  }

  /** The nearest-rank percentile {@code p} (0 < p <= 100) of ascending {@code sorted} values. */
  public static long rank(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double millis(double nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0; // microsecond resolution is plenty
  }
}
