package io.painguard.systemtest.reliability;

import java.util.Map;

/**
 * The group and transaction timeouts a run's instances use. The figures of a failover depend on
 * them more than on anything else, so every figure names the profile it was measured with.
 */
enum Timeouts {

  /**
   * The app as shipped: Kafka's defaults (a dead member noticed after the 45 s session timeout,
   * its open transaction aborted by the next owner's producer fencing or after the 10 s
   * transaction timeout Kafka Streams sets under exactly-once, a warm-up for an instance whose
   * state lags by more than 10,000 records).
   */
  APP_DEFAULTS("app-defaults", Map.of()),

  /**
   * Tuned for fast failover: a dead member noticed in 6 s (the broker's minimum session timeout),
   * its transaction aborted after 5 s, and any instance counted as caught up, so a joining one
   * gets active tasks at once instead of warming up until a probing rebalance minutes later.
   */
  TUNED("tuned", Map.of(
      "kafka.session.timeout.ms", "6000",
      "kafka.heartbeat.interval.ms", "1500",
      "kafka.transaction.timeout.ms", "5000",
      "kafka.acceptable.recovery.lag", "1000000"));

  private final String label;
  private final Map<String, String> overrides;

  Timeouts(String label, Map<String, String> overrides) {
    this.label = label;
    this.overrides = overrides;
  }

  /** The label figures carry: {@code tuned} or {@code app-defaults}. */
  String label() {
    return label;
  }

  /** {@code settings} with this profile's overrides put in. */
  Map<String, String> applyTo(Map<String, String> settings) {
    settings.putAll(overrides);
    return settings;
  }
}
