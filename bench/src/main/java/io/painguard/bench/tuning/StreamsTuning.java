package io.painguard.bench.tuning;

import io.painguard.topology.PainGuardStreamsConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka settings the bench gives the app on top of its own defaults, and the copier's settings
 * matching them. Two profiles: {@value #APP}, the app exactly as shipped (its tuning is part of
 * {@link PainGuardStreamsConfig#defaults}), and {@value #KAFKA_DEFAULTS}, with that tuning put back
 * to Kafka Streams' defaults -- to see what the tuning buys. {@code --streams-property} overrides
 * either.
 */
public final class StreamsTuning {

  /** The app as shipped. */
  public static final String APP = "app";
  /** The app's tuning replaced by Kafka Streams' own defaults. */
  public static final String KAFKA_DEFAULTS = "kafka-defaults";

  /** A value meaning "remove this key, let Kafka Streams choose". */
  public static final String UNSET = "";

  private StreamsTuning() {}

  /** Settings to apply over the app's defaults for a profile. */
  public static Map<String, String> app(String profile) {
    Map<String, String> settings = new LinkedHashMap<>();
    switch (profile) {
      case APP -> {
        // Nothing: PainGuardStreamsConfig.defaults() is what ./painguard app runs with.
      }
      // Unset rather than restated: Kafka Streams' own defaults are whatever this version has.
      case KAFKA_DEFAULTS -> PainGuardStreamsConfig.tuning().keySet().forEach(key -> settings.put(key, UNSET));
      default -> throw new IllegalArgumentException(
          "Unknown tuning '" + profile + "'; use " + APP + " or " + KAFKA_DEFAULTS + ".");
    }
    return settings;
  }

  /** The app's effective settings for a profile: its tuning with the profile and overrides applied. */
  public static Map<String, String> effective(Map<String, String> applied) {
    Map<String, String> effective = new LinkedHashMap<>();
    PainGuardStreamsConfig.tuning().forEach((k, v) ->
        effective.put(k, v instanceof Class<?> c ? c.getName() : String.valueOf(v)));
    effective.putAll(applied);
    effective.values().removeIf(UNSET::equals);
    return effective;
  }

  /**
   * The copier's settings matching the app's effective ones: commit interval and producer/consumer
   * settings, with Kafka Streams' defaults where the app sets nothing (producer linger.ms 100,
   * commit every 100 ms under exactly-once), so the baseline works under the same rules.
   */
  public static Map<String, String> copier(Map<String, String> appEffective) {
    Map<String, String> copier = new LinkedHashMap<>();
    copier.put("commit.interval.ms", "100");
    copier.put("producer.linger.ms", "100");
    appEffective.forEach((k, v) -> {
      if (k.equals("commit.interval.ms") || k.startsWith("producer.") || k.startsWith("consumer.")) {
        copier.put(k, v);
      } else if (k.startsWith("main.consumer.")) {
        copier.put("consumer." + k.substring("main.consumer.".length()), v);
      } else if (isClientSetting(k)) {
        // Unprefixed client settings apply to Streams' producer and consumer alike.
        copier.put("producer." + k, v);
        copier.put("consumer." + k, v);
      }
    });
    return copier;
  }

  private static boolean isClientSetting(String key) {
    return key.equals("linger.ms") || key.equals("batch.size") || key.equals("compression.type")
        || key.equals("fetch.min.bytes") || key.equals("fetch.max.wait.ms")
        || key.equals("max.poll.records") || key.equals("max.partition.fetch.bytes");
  }
}
