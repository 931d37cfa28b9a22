package io.painguard.serde;

import java.time.Duration;
import java.util.Map;

/**
 * How often one registry call is retried after a transient failure, and the waits between rounds
 * (each round tries every URL once): Confluent's {@code max.retries}, {@code retries.wait.ms} and
 * {@code retries.max.wait.ms}. The wait starts at {@code initialWait} and doubles up to {@code
 * maxWait} (Confluent draws a random wait up to that bound; a fixed one makes a log line's "failed
 * 4 times in 7012 ms" something one can check against the settings).
 *
 * @param maxRetries rounds after the first; 0 = one try per URL
 * @param timeBudget when not null, no round starts once it has passed since the call began (the
 *     deprecated {@code schema.registry.retry.max.ms}, and the start-up checks, which must answer
 *     within their own timeout)
 */
public record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait, Duration timeBudget) {

  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final long DEFAULT_RETRIES_WAIT_MS = 1_000;
  public static final long DEFAULT_RETRIES_MAX_WAIT_MS = 20_000;

  /** Confluent's defaults: three retries after 1, 2 and 4 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_MAX_RETRIES,
      Duration.ofMillis(DEFAULT_RETRIES_WAIT_MS), Duration.ofMillis(DEFAULT_RETRIES_MAX_WAIT_MS), null);

  /** Reads the keys from a config whose deprecated keys {@link DeprecatedKeys} resolved. */
  static RetryPolicy from(Map<String, ?> configs) {
    long budget = ConfigValues.number(configs, AvroSerdeConfig.RETRY_MAX_MS, -1, 0, Long.MAX_VALUE);
    // The deprecated budget alone keeps its old meaning: retry for that long, however often.
    int fallbackRetries = budget >= 0 ? Integer.MAX_VALUE : DEFAULT_MAX_RETRIES;
    int retries = (int) ConfigValues.number(configs, AvroSerdeConfig.MAX_RETRIES, fallbackRetries, 0,
        Integer.MAX_VALUE);
    Duration initial = Duration.ofMillis(ConfigValues.number(configs,
        AvroSerdeConfig.RETRIES_WAIT_MS, DEFAULT_RETRIES_WAIT_MS, 0, Long.MAX_VALUE));
    Duration max = Duration.ofMillis(ConfigValues.number(configs,
        AvroSerdeConfig.RETRIES_MAX_WAIT_MS, DEFAULT_RETRIES_MAX_WAIT_MS, 0, Long.MAX_VALUE));
    return new RetryPolicy(retries, initial, max, budget >= 0 ? Duration.ofMillis(budget) : null);
  }

  /** The same waits, retrying as often as fits into {@code budget}. */
  public RetryPolicy withTimeBudget(Duration budget) {
    return new RetryPolicy(Integer.MAX_VALUE, initialWait, maxWait, budget);
  }

  /** Whether another round may start after {@code retriesDone} retries and {@code elapsed}. */
  boolean mayRetry(int retriesDone, Duration elapsed) {
    return retriesDone < maxRetries && (timeBudget == null || elapsed.compareTo(timeBudget) < 0);
  }

  /** The wait before retry number {@code retry} (1 = the first), capped by the time budget left. */
  Duration waitBefore(int retry, Duration elapsed) {
    int doublings = Math.min(Math.max(retry - 1, 0), 30);
    Duration wait = initialWait.multipliedBy(1L << doublings);
    if (wait.compareTo(maxWait) > 0) {
      wait = maxWait;
    }
    if (timeBudget != null) {
      Duration left = timeBudget.minus(elapsed);
      return left.compareTo(wait) < 0 ? (left.isNegative() ? Duration.ZERO : left) : wait;
    }
    return wait;
  }

  /** The settings as keys and values, for messages: {@code max.retries=3}. */
  String describe() {
    return timeBudget == null ? AvroSerdeConfig.MAX_RETRIES + "=" + maxRetries
        : maxRetries == Integer.MAX_VALUE ? "retry budget " + timeBudget.toMillis() + " ms"
            : AvroSerdeConfig.MAX_RETRIES + "=" + maxRetries + ", retry budget "
                + timeBudget.toMillis() + " ms";
  }
}
