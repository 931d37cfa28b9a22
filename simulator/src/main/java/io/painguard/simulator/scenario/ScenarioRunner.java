package io.painguard.simulator.scenario;

import io.painguard.simulator.InputTopic;
import io.painguard.simulator.RecordSink;
import io.painguard.simulator.SendStats;
import io.painguard.simulator.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Delivers a scenario's records to a {@link RecordSink}, paced by its time mode: records due at
 * the same moment go out together, and the runner naps until the next moment. Looping passes
 * continue event time where the previous pass ended.
 */
public final class ScenarioRunner {

  /** Longest nap, so stop requests and progress lines are not held up. */
  static final long MAX_NAP_NANOS = 200_000_000;

  /** Gap of event time between the last record of a pass and the next pass. */
  static final long PASS_GAP_MILLIS = 1_000;

  private final RecordSink sink;
  private final ScenarioPlanner planner;
  private Ticker ticker = Ticker.SYSTEM;
  private Clock clock = Clock.systemUTC();
  private Consumer<String> progress = line -> {};
  private Duration progressInterval = Duration.ofSeconds(2);

  public ScenarioRunner(RecordSink sink, ScenarioPlanner planner) {
    this.sink = sink;
    this.planner = planner;
  }

  public ScenarioRunner(RecordSink sink) {
    this(sink, new ScenarioPlanner());
  }

  /** Replaces the pacing clock (tests). */
  public ScenarioRunner withTicker(Ticker newTicker) {
    this.ticker = newTicker;
    return this;
  }

  /** Replaces the clock that resolves "now" for the start time (tests). */
  public ScenarioRunner withClock(Clock newClock) {
    this.clock = newClock;
    return this;
  }

  /** Receives a progress line every {@code interval} while sending. */
  public ScenarioRunner withProgress(Consumer<String> listener, Duration interval) {
    this.progress = listener;
    this.progressInterval = interval;
    return this;
  }

  /** Runs the scenario: one pass, or passes until stopped (or {@code maxPasses}) when looping. */
  public ScenarioReport run(Scenario scenario, RunOptions options, BooleanSupplier stopRequested) {
    long runStart = ticker.nanoTime();
    Instant firstStart = options.start().resolve(clock.instant()).truncatedTo(ChronoUnit.MILLIS);
    Instant passStart = firstStart;
    Map<InputTopic, Long> sent = new EnumMap<>(InputTopic.class);
    long malformed = 0;
    long late = 0;
    long sentTotal = 0;
    long lastEventTime = firstStart.toEpochMilli();
    long nextProgress = runStart + progressInterval.toNanos();
    int passes = 0;
    double nanosPerMilli = options.wallNanosPerEventMilli();
    boolean stopped = false;
    while (!stopped) {
      ScenarioPlan plan = planner.plan(scenario, passStart, passes);
      passes++;
      long passWallStart = ticker.nanoTime();
      for (PlannedRecord record : plan.records()) {
        long due = passWallStart + (long) (record.deliverOffsetMillis() * nanosPerMilli);
        while (true) {
          long now = ticker.nanoTime();
          if (stopRequested.getAsBoolean()) {
            stopped = true;
            break;
          }
          if (now - nextProgress >= 0) {
            progress.accept(progressLine(scenario, passes, sentTotal, plan.start().plusMillis(record.deliverOffsetMillis())));
            nextProgress = now + progressInterval.toNanos();
          }
          if (due - now <= 0) {
            break;
          }
          ticker.sleepNanos(Math.min(due - now, MAX_NAP_NANOS));
        }
        if (stopped) {
          break;
        }
        sink.send(record.topic(), record.key(), record.value(), record.malformation());
        sentTotal++;
        if (record.malformation() != null) {
          malformed++;
        } else {
          sent.merge(record.topic(), 1L, Long::sum);
        }
        if (record.isLate(plan.start().toEpochMilli())) {
          late++;
        }
        if (record.malformation() == null) {
          lastEventTime = Math.max(lastEventTime, record.eventTimeMillis());
        }
      }
      boolean more = options.loop() && (options.maxPasses() == 0 || passes < options.maxPasses());
      if (!more) {
        break;
      }
      long passLength = Math.max(scenario.eventSpan().toMillis(), plan.lastDeliverOffsetMillis()) + PASS_GAP_MILLIS;
      // Wait out the rest of the pass so the next one starts on schedule.
      long passEnd = passWallStart + (long) (passLength * nanosPerMilli);
      while (!stopped && passEnd - ticker.nanoTime() > 0) {
        if (stopRequested.getAsBoolean()) {
          stopped = true;
        } else {
          ticker.sleepNanos(Math.min(passEnd - ticker.nanoTime(), MAX_NAP_NANOS));
        }
      }
      passStart = passStart.plusMillis(passLength);
    }
    long elapsed = ticker.nanoTime() - runStart;
    sink.flush();
    SendStats stats = sink.stats();
    return new ScenarioReport(
        scenario.name(),
        passes,
        sent,
        malformed,
        late,
        stats.acknowledgedCount(),
        stats.failedCount(),
        stats.failuresByCause(),
        stats.firstFailure(),
        Duration.ofNanos(Math.max(0, elapsed)),
        firstStart,
        Instant.ofEpochMilli(lastEventTime));
  }

  private String progressLine(Scenario scenario, int pass, long sent, Instant eventTime) {
    SendStats stats = sink.stats();
    return String.format(
        "scenario %s: pass %d, event time %s, sent %,d, acked %,d, failed %,d",
        scenario.name(), pass, eventTime, sent, stats.acknowledgedCount(), stats.failedCount());
  }
}
