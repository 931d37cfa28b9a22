package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.ActivityType;
import java.nio.ByteBuffer;

/**
 * Where the athlete's own records have got to, part of {@link AthleteState}: the clock (the newest
 * event time applied), the last stream-time tick, and what the newest sample says -- its activity,
 * heart rate and intensity for the status view and the heart-rate precedence, and when a heart rate
 * was last measured and the athlete last moved. The per-second history itself is {@link
 * ExertionWindow}'s, stored right after this part.
 *
 * <p>Stored as: clock, tickedAt, lastSampleAt (longs), activity code and heart rate (one unsigned
 * byte each), %HRR (short; {@link Short#MIN_VALUE} for none), lastHeartRateAt, lastNonRestAt.
 */
final class NewestSample {

  private long clock = NONE;
  private long tickedAt = NONE;
  private long lastSampleAt = NONE;
  private int lastActivity;
  private int lastHeartRateBpm;
  private int lastIntensityHrrPct = Integer.MIN_VALUE;
  private long lastHeartRateAt = NONE;
  private long lastNonRestAt = NONE;

  /** Nothing seen yet. */
  NewestSample() {}

  /** As a stored state held it; the arguments are in the stored order. */
  NewestSample(
      long clock,
      long tickedAt,
      long lastSampleAt,
      int lastActivity,
      int lastHeartRateBpm,
      int lastIntensityHrrPct,
      long lastHeartRateAt,
      long lastNonRestAt) {
    this.clock = clock;
    this.tickedAt = tickedAt;
    this.lastSampleAt = lastSampleAt;
    this.lastActivity = lastActivity;
    this.lastHeartRateBpm = lastHeartRateBpm;
    this.lastIntensityHrrPct = lastIntensityHrrPct;
    this.lastHeartRateAt = lastHeartRateAt;
    this.lastNonRestAt = lastNonRestAt;
  }

  long clock() {
    return clock;
  }

  long tickedAt() {
    return tickedAt;
  }

  long lastSampleAt() {
    return lastSampleAt;
  }

  ActivityType lastActivity() {
    return StateCodes.ACTIVITY.of(lastActivity);
  }

  /** The newest measured heart rate, null when the newest sample that counts had none. */
  Integer lastHeartRateBpm() {
    return lastHeartRateBpm == 0 ? null : lastHeartRateBpm;
  }

  /** %HRR of the newest sample that counts for intensity, null before any. */
  Integer lastIntensityHrrPct() {
    return lastIntensityHrrPct == Integer.MIN_VALUE ? null : lastIntensityHrrPct;
  }

  long lastNonRestAt() {
    return lastNonRestAt;
  }

  long lastHeartRateAt() {
    return lastHeartRateAt;
  }

  /** What the newest sample says, for the status view and the heart-rate precedence. */
  void recordNewestSample(long at, int activityCode, boolean countsForIntensity, int heartRateBpm, int intensityHrrPct) {
    if (at < lastSampleAt) {
      return;
    }
    lastSampleAt = at;
    lastActivity = activityCode;
    if (countsForIntensity) {
      lastHeartRateBpm = heartRateBpm;
      lastIntensityHrrPct = intensityHrrPct;
    }
  }

  void recordHeartRateAt(long at) {
    lastHeartRateAt = Math.max(lastHeartRateAt, at);
  }

  void recordNonRestAt(long at) {
    lastNonRestAt = Math.max(lastNonRestAt, at);
  }

  /** The athlete's records have been applied up to event time {@code t}. */
  void advanceClock(long t) {
    clock = Math.max(clock, t);
  }

  /** A stream-time tick ran at {@code t}. */
  void markTicked(long t) {
    tickedAt = t;
  }

  int encodedSize() {
    return 8 + 8 + 8 + 1 + 1 + 2 + 8 + 8;
  }

  void writeTo(ByteBuffer out) {
    out.putLong(clock).putLong(tickedAt).putLong(lastSampleAt);
    out.put((byte) lastActivity).put((byte) lastHeartRateBpm);
    out.putShort(lastIntensityHrrPct == Integer.MIN_VALUE ? Short.MIN_VALUE : (short) lastIntensityHrrPct);
    out.putLong(lastHeartRateAt).putLong(lastNonRestAt);
  }

  static NewestSample readFrom(ByteBuffer in) {
    NewestSample n = new NewestSample();
    n.clock = in.getLong();
    n.tickedAt = in.getLong();
    n.lastSampleAt = in.getLong();
    n.lastActivity = in.get() & 0xFF;
    n.lastHeartRateBpm = in.get() & 0xFF;
    short pct = in.getShort();
    n.lastIntensityHrrPct = pct == Short.MIN_VALUE ? Integer.MIN_VALUE : pct;
    n.lastHeartRateAt = in.getLong();
    n.lastNonRestAt = in.getLong();
    return n;
  }
}
