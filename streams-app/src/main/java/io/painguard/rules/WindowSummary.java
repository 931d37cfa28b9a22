package io.painguard.rules;

/**
 * The exertion measured over the detection window.
 *
 * @param windowSeconds length of the window
 * @param secondsAboveCeiling active seconds above the pain-level ceiling
 * @param activeSeconds seconds with a sample of anything but REST
 * @param avgHeartRateBpm average measured heart rate, null when none was measured
 * @param peakHeartRateBpm highest measured heart rate, null when none was measured
 * @param avgHeartRateReservePct average %HRR of the measured heart rates, null when none
 * @param avgAboveCeilingHrrPct average %HRR (measured or class-equivalent) of the seconds above the
 *     ceiling; 0 when there were none
 * @param lastAboveSecond the newest second above the ceiling, {@code Long.MIN_VALUE} if none
 * @param flexionRepetitions separate bends beyond the moderate range of motion
 * @param lastFlexionSecond the newest second of such a bend, {@code Long.MIN_VALUE} if none
 */
public record WindowSummary(
    int windowSeconds,
    int secondsAboveCeiling,
    int activeSeconds,
    Integer avgHeartRateBpm,
    Integer peakHeartRateBpm,
    Integer avgHeartRateReservePct,
    double avgAboveCeilingHrrPct,
    long lastAboveSecond,
    int flexionRepetitions,
    long lastFlexionSecond) {

  static WindowSummary empty(int windowSeconds) {
    return new WindowSummary(
        windowSeconds, 0, 0, null, null, null, 0, Long.MIN_VALUE, 0, Long.MIN_VALUE);
  }
}
