package io.painguard.serde;

import java.time.Duration;

/**
 * How long one registry call may keep retrying transient failures, and the pauses between rounds
 * (each round tries every URL once). The pause starts at {@code initialBackoff} and doubles up to
 * {@code maxBackoff}; the whole call gives up once {@code maxElapsed} has passed.
 */
public record RetryPolicy(Duration maxElapsed, Duration initialBackoff, Duration maxBackoff) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(
      Duration.ofMillis(AvroSerdeConfig.DEFAULT_RETRY_MAX_MS),
      Duration.ofMillis(AvroSerdeConfig.DEFAULT_RETRY_BACKOFF_MS),
      Duration.ofMillis(AvroSerdeConfig.DEFAULT_RETRY_BACKOFF_MAX_MS));

  /** The pause after {@code previous}, doubled and capped. */
  Duration next(Duration previous) {
    Duration doubled = previous.multipliedBy(2);
    return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
  }
}
