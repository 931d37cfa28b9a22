package io.painguard.bench.result;

import org.HdrHistogram.Histogram;

/**
 * The summary of a set of latencies, taken from an HdrHistogram. A percentile is nearest-rank (the
 * smallest recorded value such that at least p % of the samples are less than or equal to it),
 * and every figure is within {@link #SIGNIFICANT_DIGITS} significant digits (0.1 %) of the exact
 * one -- far finer than the whole milliseconds the table prints.
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

  /** HdrHistogram's precision: values are told apart to within one part in a thousand. */
  public static final int SIGNIFICANT_DIGITS = 3;

  /** No samples: every figure is 0 and {@link #count()} says so. */
  public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0);

  /** The summary of latencies given in nanoseconds, each at least 0. */
  public static Percentiles ofNanos(long[] latenciesNanos) {
    // Auto-resizing, so no latency is too large to record.
    Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    for (long nanos : latenciesNanos) {
      histogram.recordValue(nanos);
    }
    return of(histogram);
  }

  /** The summary of a histogram of nanosecond latencies. */
  public static Percentiles of(Histogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return EMPTY;
    }
    return new Percentiles(
        Math.toIntExact(nanos.getTotalCount()),
        millis(nanos.getMinValue()),
        millis(nanos.getValueAtPercentile(50)),
        millis(nanos.getValueAtPercentile(95)),
        millis(nanos.getValueAtPercentile(99)),
        millis(nanos.getMaxValue()),
        millis(nanos.getMean()));
  }

  private static double millis(double nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0; // microsecond resolution is plenty
  }
}
