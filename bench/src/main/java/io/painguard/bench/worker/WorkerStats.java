package io.painguard.bench.worker;

import io.painguard.bench.result.ResourceUsage;
import java.util.Map;

/** What a worker JVM reports: its resource usage and its own counters. */
public record WorkerStats(ResourceUsage resources, Map<String, Long> counters) {

  /** Counters of an app worker: tasks it owns now, and 1 while its Kafka Streams is RUNNING. */
  public static final String ACTIVE_TASKS = "activeTasks";
  public static final String STANDBY_TASKS = "standbyTasks";
  public static final String RUNNING = "running";

  public long counter(String name) {
    return counters == null ? 0 : counters.getOrDefault(name, 0L);
  }
}
