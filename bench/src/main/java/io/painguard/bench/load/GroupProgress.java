package io.painguard.bench.load;

import io.painguard.bench.result.Throughput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a consumer group's committed offsets until they reach the end of every input partition:
 * the moment the group has processed -- and under exactly-once, made visible -- everything. Polls
 * every 50 ms, so the end is known to within a poll plus the group's commit interval.
 */
public final class GroupProgress {

  static final long POLL_MILLIS = 50;

  private final TopicStats stats;
  private final Map<TopicPartition, Long> ends;
  private final long total;

  /** @param ends log-end offsets of the input partitions (fixed: nothing is written meanwhile) */
  public GroupProgress(TopicStats stats, Map<TopicPartition, Long> ends) {
    this.stats = stats;
    this.ends = Map.copyOf(ends);
    this.total = ends.values().stream().mapToLong(Long::longValue).sum();
  }

  public long total() {
    return total;
  }

  /**
   * Waits for lag 0.
   *
   * @param startNanos when the group became ready
   * @param stall give up when the committed offsets do not move for this long
   * @param alive false when the worker died (checked between polls)
   */
  public Throughput await(
      String group, long startNanos, double warmupShare, Duration stall, BooleanSupplier alive)
      throws InterruptedException {
    List<Throughput.Sample> samples = new ArrayList<>();
    long lastCommitted = -1;
    long lastMove = System.nanoTime();
    while (true) {
      Map<TopicPartition, Long> committed = stats.committed(group);
      long now = System.nanoTime();
      long sum = 0;
      boolean done = true;
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        long c = Math.min(committed.getOrDefault(end.getKey(), 0L), end.getValue());
        sum += c;
        done &= c >= end.getValue();
      }
      samples.add(new Throughput.Sample(now, sum));
      if (done) {
        return Throughput.of(startNanos, samples, total, warmupShare);
      }
      if (sum != lastCommitted) {
        lastCommitted = sum;
        lastMove = now;
      } else if (now - lastMove > stall.toNanos()) {
        throw new IllegalStateException(String.format(
            "Group %s made no progress for %d s at %,d of %,d records.", group, stall.toSeconds(), sum, total));
      }
      if (!alive.getAsBoolean()) {
        throw new IllegalStateException("The worker of group " + group + " died.");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
