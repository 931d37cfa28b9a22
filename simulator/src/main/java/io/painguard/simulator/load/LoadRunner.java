package io.painguard.simulator.load;

import io.painguard.events.PainReport;
import io.painguard.simulator.RecordSink;
import io.painguard.simulator.SendStats;
import io.painguard.simulator.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sends a {@link LoadGenerator}'s records to a {@link RecordSink} at a target rate (or as fast as
 * the sink takes them) for a duration or a count. Rate control follows a {@link RateSchedule}
 * and sends whatever is due in one burst, so there is no sleep per record.
 */
public final class LoadRunner {

  /** Most records sent between two clock readings. */
  static final int MAX_BURST = 1_000;

  /** Longest nap while waiting for the next due send, so stop requests are seen quickly. */
  static final long MAX_NAP_NANOS = 5_000_000;

  private final LoadGenerator generator;
  private final RecordSink sink;
  private Ticker ticker = Ticker.SYSTEM;
  private Consumer<LoadProgress> progress = p -> {};
  private Duration progressInterval = Duration.ofSeconds(2);
  private long profilesSent;

  public LoadRunner(LoadGenerator generator, RecordSink sink) {
    this.generator = generator;
    this.sink = sink;
  }

  /** Replaces the wall clock (tests). */
  public LoadRunner withTicker(Ticker newTicker) {
    this.ticker = newTicker;
    return this;
  }

  /** Receives a snapshot every {@code interval} while sending. */
  public LoadRunner withProgress(Consumer<LoadProgress> listener, Duration interval) {
    this.progress = listener;
    this.progressInterval = interval;
    return this;
  }

  /** Sends every published profile (not rate limited, not counted as load) and returns how many. */
  public long sendProfiles() {
    long[] count = {0};
    generator.forEachProfile(r -> {
      sink.send(r.topic(), r.key(), r.value(), null);
      count[0]++;
    });
    profilesSent += count[0];
    return count[0];
  }

  /**
   * Sends until the limits are reached or {@code stopRequested} says so, then flushes.
   *
   * @return what was sent, acknowledged and failed, and the achieved rate
   */
  public LoadReport run(LoadLimits limits, BooleanSupplier stopRequested) {
    long start = ticker.nanoTime();
    RateSchedule schedule = limits.ratePerSecond() > 0 ? RateSchedule.withDefaultBacklog(limits.ratePerSecond(), start) : null;
    long deadline = limits.duration() == null ? Long.MAX_VALUE : start + limits.duration().toNanos();
    long sent = 0;
    long painReports = 0;
    long nextProgress = start + progressInterval.toNanos();
    long lastProgressAt = start;
    long lastProgressSent = 0;
    long now = start;
    while (true) {
      now = ticker.nanoTime();
      if (now - deadline >= 0 || (limits.maxEvents() > 0 && sent >= limits.maxEvents()) || stopRequested.getAsBoolean()) {
        break;
      }
      if (now - nextProgress >= 0) {
        progress.accept(snapshot(now - start, sent, now - lastProgressAt, sent - lastProgressSent));
        lastProgressAt = now;
        lastProgressSent = sent;
        nextProgress = now + progressInterval.toNanos();
      }
      long burst = MAX_BURST;
      if (schedule != null) {
        long permits = schedule.permits(now, sent);
        if (permits == 0) {
          long wait = Math.min(schedule.nanosUntilDue(now, sent), MAX_NAP_NANOS);
          ticker.sleepNanos(Math.min(wait, Math.max(0, deadline - now)));
          continue;
        }
        burst = Math.min(burst, permits);
      }
      if (limits.maxEvents() > 0) {
        burst = Math.min(burst, limits.maxEvents() - sent);
      }
      for (long b = 0; b < burst; b++) {
        GeneratedRecord r = generator.next();
        sink.send(r.topic(), r.key(), r.value(), null);
        if (r.value() instanceof PainReport) {
          painReports++;
        }
      }
      sent += burst;
    }
    long elapsedNanos = Math.max(1, now - start);
    sink.flush();
    SendStats stats = sink.stats();
    double achieved = sent * 1e9 / elapsedNanos;
    return new LoadReport(
        generator.athleteCount(),
        profilesSent,
        sent,
        painReports,
        stats.acknowledgedCount(),
        stats.failedCount(),
        stats.failuresByCause(),
        stats.firstFailure(),
        Duration.ofNanos(elapsedNanos),
        achieved,
        limits.ratePerSecond(),
        schedule == null ? 0 : schedule.writtenOff(),
        generator.start().plusSeconds(generator.round()));
  }

  private LoadProgress snapshot(long elapsedNanos, long sent, long intervalNanos, long intervalSent) {
    SendStats stats = sink.stats();
    return new LoadProgress(
        Duration.ofNanos(elapsedNanos),
        sent,
        stats.acknowledgedCount(),
        stats.failedCount(),
        intervalNanos > 0 ? intervalSent * 1e9 / intervalNanos : 0,
        elapsedNanos > 0 ? sent * 1e9 / elapsedNanos : 0);
  }

  /** Event time the generator has reached. */
  public Instant eventTime() {
    return generator.start().plusSeconds(generator.round());
  }
}
