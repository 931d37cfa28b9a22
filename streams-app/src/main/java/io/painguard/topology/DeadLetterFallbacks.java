package io.painguard.topology;

import io.painguard.topology.DeadLetterStubs.Letter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of dead letters that cannot be written in full, shared by everything that writes or
 * watches them: the topology's dead-letter writer, the processing and production exception
 * handlers, and the runtime's stream-thread handler. Thread-safe.
 *
 * <p>Under exactly-once a failed write aborts the whole transaction, so the record is processed
 * again (after Kafka Streams replaces the stream thread). What failed is remembered here by the
 * record's source ({@code topic-partition@offset}), so the second attempt writes a {@link
 * DeadLetters.Stub#WRITE_FAILED} stub; if even that fails, or the broker refuses the topic
 * (authorization), the dead-letter topic is <em>unwritable</em>: from then on each dead letter is
 * counted and logged in one line, never written, until the app restarts. A record therefore costs
 * at most two stream-thread replacements, never a loop.
 */
public final class DeadLetterFallbacks {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterFallbacks.class);

  /** How many failed sources are remembered (oldest forgotten first); each is a short string. */
  static final int REMEMBERED = 10_000;

  private final Map<String, Boolean> failed =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private final AtomicReference<String> unwritable = new AtomicReference<>();
  private final Map<DeadLetters.Stub, LongAdder> stubs = new EnumMap<>(DeadLetters.Stub.class);
  private final Map<DeadLetters.Reason, LongAdder> skipped = new EnumMap<>(DeadLetters.Reason.class);

  public DeadLetterFallbacks() {
    for (DeadLetters.Stub stub : DeadLetters.Stub.values()) {
      stubs.put(stub, new LongAdder());
    }
    for (DeadLetters.Reason reason : DeadLetters.Reason.values()) {
      skipped.put(reason, new LongAdder());
    }
  }

  /**
   * The letter to write for a dead letter, or null when none can be: the DLQ is unwritable (the
   * letter is then counted and logged). A letter whose earlier write failed becomes its
   * WRITE_FAILED stub; one over {@code cap} bytes its TOO_LARGE stub.
   */
  public Letter prepare(Letter letter, int cap) {
    String source = DeadLetters.source(letter.headers());
    String why = unwritable.get();
    if (why != null) {
      DeadLetters.Reason reason = DeadLetters.reason(letter.headers());
      skipped.get(reason == null ? DeadLetters.Reason.PROCESSING_FAILED : reason).increment();
      LOG.warn("Dead letter of {} (athlete {}, {}) not written: {}; counted in painguard_dlq_skipped_total.",
          source, DeadLetters.athleteForLog(letter.key()), reason, why);
      return null;
    }
    Letter out = source != null && failedBefore(source)
        ? DeadLetterStubs.afterFailure(letter, cap)
        : DeadLetterStubs.bound(letter, cap);
    if (out != letter) {
      stubs.get(DeadLetters.Stub.valueOf(DeadLetters.header(out.headers(), DeadLetters.STUB))).increment();
    }
    return out;
  }

  /**
   * Writing the dead letter of {@code source} failed: its next attempt is a stub -- or, when this
   * was already a WRITE_FAILED stub, the DLQ is unwritable.
   *
   * @param because one clause for the log, never a payload
   */
  public void writeFailed(String source, boolean wasFailureStub, String because) {
    if (wasFailureStub || source == null) {
      unwritable("even a " + DeadLetterStubs.AFTER_FAILURE_BYTES + "-byte stub could not be written (" + because + ")");
      return;
    }
    synchronized (failed) {
      failed.put(source, Boolean.TRUE);
    }
  }

  /** True when a write of this source's dead letter failed before. */
  public boolean failedBefore(String source) {
    synchronized (failed) {
      return failed.containsKey(source);
    }
  }

  /** From now on dead letters are counted and logged, not written. Logged once. */
  public void unwritable(String because) {
    if (unwritable.compareAndSet(null, "the dead-letter topic is unwritable: " + because)) {
      LOG.error("The dead-letter topic is unwritable ({}); from now on dead letters are counted"
          + " (painguard_dlq_skipped_total) and logged, not written, until the app restarts.", because);
    }
  }

  public boolean writable() {
    return unwritable.get() == null;
  }

  public long stubs(DeadLetters.Stub why) {
    return stubs.get(why).sum();
  }

  public long skipped(DeadLetters.Reason reason) {
    return skipped.get(reason).sum();
  }
}
