package io.painguard.bench;

import io.painguard.bench.cluster.BenchTopics;
import io.painguard.bench.cluster.ChildProcessCluster;
import io.painguard.bench.cluster.Cluster;
import io.painguard.bench.cluster.ExternalCluster;
import io.painguard.bench.cluster.InProcessCluster;
import io.painguard.bench.latency.LatencyDriver;
import io.painguard.bench.load.GroupProgress;
import io.painguard.bench.load.Preloader;
import io.painguard.bench.load.TopicStats;
import io.painguard.bench.process.ResourceSampler;
import io.painguard.bench.result.BenchResult;
import io.painguard.bench.result.Latency;
import io.painguard.bench.result.Phase;
import io.painguard.bench.result.Throughput;
import io.painguard.bench.tuning.StreamsTuning;
import io.painguard.bench.worker.WorkerProcess;
import io.painguard.bench.worker.WorkerSpec;
import io.painguard.bench.worker.WorkerStats;
import io.painguard.simulator.kafka.KafkaRecordSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * What every kind of bench run shares: the cluster, the topics, the pre-load, and the measured
 * programs -- each in a JVM of its own with the same JVM options, timed from "joined its group" to
 * "committed offsets at the end of the pre-loaded records".
 */
final class BenchSession implements AutoCloseable {

  /** A worker gets this long to join its group and get its partitions. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  /** A phase is abandoned when its group's committed offsets do not move for this long. */
  static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
  /** Live traffic before the first latency window against a freshly caught-up app. */
  static final Duration SETTLE = Duration.ofSeconds(BenchSettings.LATENCY_SETTLE_SECONDS);

  final BenchSettings settings;
  final Consumer<String> log;
  final Path logDir;
  final String startedAt = Instant.now().toString();
  final double loadBefore = MachineFacts.loadAverage();
  final List<String> notes = new ArrayList<>();
  private final ResourceSampler self;
  private final Cluster cluster;
  private final TopicStats stats;
  private final String runId = UUID.randomUUID().toString().substring(0, 6);
  private final List<BenchTopics> created = new ArrayList<>();
  /** The inputs' size right after each pre-load, before any feed adds to it. */
  private final Map<BenchTopics, Long> preloadedBytes = new LinkedHashMap<>();

  BenchSession(BenchSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
    this.logDir = settings.outputDir().resolve("logs");
    createDirectories(logDir);
    this.self = new ResourceSampler().start();
    this.cluster = startCluster();
    log.accept("cluster: " + cluster.description());
    this.stats = new TopicStats(cluster.clientProperties());
  }

  Cluster cluster() {
    return cluster;
  }

  TopicStats stats() {
    return stats;
  }

  /** A fresh set of topics, e.g. for one population ({@code label} may be empty). */
  BenchTopics topics(String label, List<String> copyVariants) {
    BenchTopics topics = new BenchTopics("bench-" + runId + "-" + (label.isEmpty() ? "" : label + "-"), settings.partitions());
    topics.create(cluster.clientProperties(), copyVariants);
    created.add(topics);
    return topics;
  }

  Preloader.Loaded preload(BenchTopics topics, int athletes) {
    Preloader.Loaded loaded = Preloader.preload(
        cluster.clientProperties(), cluster.schemaRegistryUrl(), topics, athletes,
        settings.records(), settings.seed(), settings.latencyEventSeconds(), log);
    log.accept(String.format("pre-loaded %,d records for %,d athletes in %.1f s",
        loaded.figures().records(), athletes, loaded.figures().seconds()));
    return loaded;
  }

  /** The progress of a group through what the inputs hold now, after reading it all once (page cache). */
  GroupProgress progress(BenchTopics topics, long expected) {
    Map<TopicPartition, Long> ends = stats.endOffsets(topics.inputs());
    long warmStart = System.nanoTime();
    long warmed = stats.readAll(ends);
    log.accept(String.format("warm-up: read the %,d input records once in %.1f s (not measured)",
        warmed, (System.nanoTime() - warmStart) / 1e9));
    GroupProgress progress = new GroupProgress(stats, ends);
    preloadedBytes.put(topics, stats.bytesOnDisk(topics.inputs()));
    if (progress.total() != expected) {
      notes.add(String.format("the input topics hold %,d records, %,d were sent", progress.total(), expected));
    }
    return progress;
  }

  Map<String, String> appKafka() {
    Map<String, String> appKafka = new LinkedHashMap<>(StreamsTuning.app(settings.tuning()));
    appKafka.putAll(settings.streamsOverrides());
    return appKafka;
  }

  Map<String, String> copierKafka() {
    return StreamsTuning.copier(StreamsTuning.effective(appKafka()));
  }

  /** One run of a baseline copier, in a fresh group (and transactional ids) of its own. */
  Phase copy(BenchTopics topics, GroupProgress progress, String variant, int round) throws InterruptedException {
    boolean eos = variant.equals(BenchSettings.EOS);
    List<String> sinks = topics.inputs().stream().map(in -> topics.sinkOf(variant, in)).toList();
    WorkerSpec spec = new WorkerSpec(
        WorkerSpec.COPY, topics.copyGroup(variant) + "-r" + round, clientStrings(), cluster.schemaRegistryUrl(),
        topics.inputs(), sinks, settings.streamThreads(), eos, copierKafka(), null);
    String description = eos ? "baseline copy (exactly-once)" : "baseline copy (at-least-once)";
    String name = "baseline-" + variant;
    try (WorkerProcess copier = WorkerProcess.start(spec, settings.appJvmOptions(), logDir, name + "-r" + round)) {
      WorkerStats ready = copier.awaitReady(READY_TIMEOUT);
      long brokerCpuBefore = brokerCpu();
      Throughput t = await(progress, spec.name(), copier);
      long brokerCpu = brokerCpu() - brokerCpuBefore;
      WorkerStats done = copier.stop();
      log.accept(String.format("%s, round %d: %,.0f records/s, %,.0f steady", description, round,
          t.recordsPerSecond(), t.steadyRecordsPerSecond()));
      return new Phase(name, round, description, t, done.resources().since(ready.resources()), brokerCpu, done.counters());
    }
  }

  /** The app's worker spec: its own application id and state directory. */
  WorkerSpec appSpec(BenchTopics topics, String appId, Map<String, String> kafka, Path stateDir) {
    return new WorkerSpec(
        WorkerSpec.PAINGUARD, appId, clientStrings(), cluster.schemaRegistryUrl(),
        topics.inputs(), List.of(topics.alerts(), topics.deadLetters(), topics.acknowledgements()),
        settings.streamThreads(), true,
        kafka, stateDir.toAbsolutePath().toString());
  }

  WorkerProcess startApp(WorkerSpec spec, String logName) {
    List<String> options = new ArrayList<>(settings.appJvmOptions());
    if (settings.jfr()) {
      options.add("-XX:StartFlightRecording=settings=profile,filename=" + logDir.resolve(logName + ".jfr").toAbsolutePath());
    }
    return WorkerProcess.start(spec, options, logDir, logName);
  }

  /** One run of the app through the pre-loaded records; the app keeps running afterwards. */
  Phase measureApp(WorkerProcess app, String group, GroupProgress progress, String name, int round)
      throws InterruptedException {
    WorkerStats ready = app.awaitReady(READY_TIMEOUT);
    long brokerCpuBefore = brokerCpu();
    Throughput t = await(progress, group, app);
    long brokerCpu = brokerCpu() - brokerCpuBefore;
    WorkerStats done = app.snapshot(true);
    log.accept(String.format("%s, round %d: %,.0f records/s, %,.0f steady", name, round,
        t.recordsPerSecond(), t.steadyRecordsPerSecond()));
    return new Phase(name, round, "painguard (exactly_once_v2)", t, done.resources().since(ready.resources()),
        brokerCpu, done.counters());
  }

  Throughput await(GroupProgress progress, String group, WorkerProcess worker) throws InterruptedException {
    try {
      return progress.await(group, worker.readyNanos(), settings.warmupShare(), STALL_TIMEOUT, worker::isAlive);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + " (worker log: " + worker.logFile() + ")", e);
    }
  }

  /**
   * Live traffic at the latency rate, not measured, before the first window against an app that has
   * just worked through the pre-load: the first seconds after a catch-up (a last burst of
   * changelog writes and compactions) are a different thing from the steady live state the
   * latency target is about, and on a loaded machine made a first window's p99 several times the
   * next ones'.
   */
  void settle(BenchTopics topics, Preloader.Loaded loaded) throws InterruptedException {
    Duration settle = settleTime();
    if (settle.isZero()) {
      return;
    }
    log.accept(String.format("latency: %d s of live traffic first (not measured)", settle.toSeconds()));
    try (io.painguard.bench.load.LiveFeed feed =
        new io.painguard.bench.load.LiveFeed(openFeed(topics, 2_000), loaded.generator(), settings.rate())) {
      Thread.sleep(settle.toMillis());
      feed.checkHealthy();
    }
  }

  /** How long {@link #settle} feeds: none for the smoke test. */
  Duration settleTime() {
    return settings.quick() || settings.latencyDuration().isZero() ? Duration.ZERO : SETTLE;
  }

  /** One latency window against whatever app instances are running; its probes are its own. */
  Latency latencyWindow(BenchTopics topics, Preloader.Loaded loaded, int window) throws InterruptedException {
    log.accept(String.format("latency window %d: %,.0f records/s for %d s with tagged overexertion episodes",
        window, settings.rate(), settings.latencyDuration().toSeconds()));
    // A device gateway's producer: the simulator's settings, but a short linger -- every
    // millisecond a sample waits in the producer counts against the latency.
    try (KafkaRecordSink sink = openFeed(topics, window)) {
      Latency latency = new LatencyDriver(sink, loaded.generator(), log, window).run(
          cluster.clientProperties(), cluster.schemaRegistryUrl(), topics.alerts(),
          settings.rate(), settings.latencyDuration(), settings.probeShare());
      log.accept(String.format("latency window %d: p50 %.0f ms, p99 %.0f ms over %d alerts", window,
          latency.sendToReadable().p50Millis(), latency.sendToReadable().p99Millis(), latency.probesTimed()));
      return latency;
    }
  }

  /** A producer for the inputs like a device gateway's (5 ms linger). */
  KafkaRecordSink openFeed(BenchTopics topics, int salt) {
    return Preloader.openSink(cluster.clientProperties(), cluster.schemaRegistryUrl(),
        topics, settings.seed() + salt, Map.of("linger.ms", "5"));
  }

  BenchResult.Data data(BenchTopics topics, Preloader.Preloaded pre, long alerts) {
    return new BenchResult.Data(
        pre.athletes(), pre.activityEvents(), pre.painReports(), pre.profiles(), pre.records(),
        preloadedBytes.getOrDefault(topics, 0L), pre.eventSeconds(), Math.round(pre.seconds() * 100) / 100.0, alerts);
  }

  BenchResult.Machine machine() {
    return MachineFacts.collect(cluster, loadBefore);
  }

  /** The broker JVM's figures over the run, or null when the bench did not start one of its own. */
  io.painguard.bench.result.ResourceUsage brokerUsage() {
    io.painguard.bench.result.ResourceUsage broker = cluster.brokerUsage();
    return broker.cpuMillis() > 0 ? broker : null;
  }

  /** The parameters every kind of run records. */
  Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("mode", settings.modeName());
    p.put("repeats", settings.repeats());
    p.put("athletes", settings.athletes());
    p.put("records", settings.records());
    p.put("partitions", settings.partitions());
    p.put("seed", settings.seed());
    p.put("streamThreads", settings.streamThreads());
    p.put("baselines", settings.baselines());
    p.put("broker", settings.broker());
    p.put("tuning", settings.tuning());
    p.put("appKafkaOverrides", appKafka());
    p.put("appKafkaTuning", StreamsTuning.effective(appKafka()));
    p.put("copierKafkaSettings", copierKafka());
    p.put("appJvmOptions", settings.appJvmOptions());
    p.put("brokerJvmOptions", settings.brokerJvmOptions());
    p.put("latencyRatePerSecond", settings.rate());
    p.put("latencySeconds", settings.latencyDuration().toSeconds());
    p.put("latencySettleSeconds", settleTime().toSeconds());
    p.put("probeShare", settings.probeShare());
    p.put("warmupShare", settings.warmupShare());
    p.put("quick", settings.quick());
    p.put("jfr", settings.jfr());
    return p;
  }

  /** Notes every kind of run carries. */
  List<String> commonNotes() {
    List<String> out = new ArrayList<>(notes);
    out.add("records/s runs from the moment the worker has joined its group and got its partitions to the moment its "
        + "committed offsets reach the end of every pre-loaded input partition (JIT warm-up included); steady/s leaves out the first "
        + Math.round(settings.warmupShare() * 100) + " % of the records.");
    out.add("every worker runs in a JVM of its own with the same options (" + String.join(" ", settings.appJvmOptions())
        + "), in a fresh consumer group, on the same pre-loaded records.");
    if (cluster instanceof InProcessCluster) {
      out.add("the broker runs inside the bench JVM; its CPU figure includes the bench's own (light) polling.");
    }
    if (Runtime.getRuntime().availableProcessors() <= 2) {
      out.add("on " + Runtime.getRuntime().availableProcessors()
          + " cores the broker, the worker and the bench share the CPU: every figure is a whole-system figure.");
    }
    return out;
  }

  void deleteQuietly(Path dir) {
    try {
      Utils.delete(dir.toFile());
    } catch (IOException e) {
      // A leftover state directory under target/ is harmless.
    }
  }

  private long brokerCpu() {
    if (cluster instanceof InProcessCluster) {
      return self.snapshot().cpuMillis();
    }
    return cluster.brokerUsage().cpuMillis();
  }

  private Map<String, String> clientStrings() {
    Map<String, String> out = new LinkedHashMap<>();
    cluster.clientProperties().forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private Cluster startCluster() {
    return switch (settings.broker()) {
      case BenchSettings.IN_PROCESS -> InProcessCluster.start();
      case BenchSettings.CHILD -> ChildProcessCluster.start(settings.brokerJvmOptions(), logDir.resolve("broker.log"));
      case BenchSettings.EXTERNAL -> new ExternalCluster(settings.bootstrap(), settings.registry(), settings.clientOverrides());
      default -> throw new IllegalArgumentException("unknown broker mode " + settings.broker());
    };
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (!settings.keepTopics() && cluster instanceof ExternalCluster) {
        for (BenchTopics topics : created) {
          List<String> left = topics.deleteAll(cluster.clientProperties());
          if (!left.isEmpty()) {
            log.accept("could not delete topics " + left);
          }
        }
      }
      stats.close();
    } finally {
      cluster.close();
      self.close();
    }
  }
}
