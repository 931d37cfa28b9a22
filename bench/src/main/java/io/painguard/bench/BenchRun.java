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
import io.painguard.bench.result.ResourceUsage;
import io.painguard.bench.result.ResultJson;
import io.painguard.bench.result.Target;
import io.painguard.bench.result.Targets;
import io.painguard.bench.result.Throughput;
import io.painguard.bench.tuning.StreamsTuning;
import io.painguard.bench.worker.WorkerProcess;
import io.painguard.bench.worker.WorkerSpec;
import io.painguard.bench.worker.WorkerStats;
import io.painguard.simulator.kafka.KafkaRecordSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
 * One bench run: cluster, pre-load, the baseline copier(s), the app, the latency phase, the
 * result. Each measured program runs in a JVM of its own with the same JVM options, one at a
 * time, on the same pre-loaded records.
 */
public final class BenchRun {

  /** A worker gets this long to join its group and get its partitions. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  /** A phase is abandoned when its group's committed offsets do not move for this long. */
  static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

  private final BenchSettings settings;
  private final Consumer<String> log;
  private final List<String> notes = new ArrayList<>();

  public BenchRun(BenchSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
  }

  public BenchResult run() throws InterruptedException {
    String startedAt = Instant.now().toString();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Path logDir = settings.outputDir().resolve("logs");
    createDirectories(logDir);
    try (ResourceSampler self = new ResourceSampler().start();
        Cluster cluster = startCluster(logDir)) {
      log.accept("cluster: " + cluster.description());
      BenchTopics topics = new BenchTopics("bench-" + UUID.randomUUID().toString().substring(0, 6) + "-",
          settings.partitions());
      List<String> variants = settings.baselines();
      topics.create(cluster.clientProperties(), variants);
      try (TopicStats stats = new TopicStats(cluster.clientProperties())) {
        return measure(cluster, topics, stats, self, startedAt, loadBefore, logDir);
      } finally {
        if (!settings.keepTopics() && cluster instanceof ExternalCluster) {
          List<String> left = topics.deleteAll(cluster.clientProperties());
          if (!left.isEmpty()) {
            log.accept("could not delete topics " + left);
          }
        }
      }
    }
  }

  private BenchResult measure(
      Cluster cluster, BenchTopics topics, TopicStats stats, ResourceSampler self,
      String startedAt, double loadBefore, Path logDir) throws InterruptedException {
    Preloader.Loaded loaded = Preloader.preload(
        cluster.clientProperties(), cluster.schemaRegistryUrl(), topics, settings.athletes(),
        settings.records(), settings.seed(), settings.latencyEventSeconds(), log);
    Preloader.Preloaded pre = loaded.figures();
    log.accept(String.format("pre-loaded %,d records in %.1f s", pre.records(), pre.seconds()));
    Map<TopicPartition, Long> ends = stats.endOffsets(topics.inputs());
    GroupProgress progress = new GroupProgress(stats, ends);
    long warmStart = System.nanoTime();
    long warmed = stats.readAll(ends);
    log.accept(String.format("warm-up: read the %,d input records once in %.1f s (not measured)",
        warmed, (System.nanoTime() - warmStart) / 1e9));
    if (progress.total() != pre.records()) {
      notes.add(String.format("the input topics hold %,d records, %,d were sent", progress.total(), pre.records()));
    }

    Map<String, String> appKafka = new LinkedHashMap<>(StreamsTuning.app(settings.tuning()));
    appKafka.putAll(settings.streamsOverrides());
    Map<String, String> copierKafka = StreamsTuning.copier(StreamsTuning.effective(appKafka));

    List<Phase> phases = new ArrayList<>();
    for (String variant : settings.baselines()) {
      phases.add(copyPhase(cluster, topics, progress, variant, copierKafka, self, logDir));
    }

    WorkerSpec appSpec = new WorkerSpec(
        WorkerSpec.PAINGUARD, topics.appId(), asStrings(cluster.clientProperties()), cluster.schemaRegistryUrl(),
        topics.inputs(), List.of(topics.alerts(), topics.deadLetters(), topics.acknowledgements()),
        settings.streamThreads(), true,
        appKafka, settings.outputDir().resolve("state").toAbsolutePath().toString());
    Latency latency = null;
    WorkerStats appFinal;
    Phase appPhase;
    long alerts;
    log.accept("painguard: starting the app (exactly_once_v2, " + settings.streamThreads() + " stream thread(s))");
    try (WorkerProcess app = WorkerProcess.start(appSpec, appJvmOptions(logDir), logDir, "painguard")) {
      WorkerStats ready = app.awaitReady(READY_TIMEOUT);
      long brokerCpuBefore = brokerCpu(cluster, self);
      Throughput t = await(progress, topics.appId(), app);
      long brokerCpu = brokerCpu(cluster, self) - brokerCpuBefore;
      WorkerStats done = app.snapshot(true);
      appPhase = new Phase("painguard", "painguard (exactly_once_v2)", t,
          done.resources().since(ready.resources()), brokerCpu, done.counters());
      phases.add(appPhase);
      log.accept(String.format("painguard: %,.0f records/s", t.recordsPerSecond()));
      alerts = stats.countCommitted(topics.alerts());
      if (settings.latencyDuration().toMillis() > 0) {
        latency = latencyPhase(cluster, topics, loaded);
      }
      appFinal = app.stop();
    } finally {
      deleteQuietly(settings.outputDir().resolve("state"));
    }

    Map<String, BenchResult.Ratio> ratios = new LinkedHashMap<>();
    for (Phase p : phases) {
      if (p.name().startsWith("baseline-")) {
        ratios.put(p.name().substring("baseline-".length()), new BenchResult.Ratio(
            appPhase.throughput().ratioTo(p.throughput()), appPhase.throughput().steadyRatioTo(p.throughput())));
      }
    }
    ResourceUsage broker = cluster.brokerUsage();
    addNotes(cluster);
    BenchResult.Data data = new BenchResult.Data(
        pre.athletes(), pre.activityEvents(), pre.painReports(), pre.profiles(), pre.records(),
        stats.bytesOnDisk(topics.inputs()), pre.eventSeconds(), round(pre.seconds()), alerts);
    BenchResult.Machine machine = new BenchResult.Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        System.getProperty("java.version"),
        totalMemory(),
        round(loadBefore),
        round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
        cluster.description());
    return new BenchResult(
        1, startedAt, machine, parameters(appKafka, copierKafka), data, phases, ratios, latency,
        appFinal.resources(), broker == ResourceUsage.NONE ? null : broker,
        targets(ratios.get(BenchSettings.EOS), latency, appFinal.resources(), appPhase.throughput()),
        List.copyOf(notes));
  }

  private List<Target> targets(BenchResult.Ratio ratio, Latency latency, ResourceUsage app, Throughput painguard) {
    List<Target> targets = new ArrayList<>(Targets.judge(ratio, latency, app, settings.athletes()));
    if (settings.compareWith() != null) {
      BenchResult reference = ResultJson.read(settings.compareWith());
      Phase referencePhase = reference.phase("painguard");
      targets.set(targets.size() - 1, Targets.scaling(
          painguard, referencePhase == null ? null : referencePhase.throughput(),
          reference.data().athletes(), settings.athletes()));
    }
    return targets;
  }

  private Phase copyPhase(
      Cluster cluster, BenchTopics topics, GroupProgress progress, String variant,
      Map<String, String> copierKafka, ResourceSampler self, Path logDir) throws InterruptedException {
    boolean eos = variant.equals(BenchSettings.EOS);
    List<String> sinks = topics.inputs().stream().map(in -> topics.sinkOf(variant, in)).toList();
    WorkerSpec spec = new WorkerSpec(
        WorkerSpec.COPY, topics.copyGroup(variant), asStrings(cluster.clientProperties()), cluster.schemaRegistryUrl(),
        topics.inputs(), sinks, settings.streamThreads(), eos, copierKafka, null);
    String description = eos ? "baseline copy (exactly-once)" : "baseline copy (at-least-once)";
    log.accept(description + ": starting");
    try (WorkerProcess copier = WorkerProcess.start(spec, settings.appJvmOptions(), logDir, "baseline-" + variant)) {
      long launched = System.nanoTime();
      WorkerStats ready = copier.awaitReady(READY_TIMEOUT);
      log.accept(String.format("%s: ready after %.1f s", description, (System.nanoTime() - launched) / 1e9));
      long brokerCpuBefore = brokerCpu(cluster, self);
      Throughput t = await(progress, spec.name(), copier);
      long brokerCpu = brokerCpu(cluster, self) - brokerCpuBefore;
      long stopping = System.nanoTime();
      WorkerStats done = copier.stop();
      log.accept(String.format("%s: stopped in %.1f s", description, (System.nanoTime() - stopping) / 1e9));
      log.accept(String.format("%s: %,.0f records/s", description, t.recordsPerSecond()));
      return new Phase("baseline-" + variant, description, t, done.resources().since(ready.resources()),
          brokerCpu, done.counters());
    }
  }

  private Throughput await(GroupProgress progress, String group, WorkerProcess worker) throws InterruptedException {
    try {
      return progress.await(group, worker.readyNanos(), settings.warmupShare(), STALL_TIMEOUT, worker::isAlive);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + " (worker log: " + worker.logFile() + ")", e);
    }
  }

  private Latency latencyPhase(Cluster cluster, BenchTopics topics, Preloader.Loaded loaded)
      throws InterruptedException {
    log.accept(String.format("latency: %,.0f records/s for %d s with tagged overexertion episodes",
        settings.rate(), settings.latencyDuration().toSeconds()));
    // A device gateway's producer: the simulator's settings, but a short linger -- every
    // millisecond a sample waits in the producer counts against the latency.
    try (KafkaRecordSink sink = Preloader.openSink(cluster.clientProperties(), cluster.schemaRegistryUrl(),
        topics, settings.seed() + 1, Map.of("linger.ms", "5"))) {
      Latency latency = new LatencyDriver(sink, loaded.generator(), log).run(
          cluster.clientProperties(), cluster.schemaRegistryUrl(), topics.alerts(),
          settings.rate(), settings.latencyDuration(), settings.probeShare());
      log.accept(String.format("latency: p50 %.0f ms, p99 %.0f ms over %d alerts",
          latency.sendToReadable().p50Millis(), latency.sendToReadable().p99Millis(), latency.probesTimed()));
      return latency;
    }
  }

  private Cluster startCluster(Path logDir) {
    return switch (settings.broker()) {
      case BenchSettings.IN_PROCESS -> InProcessCluster.start();
      case BenchSettings.CHILD -> ChildProcessCluster.start(settings.brokerJvmOptions(), logDir.resolve("broker.log"));
      case BenchSettings.EXTERNAL -> new ExternalCluster(settings.bootstrap(), settings.registry(), settings.clientOverrides());
      default -> throw new IllegalArgumentException("unknown broker mode " + settings.broker());
    };
  }

  private List<String> appJvmOptions(Path logDir) {
    List<String> options = new ArrayList<>(settings.appJvmOptions());
    if (settings.jfr()) {
      options.add("-XX:StartFlightRecording=settings=profile,filename="
          + logDir.resolve("painguard.jfr").toAbsolutePath());
    }
    return options;
  }

  /** CPU of the broker's JVM so far: its own JVM's, or ours when it runs inside this one. */
  private static long brokerCpu(Cluster cluster, ResourceSampler self) {
    if (cluster instanceof InProcessCluster) {
      return self.snapshot().cpuMillis();
    }
    return cluster.brokerUsage().cpuMillis();
  }

  private void addNotes(Cluster cluster) {
    notes.add("records/s runs from the moment the worker has joined its group and got its partitions to the moment its "
        + "committed offsets reach the end of every input partition (JIT warm-up included); steady/s leaves out the first "
        + Math.round(settings.warmupShare() * 100) + " % of the records.");
    notes.add("every worker (baseline copier, app) runs alone, in a JVM of its own with the same options: "
        + String.join(" ", settings.appJvmOptions()));
    if (cluster instanceof InProcessCluster) {
      notes.add("the broker runs inside the bench JVM; its CPU figure includes the bench's own (light) polling.");
    }
    if (Runtime.getRuntime().availableProcessors() <= 2) {
      notes.add("on " + Runtime.getRuntime().availableProcessors()
          + " cores the broker, the worker and the bench share the CPU: every figure is a whole-system figure.");
    }
  }

  private Map<String, Object> parameters(Map<String, String> appKafka, Map<String, String> copierKafka) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("athletes", settings.athletes());
    p.put("records", settings.records());
    p.put("partitions", settings.partitions());
    p.put("seed", settings.seed());
    p.put("streamThreads", settings.streamThreads());
    p.put("baselines", settings.baselines());
    p.put("broker", settings.broker());
    p.put("tuning", settings.tuning());
    p.put("appKafkaOverrides", appKafka);
    p.put("appKafkaTuning", StreamsTuning.effective(appKafka));
    p.put("copierKafkaSettings", copierKafka);
    p.put("appJvmOptions", settings.appJvmOptions());
    p.put("brokerJvmOptions", settings.brokerJvmOptions());
    p.put("latencyRatePerSecond", settings.rate());
    p.put("latencySeconds", settings.latencyDuration().toSeconds());
    p.put("probeShare", settings.probeShare());
    p.put("warmupShare", settings.warmupShare());
    p.put("quick", settings.quick());
    p.put("jfr", settings.jfr());
    return p;
  }

  private static Map<String, String> asStrings(Map<String, Object> map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private static long totalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Utils.delete(dir.toFile());
    } catch (IOException e) {
      // A leftover state directory under target/ is harmless.
    }
  }
}
