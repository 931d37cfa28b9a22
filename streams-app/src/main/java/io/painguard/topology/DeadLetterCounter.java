package io.painguard.topology;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts records sent to the dead-letter queue, by reason, for the runtime to publish as a metric.
 * Thread-safe. Under exactly-once a record whose transaction aborts and is retried is counted
 * again: the count is an operational signal, not an audit.
 */
public final class DeadLetterCounter {

  private final Map<DeadLetters.Reason, LongAdder> counts = new EnumMap<>(DeadLetters.Reason.class);
  private final ArrivalCounters arrivals = new ArrivalCounters();
  private final DeadLetterFallbacks fallbacks = new DeadLetterFallbacks();

  public DeadLetterCounter() {
    for (DeadLetters.Reason reason : DeadLetters.Reason.values()) {
      counts.put(reason, new LongAdder());
    }
  }

  public void increment(DeadLetters.Reason reason) {
    counts.get(reason).increment();
  }

  /** The athlete guard's own counters: late, beyond-lateness and clock-ahead records, unreadable states. */
  public ArrivalCounters arrivals() {
    return arrivals;
  }

  /** What becomes of dead letters that cannot be written in full: stubs, skips, an unwritable DLQ. */
  public DeadLetterFallbacks fallbacks() {
    return fallbacks;
  }

  public long count(DeadLetters.Reason reason) {
    return counts.get(reason).sum();
  }

  public long total() {
    long total = 0;
    for (LongAdder adder : counts.values()) {
      total += adder.sum();
    }
    return total;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("DeadLetterCounter{");
    counts.forEach((reason, n) -> out.append(reason).append('=').append(n.sum()).append(' '));
    return out.append("total=").append(total()).append('}').toString();
  }
}
