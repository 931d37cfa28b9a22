package io.painguard.bench.result;

import java.util.List;
import java.util.Map;

/**
 * The whole result of a bench run, as written to {@code result.json}.
 *
 * @param version of this layout
 * @param startedAt ISO-8601 instant
 * @param machine where it ran
 * @param parameters how it ran (the settings)
 * @param data what was pre-loaded
 * @param phases the throughput phases, baseline(s) first
 * @param ratios painguard records/s divided by each baseline's ("eos", "plain"), whole run and steady
 * @param latency the latency phase, or null when skipped
 * @param app the app JVM over its whole life (throughput and latency phases)
 * @param broker the broker JVM over the run, when the bench started one of its own
 * @param targets the targets judged on this run
 * @param notes what a reader must know to trust the figures
 */
public record BenchResult(
    int version,
    String startedAt,
    Machine machine,
    Map<String, Object> parameters,
    Data data,
    List<Phase> phases,
    Map<String, Ratio> ratios,
    Latency latency,
    ResourceUsage app,
    ResourceUsage broker,
    List<Target> targets,
    List<String> notes) {

  /**
   * The machine.
   *
   * @param cores processors the JVM sees
   * @param loadAverageBefore 1-minute load average when the run started (other work on the box)
   * @param loadAverageAfter 1-minute load average when it ended
   */
  public record Machine(
      int cores,
      String os,
      String java,
      long memoryBytes,
      double loadAverageBefore,
      double loadAverageAfter,
      String cluster) {}

  /**
   * The pre-loaded data.
   *
   * @param bytesOnDisk input topics' size on the broker (compressed batches), 0 if not reported
   * @param eventSeconds seconds of event time the data spans
   */
  public record Data(
      int athletes,
      long activityEvents,
      long painReports,
      long profiles,
      long records,
      long bytesOnDisk,
      long eventSeconds,
      double preloadSeconds,
      long alertsEmitted) {}

  /** painguard / baseline, by whole-run rate and by steady rate. */
  public record Ratio(double wholeRun, double steady) {}

  public Phase phase(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
