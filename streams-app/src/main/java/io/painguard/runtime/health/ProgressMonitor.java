package io.painguard.runtime.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
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

  private final Admin admin;
  private final String group;
  private final Supplier<Set<TopicPartition>> partitions;
  private final StreamsHealth health;
  private final Duration interval;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "painguard-progress-monitor");
        t.setDaemon(true);
        return t;
      });
  private boolean warned;

  /**
   * @param partitions this instance's input partitions (as of its last assignment)
   */
  public ProgressMonitor(
      Admin admin, String group, Supplier<Set<TopicPartition>> partitions, StreamsHealth health, Duration interval) {
    this.admin = admin;
    this.group = group;
    this.partitions = partitions;
    this.health = health;
    this.interval = interval;
  }

  public ProgressMonitor start() {
    scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One reading (public for tests against a real broker). */
  public void check() {
    Set<TopicPartition> mine = partitions.get();
    try {
      Map<TopicPartition, Long> end = new HashMap<>();
      if (!mine.isEmpty()) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        mine.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        long ms = interval.toMillis();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
            .get(ms, TimeUnit.MILLISECONDS)
            .forEach((tp, info) -> end.put(tp, info.offset()));
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin
            .listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(mine)))
            .partitionsToOffsetAndMetadata(group)
            .get(ms, TimeUnit.MILLISECONDS);
        offsets.forEach((tp, om) -> {
          if (om != null) {
            committed.put(tp, om.offset());
          }
        });
        health.observe(committed, end);
      } else {
        health.observe(Map.of(), Map.of());
      }
      warned = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!warned) {
        LOG.warn("Could not read the progress of consumer group {} ({}); health keeps its last reading.",
            group, e.getClass().getSimpleName());
        warned = true;
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    admin.close(Duration.ZERO);
  }
}
