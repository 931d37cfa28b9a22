package io.painguard.simulator.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a load run did.
 *
 * @param athletes population size
 * @param profiles profiles sent before the timed phase
 * @param sent records sent in the timed phase (activity samples and pain reports)
 * @param painReports of which pain reports
 * @param acknowledged records acknowledged by the broker (profiles included)
 * @param failed records that failed (profiles included)
 * @param failuresByCause failures by exception class
 * @param firstFailure the first failure's class and message, or null
 * @param elapsed wall time of the timed phase (to the last send, before the final flush)
 * @param achievedRate sent / elapsed
 * @param targetRate the target, 0 for as fast as possible
 * @param writtenOff sends the rate schedule gave up on because the producer fell behind
 * @param eventTimeReached event time of the last round started
 */
public record LoadReport(
    int athletes,
    long profiles,
    long sent,
    long painReports,
    long acknowledged,
    long failed,
    Map<String, Long> failuresByCause,
    String firstFailure,
    Duration elapsed,
    double achievedRate,
    double targetRate,
    long writtenOff,
    Instant eventTimeReached) {

  /** A few lines for a terminal. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(
        "load summary: %,d athletes, %,d profiles, %,d records sent (%,d pain reports) in %.1fs = %,.0f/s",
        athletes, profiles, sent, painReports, elapsed.toMillis() / 1000.0, achievedRate));
    if (targetRate > 0) {
      sb.append(String.format(" (target %,.0f/s, %.1f%%)", targetRate, 100.0 * achievedRate / targetRate));
    } else {
      sb.append(" (as fast as possible)");
    }
    sb.append(String.format("%nacknowledged %,d, failed %,d", acknowledged, failed));
    if (failed > 0) {
      sb.append(" ").append(failuresByCause).append("; first: ").append(firstFailure);
    }
    if (writtenOff > 0) {
      sb.append(String.format("%nthe producer fell behind: %,d scheduled sends were skipped", writtenOff));
    }
    return sb.toString();
  }
}
