package io.painguard.bench.result;

import java.util.ArrayList;
import java.util.List;

/** The targets, judged on one run's figures. */
public final class Targets {

  public static final double RATIO_TARGET = 0.5;
  public static final double RATIO_STRETCH = 0.7;
  public static final double P99_MILLIS = 500;
  public static final double P50_MILLIS = 200;
  public static final long HEAP_BYTES = 512L * 1024 * 1024;
  public static final long RSS_BYTES = 1024L * 1024 * 1024;
  public static final int SCALE_ATHLETES = 100_000;

  private Targets() {}

  /**
   * @param ratio painguard over the exactly-once baseline (null when that baseline was skipped)
   * @param latency null when the latency phase was skipped
   * @param app the app JVM's usage
   * @param athletes population of this run (the memory targets are stated for 100,000)
   */
  public static List<Target> judge(BenchResult.Ratio ratio, Latency latency, ResourceUsage app, int athletes) {
    List<Target> out = new ArrayList<>();
    if (ratio != null) {
      out.add(new Target(
          "throughput vs exactly-once baseline",
          ">= 50 % (stretch 70 %)",
          String.format("%.0f %% whole run, %.0f %% steady (judged on the lower)", 100 * ratio.wholeRun(), 100 * ratio.steady()),
          Math.min(ratio.wholeRun(), ratio.steady()) >= RATIO_TARGET));
    }
    if (latency != null) {
      Percentiles p = latency.sendToReadable();
      boolean timed = p.count() > 0;
      out.add(new Target(
          String.format("p99 event-to-alert at %,.0f ev/s", latency.offeredRatePerSecond()),
          "<= 500 ms",
          timed ? String.format("%.0f ms (%d alerts)", p.p99Millis(), p.count()) : "no alert timed",
          timed && p.p99Millis() <= P99_MILLIS && latency.probesMissing() == 0));
      out.add(new Target(
          String.format("p50 event-to-alert at %,.0f ev/s", latency.offeredRatePerSecond()),
          "<= 200 ms",
          timed ? String.format("%.0f ms", p.p50Millis()) : "no alert timed",
          timed && p.p50Millis() <= P50_MILLIS));
    }
    String scope = athletes >= SCALE_ATHLETES ? "" : String.format(" (this run: %,d athletes; target stated for 100,000)", athletes);
    out.add(new Target(
        "app heap",
        "<= 512 MiB",
        String.format("peak %.0f MiB used, %.0f MiB live (after a full GC), -Xmx %.0f MiB%s",
            ResourceUsage.mib(app.heapPeakUsedBytes()), ResourceUsage.mib(app.heapLiveBytes()),
            ResourceUsage.mib(app.heapMaxBytes()), scope),
        app.heapPeakUsedBytes() > 0 ? app.heapPeakUsedBytes() <= HEAP_BYTES : null));
    out.add(new Target(
        "app RSS",
        "<= 1 GiB",
        app.rssPeakBytes() > 0 ? String.format("peak %.0f MiB%s", ResourceUsage.mib(app.rssPeakBytes()), scope) : "not reported",
        app.rssPeakBytes() > 0 ? app.rssPeakBytes() <= RSS_BYTES : null));
    out.add(scaling(null, null, 0, athletes));
    return out;
  }

  /**
   * The scaling target: this run's painguard rate against that of a reference run with another
   * population ({@code --compare-with}); undecided without one.
   *
   * @param current this run's painguard phase
   * @param reference the reference run's painguard phase, or null
   * @param referenceAthletes the reference run's population
   * @param athletes this run's population
   */
  public static Target scaling(Throughput current, Throughput reference, int referenceAthletes, int athletes) {
    String name = "100k athletes vs 1k athletes";
    String goal = ">= 80 %";
    if (current == null || reference == null || reference.recordsPerSecond() <= 0) {
      return new Target(name, goal,
          "compare two runs: --athletes 1000, then --athletes 100000 --compare-with <the first result.json>", null);
    }
    double ratio = current.recordsPerSecond() / reference.recordsPerSecond();
    return new Target(name, goal,
        String.format("%,d athletes %,.0f records/s = %.0f %% of %,.0f with %,d athletes",
            athletes, current.recordsPerSecond(), 100 * ratio, reference.recordsPerSecond(), referenceAthletes),
        athletes > referenceAthletes ? ratio >= 0.8 : null);
  }
}
