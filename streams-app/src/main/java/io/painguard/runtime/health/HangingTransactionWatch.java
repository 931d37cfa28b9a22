package io.painguard.runtime.health;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the app's output topics (alerts, dead letters) for a transaction that holds a partition
 * back: records written but neither committed nor aborted, for longer than {@code
 * painguard.health.hanging-transaction-timeout}. {@code read_committed} consumers -- coach
 * dashboards, the app's own alert feed -- stop at such a partition's last stable offset, so its
 * alerts, referrals included, would go quiet without anything failing. The broker ends a live
 * transaction after its timeout; one it no longer tracks (a hanging transaction, seen after a
 * Kafka 4.4.0 broker restart) only an operator's abort ends. The watch says so once per episode, in
 * a WARN line naming the partition, the open producers and the command that aborts it, and counts
 * the partitions held ({@code painguard_output_partitions_held}). It does not abort by itself:
 * only the operator can tell a hanging transaction from a producer that is merely slow.
 */
public final class HangingTransactionWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HangingTransactionWatch.class);

  private final Admin admin;
  private final List<String> topics;
  private final Duration interval;
  private final Clock clock;
  private final StableOffsets offsets;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "painguard-transaction-watch");
        t.setDaemon(true);
        return t;
      });
  private Set<TopicPartition> partitions = Set.of();
  private volatile Set<TopicPartition> held = Set.of();
  private boolean warned;

  public HangingTransactionWatch(Admin admin, List<String> topics, Duration timeout, Duration interval, Clock clock) {
    this.admin = admin;
    this.topics = List.copyOf(topics);
    this.interval = interval;
    this.clock = clock;
    this.offsets = new StableOffsets(timeout);
  }

  public HangingTransactionWatch start() {
    scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Output partitions held back by an open transaction now. */
  public int heldPartitions() {
    return held.size();
  }

  /** One reading (public for tests against a real broker). */
  public void check() {
    try {
      long ms = interval.toMillis();
      if (partitions.isEmpty()) {
        partitions = new HashSet<>();
        for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(ms, TimeUnit.MILLISECONDS).values()) {
          d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
        }
      }
      Map<TopicPartition, Long> stable = ends(IsolationLevel.READ_COMMITTED, ms);
      Map<TopicPartition, Long> logEnd = ends(IsolationLevel.READ_UNCOMMITTED, ms);
      long now = clock.millis();
      Set<TopicPartition> nowHeld = offsets.observe(stable, logEnd, now);
      for (TopicPartition tp : nowHeld) {
        if (!held.contains(tp)) {
          warn(tp, now, ms);
        }
      }
      for (TopicPartition tp : held) {
        if (!nowHeld.contains(tp)) {
          LOG.info("Partition {} is no longer held back: its last stable offset moved on.", tp);
        }
      }
      held = Set.copyOf(nowHeld);
      warned = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!warned) {
        LOG.warn("Could not read the output topics' offsets {} ({}); the transaction watch tries again.",
            topics, e.getClass().getSimpleName());
        warned = true;
      }
    }
  }

  private Map<TopicPartition, Long> ends(IsolationLevel isolation, long ms) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> out = new HashMap<>();
    admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(ms, TimeUnit.MILLISECONDS)
        .forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  private void warn(TopicPartition tp, long now, long ms) {
    long lso = offsets.stableOffset(tp);
    String producers;
    try {
      producers = admin.describeProducers(List.of(tp)).partitionResult(tp).get(ms, TimeUnit.MILLISECONDS)
          .activeProducers().stream()
          .filter(p -> p.currentTransactionStartOffset().isPresent())
          .map(HangingTransactionWatch::describe)
          .collect(Collectors.joining(", "));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      producers = "";
    } catch (Exception e) {
      producers = "";
    }
    LOG.warn("Partition {} is held back by an open transaction: its last stable offset has stood at {} for {} s"
            + " with records behind it, so read_committed consumers (coach dashboards, the alert feed) see nothing"
            + " past it. Open: {}. If no live producer owns it (kafka-transactions.sh find-hanging), abort it:"
            + " kafka-transactions.sh --bootstrap-server ... abort --topic {} --partition {} --start-offset {}",
        tp, lso, offsets.heldFor(tp, now).toSeconds(), producers.isEmpty() ? "unknown" : producers,
        tp.topic(), tp.partition(), lso);
  }

  private static String describe(ProducerState p) {
    return "producer " + p.producerId() + " epoch " + p.producerEpoch() + " from offset "
        + p.currentTransactionStartOffset().getAsLong();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    admin.close(Duration.ZERO);
  }
}
