package io.painguard.bench.result;

import io.painguard.bench.stats.Spread;
import java.util.List;

/** The human-readable report of a run: medians with their range, then the verdicts. */
public final class ResultTable {

  private static final String NL = System.lineSeparator();
  /** The last line of a smoke test's report. */
  public static final String SMOKE_TEST =
      "smoke test: judges nothing (tiny and run once; the full bench repeats every phase and judges on medians)";

  private ResultTable() {}

  public static String render(BenchResult r) {
    StringBuilder out = new StringBuilder();
    BenchResult.Machine m = r.machine();
    out.append(String.format("PainGuard bench (%s) -- %d cores, %s, Java %s (%s), Kafka %s, commit %s%n",
        r.mode(), m.cores(), m.os(), m.java(), m.jvm(), m.kafkaVersion(), abbreviate(m.gitCommit())));
    out.append(String.format("load average %.1f before / %.1f after; cluster: %s%n",
        m.loadAverageBefore(), m.loadAverageAfter(), m.cluster()));
    for (BenchResult.Data d : r.data()) {
      out.append(String.format(
          "data: %,d athletes; %,d activity events + %,d pain reports + %,d profiles = %,d records%s, %,d s of event time (pre-load %.1f s)%n",
          d.athletes(), d.activityEvents(), d.painReports(), d.profiles(), d.records(),
          d.bytesOnDisk() > 0 ? String.format(" (%.1f MiB on disk, lz4)", ResourceUsage.mib(d.bytesOnDisk())) : "",
          d.eventSeconds(), d.preloadSeconds()));
    }
    phases(r, out);
    r.ratios().forEach((baseline, ratio) -> out.append(String.format(
        "painguard / baseline (%s), from medians: %.2f steady%s, %.2f whole run%n", baseline, ratio.steady(),
        ratio.steadyPerRound() == null ? "" : String.format(" (rounds %.2f-%.2f)", ratio.steadyPerRound().min(),
            ratio.steadyPerRound().max()), ratio.wholeRun())));
    if (r.athletes() != null) {
      AthletesComparison c = r.athletes();
      out.append(String.format("%,d athletes / %,d athletes, from medians: %.2f steady (rounds %.2f-%.2f), %.2f whole run%n",
          c.more(), c.fewer(), c.steady(), c.steadyPerRound().min(), c.steadyPerRound().max(), c.wholeRun()));
    }
    if (r.latency() != null) {
      latency(r.latency(), out);
    }
    if (r.scaleOut() != null) {
      ScaleOutTable.render(r.scaleOut(), out);
    }
    out.append(NL);
    if (r.app() != null) {
      ResourceUsage a = r.app();
      out.append(String.format(
          "app JVMs (highest of the runs): heap peak %.0f MiB used, %.0f MiB after a GC at most, %.0f MiB live (max %.0f MiB); RSS peak %.0f MiB%n",
          ResourceUsage.mib(a.heapPeakUsedBytes()), ResourceUsage.mib(a.heapPeakAfterGcBytes()),
          ResourceUsage.mib(a.heapLiveBytes()), ResourceUsage.mib(a.heapMaxBytes()), ResourceUsage.mib(a.rssPeakBytes())));
    }
    if (r.broker() != null && r.broker().cpuMillis() > 0) {
      ResourceUsage b = r.broker();
      out.append(String.format("broker JVM: RSS peak %.0f MiB, heap peak %.0f MiB, CPU %.1f s%n",
          ResourceUsage.mib(b.rssPeakBytes()), ResourceUsage.mib(b.heapPeakUsedBytes()), b.cpuMillis() / 1000.0));
    }
    if (r.judged() && !r.targets().isEmpty()) {
      out.append(NL).append("targets (judged on medians; \"within noise\": the runs disagree):").append(NL);
      for (Target t : r.targets()) {
        out.append(String.format("  %-24s %-44s goal %-24s measured %s%n", t.verdict(), t.name(), t.goal(), t.measured()));
      }
    }
    List<String> notes = r.notes();
    if (!notes.isEmpty()) {
      out.append(NL).append("notes:").append(NL);
      notes.forEach(n -> out.append("  - ").append(n).append(NL));
    }
    if (!r.judged()) {
      out.append(NL).append(SMOKE_TEST).append(NL);
    }
    return out.toString();
  }

  private static void phases(BenchResult r, StringBuilder out) {
    if (r.phases().isEmpty()) {
      return;
    }
    out.append(NL);
    int width = Math.max(34, r.phases().stream().mapToInt(p -> label(p).length()).max().orElse(0));
    out.append(String.format("%-" + width + "s %4s %26s %26s %7s %10s%n",
        "throughput (same records)", "runs", "records/s median (range)", "steady/s median (range)", "spread", "CPU us/rec"));
    for (PhaseSummary p : r.phases()) {
      Spread steady = p.steadyRecordsPerSecond();
      out.append(String.format("%-" + width + "s %4d %26s %26s %6.0f%% %10.1f%n",
          label(p), steady.runs(), withRange(p.recordsPerSecond()), withRange(steady),
          100 * steady.relativeSpread(), p.workerCpuMicrosPerRecord().median()));
    }
    out.append("runs in order:");
    for (Phase p : r.runs()) {
      out.append(String.format(" %s#%d %,.0f", p.name(), p.round(), p.throughput().steadyRecordsPerSecond()));
    }
    out.append(" (steady/s)").append(NL);
  }

  private static String label(PhaseSummary p) {
    return p.name().startsWith("painguard-")
        ? String.format("painguard, %,d athletes", Integer.parseInt(p.name().substring("painguard-".length())))
        : p.description();
  }

  static String withRange(Spread s) {
    return String.format("%,.0f (%,.0f-%,.0f)", s.median(), s.min(), s.max());
  }

  private static void latency(LatencySummary l, StringBuilder out) {
    out.append(NL);
    for (Latency w : l.windows()) {
      Percentiles p = w.sendToReadable();
      out.append(String.format(
          "latency window: %,.0f records/s offered (%,.0f achieved) for %.0f s; %d alerts timed, %d missing; "
              + "p50 %.0f  p95 %.0f  p99 %.0f  max %.0f ms%n",
          w.offeredRatePerSecond(), w.achievedRatePerSecond(), w.seconds(), w.probesTimed(), w.probesMissing(),
          p.p50Millis(), p.p95Millis(), p.p99Millis(), p.maxMillis()));
    }
    if (l.p99Millis() != null) {
      out.append(String.format("send -> readable (read_committed) over %d windows: p50 %s ms, p99 %s ms (median, range)%n",
          l.windows().size(), withRange(l.p50Millis()), withRange(l.p99Millis())));
    }
  }

  private static String abbreviate(String commit) {
    return commit.length() > 12 && !commit.equals("unknown") ? commit.substring(0, 12) + (commit.endsWith("-dirty") ? "-dirty" : "")
        : commit;
  }
}
