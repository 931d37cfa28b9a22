package io.painguard.bench.latency;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One probe athlete's episode as sent: when (wall clock, nanoTime) each sample of which event time
 * left the bench, and when its first alert became readable.
 */
final class Probe {

  final String athleteId;
  final long t0;
  private final ConcurrentSkipListMap<Long, Long> sendNanosByEventTime = new ConcurrentSkipListMap<>();
  volatile int samplesSent;
  volatile long alertNanos;
  volatile long alertEventTime;

  Probe(String athleteId, long t0) {
    this.athleteId = athleteId;
    this.t0 = t0;
  }

  void sent(long eventTime, long nanos) {
    sendNanosByEventTime.put(eventTime, nanos);
    samplesSent++;
  }

  boolean alerted() {
    return alertNanos != 0;
  }

  /**
   * Send-to-readable time of the alert: from the send of the newest sample at or before the alert's
   * event time (the one that completed the evidence), or -1 when there is none.
   */
  long latencyNanos() {
    if (!alerted()) {
      return -1;
    }
    Map.Entry<Long, Long> trigger = sendNanosByEventTime.floorEntry(alertEventTime);
    return trigger == null ? -1 : alertNanos - trigger.getValue();
  }

  /** Which sample (1-based) completed the evidence, or -1. */
  int triggerSample() {
    return alerted() ? (int) ((alertEventTime - t0) / 1_000) : -1;
  }
}
