package io.painguard.bench.result;

/** The scale-out part of the report: the curve per instance count, then the takeovers. */
final class ScaleOutTable {

  private ScaleOutTable() {}

  static void render(ScaleOut s, StringBuilder out) {
    out.append(System.lineSeparator());
    out.append(String.format("%-10s %12s %12s %16s %9s %9s%n",
        "instances", "records/s", "steady/s", "CPU us/record", "p50 ms", "p99 ms"));
    for (ScaleOut.InstanceCount c : s.counts()) {
      Percentiles p = c.latency() == null ? null : c.latency().sendToReadable();
      out.append(String.format("%-10d %,12.0f %,12.0f %16.1f %9s %9s%n",
          c.instances(), c.throughput().recordsPerSecond(), c.throughput().steadyRecordsPerSecond(),
          c.workerCpuMicrosPerRecord(),
          p == null || p.count() == 0 ? "-" : String.format("%.0f", p.p50Millis()),
          p == null || p.count() == 0 ? "-" : String.format("%.0f", p.p99Millis())));
    }
    if (s.takeovers().isEmpty()) {
      return;
    }
    out.append(System.lineSeparator());
    out.append(String.format("joining under %,.0f records/s; seconds from the new JVM's launch (lag bound %,d records):%n",
        s.feedRatePerSecond(), s.lagBoundRecords()));
    out.append(String.format("%-9s %-10s %8s %14s %11s %12s %12s  %s%n",
        "standbys", "joining", "ready", "all active", "fair share", "takeover", "peak lag", "active tasks at end"));
    for (ScaleOut.Takeover t : s.takeovers()) {
      out.append(String.format("%-9d %-10s %8s %14s %11s %12s %,12d  %s%n",
          t.standbyReplicas(), t.instancesBefore() + " -> " + (t.instancesBefore() + 1), seconds(t.newInstanceReady()),
          seconds(t.everyInstanceActive()), seconds(t.fairShare()), seconds(t.takeover()), t.peakLagRecords(),
          t.activeTasksAtEnd()));
    }
  }

  private static String seconds(Double s) {
    return s == null ? "timeout" : String.format("%.1f", s);
  }
}
