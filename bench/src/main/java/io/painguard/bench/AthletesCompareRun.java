package io.painguard.bench;

import io.painguard.bench.cluster.BenchTopics;
import io.painguard.bench.load.GroupProgress;
import io.painguard.bench.load.Preloader;
import io.painguard.bench.result.AthletesComparison;
import io.painguard.bench.result.BenchResult;
import io.painguard.bench.result.Phase;
import io.painguard.bench.result.PhaseSummary;
import io.painguard.bench.result.ResourceUsage;
import io.painguard.bench.result.Targets;
import io.painguard.bench.stats.Alternation;
import io.painguard.bench.worker.WorkerProcess;
import io.painguard.bench.worker.WorkerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code --athletes-compare FEWER,MORE}: the app on two populations with the same number of
 * activity samples and pain reports, each pre-loaded into topics of its own, then run alternately
 * (fewer, more, fewer, more, ...), each run a fresh JVM and application id.
 */
final class AthletesCompareRun {

  private final BenchSettings settings;
  private final Consumer<String> log;

  AthletesCompareRun(BenchSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
  }

  BenchResult run() throws InterruptedException {
    int fewer = settings.comparedAthletes().get(0);
    int more = settings.comparedAthletes().get(1);
    try (BenchSession session = new BenchSession(settings, log)) {
      Map<Integer, BenchTopics> topics = new LinkedHashMap<>();
      Map<Integer, Preloader.Loaded> loaded = new LinkedHashMap<>();
      Map<Integer, GroupProgress> progress = new LinkedHashMap<>();
      for (int athletes : List.of(fewer, more)) {
        BenchTopics t = session.topics("a" + athletes, List.of());
        topics.put(athletes, t);
        loaded.put(athletes, session.preload(t, athletes));
      }
      // Warm both after both are loaded, so neither finds the other's records in the page cache.
      for (int athletes : List.of(fewer, more)) {
        progress.put(athletes, session.progress(topics.get(athletes), loaded.get(athletes).figures().records()));
      }

      List<Phase> runs = new ArrayList<>();
      Map<Integer, Long> alerts = new LinkedHashMap<>();
      ResourceUsage app = ResourceUsage.NONE;
      for (Alternation.Step step : Alternation.of(List.of(name(fewer), name(more)), settings.repeats())) {
        int athletes = step.phase().equals(name(fewer)) ? fewer : more;
        BenchTopics t = topics.get(athletes);
        String appId = t.appId() + "-r" + step.round();
        Path state = settings.outputDir().resolve("state").resolve(athletes + "-r" + step.round());
        WorkerSpec spec = session.appSpec(t, appId, session.appKafka(), state);
        long alertsBefore = session.stats().countCommitted(t.alerts());
        try (WorkerProcess process = session.startApp(spec, step.phase() + "-r" + step.round())) {
          runs.add(session.measureApp(process, appId, progress.get(athletes), step.phase(), step.round()));
          alerts.put(athletes, session.stats().countCommitted(t.alerts()) - alertsBefore);
          app = BenchRun.peaks(app, process.stop().resources());
        } finally {
          session.deleteQuietly(state);
        }
      }

      List<Phase> fewerRuns = runs.stream().filter(p -> p.name().equals(name(fewer))).toList();
      List<Phase> moreRuns = runs.stream().filter(p -> p.name().equals(name(more))).toList();
      AthletesComparison comparison = AthletesComparison.of(fewer, fewerRuns, more, moreRuns);
      boolean judged = !settings.quick();
      List<String> notes = session.commonNotes();
      notes.add(String.format("both populations have %,d activity samples and pain reports; the profiles come on top "
          + "(one per athlete who publishes one), so the larger population has more records in all.", settings.records()));
      notes.add("medians and ranges are over the " + settings.repeats() + " runs of each phase, which alternated round by round.");
      List<PhaseSummary> summaries = List.of(PhaseSummary.of(fewerRuns), PhaseSummary.of(moreRuns));
      if (judged) {
        summaries.stream().map(PhaseSummary::noiseNote).filter(java.util.Objects::nonNull).forEach(notes::add);
      } else {
        notes.add(0, "smoke test: tiny and run once, it checks the wiring and judges nothing.");
      }
      List<BenchResult.Data> data = new ArrayList<>();
      for (int athletes : List.of(fewer, more)) {
        data.add(session.data(topics.get(athletes), loaded.get(athletes).figures(), alerts.getOrDefault(athletes, 0L)));
      }
      Map<String, Object> parameters = session.parameters();
      parameters.put("athletesCompared", settings.comparedAthletes());
      return new BenchResult(
          BenchResult.VERSION, settings.modeName(), judged, session.startedAt,
          session.machine(), parameters, data, runs, summaries,
          Map.of(), null, judged ? comparison : null, null, app, session.brokerUsage(),
          judged ? List.of(Targets.athletes(comparison)) : List.of(), notes);
    }
  }

  static String name(int athletes) {
    return "painguard-" + athletes;
  }
}
