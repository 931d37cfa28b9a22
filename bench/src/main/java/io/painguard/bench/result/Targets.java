package io.painguard.bench.result;

import io.painguard.bench.stats.Judgement;
import io.painguard.bench.stats.Spread;
import java.util.ArrayList;
import java.util.List;

/**
 * The targets of issue 18 (and the memory limits of earlier issues), judged on the medians of
 * repeated runs; a verdict the runs disagree on says "within noise".
 */
public final class Targets {

  /** The app's steady rate over the exactly-once copy's. */
  public static final double RATIO_TARGET = 0.5;
  public static final double P99_MILLIS = 250;
  public static final double P50_MILLIS = 200;
  public static final long HEAP_BYTES = 512L * 1024 * 1024;
  public static final long RSS_BYTES = 1024L * 1024 * 1024;
  public static final int SCALE_ATHLETES = 100_000;
  /** 100,000 athletes' rate over 1,000 athletes' on the same record count. */
  public static final double ATHLETES_TARGET = 0.8;

  static final String SCALING = "100k athletes vs 1k athletes";

  private Targets() {}

  /**
   * @param ratio painguard over the exactly-once baseline (null when that baseline was skipped)
   * @param latency null when the latency phase was skipped
   * @param app the app JVM's usage (peaks)
   * @param athletes population of this run (the memory targets are stated for 100,000)
   */
  public static List<Target> judge(BenchResult.Ratio ratio, LatencySummary latency, ResourceUsage app, int athletes) {
    List<Target> out = new ArrayList<>();
    if (ratio != null) {
      Spread rounds = ratio.steadyPerRound() != null ? ratio.steadyPerRound() : Spread.of(ratio.steady());
      Judgement j = Judgement.atLeast(ratio.steady(), rounds, RATIO_TARGET);
      out.add(new Target(
          "steady throughput vs exactly-once baseline",
          ">= 50 % (ratio of the median steady rates)",
          String.format("%.0f %% (rounds %.0f-%.0f %%; whole run %.0f %%)",
              100 * ratio.steady(), 100 * rounds.min(), 100 * rounds.max(), 100 * ratio.wholeRun()),
          j.met(), j.everyRun()));
    }
    if (latency != null) {
      String at = String.format(" at %,.0f ev/s", latency.offeredRatePerSecond());
      Spread p99 = latency.p99Millis();
      Spread p50 = latency.p50Millis();
      if (p99 == null) {
        out.add(new Target("p99 event-to-alert" + at, "<= 250 ms", "no alert timed", false, true));
      } else {
        Judgement j = Judgement.atMost(p99, P99_MILLIS);
        boolean complete = latency.probesMissing() == 0;
        out.add(new Target("p99 event-to-alert" + at, "<= 250 ms",
            String.format("%.0f ms (windows %.0f-%.0f ms, %d alerts%s)", p99.median(), p99.min(), p99.max(),
                latency.probesTimed(), complete ? "" : ", " + latency.probesMissing() + " missing"),
            j.met() && complete, complete ? j.everyRun() : true));
        Judgement j50 = Judgement.atMost(p50, P50_MILLIS);
        out.add(new Target("p50 event-to-alert" + at, "<= 200 ms",
            String.format("%.0f ms (windows %.0f-%.0f ms)", p50.median(), p50.min(), p50.max()),
            j50.met(), j50.everyRun()));
      }
    }
    String scope = athletes >= SCALE_ATHLETES ? "" : String.format(" (this run: %,d athletes; target stated for 100,000)", athletes);
    out.add(new Target(
        "app heap",
        "<= 512 MiB",
        String.format("peak %.0f MiB used, %.0f MiB live (after a full GC), -Xmx %.0f MiB%s",
            ResourceUsage.mib(app.heapPeakUsedBytes()), ResourceUsage.mib(app.heapLiveBytes()),
            ResourceUsage.mib(app.heapMaxBytes()), scope),
        app.heapPeakUsedBytes() > 0 ? app.heapPeakUsedBytes() <= HEAP_BYTES : null, null));
    out.add(new Target(
        "app RSS",
        "<= 1 GiB",
        app.rssPeakBytes() > 0 ? String.format("peak %.0f MiB%s", ResourceUsage.mib(app.rssPeakBytes()), scope) : "not reported",
        app.rssPeakBytes() > 0 ? app.rssPeakBytes() <= RSS_BYTES : null, null));
    out.add(new Target(SCALING, ">= 80 %", "its own command: ./painguard bench --athletes-compare 1000,100000", null, null));
    return out;
  }

  /**
   * The population target: the larger population's rate over the smaller's, judged on the lower
   * of the whole-run and steady ratios of medians (a slow start with many new keys counts too).
   */
  public static Target athletes(AthletesComparison c) {
    double judged = Math.min(c.wholeRun(), c.steady());
    Judgement j = Judgement.atLeast(judged, c.steadyPerRound(), ATHLETES_TARGET);
    String name = c.more() == SCALE_ATHLETES && c.fewer() == 1_000 ? SCALING
        : String.format("%,d athletes vs %,d athletes", c.more(), c.fewer());
    return new Target(name, ">= 80 % (lower of whole-run and steady ratios of medians)",
        String.format("%.0f %% whole run, %.0f %% steady (rounds %.0f-%.0f %%): %,.0f vs %,.0f records/s steady",
            100 * c.wholeRun(), 100 * c.steady(), 100 * c.steadyPerRound().min(), 100 * c.steadyPerRound().max(),
            c.moreRuns().steadyRecordsPerSecond().median(), c.fewerRuns().steadyRecordsPerSecond().median()),
        j.met(), j.everyRun());
  }
}
