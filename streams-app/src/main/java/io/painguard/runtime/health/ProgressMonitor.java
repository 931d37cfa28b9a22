package io.painguard.runtime.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code check-interval}, reads this instance's input partitions' committed offsets (the
 * application's consumer group) and end offsets (read_committed) with its own admin client, and
 * hands them to {@link StreamsHealth}. Committed offsets are what exactly-once makes durable, so
 * they move only when processing really advances -- unlike the stream threads' own positions, which
 * a thread dying in a loop keeps re-reading. When the broker does not answer, nothing is reported:
 * the last reading stands, and a stall that lasts shows.
 */
public final class ProgressMonitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressMonitor.class);

  private final AdminReadings readings;
  private final String group;
  private final Supplier<Set<TopicPartition>> partitions;
  private final StreamsHealth health;

  /**
   * @param partitions this instance's input partitions (as of its last assignment)
   */
  public ProgressMonitor(
      Admin admin, String group, Supplier<Set<TopicPartition>> partitions, StreamsHealth health, Duration interval) {
    this.readings = new AdminReadings(admin, interval, "painguard-progress-monitor");
    this.group = group;
    this.partitions = partitions;
    this.health = health;
  }

  public ProgressMonitor start() {
    readings.every(this::check);
    return this;
  }

  /** One reading (public for tests against a real broker). */
  public void check() {
    readings.take(this::read, LOG,
        "Could not read the progress of consumer group " + group, "health keeps its last reading.");
  }

  private void read() throws Exception {
    Set<TopicPartition> mine = partitions.get();
    if (mine.isEmpty()) {
      health.observe(Map.of(), Map.of());
      return;
    }
    Map<TopicPartition, Long> end = readings.endOffsets(mine, IsolationLevel.READ_COMMITTED);
    Map<TopicPartition, Long> committed = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = readings.admin()
        .listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(mine)))
        .partitionsToOffsetAndMetadata(group)
        .get(readings.timeoutMillis(), TimeUnit.MILLISECONDS);
    offsets.forEach((tp, om) -> {
      if (om != null) {
        committed.put(tp, om.offset());
      }
    });
    health.observe(committed, end);
  }

  @Override
  public void close() {
    readings.close();
  }
}
