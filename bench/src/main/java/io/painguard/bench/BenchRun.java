package io.painguard.bench;

import io.painguard.bench.cluster.BenchTopics;
import io.painguard.bench.load.GroupProgress;
import io.painguard.bench.load.Preloader;
import io.painguard.bench.result.BenchResult;
import io.painguard.bench.result.Latency;
import io.painguard.bench.result.LatencySummary;
import io.painguard.bench.result.Phase;
import io.painguard.bench.result.PhaseSummary;
import io.painguard.bench.result.ResourceUsage;
import io.painguard.bench.result.Targets;
import io.painguard.bench.stats.Alternation;
import io.painguard.bench.worker.WorkerProcess;
import io.painguard.bench.worker.WorkerSpec;
import io.painguard.bench.worker.WorkerStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The full bench (and its smoke test): pre-load once, then round after round the baseline
 * copier(s) and the app, each a fresh JVM in a fresh group on the same records; then the latency
 * windows against the last round's app. Medians and ranges of every phase, ratios from the
 * medians, targets judged on them -- except for the smoke test, which judges nothing.
 */
public final class BenchRun {

  static final String APP = "painguard";

  private final BenchSettings settings;
  private final Consumer<String> log;

  public BenchRun(BenchSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
  }

  public BenchResult run() throws InterruptedException {
    try (BenchSession session = new BenchSession(settings, log)) {
      BenchTopics topics = session.topics("", settings.baselines());
      Preloader.Loaded loaded = session.preload(topics, settings.athletes());
      GroupProgress progress = session.progress(topics, loaded.figures().records());

      List<String> phases = new ArrayList<>();
      settings.baselines().forEach(v -> phases.add("baseline-" + v));
      phases.add(APP);
      List<Alternation.Step> plan = Alternation.of(phases, settings.repeats());
      List<Phase> runs = new ArrayList<>();
      List<Latency> windows = new ArrayList<>();
      ResourceUsage appUsage = ResourceUsage.NONE;
      long alerts = 0;
      for (int i = 0; i < plan.size(); i++) {
        Alternation.Step step = plan.get(i);
        if (!step.phase().equals(APP)) {
          runs.add(session.copy(topics, progress, step.phase().substring("baseline-".length()), step.round()));
          continue;
        }
        boolean last = i == plan.size() - 1;
        String appId = topics.appId() + "-r" + step.round();
        Path state = settings.outputDir().resolve("state").resolve("r" + step.round());
        WorkerSpec spec = session.appSpec(topics, appId, session.appKafka(), state);
        long alertsBefore = session.stats().countCommitted(topics.alerts());
        try (WorkerProcess app = session.startApp(spec, APP + "-r" + step.round())) {
          runs.add(session.measureApp(app, appId, progress, APP, step.round()));
          alerts = session.stats().countCommitted(topics.alerts()) - alertsBefore;
          if (last) {
            // The latency windows run against the last round's app, after every throughput run:
            // their records would otherwise land in the next round's input.
            if (!settings.latencyDuration().isZero()) {
              session.settle(topics, loaded);
            }
            for (int w = 1; w <= (settings.latencyDuration().isZero() ? 0 : settings.repeats()); w++) {
              windows.add(session.latencyWindow(topics, loaded, w));
            }
          }
          WorkerStats end = app.stop();
          appUsage = peaks(appUsage, end.resources());
        } finally {
          session.deleteQuietly(state);
        }
      }
      return result(session, topics, loaded, runs, windows, appUsage, alerts);
    }
  }

  private BenchResult result(BenchSession session, BenchTopics topics, Preloader.Loaded loaded, List<Phase> runs,
      List<Latency> windows, ResourceUsage app, long alerts) {
    List<PhaseSummary> summaries = new ArrayList<>();
    Map<String, BenchResult.Ratio> ratios = new LinkedHashMap<>();
    List<Phase> appRuns = runs.stream().filter(p -> p.name().equals(APP)).toList();
    for (String variant : settings.baselines()) {
      List<Phase> baseline = runs.stream().filter(p -> p.name().equals("baseline-" + variant)).toList();
      summaries.add(PhaseSummary.of(baseline));
      ratios.put(variant, BenchResult.Ratio.of(appRuns, baseline));
    }
    summaries.add(PhaseSummary.of(appRuns));
    LatencySummary latency = windows.isEmpty() ? null : LatencySummary.of(windows);
    boolean judged = !settings.quick();
    List<String> notes = session.commonNotes();
    if (judged) {
      summaries.stream().map(PhaseSummary::noiseNote).filter(java.util.Objects::nonNull).forEach(notes::add);
    } else {
      notes.add(0, "smoke test: tiny and run once, it checks the wiring and judges nothing; its ratios swing "
          + "between 0.4 and 0.9 from run to run on this machine.");
    }
    notes.add("medians and ranges are over the " + settings.repeats() + " runs of each phase, which alternated round by round.");
    if (latency != null) {
      notes.add("the latency window(s) (" + windows.size() + ") ran one after the other against the last round's app, "
          + "each with probe athletes of its own, after " + session.settleTime().toSeconds()
          + " s of live traffic that was not measured; percentiles are per window, their median and range over the windows.");
    }
    BenchResult.Data data = session.data(topics, loaded.figures(), alerts);
    return new BenchResult(
        BenchResult.VERSION, settings.modeName(), judged, session.startedAt, session.machine(), session.parameters(),
        List.of(data), runs, summaries, judged ? ratios : Map.of(), latency, null, null, app, session.brokerUsage(),
        judged ? Targets.judge(ratios.get(BenchSettings.EOS), latency, app, settings.athletes()) : List.of(),
        notes);
  }

  /** The higher peaks of two app JVMs (each run's app is a JVM of its own); CPU and GC of the later. */
  static ResourceUsage peaks(ResourceUsage a, ResourceUsage b) {
    return new ResourceUsage(
        Math.max(a.heapMaxBytes(), b.heapMaxBytes()),
        Math.max(a.heapPeakUsedBytes(), b.heapPeakUsedBytes()),
        Math.max(a.heapPeakAfterGcBytes(), b.heapPeakAfterGcBytes()),
        Math.max(a.heapLiveBytes(), b.heapLiveBytes()),
        Math.max(a.rssPeakBytes(), b.rssPeakBytes()),
        b.gcCount(), b.gcMillis(), b.cpuMillis());
  }
}
