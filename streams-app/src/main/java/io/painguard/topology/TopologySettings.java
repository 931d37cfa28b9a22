package io.painguard.topology;

import io.painguard.contract.ContractTopics;
import io.painguard.text.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Topic names and the topology's own knobs. Defaults are the contract's (shared/CONTRACT.md).
 *
 * <p>Configuration keys ({@link #fromProperties(Map)}):
 *
 * <pre>
 * painguard.topics.activity-events     activity-events
 * painguard.topics.pain-reports        pain-reports
 * painguard.topics.athlete-profiles    athlete-profiles
 * painguard.topics.exertion-alerts     exertion-alerts
 * painguard.topics.dead-letters        painguard-dlq
 * painguard.topics.alert-acknowledgements alert-acknowledgements
 * painguard.topology.tick-interval     60s   event time between sweeps for due alerts
 * painguard.topology.max-future-skew   24h   payload timestamps further ahead of the wall clock are invalid
 * painguard.topology.max-past-age      30d   payload timestamps further behind the wall clock are invalid (0 = no limit)
 * painguard.topology.registry-retry-limit 10m how long an athlete's records may wait for a registry that
 *                                             cannot serve a schema before the unservable ones go to the
 *                                             dead-letter queue
 * painguard.topology.registry-max-parked 5000 how many records of one athlete may wait at once
 * painguard.topology.recent-alerts     10    alerts kept per athlete for the HTTP API
 * painguard.topology.max-lateness      15m   how far behind an athlete's newest event time a record
 *                                             is still applied at its own event time
 * painguard.topology.dead-letter-max-bytes 524288 largest dead letter (key, value, headers) written
 *                                             whole; a larger one is written as a stub
 * painguard.topology.summary-retention 24h    how long each athlete's per-minute session summary is kept
 * </pre>
 *
 * @param acknowledgementsTopic coaches' acknowledgements of alerts: a fourth input, co-partitioned
 *     with the other three, read into {@link PainGuardTopology#ACKNOWLEDGEMENTS_STORE}
 * @param tickInterval event time between two sweeps of the athlete store for anything due
 *     (resolution, inactivity, staleness, end of a cooldown)
 * @param maxFutureSkew how far ahead of the wall clock a payload timestamp may be
 * @param recentAlerts how many alerts the {@link PainGuardTopology#ATHLETE_ALERTS_STORE} keeps per
 *     athlete
 * @param maxPastAge how far behind the wall clock a payload timestamp may be; zero for no limit. A
 *     wearable sample or pain report a month old is not a live signal but a broken clock or a
 *     mistaken replay, and would only distort an athlete's state
 * @param registryRetryLimit how long an athlete's records may wait while the schema registry cannot
 *     serve a schema (unreachable, or answering 5xx), counted from the moment the athlete's first
 *     record began to wait -- so a chain of waiting records cannot hold the athlete back longer --
 *     before every record the registry still cannot serve is dead-lettered with reason
 *     REGISTRY_UNAVAILABLE
 * @param registryMaxParked how many records of one athlete may wait for the registry at once; a
 *     record beyond it is dead-lettered at once with reason REGISTRY_WAIT_FULL, so a long outage
 *     or a flood of one athlete's records cannot grow the store without bound
 * @param maxLateness how far behind the athlete's newest event time a sample or report may arrive
 *     and still be applied at its own event time (alerts it reveals emitted with their evidence's
 *     time and id, alerts it contradicts withdrawn); beyond it a report counts from now on, a
 *     sample no longer counts, and both are counted. Also how far ahead of the athlete's time and
 *     of the wall clock / stream time a record's clock may be before it is judged off (see
 *     {@link io.painguard.rules.Arrival#AHEAD})
 * @param deadLetterMaxBytes the largest dead letter (key, value and headers, in bytes) written as
 *     it is; a larger one is written as a stub with the value's first bytes ({@link DeadLetterStubs}),
 *     so a record too large for the producer or the topic can never stop processing
 * @param summaryRetention how long the {@link PainGuardTopology#ATHLETE_MINUTES_STORE} keeps each
 *     athlete-minute of a session (and so the longest span the session endpoint answers for)
 */
public record TopologySettings(
    String activityEventsTopic,
    String painReportsTopic,
    String athleteProfilesTopic,
    String exertionAlertsTopic,
    String deadLetterTopic,
    String acknowledgementsTopic,
    Duration tickInterval,
    Duration maxFutureSkew,
    int recentAlerts,
    Duration maxPastAge,
    Duration registryRetryLimit,
    int registryMaxParked,
    Duration maxLateness,
    int deadLetterMaxBytes,
    Duration summaryRetention) {

  public static final String TOPICS_PREFIX = "painguard.topics.";
  public static final String TOPOLOGY_PREFIX = "painguard.topology.";

  public TopologySettings {
    for (String topic :
        new String[] {
          activityEventsTopic, painReportsTopic, athleteProfilesTopic, exertionAlertsTopic, deadLetterTopic,
          acknowledgementsTopic
        }) {
      if (topic == null || topic.isBlank() || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
        throw new IllegalArgumentException(
            "Topic name '" + topic + "' is not a valid Kafka topic name.");
      }
    }
    if (tickInterval.isNegative() || tickInterval.toMillis() < 1000) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "tick-interval must be at least 1 s, got " + tickInterval + ".");
    }
    if (maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "max-future-skew must not be negative, got " + maxFutureSkew + ".");
    }
    if (maxPastAge.isNegative()) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "max-past-age must not be negative, got " + maxPastAge + ".");
    }
    if (registryRetryLimit.isNegative()) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "registry-retry-limit must not be negative, got " + registryRetryLimit + ".");
    }
    if (registryMaxParked < 1 || registryMaxParked > MAX_REGISTRY_MAX_PARKED) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "registry-max-parked must be between 1 and " + MAX_REGISTRY_MAX_PARKED
              + ", got " + registryMaxParked + ".");
    }
    if (maxLateness.isNegative() || maxLateness.compareTo(MAX_MAX_LATENESS) > 0) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "max-lateness must be between 0 and " + Durations.format(MAX_MAX_LATENESS)
              + ", got " + Durations.format(maxLateness) + ".");
    }
    if (deadLetterMaxBytes < MIN_DEAD_LETTER_BYTES || deadLetterMaxBytes > MAX_DEAD_LETTER_BYTES) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "dead-letter-max-bytes must be between " + MIN_DEAD_LETTER_BYTES + " and "
              + MAX_DEAD_LETTER_BYTES + ", got " + deadLetterMaxBytes + ".");
    }
    if (summaryRetention.compareTo(MIN_SUMMARY_RETENTION) < 0
        || summaryRetention.compareTo(MAX_SUMMARY_RETENTION) > 0) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "summary-retention must be between " + Durations.format(MIN_SUMMARY_RETENTION)
              + " and " + Durations.format(MAX_SUMMARY_RETENTION) + ", got " + Durations.format(summaryRetention)
              + ".");
    }
    if (recentAlerts < 1 || recentAlerts > 100) {
      throw new IllegalArgumentException(
          TOPOLOGY_PREFIX + "recent-alerts must be between 1 and 100, got " + recentAlerts + ".");
    }
  }

  /**
   * Default of {@link #deadLetterMaxBytes()}, 512 KiB: half of Kafka's default {@code
   * max.request.size} and {@code max.message.bytes} (1 MiB), so a dead letter at the cap is written
   * with room to spare, while records of a few hundred KB -- the hostile-input corpus's largest --
   * are still kept whole.
   */
  public static final int DEFAULT_DEAD_LETTER_MAX_BYTES = 512 * 1024;
  /** Smallest {@link #deadLetterMaxBytes()}: a stub's headers alone take up to ~2 KiB. */
  public static final int MIN_DEAD_LETTER_BYTES = 4 * 1024;
  /** Largest {@link #deadLetterMaxBytes()}; it must also stay below the producer's max.request.size. */
  public static final int MAX_DEAD_LETTER_BYTES = 64 * 1024 * 1024;

  /** Default of {@link #summaryRetention()}: a day of sessions for the coach's chart. */
  public static final Duration DEFAULT_SUMMARY_RETENTION = Duration.ofHours(24);
  /** Shortest {@link #summaryRetention()}: the session endpoint answers for whole hours. */
  public static final Duration MIN_SUMMARY_RETENTION = Duration.ofHours(1);
  /** Longest {@link #summaryRetention()}: a row a minute per athlete, about 30 bytes each. */
  public static final Duration MAX_SUMMARY_RETENTION = Duration.ofDays(30);

  /** Default of {@link #maxPastAge()}. */
  public static final Duration DEFAULT_MAX_PAST_AGE = Duration.ofDays(30);
  /** Default of {@link #registryRetryLimit()}. */
  public static final Duration DEFAULT_REGISTRY_RETRY_LIMIT = Duration.ofMinutes(10);
  /**
   * Default of {@link #registryMaxParked()}: ten minutes of a 1 Hz wearable is 600 records, so
   * even several devices of one athlete stay well below it through a whole retry limit.
   */
  public static final int DEFAULT_REGISTRY_MAX_PARKED = 5_000;
  /** Largest {@link #registryMaxParked()}: each waiting record is kept whole in the store. */
  public static final int MAX_REGISTRY_MAX_PARKED = 1_000_000;
  /** Default of {@link #maxLateness()}. */
  public static final Duration DEFAULT_MAX_LATENESS = io.painguard.rules.AthleteGuard.DEFAULT_MAX_LATENESS;
  /**
   * Largest {@link #maxLateness()}: the state keeps one byte a second of it per active athlete,
   * and the history is read again for every late record.
   */
  public static final Duration MAX_MAX_LATENESS = Duration.ofHours(6);

  /**
   * These settings with other topic names: what tests and the bench need (a run's own topics),
   * without restating every other setting -- so a setting added later takes its value here too.
   * The acknowledgements topic stays as it is (see the six-name overload).
   */
  public TopologySettings withTopics(
      String activityEvents, String painReports, String athleteProfiles, String exertionAlerts, String deadLetters) {
    return withTopics(activityEvents, painReports, athleteProfiles, exertionAlerts, deadLetters, acknowledgementsTopic);
  }

  /** These settings with other topic names, the acknowledgements topic's included. */
  public TopologySettings withTopics(
      String activityEvents,
      String painReports,
      String athleteProfiles,
      String exertionAlerts,
      String deadLetters,
      String acknowledgements) {
    return new TopologySettings(
        activityEvents,
        painReports,
        athleteProfiles,
        exertionAlerts,
        deadLetters,
        acknowledgements,
        tickInterval,
        maxFutureSkew,
        recentAlerts,
        maxPastAge,
        registryRetryLimit,
        registryMaxParked,
        maxLateness,
        deadLetterMaxBytes,
        summaryRetention);
  }

  /** These settings with another {@link #deadLetterMaxBytes()} (lowered at start to fit the topic). */
  public TopologySettings withDeadLetterMaxBytes(int bytes) {
    return new TopologySettings(
        activityEventsTopic,
        painReportsTopic,
        athleteProfilesTopic,
        exertionAlertsTopic,
        deadLetterTopic,
        acknowledgementsTopic,
        tickInterval,
        maxFutureSkew,
        recentAlerts,
        maxPastAge,
        registryRetryLimit,
        registryMaxParked,
        maxLateness,
        bytes,
        summaryRetention);
  }

  /**
   * The contract's topic names, a 60 s tick, one day of future skew, 10 recent alerts, 30 days of
   * past age, 10 minutes of registry retries, 5,000 waiting records per athlete, 15 minutes of
   * lateness, 512 KiB dead letters, 24 hours of session summaries.
   */
  public static TopologySettings defaults() {
    return new TopologySettings(
        ContractTopics.ACTIVITY_EVENTS,
        ContractTopics.PAIN_REPORTS,
        ContractTopics.ATHLETE_PROFILES,
        ContractTopics.EXERTION_ALERTS,
        ContractTopics.DEAD_LETTERS,
        ContractTopics.ALERT_ACKNOWLEDGEMENTS,
        Duration.ofSeconds(60),
        Duration.ofDays(1),
        10,
        DEFAULT_MAX_PAST_AGE,
        DEFAULT_REGISTRY_RETRY_LIMIT,
        DEFAULT_REGISTRY_MAX_PARKED,
        DEFAULT_MAX_LATENESS,
        DEFAULT_DEAD_LETTER_MAX_BYTES,
        DEFAULT_SUMMARY_RETENTION);
  }

  /**
   * Settings from {@code painguard.topics.*} and {@code painguard.topology.*} keys; other keys are
   * ignored, unknown keys under these two prefixes are rejected.
   *
   * @throws IllegalArgumentException with one sentence naming the key
   */
  public static TopologySettings fromProperties(Map<String, String> properties) {
    Map<String, String> values = new LinkedHashMap<>(defaults().toProperties());
    properties.forEach(
        (key, value) -> {
          if (key.startsWith(TOPICS_PREFIX) || key.startsWith(TOPOLOGY_PREFIX)) {
            if (!values.containsKey(key)) {
              throw new IllegalArgumentException(
                  "Unknown setting " + key + "; known settings are " + String.join(", ", values.keySet()) + ".");
            }
            values.put(key, value == null ? "" : value.trim());
          }
        });
    return new TopologySettings(
        values.get(TOPICS_PREFIX + "activity-events"),
        values.get(TOPICS_PREFIX + "pain-reports"),
        values.get(TOPICS_PREFIX + "athlete-profiles"),
        values.get(TOPICS_PREFIX + "exertion-alerts"),
        values.get(TOPICS_PREFIX + "dead-letters"),
        values.get(TOPICS_PREFIX + "alert-acknowledgements"),
        duration(values, TOPOLOGY_PREFIX + "tick-interval"),
        duration(values, TOPOLOGY_PREFIX + "max-future-skew"),
        integer(values, TOPOLOGY_PREFIX + "recent-alerts"),
        duration(values, TOPOLOGY_PREFIX + "max-past-age"),
        duration(values, TOPOLOGY_PREFIX + "registry-retry-limit"),
        integer(values, TOPOLOGY_PREFIX + "registry-max-parked"),
        duration(values, TOPOLOGY_PREFIX + "max-lateness"),
        integer(values, TOPOLOGY_PREFIX + "dead-letter-max-bytes"),
        duration(values, TOPOLOGY_PREFIX + "summary-retention"));
  }

  /** Every setting as key -> value. */
  public Map<String, String> toProperties() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(TOPICS_PREFIX + "activity-events", activityEventsTopic);
    out.put(TOPICS_PREFIX + "pain-reports", painReportsTopic);
    out.put(TOPICS_PREFIX + "athlete-profiles", athleteProfilesTopic);
    out.put(TOPICS_PREFIX + "exertion-alerts", exertionAlertsTopic);
    out.put(TOPICS_PREFIX + "dead-letters", deadLetterTopic);
    out.put(TOPICS_PREFIX + "alert-acknowledgements", acknowledgementsTopic);
    out.put(TOPOLOGY_PREFIX + "tick-interval", Durations.format(tickInterval));
    out.put(TOPOLOGY_PREFIX + "max-future-skew", Durations.format(maxFutureSkew));
    out.put(TOPOLOGY_PREFIX + "recent-alerts", Integer.toString(recentAlerts));
    out.put(TOPOLOGY_PREFIX + "max-past-age", Durations.format(maxPastAge));
    out.put(TOPOLOGY_PREFIX + "registry-retry-limit", Durations.format(registryRetryLimit));
    out.put(TOPOLOGY_PREFIX + "registry-max-parked", Integer.toString(registryMaxParked));
    out.put(TOPOLOGY_PREFIX + "max-lateness", Durations.format(maxLateness));
    out.put(TOPOLOGY_PREFIX + "dead-letter-max-bytes", Integer.toString(deadLetterMaxBytes));
    out.put(TOPOLOGY_PREFIX + "summary-retention", Durations.format(summaryRetention));
    return out;
  }

  /** The three input topics of athlete data (what the health checks and meters follow). */
  public java.util.List<String> inputTopics() {
    return java.util.List.of(activityEventsTopic, painReportsTopic, athleteProfilesTopic);
  }

  /**
   * Every topic the topology reads: the three inputs and the acknowledgements, which must all be
   * co-partitioned so an athlete's records and acknowledgements meet in one task.
   */
  public java.util.List<String> sourceTopics() {
    return java.util.List.of(activityEventsTopic, painReportsTopic, athleteProfilesTopic, acknowledgementsTopic);
  }

  private static Duration duration(Map<String, String> values, String key) {
    String text = values.get(key);
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + " must be a duration such as 90s, 15m, 12h or PT2M, got '" + text + "'.");
    }
  }

  private static int integer(Map<String, String> values, String key) {
    String text = values.get(key);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'.");
    }
  }
}
