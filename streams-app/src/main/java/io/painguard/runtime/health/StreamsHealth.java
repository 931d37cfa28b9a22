package io.painguard.runtime.health;

import io.painguard.text.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance is making progress, from two signals Kafka Streams' own state does not
 * show: its input partitions' committed offsets (fed by {@link ProgressMonitor}) and its stream
 * threads dying (fed by the uncaught-exception handler). The instance is <em>stuck</em> when
 *
 * <ul>
 *   <li>an input partition has records waiting (end offset past the committed one) and its
 *       committed offset has not moved for {@code stall-timeout} -- a poison record, a thread
 *       dying in a loop, a write that keeps failing; or
 *   <li>{@code max-thread-replacements} stream threads were replaced within {@code
 *       replacement-window} and nothing was committed since the last one.
 * </ul>
 *
 * Stuck means not ready at once, and not live once it has lasted {@code liveness-grace}. While a
 * store is being restored nothing is committed, and that is not a stall. Thread-safe; all times
 * come from the given clock, so the logic is tested without waiting.
 */
public final class StreamsHealth implements StateRestoreListener {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsHealth.class);

  private record Tracker(long committed, long since, long waiting) {}

  private final HealthSettings settings;
  private final LongSupplier nanoTime;
  private final Deque<Long> replacedAt = new ArrayDeque<>();
  private final Map<TopicPartition, Tracker> partitions = new HashMap<>();
  private final Set<TopicPartition> restoring = new HashSet<>();
  private long replacements;
  private long lastReplacement = Long.MIN_VALUE;
  private long lastProgress = Long.MIN_VALUE;
  private Long stuckSince;
  private List<String> lastProblems = List.of();

  public StreamsHealth(HealthSettings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
  }

  /** A stream thread died and is being replaced. */
  public synchronized void threadReplaced() {
    long now = nanoTime.getAsLong();
    replacements++;
    lastReplacement = now;
    replacedAt.addLast(now);
    evaluate(now);
  }

  /**
   * The committed and end offsets of this instance's input partitions, as just read. Partitions
   * not in {@code end} are no longer this instance's and are forgotten; a partition without a
   * committed offset has committed nothing yet.
   */
  public synchronized void observe(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
    long now = nanoTime.getAsLong();
    partitions.keySet().retainAll(end.keySet());
    end.forEach((tp, endOffset) -> {
      long offset = committed.getOrDefault(tp, -1L);
      long waiting = Math.max(0, endOffset - Math.max(0, offset));
      Tracker before = partitions.get(tp);
      boolean moved = before == null || before.committed() != offset;
      if (moved && before != null) {
        lastProgress = now;
      }
      boolean restoringNow = !restoring.isEmpty();
      partitions.put(tp, new Tracker(offset, moved || waiting == 0 || restoringNow ? now : before.since(), waiting));
    });
    evaluate(now);
  }

  /** What the health endpoints answer now. */
  public synchronized HealthStatus status(KafkaStreams.State state) {
    List<String> problems = evaluate(nanoTime.getAsLong());
    boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
    boolean stuckTooLong =
        stuckSince != null && nanoTime.getAsLong() - stuckSince >= settings.livenessGrace().toNanos();
    return new HealthStatus(
        !failed && !stuckTooLong,
        state == KafkaStreams.State.RUNNING && problems.isEmpty(),
        HealthStatus.name(state),
        problems);
  }

  /** Stream threads replaced since the start. */
  public synchronized long replacements() {
    return replacements;
  }

  /** Tasks with a stalled input partition (the inputs are co-partitioned: one task per partition number). */
  public synchronized int stalledTasks() {
    long now = nanoTime.getAsLong();
    Set<Integer> tasks = new HashSet<>();
    partitions.forEach((tp, t) -> {
      if (stalled(t, now)) {
        tasks.add(tp.partition());
      }
    });
    return tasks.size();
  }

  private boolean stalled(Tracker t, long now) {
    return t.waiting() > 0 && now - t.since() >= settings.stallTimeout().toNanos();
  }

  private List<String> evaluate(long now) {
    long window = settings.replacementWindow().toNanos();
    while (!replacedAt.isEmpty() && now - replacedAt.peekFirst() > window) {
      replacedAt.removeFirst();
    }
    List<String> problems = new ArrayList<>();
    long onset = Long.MAX_VALUE; // when the earliest problem began, for the liveness grace
    if (replacedAt.size() >= settings.maxThreadReplacements() && lastProgress < lastReplacement) {
      problems.add(replacedAt.size() + " stream-thread replacements in the last "
          + Durations.format(settings.replacementWindow()) + " and nothing committed since the last one");
      onset = lastReplacement;
    }
    Map<TopicPartition, Tracker> sorted = new java.util.TreeMap<>(
        java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    sorted.putAll(partitions);
    for (Map.Entry<TopicPartition, Tracker> e : sorted.entrySet()) {
      Tracker t = e.getValue();
      if (stalled(t, now)) {
        problems.add("input partition " + e.getKey() + " has " + t.waiting() + " records waiting and its committed offset"
            + " has not moved for " + Duration.ofNanos(now - t.since()).toSeconds() + " s");
        onset = Math.min(onset, t.since() + settings.stallTimeout().toNanos());
      }
    }
    if (problems.isEmpty()) {
      if (stuckSince != null) {
        LOG.info("PainGuard is making progress again; ready.");
      }
      stuckSince = null;
    } else {
      if (stuckSince == null) {
        stuckSince = Math.min(onset, now);
      }
      if (!summary(problems).equals(summary(lastProblems))) {
        LOG.warn("PainGuard is stuck, /health/ready answers 503: {}", String.join("; ", problems));
      }
    }
    lastProblems = problems;
    return problems;
  }

  /** The problems without their changing counts, so the log gets a line per change of kind, not per check. */
  private static Set<String> summary(List<String> problems) {
    Set<String> out = new TreeSet<>();
    for (String p : problems) {
      out.add(p.replaceAll("[0-9]+ (records|s\\b|stream-thread)", "# $1"));
    }
    return out;
  }

  // ---- restoration is not a stall ----

  @Override
  public synchronized void onRestoreStart(TopicPartition changelog, String store, long start, long end) {
    restoring.add(changelog);
  }

  @Override
  public void onBatchRestored(TopicPartition changelog, String store, long batchEnd, long restored) {}

  @Override
  public synchronized void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
    restoring.remove(changelog);
  }

  @Override
  public synchronized void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
    restoring.remove(changelog);
  }
}
