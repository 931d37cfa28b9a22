package io.painguard.simulator.load;

import java.time.Duration;

/**
 * A progress snapshot of a load run.
 *
 * @param elapsed wall time since sending started
 * @param sent records handed to the producer (profiles not included)
 * @param acknowledged records the broker acknowledged (profiles included)
 * @param failed records that failed (profiles included)
 * @param currentRate records per second since the previous snapshot
 * @param averageRate records per second since the start
 */
public record LoadProgress(
    Duration elapsed, long sent, long acknowledged, long failed, double currentRate, double averageRate) {

  /** One line for a terminal. */
  public String line() {
    return String.format(
        "load: %6.1fs  sent %,d  acked %,d  failed %,d  rate %,.0f/s (avg %,.0f/s)",
        elapsed.toMillis() / 1000.0, sent, acknowledged, failed, currentRate, averageRate);
  }
}
