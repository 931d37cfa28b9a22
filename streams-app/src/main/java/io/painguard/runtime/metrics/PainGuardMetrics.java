package io.painguard.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.painguard.events.AlertState;
import io.painguard.events.Severity;
import io.painguard.rules.ProfilePlausibility;
import io.painguard.runtime.health.HangingTransactionWatch;
import io.painguard.runtime.health.HealthStatus;
import io.painguard.runtime.health.StreamsHealth;
import io.painguard.topology.DeadLetterCounter;
import io.painguard.topology.DeadLetterFallbacks;
import io.painguard.topology.DeadLetters;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The app's Prometheus registry: Kafka Streams' own metrics ({@code kafka_stream_*}, with its
 * embedded clients' {@code kafka_consumer_*}, {@code kafka_producer_*} and admin-client series),
 * the JVM's and the process's (see {@link JvmMeters}), and PainGuard's:
 *
 * <ul>
 *   <li>{@code painguard_alerts_total{severity,state}}: alerts emitted by this instance;
 *   <li>{@code painguard_dlq_records_total{reason}}: records this instance set aside as dead
 *       letters, however they were then written;
 *   <li>{@code painguard_dlq_stubs_total{cause}}: of those, written as a stub ({@code TOO_LARGE}:
 *       over {@code painguard.topology.dead-letter-max-bytes}; {@code WRITE_FAILED}: the full one
 *       could not be written);
 *   <li>{@code painguard_dlq_skipped_total{reason}}: dead letters not written at all because the
 *       dead-letter topic is unwritable; {@code painguard_dlq_writable}: 0 once it is;
 *   <li>{@code painguard_stream_thread_replacements_total}: stream threads that died and were
 *       replaced; {@code painguard_tasks_stalled}: tasks with an input partition whose committed
 *       offset has not moved for {@code painguard.health.stall-timeout} while records wait;
 *       {@code painguard_health_ready}, {@code painguard_health_live}: what the health endpoints
 *       answer (1 = 200); {@code painguard_output_partitions_held}: alerts and dead-letter
 *       partitions an open transaction has held back for {@code
 *       painguard.health.hanging-transaction-timeout} ({@code read_committed} readers see nothing
 *       past them);
 *   <li>{@code painguard_events_processed_total{topic}}: input records this instance processed,
 *       good or bad;
 *   <li>{@code painguard_records_out_of_order_total{arrival}}: input records applied behind the
 *       athlete's newest event time (LATE: within {@code max-lateness}, re-judged at their own
 *       time; BEYOND_LATENESS: older; AHEAD: a clock far ahead, applied at the athlete's time);
 *   <li>{@code painguard_state_unreadable_total}: stored athlete states that could not be read;
 *   <li>{@code painguard_summary_minutes_written_total}: rows written to the per-minute session
 *       summary store, one per athlete-minute that became final (compare with the records
 *       processed: the store's cost is per minute, not per record);
 *   <li>{@code painguard_profile_values_ignored_total{field}}: profile values ignored as implausible
 *       ({@code field} = birthYear, restingHeartRateBpm or maxHeartRateBpm), once per profile
 *       record applied;
 *   <li>{@code painguard_sse_clients}: open alert streams;
 *   <li>{@code painguard_sse_slow_clients_disconnected_total}: alert streams disconnected because
 *       they fell too far behind (a dashboard that stopped reading);
 *   <li>{@code painguard_sse_clients_refused_total}: alert streams refused with 503 because
 *       {@code painguard.http.sse-max-clients} were open;
 *   <li>{@code painguard_streams_running}: 1 while Kafka Streams is RUNNING, else 0.
 * </ul>
 *
 * Counts under exactly-once include records whose transaction aborted and was retried: they are
 * operational signals, the topics are the record.
 */
public final class PainGuardMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Severity, Map<AlertState, Counter>> alerts = new EnumMap<>(Severity.class);
  private final Map<String, Counter> events = new ConcurrentHashMap<>();
  // A FunctionCounter holds its object weakly; suppliers made for it would be collected at once.
  private final List<Object> held = new CopyOnWriteArrayList<>();
  private final JvmMeters jvm = new JvmMeters().bindTo(registry);
  private KafkaStreamsMetrics streamsMetrics;

  public PainGuardMetrics(DeadLetterCounter deadLetters) {
    for (Severity severity : Severity.values()) {
      Map<AlertState, Counter> byState = new EnumMap<>(AlertState.class);
      for (AlertState state : AlertState.values()) {
        byState.put(
            state,
            Counter.builder("painguard.alerts")
                .description("Alerts emitted by this instance")
                .tag("severity", severity.name())
                .tag("state", state.name())
                .register(registry));
      }
      alerts.put(severity, byState);
    }
    for (DeadLetters.Reason reason : DeadLetters.Reason.values()) {
      FunctionCounter.builder("painguard.dlq.records", deadLetters, c -> c.count(reason))
          .description("Records this instance sent to the dead-letter topic")
          .tag("reason", reason.name())
          .register(registry);
    }
    DeadLetterFallbacks fallbacks = deadLetters.fallbacks();
    for (DeadLetters.Stub cause : DeadLetters.Stub.values()) {
      FunctionCounter.builder("painguard.dlq.stubs", fallbacks, f -> f.stubs(cause))
          .description("Dead letters written as a stub")
          .tag("cause", cause.name())
          .register(registry);
    }
    for (DeadLetters.Reason reason : DeadLetters.Reason.values()) {
      FunctionCounter.builder("painguard.dlq.skipped", fallbacks, f -> f.skipped(reason))
          .description("Dead letters not written because the dead-letter topic is unwritable")
          .tag("reason", reason.name())
          .register(registry);
    }
    Gauge.builder("painguard.dlq.writable", fallbacks, f -> f.writable() ? 1 : 0)
        .description("1 while dead letters are written, 0 once the dead-letter topic is unwritable")
        .register(registry);
    for (io.painguard.rules.Arrival arrival : io.painguard.rules.Arrival.values()) {
      if (arrival != io.painguard.rules.Arrival.IN_ORDER) {
        FunctionCounter.builder(
                "painguard.records.out.of.order", deadLetters.arrivals(), c -> c.count(arrival))
            .description("Input records applied behind (or, with a clock far ahead, ahead of) the athlete's time")
            .tag("arrival", arrival.name())
            .register(registry);
      }
    }
    FunctionCounter.builder(
            "painguard.state.unreadable", deadLetters.arrivals(), c -> c.unreadableStates())
        .description("Stored athlete states that could not be read")
        .register(registry);
    FunctionCounter.builder(
            "painguard.summary.minutes.written", deadLetters.arrivals(), c -> c.summaryMinutesWritten())
        .description("Rows written to the per-minute session summary store, one per final athlete-minute")
        .register(registry);
    FunctionCounter.builder("painguard.athletes.erased", deadLetters.arrivals(), c -> c.erasures())
        .description("Athletes erased by a tombstone on the profiles topic")
        .register(registry);
    FunctionCounter.builder("painguard.sweeps.quiet", deadLetters.arrivals(), c -> c.quietSweeps())
        .description("Sweeps for due alerts run on the wall clock because a task's partitions were quiet")
        .register(registry);
    for (ProfilePlausibility.Field field : ProfilePlausibility.Field.values()) {
      FunctionCounter.builder(
              "painguard.profile.values.ignored",
              deadLetters.arrivals(),
              c -> c.ignoredProfileValues(field))
          .description("Profile values ignored as implausible, once per profile record applied")
          .tag("field", field.schemaName())
          .register(registry);
    }
  }

  /** Counts one emitted alert. */
  public void alertEmitted(Severity severity, AlertState state) {
    alerts
        .get(severity == null ? Severity.UNKNOWN : severity)
        .get(state == null ? AlertState.UNKNOWN : state)
        .increment();
  }

  /** The counter of processed input records of {@code topic}. */
  public Counter eventsProcessed(String topic) {
    return events.computeIfAbsent(
        topic,
        t ->
            Counter.builder("painguard.events.processed")
                .description("Input records this instance processed, valid or not")
                .tag("topic", t)
                .register(registry));
  }

  /** Publishes the number of open alert streams and how many were cut off or refused. */
  public void sseClients(Supplier<Number> open, Supplier<Number> slowDisconnected, Supplier<Number> refused) {
    Gauge.builder("painguard.sse.clients", open).description("Open alert streams").register(registry);
    held.add(slowDisconnected);
    held.add(refused);
    FunctionCounter.builder("painguard.sse.slow.clients.disconnected", slowDisconnected, s -> s.get().doubleValue())
        .description("Alert streams disconnected because they fell too far behind")
        .register(registry);
    FunctionCounter.builder("painguard.sse.clients.refused", refused, s -> s.get().doubleValue())
        .description("Alert streams refused because the most allowed were open")
        .register(registry);
  }

  /** Adds the health meters: thread replacements, stalled tasks, what the endpoints answer. */
  /** The output partitions a hanging transaction holds back, as the watch last read them. */
  public void outputTransactions(HangingTransactionWatch watch) {
    Gauge.builder("painguard.output.partitions.held", watch,
            HangingTransactionWatch::heldPartitions)
        .description("Output partitions whose last stable offset an open transaction has held back for"
            + " painguard.health.hanging-transaction-timeout")
        .register(registry);
  }

  public void health(StreamsHealth health, Supplier<HealthStatus> status) {
    FunctionCounter.builder("painguard.stream.thread.replacements", health, StreamsHealth::replacements)
        .description("Stream threads that died and were replaced")
        .register(registry);
    Gauge.builder("painguard.tasks.stalled", health, StreamsHealth::stalledTasks)
        .description("Tasks with an input partition whose committed offset has not moved while records wait")
        .register(registry);
    Gauge.builder("painguard.health.ready", status, s -> s.get().ready() ? 1 : 0)
        .description("1 while /health/ready answers 200")
        .register(registry);
    Gauge.builder("painguard.health.live", status, s -> s.get().live() ? 1 : 0)
        .description("1 while /health/live answers 200")
        .register(registry);
  }

  /** Adds Kafka Streams' metrics and the running gauge; call once the instance exists. */
  public synchronized void bind(KafkaStreams streams) {
    Gauge.builder("painguard.streams.running", streams, s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
        .description("1 while Kafka Streams is RUNNING")
        .register(registry);
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
  }

  /** Adds the free and total space of the disk that holds Kafka Streams' state ({@code state.dir}). */
  public void stateDirectory(Path stateDir) {
    JvmMeters.stateDirectory(registry, stateDir);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Prometheus text exposition format 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public synchronized void close() {
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
    jvm.close();
    registry.close();
  }
}
