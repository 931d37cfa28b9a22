package io.painguard.bench.worker;

import io.painguard.bench.tuning.StreamsTuning;
import io.painguard.rules.GuidanceSettings;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.topology.DeadLetterCounter;
import io.painguard.topology.PainGuardStreamsConfig;
import io.painguard.topology.PainGuardTopology;
import io.painguard.topology.TopologySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;

/**
 * The real detection topology ({@link PainGuardTopology}) with the settings it insists on
 * ({@link PainGuardStreamsConfig}: exactly_once_v2, the dead-letter handler) plus the bench's
 * tuning, as one Kafka Streams instance.
 */
final class PainGuardWorker implements Worker {

  static final String DEAD_LETTERS = "deadLetters";
  /** Rows of the per-minute session summary written (one per athlete-minute, not per record). */
  static final String SUMMARY_MINUTES_WRITTEN = "summaryMinutesWritten";
  static final String ACTIVE_TASKS = WorkerStats.ACTIVE_TASKS;
  static final String STANDBY_TASKS = WorkerStats.STANDBY_TASKS;
  static final String RUNNING = WorkerStats.RUNNING;

  private final WorkerSpec spec;
  private final DeadLetterCounter deadLetters = new DeadLetterCounter();
  private KafkaStreams streams;
  private volatile String failure;

  PainGuardWorker(WorkerSpec spec) {
    this.spec = spec;
  }

  /** The topology settings for the spec's topics, with the app's defaults otherwise. */
  static TopologySettings topologySettings(WorkerSpec spec) {
    return TopologySettings.defaults()
        .withTopics(
            spec.inputs().get(0),
            spec.inputs().get(1),
            spec.inputs().get(2),
            spec.outputs().get(0),
            spec.outputs().get(1),
            spec.outputs().get(2));
  }

  /** Everything the Kafka Streams instance is configured with. */
  static Properties streamsProperties(WorkerSpec spec, TopologySettings settings, DeadLetterCounter counter) {
    Properties props =
        PainGuardStreamsConfig.properties(
            spec.name(), spec.clientProperties().get("bootstrap.servers"), settings, counter);
    props.putAll(spec.clientProperties());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, spec.threads());
    spec.kafkaOverrides().forEach((key, value) -> {
      if (value.equals(StreamsTuning.UNSET)) {
        props.remove(key); // back to Kafka Streams' own default
      } else {
        props.put(key, value);
      }
    });
    // The guarantee is what is being measured: never let an override weaken it.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    return props;
  }

  static Map<String, Object> serdeConfig(WorkerSpec spec) {
    Map<String, Object> serde = new LinkedHashMap<>();
    serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, spec.registryUrl());
    serde.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    return serde;
  }

  @Override
  public void start(Runnable ready) {
    TopologySettings settings = topologySettings(spec);
    Topology topology =
        PainGuardTopology.build(
            settings, GuidanceSettings.defaults(), serdeConfig(spec), deadLetters, Clock.systemUTC());
    Properties props = streamsProperties(spec, settings, deadLetters);
    try {
      String dir = spec.stateDir() != null ? spec.stateDir()
          : Files.createTempDirectory("painguard-bench-state-").toString();
      props.put(StreamsConfig.STATE_DIR_CONFIG, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    streams = new KafkaStreams(topology, props);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            ready.run();
          } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR) {
            failure = "Kafka Streams went from " + before + " to " + now + "; see the app log";
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          failure = "a stream thread died: " + e;
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
  }

  /**
   * Dead letters, and the tasks this instance owns now: the scale-out measurement watches a joining
   * instance take its share through them.
   */
  @Override
  public Map<String, Long> counters() {
    long active = 0;
    long standby = 0;
    boolean running = false;
    if (streams != null) {
      running = streams.state() == KafkaStreams.State.RUNNING;
      try {
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
          active += thread.activeTasks().size();
          standby += thread.standbyTasks().size();
        }
      } catch (RuntimeException e) {
        // Not yet started or already closing: no tasks to report.
      }
    }
    // Rows of the per-minute session summary beside the records read: store writes per minute.
    return Map.of(DEAD_LETTERS, deadLetters.total(), ACTIVE_TASKS, active, STANDBY_TASKS, standby,
        RUNNING, running ? 1L : 0L, SUMMARY_MINUTES_WRITTEN, deadLetters.arrivals().summaryMinutesWritten());
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public void close() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
    }
  }
}
