package io.painguard.bench.jmh;

import io.painguard.events.ActivityEvent;
import io.painguard.events.PainReport;
import io.painguard.rules.AthleteGuard;
import io.painguard.rules.AthleteSignal;
import io.painguard.rules.AthleteState;
import io.painguard.rules.GuidanceSettings;
import io.painguard.simulator.load.GeneratedRecord;
import io.painguard.simulator.load.LoadGenerator;
import io.painguard.simulator.load.LoadSettings;
import io.painguard.events.AthleteProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's load as the benchmarks' input: athletes with the load's mix of pain episodes,
 * profiles and devices, warmed up for a few minutes of event time so that their states hold full
 * windows, then a stretch of records to measure with. The stretch is replayed in later "epochs":
 * each pass shifts the records' event times forward by the stretch's length, so the athletes'
 * clocks only ever move forward, as in production.
 */
final class LoadFixture {

  static final Instant START = Instant.parse("2025-01-06T08:00:00Z");

  final AthleteGuard guard;
  final AthleteState[] states;
  final AthleteSignal[] signals;
  final int[] athleteOf;
  private final long[] baseTime;
  private final long shiftMillis;
  private int cursor;
  private long epoch;

  /**
   * @param athletes population
   * @param warmupSeconds event time processed before measuring
   * @param measuredSeconds event time of the replayed stretch
   */
  LoadFixture(int athletes, int warmupSeconds, int measuredSeconds, long seed) {
    this.guard = new AthleteGuard(GuidanceSettings.defaults());
    LoadGenerator load = new LoadGenerator(LoadSettings.of(athletes, seed, START));
    Map<String, Integer> index = new HashMap<>();
    states = new AthleteState[athletes];
    for (int i = 0; i < athletes; i++) {
      index.put(load.athleteId(i), i);
      states[i] = guard.newState();
    }
    load.forEachProfile(r -> guard.on(states[index.get(r.key())], new AthleteSignal.Profile((AthleteProfile) r.value())));
    while (load.round() < warmupSeconds) {
      GeneratedRecord r = load.next();
      guard.on(states[index.get(r.key())], signal(r));
    }
    List<GeneratedRecord> measured = new ArrayList<>();
    while (load.round() < warmupSeconds + measuredSeconds) {
      measured.add(load.next());
    }
    int n = measured.size();
    signals = new AthleteSignal[n];
    athleteOf = new int[n];
    baseTime = new long[n];
    for (int i = 0; i < n; i++) {
      GeneratedRecord r = measured.get(i);
      signals[i] = signal(r);
      athleteOf[i] = index.get(r.key());
      baseTime[i] = timeOf(signals[i]);
    }
    shiftMillis = measuredSeconds * 1000L;
  }

  /** The next record to process, its event time moved into the current epoch. */
  int next() {
    int i = cursor;
    if (++cursor == signals.length) {
      cursor = 0;
      epoch++;
    }
    long t = baseTime[i] + epoch * shiftMillis;
    AthleteSignal s = signals[i];
    if (s instanceof AthleteSignal.Activity a) {
      a.event().setTimestamp(Instant.ofEpochMilli(t));
    } else if (s instanceof AthleteSignal.Pain p) {
      p.report().setTimestamp(Instant.ofEpochMilli(t));
    }
    return i;
  }

  /** A sample of activity events of the load (for the serde benchmarks). */
  static List<ActivityEvent> activityEvents(int count, long seed) {
    LoadGenerator load = new LoadGenerator(LoadSettings.of(Math.max(1, count / 4), seed, START));
    List<ActivityEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(load.nextActivityEvent());
    }
    return events;
  }

  static AthleteSignal signal(GeneratedRecord r) {
    if (r.value() instanceof ActivityEvent e) {
      return new AthleteSignal.Activity(e);
    } else if (r.value() instanceof PainReport p) {
      return new AthleteSignal.Pain(p);
    }
    return new AthleteSignal.Profile((AthleteProfile) r.value());
  }

  private static long timeOf(AthleteSignal s) {
    if (s instanceof AthleteSignal.Activity a) {
      return a.event().getTimestamp().toEpochMilli();
    } else if (s instanceof AthleteSignal.Pain p) {
      return p.report().getTimestamp().toEpochMilli();
    }
    return 0;
  }
}
