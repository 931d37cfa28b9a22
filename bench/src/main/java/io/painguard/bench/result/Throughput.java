package io.painguard.bench.result;

import java.util.List;

/**
 * How fast one consumer group worked through the pre-loaded records, from the moment it was ready
 * (partitions assigned, group joined -- excluded) to the moment its committed offsets reached the
 * end of every input partition (lag 0; under exactly-once that is also when its output became
 * readable with read_committed).
 *
 * @param records input records processed (all input topics)
 * @param seconds ready to lag 0, JIT warm-up included
 * @param recordsPerSecond {@code records / seconds}
 * @param steadyRecordsPerSecond the rate after the first {@code warmupShare} of the records had
 *     been committed: JIT warm-up and the first fetches excluded
 * @param warmupShare share of the records left out of the steady rate
 */
public record Throughput(
    long records,
    double seconds,
    double recordsPerSecond,
    double steadyRecordsPerSecond,
    double warmupShare) {

  /** One observation of a group's progress: committed records (summed over partitions) at a time. */
  public record Sample(long nanos, long committed) {}

  /**
   * The throughput from the progress samples of one run.
   *
   * @param startNanos when the group was ready
   * @param samples progress observations in time order; the last one must have reached {@code total}
   * @param total records to process
   * @param warmupShare share of {@code total} (0 <= share < 1) excluded from the steady rate
   */
  public static Throughput of(long startNanos, List<Sample> samples, long total, double warmupShare) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no progress samples");
    }
    if (!(warmupShare >= 0 && warmupShare < 1)) {
      throw new IllegalArgumentException("warm-up share must be in [0, 1), was " + warmupShare);
    }
    Sample end = samples.get(samples.size() - 1);
    if (end.committed() < total) {
      throw new IllegalArgumentException(
          "the last sample has " + end.committed() + " of " + total + " records committed");
    }
    double seconds = Math.max(1, end.nanos() - startNanos) / 1e9;
    double steady = total / seconds;
    long warmupRecords = (long) Math.ceil(total * warmupShare);
    for (Sample s : samples) {
      if (s.committed() >= warmupRecords && s.nanos() < end.nanos()) {
        steady = (total - s.committed()) / ((end.nanos() - s.nanos()) / 1e9);
        break;
      }
    }
    return new Throughput(total, seconds, total / seconds, steady, warmupShare);
  }

  /** {@code this} relative to {@code reference}, by whole-run rate (1.0 = as fast). */
  public double ratioTo(Throughput reference) {
    return reference.recordsPerSecond == 0 ? 0 : recordsPerSecond / reference.recordsPerSecond;
  }

  /** {@code this} relative to {@code reference}, by steady rate. */
  public double steadyRatioTo(Throughput reference) {
    return reference.steadyRecordsPerSecond == 0
        ? 0
        : steadyRecordsPerSecond / reference.steadyRecordsPerSecond;
  }
}
