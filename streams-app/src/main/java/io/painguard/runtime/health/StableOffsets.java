package io.painguard.runtime.health;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells, from successive readings of a partition's last stable offset (LSO, where {@code
 * read_committed} consumers stop) and log end, which partitions an open transaction holds back:
 * records wait behind the LSO, and it has not moved for {@code timeout}. PainGuard's own
 * transactions last one commit interval (100 ms) and the broker aborts any older than the
 * producer's transaction timeout, so an LSO that stands for minutes is a hanging transaction -- one
 * the coordinator no longer tracks (seen after a Kafka 4.4.0 broker restart), which nothing but an
 * operator's abort ever ends. Not thread-safe: one caller, the watch's own thread.
 */
final class StableOffsets {

  /** The partition's LSO as last read, and since when it has stood there with records behind it. */
  private record Standing(long stableOffset, long sinceMillis) {}

  private final Duration timeout;
  private final Map<TopicPartition, Standing> standing = new HashMap<>();

  StableOffsets(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Takes one reading and answers the partitions held back now, in order.
   *
   * @param stable each partition's last stable offset (read_committed end)
   * @param logEnd each partition's log end (read_uncommitted end)
   */
  Set<TopicPartition> observe(Map<TopicPartition, Long> stable, Map<TopicPartition, Long> logEnd, long nowMillis) {
    Set<TopicPartition> held = new TreeSet<>(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    standing.keySet().retainAll(stable.keySet());
    stable.forEach((tp, lso) -> {
      Long end = logEnd.get(tp);
      if (end == null || end <= lso) {
        standing.remove(tp); // nothing waits behind it
        return;
      }
      Standing before = standing.get(tp);
      if (before == null || before.stableOffset() != lso) {
        standing.put(tp, new Standing(lso, nowMillis)); // moved, or just began to wait
      } else if (nowMillis - before.sinceMillis() >= timeout.toMillis()) {
        held.add(tp);
      }
    });
    return held;
  }

  /** How long the partition's LSO has stood with records behind it, as of {@code nowMillis}. */
  Duration heldFor(TopicPartition tp, long nowMillis) {
    Standing s = standing.get(tp);
    return s == null ? Duration.ZERO : Duration.ofMillis(nowMillis - s.sinceMillis());
  }

  /** The LSO the partition stands at, -1 when it is not held. */
  long stableOffset(TopicPartition tp) {
    Standing s = standing.get(tp);
    return s == null ? -1 : s.stableOffset();
  }
}
