package io.painguard.systemtest.support;

import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.KafkaRecordSink;
import io.painguard.simulator.kafka.ProducerSettings;
import io.painguard.simulator.load.LoadGenerator;
import io.painguard.simulator.load.LoadLimits;
import io.painguard.simulator.load.LoadReport;
import io.painguard.simulator.load.LoadRunner;
import io.painguard.simulator.load.LoadSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's deterministic load ({@link LoadGenerator}: same athletes, seed and start, same
 * records in the same order) sent through the simulator's own Kafka sink, in the background, at a
 * fixed rate. Event time starts far enough in the past that every record is history by the time it
 * is sent, so the app's wall-clock caps never change what it computes. Each pain report is readable
 * after the records sent before it and before those sent after it ({@link FlushAroundPainReports}),
 * so a live run and a backlog of the same records give a task the same order.
 */
public final class LoadFeed {

  private final int athletes;
  private final long seed;
  private final double painShare;
  private final Instant start;
  private final long records;

  /**
   * @param athletes simulated athletes
   * @param seconds seconds of event time (one sample per athlete each, plus pain reports)
   * @param seed the load generator's seed
   */
  public LoadFeed(int athletes, int seconds, long seed) {
    this(athletes, seconds, seed, LoadSettings.DEFAULT_PAIN_SHARE);
  }

  /**
   * @param painShare the share of athletes that report pain (more pain, more alerts from the
   *     same number of records)
   */
  public LoadFeed(int athletes, int seconds, long seed, double painShare) {
    this.athletes = athletes;
    this.seed = seed;
    this.painShare = painShare;
    this.records = (long) athletes * seconds;
    this.start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
  }

  /** Records the feed sends (samples and pain reports; profiles not counted). */
  public long samples() {
    return records;
  }

  /** Sending in progress. */
  public final class Run {
    private final CompletableFuture<LoadReport> done;
    private final AtomicBoolean stop;
    private final AtomicLong sentSoFar;

    private Run(CompletableFuture<LoadReport> done, AtomicBoolean stop, AtomicLong sentSoFar) {
      this.done = done;
      this.stop = stop;
      this.sentSoFar = sentSoFar;
    }

    /** Samples handed to the producer so far (approximate, updated by bursts). */
    public long progress() {
      return sentSoFar.get();
    }

    public boolean isDone() {
      return done.isDone();
    }

    /** Waits for the end; fails when any record was not acknowledged. */
    public LoadReport await() {
      LoadReport report = done.join();
      if (report.failed() > 0 || report.acknowledged() < report.sent() + report.profiles()) {
        throw new AssertionError("The feed lost records: " + report.summary());
      }
      return report;
    }

    public void stop() {
      stop.set(true);
      done.exceptionally(e -> null).join();
    }
  }

  /**
   * Sends the profiles, then the samples at {@code ratePerSecond} (0 = as fast as possible), on a
   * background thread.
   */
  public Run start(Map<String, Object> clientProperties, String registryUrl, TopicNames topics, double ratePerSecond) {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong progress = new AtomicLong();
    Map<String, String> overrides = new java.util.LinkedHashMap<>();
    clientProperties.forEach((k, v) -> {
      if (!k.equals("bootstrap.servers")) {
        overrides.put(k, String.valueOf(v));
      }
    });
    Map<String, Object> producer =
        ProducerSettings.producerConfig(String.valueOf(clientProperties.get("bootstrap.servers")), overrides);
    Map<String, Object> serde = ProducerSettings.serdeConfig(registryUrl, Map.of());
    CompletableFuture<LoadReport> done =
        CompletableFuture.supplyAsync(
            () -> {
              LoadSettings defaults = LoadSettings.of(athletes, seed, start);
              LoadGenerator generator = new LoadGenerator(new LoadSettings(athletes, seed, start, painShare,
                  defaults.overexertShare(), defaults.complyProbability(), defaults.profileShare()));
              try (KafkaRecordSink sink = KafkaRecordSink.open(producer, serde, topics, seed)) {
                LoadRunner runner =
                    new LoadRunner(generator, new FlushAroundPainReports(sink))
                        .withProgress(p -> progress.set(p.sent()), java.time.Duration.ofMillis(200));
                runner.sendProfiles();
                return runner.run(new LoadLimits(ratePerSecond, null, records), stop::get);
              }
            });
    return new Run(done, stop, progress);
  }
}
