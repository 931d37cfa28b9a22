package io.painguard.runtime.health;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
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

  private final AdminReadings readings;
  private final List<String> topics;
  private final Clock clock;
  private final StableOffsets offsets;
  private Set<TopicPartition> partitions = Set.of();
  private volatile Set<TopicPartition> held = Set.of();

  public HangingTransactionWatch(Admin admin, List<String> topics, Duration timeout, Duration interval, Clock clock) {
    this.readings = new AdminReadings(admin, interval, "painguard-transaction-watch");
    this.topics = List.copyOf(topics);
    this.clock = clock;
    this.offsets = new StableOffsets(timeout);
  }

  public HangingTransactionWatch start() {
    readings.every(this::check);
    return this;
  }

  /** Output partitions held back by an open transaction now. */
  public int heldPartitions() {
    return held.size();
  }

  /** One reading (public for tests against a real broker). */
  public void check() {
    readings.take(this::read, LOG,
        "Could not read the offsets of the output topics " + topics, "the transaction watch tries again.");
  }

  private void read() throws Exception {
    if (partitions.isEmpty()) {
      partitions = partitionsOf(topics);
    }
    Map<TopicPartition, Long> stable = readings.endOffsets(partitions, IsolationLevel.READ_COMMITTED);
    Map<TopicPartition, Long> logEnd = readings.endOffsets(partitions, IsolationLevel.READ_UNCOMMITTED);
    long now = clock.millis();
    Set<TopicPartition> nowHeld = offsets.observe(stable, logEnd, now);
    for (TopicPartition tp : nowHeld) {
      if (!held.contains(tp)) {
        warn(tp, now);
      }
    }
    for (TopicPartition tp : held) {
      if (!nowHeld.contains(tp)) {
        LOG.info("Partition {} is no longer held back: its last stable offset moved on.", tp);
      }
    }
    held = Set.copyOf(nowHeld);
  }

  private Set<TopicPartition> partitionsOf(List<String> names) throws Exception {
    Set<TopicPartition> out = new HashSet<>();
    for (TopicDescription d :
        readings.admin().describeTopics(names).allTopicNames()
            .get(readings.timeoutMillis(), TimeUnit.MILLISECONDS).values()) {
      d.partitions().forEach(p -> out.add(new TopicPartition(d.name(), p.partition())));
    }
    return out;
  }

  private void warn(TopicPartition tp, long now) throws InterruptedException {
    long lso = offsets.stableOffset(tp);
    LOG.warn("Partition {} is held back by an open transaction: its last stable offset has stood at {} for {} s"
            + " with records behind it, so read_committed consumers (coach dashboards, the alert feed) see nothing"
            + " past it. Open: {}. If no live producer owns it (kafka-transactions.sh find-hanging), abort it:"
            + " kafka-transactions.sh --bootstrap-server ... abort --topic {} --partition {} --start-offset {}",
        tp, lso, offsets.heldFor(tp, now).toSeconds(), openProducers(tp), tp.topic(), tp.partition(), lso);
  }

  /** The producers with a transaction open on the partition, as the broker describes them. */
  private String openProducers(TopicPartition tp) throws InterruptedException {
    try {
      String open = readings.admin().describeProducers(List.of(tp)).partitionResult(tp)
          .get(readings.timeoutMillis(), TimeUnit.MILLISECONDS)
          .activeProducers().stream()
          .filter(p -> p.currentTransactionStartOffset().isPresent())
          .map(HangingTransactionWatch::describe)
          .collect(Collectors.joining(", "));
      return open.isEmpty() ? "unknown" : open;
    } catch (ExecutionException | TimeoutException e) {
      return "unknown (" + e.getClass().getSimpleName() + ")"; // e.g. no READ on the topic
    }
  }

  private static String describe(ProducerState p) {
    return "producer " + p.producerId() + " epoch " + p.producerEpoch() + " from offset "
        + p.currentTransactionStartOffset().getAsLong();
  }

  @Override
  public void close() {
    readings.close();
  }
}
