package io.painguard.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of records handed to the producer, acknowledged by the broker and failed -- every failure
 * counted by cause, none silently lost. Thread-safe: producer callbacks run on the I/O thread.
 */
public final class SendStats {

  private final LongAdder attempted = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Map<String, AtomicLong> failuresByCause = new ConcurrentHashMap<>();
  private volatile String firstFailure;

  public void attempted() {
    attempted.increment();
  }

  public void acknowledged() {
    acknowledged.increment();
  }

  /** Counts a failed send; the cause's class and message are kept (they carry no record data). */
  public void failed(Throwable cause) {
    failed.increment();
    String kind = cause == null ? "unknown" : cause.getClass().getSimpleName();
    failuresByCause.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    if (firstFailure == null && cause != null) {
      firstFailure = kind + ": " + cause.getMessage();
    }
  }

  public long attemptedCount() {
    return attempted.sum();
  }

  public long acknowledgedCount() {
    return acknowledged.sum();
  }

  public long failedCount() {
    return failed.sum();
  }

  /** Sends neither acknowledged nor failed yet. */
  public long inFlight() {
    return attemptedCount() - acknowledgedCount() - failedCount();
  }

  /** Failure counts by exception class, sorted by name. */
  public Map<String, Long> failuresByCause() {
    Map<String, Long> copy = new TreeMap<>();
    failuresByCause.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** The first failure's class and message, or null. */
  public String firstFailure() {
    return firstFailure;
  }
}
