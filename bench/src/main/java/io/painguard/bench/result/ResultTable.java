package io.painguard.bench.result;

import java.util.List;

/** The human-readable report of a run. */
public final class ResultTable {

  private ResultTable() {}

  public static String render(BenchResult r) {
    StringBuilder out = new StringBuilder();
    BenchResult.Machine m = r.machine();
    out.append(String.format("PainGuard bench -- %d cores, %s, Java %s, load average %.1f before / %.1f after%n",
        m.cores(), m.os(), m.java(), m.loadAverageBefore(), m.loadAverageAfter()));
    out.append("cluster: ").append(m.cluster()).append(System.lineSeparator());
    BenchResult.Data d = r.data();
    out.append(String.format(
        "data: %,d athletes; %,d activity events + %,d pain reports + %,d profiles = %,d records%s, %,d s of event time (pre-load %.1f s)%n",
        d.athletes(), d.activityEvents(), d.painReports(), d.profiles(), d.records(),
        d.bytesOnDisk() > 0 ? String.format(" (%.1f MiB on disk, lz4)", ResourceUsage.mib(d.bytesOnDisk())) : "",
        d.eventSeconds(), d.preloadSeconds()));
    out.append(System.lineSeparator());
    out.append(String.format("%-34s %12s %12s %9s %14s %14s%n",
        "throughput (same records)", "records/s", "steady/s", "seconds", "worker CPU", "broker CPU"));
    out.append(String.format("%-34s %12s %12s %9s %14s %14s%n", "", "ready->lag 0", "warm-up out", "", "us/record", "us/record"));
    for (Phase p : r.phases()) {
      Throughput t = p.throughput();
      out.append(String.format("%-34s %,12.0f %,12.0f %9.1f %14.1f %14s%n",
          p.description(), t.recordsPerSecond(), t.steadyRecordsPerSecond(), t.seconds(),
          p.workerCpuMicrosPerRecord(),
          p.brokerCpuMillis() > 0 ? String.format("%.1f", p.brokerCpuMicrosPerRecord()) : "-"));
    }
    r.ratios().forEach((baseline, ratio) -> out.append(String.format(
        "painguard / baseline (%s): %.2f whole run, %.2f steady%n", baseline, ratio.wholeRun(), ratio.steady())));
    out.append(String.format("alerts emitted during the throughput phase: %,d%n", d.alertsEmitted()));
    Latency l = r.latency();
    if (l != null) {
      out.append(System.lineSeparator());
      Percentiles p = l.sendToReadable();
      out.append(String.format(
          "latency: %,.0f records/s offered (%,.0f achieved) for %.0f s, %.0f %% probe samples; %d probe alerts timed, %d missing%n",
          l.offeredRatePerSecond(), l.achievedRatePerSecond(), l.seconds(), 100 * l.probeShare(),
          l.probesTimed(), l.probesMissing()));
      out.append(String.format(
          "  send -> readable (read_committed): p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms  (min %.0f, mean %.0f)%n",
          p.p50Millis(), p.p95Millis(), p.p99Millis(), p.maxMillis(), p.minMillis(), p.meanMillis()));
    }
    out.append(System.lineSeparator());
    ResourceUsage a = r.app();
    out.append(String.format(
        "app JVM: heap peak %.0f MiB used, %.0f MiB after a GC at most, %.0f MiB live (max %.0f MiB); RSS peak %.0f MiB; GC %d collections %.1f s; CPU %.1f s%n",
        ResourceUsage.mib(a.heapPeakUsedBytes()), ResourceUsage.mib(a.heapPeakAfterGcBytes()),
        ResourceUsage.mib(a.heapLiveBytes()),
        ResourceUsage.mib(a.heapMaxBytes()), ResourceUsage.mib(a.rssPeakBytes()), a.gcCount(),
        a.gcMillis() / 1000.0, a.cpuMillis() / 1000.0));
    if (r.broker() != null && r.broker().cpuMillis() > 0) {
      ResourceUsage b = r.broker();
      out.append(String.format("broker JVM: RSS peak %.0f MiB, heap peak %.0f MiB, CPU %.1f s%n",
          ResourceUsage.mib(b.rssPeakBytes()), ResourceUsage.mib(b.heapPeakUsedBytes()), b.cpuMillis() / 1000.0));
    }
    out.append(System.lineSeparator()).append("targets:").append(System.lineSeparator());
    for (Target t : r.targets()) {
      out.append(String.format("  %-7s %-40s goal %-22s measured %s%n", t.verdict(), t.name(), t.goal(), t.measured()));
    }
    List<String> notes = r.notes();
    if (!notes.isEmpty()) {
      out.append(System.lineSeparator()).append("notes:").append(System.lineSeparator());
      notes.forEach(n -> out.append("  - ").append(n).append(System.lineSeparator()));
    }
    return out.toString();
  }
}
