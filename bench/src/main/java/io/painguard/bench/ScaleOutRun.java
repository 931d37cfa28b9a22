package io.painguard.bench;

import io.painguard.bench.cluster.BenchTopics;
import io.painguard.bench.load.GroupProgress;
import io.painguard.bench.load.LiveFeed;
import io.painguard.bench.load.Preloader;
import io.painguard.bench.result.BenchResult;
import io.painguard.bench.result.Latency;
import io.painguard.bench.result.Phase;
import io.painguard.bench.result.ResourceUsage;
import io.painguard.bench.result.ScaleOut;
import io.painguard.bench.result.Throughput;
import io.painguard.bench.worker.WorkerStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code --scale-out}: the app as 1, 2, 3 instances (one JVM each, the same application id, the
 * same partitions) on the same pre-loaded records -- throughput, then a latency window with all of
 * them running; then, per standby setting, a caught-up instance fed at the latency rate while a
 * second and a third join, timed until every instance has active tasks and the lag is back under
 * a bound. Run once, not repeated: the figures are a curve, not a verdict.
 */
final class ScaleOutRun {

  static final String INSTANCES_ARE = "separate JVMs, one per instance, each like the app phase's (same JVM options, "
      + "own state directory), all on this machine, started by the bench";
  /**
   * Kafka Streams' shortest probing interval. As shipped (10 min), a joining instance whose state
   * lags by more than acceptable.recovery.lag warms up and takes active tasks only at the next
   * probing rebalance, up to 10 minutes later; the bench probes every minute (unless told
   * otherwise with --streams-property) so a takeover fits in a run, and says so.
   */
  static final String PROBING_INTERVAL = "probing.rebalance.interval.ms";
  static final String PROBING_INTERVAL_MS = "60000";

  /** How often the joining instance's progress is looked at. */
  static final long WATCH_MILLIS = 250;

  private final BenchSettings settings;
  private final BenchSettings.ScaleOutSettings scale;
  private final Consumer<String> log;

  ScaleOutRun(BenchSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.scale = settings.scaleOut();
    this.log = log;
  }

  BenchResult run() throws InterruptedException {
    try (BenchSession session = new BenchSession(settings, log)) {
      BenchTopics topics = session.topics("", List.of());
      Preloader.Loaded loaded = session.preload(topics, settings.athletes());
      GroupProgress preloaded = session.progress(topics, loaded.figures().records());
      List<ScaleOut.InstanceCount> counts = new ArrayList<>();
      List<Phase> runs = new ArrayList<>();
      int window = 0;
      for (int n : scale.instances()) {
        String appId = topics.appId() + "-n" + n;
        try (AppInstances group = new AppInstances(session, topics, appId, session.appKafka(), state("n" + n))) {
          log.accept(String.format("scale-out: %d instance(s) on the pre-loaded records", n));
          for (int i = 0; i < n; i++) {
            group.add();
          }
          long start = group.firstReadyNanos();
          Throughput t = preloaded.await(appId, start, settings.warmupShare(), BenchSession.STALL_TIMEOUT, group::allAlive);
          group.awaitAllReady();
          double cpuPerRecord = group.cpuMillisSinceReady() * 1000.0 / t.records();
          log.accept(String.format("scale-out: %d instance(s): %,.0f records/s, %,.0f steady, %.1f us CPU/record",
              n, t.recordsPerSecond(), t.steadyRecordsPerSecond(), cpuPerRecord));
          runs.add(new Phase("painguard-x" + n, 1, "painguard, " + n + " instance(s)", t, ResourceUsage.NONE, 0, Map.of()));
          Latency latency = null;
          if (!settings.latencyDuration().isZero()) {
            caughtUp(session, topics, group); // the earlier windows' records too
            session.settle(topics, loaded);
            latency = session.latencyWindow(topics, loaded, ++window);
          }
          counts.add(new ScaleOut.InstanceCount(n, t, cpuPerRecord, latency));
        }
      }
      List<ScaleOut.Takeover> takeovers = new ArrayList<>();
      if (scale.instances().size() > 1) {
        for (int standbys : scale.standbys()) {
          takeovers.addAll(joins(session, topics, loaded, standbys));
        }
      }
      return result(session, topics, loaded, runs, counts, takeovers);
    }
  }

  /** One instance caught up under a live feed, then the others joining one by one. */
  private List<ScaleOut.Takeover> joins(BenchSession session, BenchTopics topics, Preloader.Loaded loaded, int standbys)
      throws InterruptedException {
    Map<String, String> kafka = new LinkedHashMap<>(session.appKafka());
    kafka.put("num.standby.replicas", Integer.toString(standbys));
    kafka.putIfAbsent(PROBING_INTERVAL, PROBING_INTERVAL_MS);
    String appId = topics.appId() + "-join-s" + standbys;
    List<ScaleOut.Takeover> out = new ArrayList<>();
    int most = scale.instances().get(scale.instances().size() - 1);
    try (AppInstances group = new AppInstances(session, topics, appId, kafka, state("join-s" + standbys))) {
      log.accept(String.format("scale-out: %d standby: one instance catches up, then %s join under %,.0f records/s",
          standbys, most == 2 ? "a second" : "the others up to " + most, settings.rate()));
      group.add();
      group.awaitAllReady();
      caughtUp(session, topics, group);
      try (LiveFeed feed = new LiveFeed(session.openFeed(topics, 1_000 + standbys), loaded.generator(), settings.rate())) {
        for (int k = 2; k <= most; k++) {
          ScaleOut.Takeover t = new JoinWatch(session, topics, group, scale, standbys).join();
          feed.checkHealthy();
          log.accept(String.format("scale-out: %d standby, instance %d joined: active on all %s, fair share %s, "
              + "lag under %,d %s (peak lag %,d)", standbys, k, seconds(t.everyInstanceActive()), seconds(t.fairShare()),
              scale.lagBound(), seconds(t.takeover()), t.peakLagRecords()));
          out.add(t);
        }
      }
    }
    return out;
  }

  /** Waits until the group has committed everything the inputs hold now. */
  private void caughtUp(BenchSession session, BenchTopics topics, AppInstances group) throws InterruptedException {
    GroupProgress now = new GroupProgress(session.stats(), session.stats().endOffsets(topics.inputs()));
    now.await(group.appId(), System.nanoTime(), 0, BenchSession.STALL_TIMEOUT, group::allAlive);
  }

  private BenchResult result(BenchSession session, BenchTopics topics, Preloader.Loaded loaded, List<Phase> runs,
      List<ScaleOut.InstanceCount> counts, List<ScaleOut.Takeover> takeovers) {
    List<String> notes = session.commonNotes();
    notes.add("instances are " + INSTANCES_ARE + "; on " + Runtime.getRuntime().availableProcessors()
        + " cores they share the CPU with each other and the broker: the curve shows what one machine gives, "
        + "not what a cluster of machines would.");
    notes.add("throughput of N instances runs from the first instance's first assignment (the others join "
        + "meanwhile, so the rebalances are in it) to the pre-loaded records committed; run once per count.");
    notes.add(String.format("a takeover is timed from the joining instance's JVM launch until every instance owns "
        + "an active task and the group's lag is at most %,d records, under a feed of %,.0f records/s; "
        + "given up after %d s. Active tasks move only to an instance whose state is within acceptable.recovery.lag, "
        + "otherwise it warms up first and takes them at a probing rebalance (probing.rebalance.interval.ms).",
        scale.lagBound(), settings.rate(), scale.takeoverTimeout().toSeconds()));
    Map<String, Object> parameters = session.parameters();
    parameters.put("instances", scale.instances());
    parameters.put("standbys", scale.standbys());
    parameters.put("takeoverTimeoutSeconds", scale.takeoverTimeout().toSeconds());
    parameters.put("lagBoundRecords", scale.lagBound());
    String probing = settings.streamsOverrides().getOrDefault(PROBING_INTERVAL, PROBING_INTERVAL_MS);
    parameters.put("takeoverKafkaSettings", Map.of(PROBING_INTERVAL, probing));
    if (!takeovers.isEmpty()) {
      notes.add("while instances join, " + PROBING_INTERVAL + " is " + probing + " ms"
          + (settings.streamsOverrides().containsKey(PROBING_INTERVAL) ? "" : " (Kafka Streams' shortest; the app ships with "
          + "Kafka's 600000 ms, with which a joining instance that has to warm up takes its tasks up to 10 minutes later)")
          + "; acceptable.recovery.lag is " + settings.streamsOverrides().getOrDefault("acceptable.recovery.lag", "Kafka's 10000") + ".");
    }
    boolean judged = !settings.quick();
    if (!judged) {
      notes.add(0, "smoke test: tiny, it checks the wiring and judges nothing.");
    }
    ScaleOut scaleOut = new ScaleOut(INSTANCES_ARE, counts, takeovers, scale.lagBound(), settings.rate());
    return new BenchResult(
        BenchResult.VERSION, settings.modeName(), judged, session.startedAt, session.machine(), parameters,
        List.of(session.data(topics, loaded.figures(), 0)), runs, List.of(), Map.of(), null, null, scaleOut,
        null, session.brokerUsage(), List.of(), notes);
  }

  private Path state(String name) {
    return settings.outputDir().resolve("state").resolve(name);
  }

  static String seconds(Double s) {
    return s == null ? "not reached" : String.format("after %.1f s", s);
  }
}
