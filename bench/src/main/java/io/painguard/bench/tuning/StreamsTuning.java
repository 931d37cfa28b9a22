package io.painguard.bench.tuning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka settings the bench gives the app (and, where they mean the same thing, the baseline
 * copier): Kafka Streams' defaults or the recommended ones. {@code --streams-property} overrides
 * either.
 */
public final class StreamsTuning {

  /** Kafka Streams' own defaults, stated so the copier can match them (linger.ms 100 under EOS). */
  public static final String DEFAULTS = "defaults";
  /** What PERFORMANCE.md recommends. */
  public static final String RECOMMENDED = "recommended";

  private StreamsTuning() {}

  /** The app's settings for a tuning profile. */
  public static Map<String, String> app(String profile) {
    Map<String, String> settings = new LinkedHashMap<>();
    switch (profile) {
      case DEFAULTS -> {
        // Nothing: what PainGuardStreamsConfig and Kafka Streams choose.
      }
      case RECOMMENDED -> settings.putAll(recommended());
      default -> throw new IllegalArgumentException(
          "Unknown tuning '" + profile + "'; use " + DEFAULTS + " or " + RECOMMENDED + ".");
    }
    return settings;
  }

  /** 64 MiB: about the working set of 100,000 athletes (~390-byte states plus key and entry overhead). */
  static final String CACHE_BYTES = Long.toString(64L * 1024 * 1024);
  /** 128 KiB: one changelog batch carries ~330 athlete states (~390 bytes each) instead of ~40. */
  static final String BATCH_BYTES = Integer.toString(128 * 1024);

  private static Map<String, String> recommended() {
    Map<String, String> s = new LinkedHashMap<>();
    // Every record rewrites its athlete's state: the record cache absorbs repeated writes within a
    // commit and serves reads; below the working set it only churns.
    s.put("statestore.cache.max.bytes", CACHE_BYTES);
    // Changelog and alert batches: fewer, larger produce requests; lz4 costs little CPU here and
    // the broker handles fewer bytes.
    s.put("producer.batch.size", BATCH_BYTES);
    s.put("producer.compression.type", "lz4");
    // All stores of the instance share one bounded block cache and memtable budget.
    s.put("rocksdb.config.setter", BoundedMemoryRocksDbConfig.class.getName());
    // Process whatever input is buffered instead of checking the other (nearly always empty)
    // input partitions of the task first: Kafka Streams 4.3 formats log strings on that path for
    // every record. Out-of-order processing across the three inputs stays bounded by the records
    // buffered per partition (seconds of event time), well inside the rules' 5-minute grace for
    // late pain reports.
    s.put("max.task.idle.ms", "-1");
    return s;
  }

  /**
   * The copier's settings matching the app's: commit interval and producer/consumer settings, with
   * Kafka Streams' defaults where the app sets nothing (producer linger.ms 100, commit every 100 ms
   * under exactly-once), so the baseline works under the same rules.
   */
  public static Map<String, String> copier(Map<String, String> app) {
    Map<String, String> copier = new LinkedHashMap<>();
    copier.put("commit.interval.ms", "100");
    copier.put("producer.linger.ms", "100");
    app.forEach((k, v) -> {
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
