package io.painguard.bench.load;

import io.painguard.bench.cluster.BenchTopics;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.KafkaRecordSink;
import io.painguard.simulator.kafka.ProducerSettings;
import io.painguard.simulator.load.LoadGenerator;
import io.painguard.simulator.load.LoadLimits;
import io.painguard.simulator.load.LoadProgress;
import io.painguard.simulator.load.LoadReport;
import io.painguard.simulator.load.LoadRunner;
import io.painguard.simulator.load.LoadSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fills the input topics with the simulator's load: every athlete's profile (most athletes publish
 * one), then rounds of one device sample per athlete per second of event time, with pain reports
 * where an athlete's episode opens, rises or ends. The simulator's own producer settings are used
 * (idempotent, acks=all, lz4, 10 ms linger), as a real ingestion service would.
 *
 * <p>Event time starts far enough in the past that neither the pre-load nor the latency phase that
 * continues the same stream ever runs ahead of the wall clock.
 */
public final class Preloader {

  /** Event time between the end of the generated data and the wall clock, at least. */
  static final Duration SLACK = Duration.ofHours(2);

  private Preloader() {}

  /**
   * What was loaded, and the generator positioned right after it (the latency phase continues the
   * same athletes' stream).
   */
  public record Loaded(LoadGenerator generator, Preloaded figures) {}

  /**
   * Figures of the pre-load.
   *
   * @param athletes population size
   * @param profiles profile records
   * @param activityEvents activity samples
   * @param painReports pain reports
   * @param seconds wall time of the load
   * @param eventSeconds seconds of event time the data spans
   */
  public record Preloaded(
      int athletes, long profiles, long activityEvents, long painReports, double seconds, long eventSeconds) {

    public long records() {
      return profiles + activityEvents + painReports;
    }
  }

  /**
   * Sends the pre-load.
   *
   * @param records activity samples plus pain reports to send (profiles come on top)
   * @param extraEventSeconds event time the caller will still generate afterwards (latency phase)
   * @param progress receives a line now and then
   */
  public static Loaded preload(
      Map<String, Object> clientProperties,
      String registryUrl,
      BenchTopics topics,
      int athletes,
      long records,
      long seed,
      long extraEventSeconds,
      Consumer<String> progress) {
    long eventSeconds = (records + athletes - 1) / athletes;
    Instant start =
        Instant.now()
            .minus(SLACK)
            .minusSeconds(eventSeconds + extraEventSeconds)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    LoadGenerator generator = new LoadGenerator(LoadSettings.of(athletes, seed, start));
    long began = System.nanoTime();
    try (KafkaRecordSink sink = openSink(clientProperties, registryUrl, topics, seed, Map.of())) {
      LoadRunner runner =
          new LoadRunner(generator, sink)
              .withProgress(p -> progress.accept(line(p)), Duration.ofSeconds(5));
      long profiles = runner.sendProfiles();
      LoadReport report = runner.run(new LoadLimits(0, null, records), () -> false);
      if (report.failed() > 0) {
        throw new IllegalStateException(
            "The pre-load lost " + report.failed() + " records (first failure: " + report.firstFailure() + ").");
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      return new Loaded(
          generator,
          new Preloaded(
              athletes,
              profiles,
              report.sent() - report.painReports(),
              report.painReports(),
              seconds,
              generator.round()));
    }
  }

  /** A simulator sink (project serde, auto-registered schemas) for the run's input topics. */
  public static KafkaRecordSink openSink(
      Map<String, Object> clientProperties,
      String registryUrl,
      BenchTopics topics,
      long seed,
      Map<String, String> producerOverrides) {
    Map<String, String> overrides = new LinkedHashMap<>();
    clientProperties.forEach((k, v) -> overrides.put(k, String.valueOf(v)));
    overrides.putAll(producerOverrides);
    String bootstrap = overrides.remove("bootstrap.servers");
    return KafkaRecordSink.open(
        ProducerSettings.producerConfig(bootstrap, overrides),
        ProducerSettings.serdeConfig(registryUrl, Map.of()),
        new TopicNames(topics.activity(), topics.pain(), topics.profiles()),
        seed);
  }

  private static String line(LoadProgress p) {
    return String.format("pre-load: %,d records sent, %,.0f/s", p.sent(), p.averageRate());
  }
}
