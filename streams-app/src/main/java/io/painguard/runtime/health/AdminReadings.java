package io.painguard.runtime.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;

/**
 * What the health monitors share: their own admin client, a daemon thread that takes one reading
 * every {@code interval} (each call to the broker bounded by it), one WARN line when readings start
 * failing -- not one per interval while the broker is away -- and closing both.
 */
final class AdminReadings implements AutoCloseable {

  /** One reading; it may fail, and the next one is tried an interval later. */
  @FunctionalInterface
  interface Reading {
    void take() throws Exception;
  }

  private final Admin admin;
  private final Duration interval;
  private final ScheduledExecutorService scheduler;
  private boolean failing;

  AdminReadings(Admin admin, Duration interval, String threadName) {
    this.admin = admin;
    this.interval = interval;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  Admin admin() {
    return admin;
  }

  /** The bound of each call to the broker: one interval. */
  long timeoutMillis() {
    return interval.toMillis();
  }

  void every(Runnable check) {
    scheduler.scheduleWithFixedDelay(check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the reading; when it fails, says "{@code failed} (the exception's class); {@code
   * meanwhile}" once, until a reading succeeds again.
   */
  void take(Reading reading, Logger log, String failed, String meanwhile) {
    try {
      reading.take();
      failing = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!failing) {
        log.warn("{} ({}); {}", failed, e.getClass().getSimpleName(), meanwhile);
        failing = true;
      }
    }
  }

  /** The partitions' end offsets: the last stable offset with READ_COMMITTED, the log end without. */
  Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions, IsolationLevel isolation) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> out = new HashMap<>();
    admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all()
        .get(timeoutMillis(), TimeUnit.MILLISECONDS)
        .forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    admin.close(Duration.ZERO);
  }
}
