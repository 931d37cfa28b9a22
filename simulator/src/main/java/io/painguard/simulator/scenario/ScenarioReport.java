package io.painguard.simulator.scenario;

import io.painguard.simulator.InputTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a scenario run sent.
 *
 * @param scenario the scenario's name
 * @param passes passes completed (or started, when stopped early)
 * @param sentByTopic good records sent per topic
 * @param malformed deliberately malformed records sent
 * @param late records delivered after their scripted event time (deliberately late)
 * @param acknowledged records the broker acknowledged
 * @param failed records that failed
 * @param failuresByCause failures by exception class
 * @param firstFailure the first failure's class and message, or null
 * @param elapsed wall time
 * @param firstEventTime event time of the first pass's start
 * @param lastEventTime latest event time of the good records sent
 */
public record ScenarioReport(
    String scenario,
    int passes,
    Map<InputTopic, Long> sentByTopic,
    long malformed,
    long late,
    long acknowledged,
    long failed,
    Map<String, Long> failuresByCause,
    String firstFailure,
    Duration elapsed,
    Instant firstEventTime,
    Instant lastEventTime) {

  public long sent() {
    return sentByTopic.values().stream().mapToLong(Long::longValue).sum() + malformed;
  }

  /** A few lines for a terminal. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(
        "scenario %s: %d pass(es), %,d records sent in %.1fs -- %,d activity samples, %,d pain reports, %,d profiles, %,d malformed, %,d delivered late",
        scenario, passes, sent(), elapsed.toMillis() / 1000.0,
        sentByTopic.getOrDefault(InputTopic.ACTIVITY, 0L),
        sentByTopic.getOrDefault(InputTopic.PAIN, 0L),
        sentByTopic.getOrDefault(InputTopic.PROFILE, 0L),
        malformed, late));
    sb.append(String.format("%nevent time %s .. %s", firstEventTime, lastEventTime));
    sb.append(String.format("%nacknowledged %,d, failed %,d", acknowledged, failed));
    if (failed > 0) {
      sb.append(" ").append(failuresByCause).append("; first: ").append(firstFailure);
    }
    return sb.toString();
  }
}
