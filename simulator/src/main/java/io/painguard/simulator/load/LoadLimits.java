package io.painguard.simulator.load;

import java.time.Duration;

/**
 * How fast and how long a load run goes.
 *
 * @param ratePerSecond target records per second, 0 for as fast as possible
 * @param duration how long to send (wall clock), or null for no time limit
 * @param maxEvents how many records to send, 0 for no count limit
 */
public record LoadLimits(double ratePerSecond, Duration duration, long maxEvents) {

  public LoadLimits {
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be 0 (as fast as possible) or positive, was " + ratePerSecond);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("duration must be longer than zero");
    }
    if (maxEvents < 0) {
      throw new IllegalArgumentException("events must not be negative");
    }
  }

  public boolean unbounded() {
    return duration == null && maxEvents == 0;
  }
}
