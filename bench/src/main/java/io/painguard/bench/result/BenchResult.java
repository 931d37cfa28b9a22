package io.painguard.bench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.painguard.bench.stats.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole result of a bench run, as written to {@code result.json}.
 *
 * @param version of this layout (2: repeated runs with median and spread)
 * @param mode "full", "quick", "athletes-compare" or "scale-out"
 * @param judged false for the smoke test: its figures are too small to judge anything, so it
 *     carries no ratios and no targets
 * @param startedAt ISO-8601 instant
 * @param machine where it ran
 * @param parameters how it ran (the settings)
 * @param data what was pre-loaded (one entry per population when populations are compared)
 * @param runs every throughput run in the order it ran (round by round)
 * @param phases every phase over its runs: median and range
 * @param ratios painguard over each baseline ("eos", "plain") from the phases' medians; with each
 *     round's steady ratio as the spread
 * @param latency the latency windows, or null when skipped
 * @param athletes the population comparison (mode athletes-compare), else null
 * @param scaleOut the scale-out measurement (mode scale-out), else null
 * @param app the app JVMs: the highest heap and RSS peaks of any run, CPU and GC of the last one
 *     (its throughput run and the latency windows); null in scale-out runs
 * @param broker the broker JVM over the run, when the bench started one of its own
 * @param targets the targets judged on this run's medians (none when not judged)
 * @param notes what a reader must know to trust the figures
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchResult(
    int version,
    String mode,
    boolean judged,
    String startedAt,
    Machine machine,
    Map<String, Object> parameters,
    List<Data> data,
    List<Phase> runs,
    List<PhaseSummary> phases,
    Map<String, Ratio> ratios,
    LatencySummary latency,
    AthletesComparison athletes,
    ScaleOut scaleOut,
    ResourceUsage app,
    ResourceUsage broker,
    List<Target> targets,
    List<String> notes) {

  public static final int VERSION = 2;

  /**
   * The machine and the software measured.
   *
   * @param cores processors the JVM sees
   * @param jvm the JVM's name and version
   * @param kafkaVersion the Kafka client and Streams library the app runs on
   * @param gitCommit the commit measured ("-dirty" when the work tree had changes), or "unknown"
   * @param loadAverageBefore 1-minute load average when the run started (other work on the box)
   * @param loadAverageAfter 1-minute load average when it ended
   */
  public record Machine(
      int cores,
      String os,
      String java,
      String jvm,
      String kafkaVersion,
      String gitCommit,
      long memoryBytes,
      double loadAverageBefore,
      double loadAverageAfter,
      String cluster) {}

  /**
   * The pre-loaded data.
   *
   * @param bytesOnDisk input topics' size on the broker (compressed batches), 0 if not reported
   * @param eventSeconds seconds of event time the data spans
   * @param alertsEmitted alerts the last throughput run of the app on this data emitted
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

  /**
   * painguard / baseline.
   *
   * @param wholeRun median whole-run rate over the baseline's median
   * @param steady median steady rate over the baseline's median: what the target is judged on
   * @param steadyPerRound each round's steady ratio (the app's run over the baseline's run just
   *     before it): how far one pair of runs can be trusted
   */
  public record Ratio(double wholeRun, double steady, Spread steadyPerRound) {

    /** The ratio of {@code app}'s runs to {@code baseline}'s, paired by round. */
    public static Ratio of(List<Phase> app, List<Phase> baseline) {
      PhaseSummary a = PhaseSummary.of(app);
      PhaseSummary b = PhaseSummary.of(baseline);
      List<Double> perRound = new ArrayList<>();
      for (Phase run : app) {
        baseline.stream().filter(p -> p.round() == run.round()).findFirst()
            .ifPresent(pair -> perRound.add(run.throughput().steadyRatioTo(pair.throughput())));
      }
      return new Ratio(
          a.recordsPerSecond().median() / b.recordsPerSecond().median(),
          a.steadyRecordsPerSecond().median() / b.steadyRecordsPerSecond().median(),
          perRound.isEmpty() ? null : Spread.of(perRound.stream().mapToDouble(Double::doubleValue).toArray()));
    }
  }

  /** Every run of the named phase, in order. */
  public List<Phase> runsOf(String name) {
    return runs.stream().filter(p -> p.name().equals(name)).toList();
  }

  public PhaseSummary phase(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
