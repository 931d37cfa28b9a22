package io.painguard.bench.latency;

import io.painguard.bench.result.Latency;
import io.painguard.bench.result.Percentiles;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.kafka.KafkaRecordSink;
import io.painguard.simulator.load.GeneratedRecord;
import io.painguard.simulator.load.LoadGenerator;
import io.painguard.simulator.load.RateSchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends at a fixed rate -- the load's own stream, continued where the pre-load stopped, with probe
 * episodes ({@link ProbeScript}) mixed in -- while an {@link AlertReader} notes when each probe's
 * alert becomes readable.
 *
 * <p>Probes run in lanes. A lane sends a probe athlete's profile and pain report, then, from
 * {@link #PAIN_LEAD} later, {@link #LANE_RATE} samples per second (a second of event time each)
 * until {@link #SAMPLES_PER_PROBE}, and then starts the next probe athlete. The lanes' starts are
 * spread evenly over one episode, so alerts come one by one through the phase rather than all in
 * the same instant -- one burst would be one measurement, however many alerts it held. Probe
 * event time starts at the load's current event time, so the app's per-task event clock is not
 * thrown forward by the probes.
 */
public final class LatencyDriver {

  /** Samples per probe episode: the alert comes at about 60; the rest is margin. */
  static final int SAMPLES_PER_PROBE = 75;
  /** Wall time between a probe's pain report and its first sample. */
  static final Duration PAIN_LEAD = Duration.ofMillis(300);
  /** Samples per second each lane sends: an episode takes about 6 s of wall time to alert. */
  static final double LANE_RATE = 10;
  /** Wall time of one episode, pain lead included. */
  static final long EPISODE_NANOS = PAIN_LEAD.toNanos() + (long) (SAMPLES_PER_PROBE / LANE_RATE * 1e9);
  static final long SAMPLE_INTERVAL_NANOS = (long) (1e9 / LANE_RATE);
  /** How long to wait for alerts of the episodes under way when sending stops. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private final KafkaRecordSink sink;
  private final LoadGenerator load;
  private final Consumer<String> progress;
  private final int window;
  private final Map<String, Probe> probes = new ConcurrentHashMap<>();

  /** @param window number of this latency window in the run (its probe athletes' ids carry it) */
  public LatencyDriver(KafkaRecordSink sink, LoadGenerator load, Consumer<String> progress, int window) {
    this.sink = sink;
    this.load = load;
    this.progress = progress;
    this.window = window;
  }

  /**
   * Runs the phase.
   *
   * @param rate offered records per second (load plus probes)
   * @param probeShare share of the rate spent on probe samples (0 < share < 1)
   */
  public Latency run(
      Map<String, Object> clientProperties, String registryUrl, String alertTopic,
      double rate, Duration duration, double probeShare) throws InterruptedException {
    int lanes = Math.max(1, (int) Math.round(rate * probeShare / LANE_RATE));
    long firstStart = System.nanoTime();
    Lane[] lane = new Lane[lanes];
    for (int i = 0; i < lanes; i++) {
      lane[i] = new Lane(i, firstStart + i * (EPISODE_NANOS / lanes));
    }
    long sent = 0;
    long probeSends = 0;
    double probeCredit = 0;
    int nextLane = 0;
    try (AlertReader reader = new AlertReader(clientProperties, registryUrl, alertTopic, probes)) {
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      long nextReport = start + 5_000_000_000L;
      RateSchedule schedule = RateSchedule.perSecond(rate, start);
      long now;
      while ((now = System.nanoTime()) - end < 0) {
        long permits = Math.min(schedule.permits(now, sent), 1_000);
        if (permits == 0) {
          LockSupport.parkNanos(Math.min(schedule.nanosUntilDue(now, sent), 1_000_000));
          continue;
        }
        for (long p = 0; p < permits; p++) {
          probeCredit += probeShare;
          int probeRecords = 0;
          if (probeCredit >= 1) {
            // Round-robin over the lanes; a lane still waiting for its pain lead is skipped.
            for (int tries = 0; tries < lanes && probeRecords == 0; tries++) {
              probeRecords = lane[nextLane].sendNext(now);
              nextLane = (nextLane + 1) % lanes;
            }
            if (probeRecords > 0) {
              probeCredit -= probeRecords;
              probeSends += probeRecords;
              sent += probeRecords;
            } else {
              // No lane was due: the load takes the slot, and no credit piles up into a burst.
              probeCredit = Math.min(probeCredit, 1);
            }
          }
          if (probeRecords == 0) {
            GeneratedRecord r = load.next();
            sink.send(r.topic(), r.key(), r.value(), null);
            sent++;
          }
        }
        reader.checkHealthy();
        if (now - nextReport >= 0) {
          progress.accept(String.format("latency: %,d records sent, %d probe alerts so far",
              sent, probes.values().stream().filter(Probe::alerted).count()));
          nextReport = now + 5_000_000_000L;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      sink.flush();
      awaitAlerts(reader);
      return result(rate, sent / seconds, seconds, sent == 0 ? 0 : (double) probeSends / sent, reader.otherAlerts());
    }
  }

  private void awaitAlerts(AlertReader reader) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (System.nanoTime() < deadline) {
      reader.checkHealthy();
      boolean waiting = probes.values().stream().anyMatch(p -> !p.alerted() && p.samplesSent >= SAMPLES_PER_PROBE - 10);
      if (!waiting) {
        return;
      }
      Thread.sleep(50);
    }
  }

  private Latency result(double offered, double achieved, double seconds, double probeShare, long otherAlerts) {
    List<Long> latencies = new ArrayList<>();
    List<Integer> triggers = new ArrayList<>();
    int missing = 0;
    for (Probe p : probes.values()) {
      long latency = p.latencyNanos();
      if (latency >= 0) {
        latencies.add(latency);
        triggers.add(p.triggerSample());
      } else if (p.samplesSent >= SAMPLES_PER_PROBE) {
        missing++;
      }
    }
    long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
    int[] sortedTriggers = triggers.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(sortedTriggers);
    return new Latency(
        offered,
        achieved,
        seconds,
        probeShare,
        probes.size(),
        nanos.length,
        missing,
        sortedTriggers.length == 0 ? 0 : sortedTriggers[sortedTriggers.length / 2],
        otherAlerts,
        Percentiles.ofNanos(nanos));
  }

  /** One sequence of probe athletes. */
  private final class Lane {
    private final int index;
    private final long firstStartAt;
    private int generation;
    private Probe current;
    private int nextSample;
    private long firstSampleAt;

    Lane(int index, long firstStartAt) {
      this.index = index;
      this.firstStartAt = firstStartAt;
    }

    /** Sends this lane's next probe records if due and says how many; 0 while none is due. */
    int sendNext(long now) {
      if (current == null || nextSample > SAMPLES_PER_PROBE) {
        if (now - firstStartAt < 0) {
          return 0;
        }
        startProbe(now);
        return 2;
      }
      if (now - (firstSampleAt + (nextSample - 1) * SAMPLE_INTERVAL_NANOS) < 0) {
        return 0;
      }
      String id = current.athleteId;
      long sentAt = System.nanoTime();
      sink.send(InputTopic.ACTIVITY, id, ProbeScript.sample(id, current.t0, nextSample), null);
      current.sent(ProbeScript.sampleTime(current.t0, nextSample), sentAt);
      nextSample++;
      return 1;
    }

    private void startProbe(long now) {
      String id = ProbeScript.athleteId(window, index, generation++);
      // The load's current event time: probes live in the same stretch of event time.
      long t0 = load.start().plusSeconds(load.round()).toEpochMilli();
      current = new Probe(id, t0);
      probes.put(id, current);
      sink.send(InputTopic.PROFILE, id, ProbeScript.profile(id, t0), null);
      sink.send(InputTopic.PAIN, id, ProbeScript.pain(id, t0), null);
      nextSample = 1;
      firstSampleAt = now + PAIN_LEAD.toNanos();
    }
  }
}
