package io.painguard.bench.result;

import java.util.List;

/**
 * Several app instances with the same application id on the same input partitions.
 *
 * @param instancesAre how the instances run (separate JVMs, like the app phase's)
 * @param counts throughput and latency per instance count
 * @param takeovers the time a joining instance took to take its share, per standby setting
 * @param lagBoundRecords the group's lag under which a takeover counts as done
 * @param feedRatePerSecond records/s sent while instances join
 */
public record ScaleOut(
    String instancesAre,
    List<InstanceCount> counts,
    List<Takeover> takeovers,
    long lagBoundRecords,
    double feedRatePerSecond) {

  /**
   * N instances started together on the pre-loaded records, then the latency window.
   *
   * @param instances how many
   * @param throughput from the first instance ready to the pre-loaded records committed
   * @param workerCpuMicrosPerRecord the instances' CPU together per record
   * @param latency the latency window with all of them running
   */
  public record InstanceCount(
      int instances, Throughput throughput, double workerCpuMicrosPerRecord, Latency latency) {}

  /**
   * One instance joining a group that is caught up and fed at {@code feedRatePerSecond}. Times in
   * seconds from the new instance's JVM launch; null when it did not happen within the timeout.
   *
   * @param standbyReplicas num.standby.replicas of every instance
   * @param instancesBefore instances already running
   * @param newInstanceReady the new instance's first RUNNING state (JVM start and join included)
   * @param everyInstanceActive every instance owns at least one active task
   * @param fairShare every instance owns its share of the tasks (tasks / instances, rounded down)
   * @param takeover every instance active and the group's lag back under the bound: the figure
   * @param peakLagRecords the highest lag of the group seen meanwhile
   * @param activeTasksAtEnd active tasks of each instance when the measurement ended
   */
  public record Takeover(
      int standbyReplicas,
      int instancesBefore,
      Double newInstanceReady,
      Double everyInstanceActive,
      Double fairShare,
      Double takeover,
      long peakLagRecords,
      List<Long> activeTasksAtEnd) {}
}
