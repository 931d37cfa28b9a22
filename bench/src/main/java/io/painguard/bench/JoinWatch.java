package io.painguard.bench;

import io.painguard.bench.cluster.BenchTopics;
import io.painguard.bench.result.ScaleOut;
import io.painguard.bench.worker.WorkerStats;
import java.util.List;

/**
 * One instance joining a running group: launches it, then every {@value ScaleOutRun#WATCH_MILLIS}
 * ms asks every ready instance which tasks it owns and the cluster how far the group lags, and
 * notes when the joiner was ready, when every instance first owned an active task, when each owned
 * its fair share, and when the lag was back under the bound with every instance active.
 */
final class JoinWatch {

  private final BenchSession session;
  private final BenchTopics topics;
  private final AppInstances group;
  private final BenchSettings.ScaleOutSettings scale;
  private final int standbys;

  JoinWatch(BenchSession session, BenchTopics topics, AppInstances group, BenchSettings.ScaleOutSettings scale, int standbys) {
    this.session = session;
    this.topics = topics;
    this.group = group;
    this.scale = scale;
    this.standbys = standbys;
  }

  ScaleOut.Takeover join() throws InterruptedException {
    int before = group.all().size();
    AppInstances.Instance joiner = group.add();
    long t0 = joiner.launchedNanos();
    long deadline = t0 + scale.takeoverTimeout().toNanos();
    Double ready = null;
    Double everyActive = null;
    Double fairShare = null;
    Double takeover = null;
    long peakLag = 0;
    List<Long> active = List.of();
    long tasks = 0;
    long now;
    while ((now = System.nanoTime()) - deadline < 0 && (takeover == null || fairShare == null)) {
      if (joiner.ready().isCompletedExceptionally()) {
        joiner.readyStats(); // throws the joiner's failure
      }
      if (!group.allAlive()) {
        throw new IllegalStateException("An app instance died while instance " + (before + 1) + " joined; see the logs in "
            + session.logDir);
      }
      if (ready == null && joiner.isReady()) {
        ready = seconds(joiner.process().readyNanos() - t0);
      }
      List<WorkerStats> stats = group.snapshotReady();
      active = stats.stream().map(s -> s.counter(WorkerStats.ACTIVE_TASKS)).toList();
      long lag = session.stats().lag(group.appId(), topics.inputs());
      peakLag = Math.max(peakLag, lag);
      boolean allActive = active.size() == before + 1 && active.stream().allMatch(a -> a > 0);
      if (allActive && everyActive == null) {
        everyActive = seconds(now - t0);
      }
      // Every task is active somewhere once the moves are done; mid-rebalance one may be on
      // neither instance, and a share computed from that total would be declared too early.
      long total = active.stream().mapToLong(Long::longValue).sum();
      tasks = Math.max(tasks, total);
      long share = tasks / (before + 1);
      boolean settled = total == tasks;
      if (allActive && settled && fairShare == null && active.stream().allMatch(a -> a >= share)) {
        fairShare = seconds(now - t0);
      }
      if (everyActive != null && takeover == null && lag <= scale.lagBound()) {
        takeover = seconds(now - t0);
      }
      Thread.sleep(ScaleOutRun.WATCH_MILLIS);
    }
    return new ScaleOut.Takeover(standbys, before, ready, everyActive, fairShare, takeover, peakLag, active);
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e8) / 10.0;
  }
}
