package io.painguard.bench.worker;

import io.painguard.bench.result.ResourceUsage;
import java.util.Map;

/** What a worker JVM reports: its resource usage and its own counters. */
public record WorkerStats(ResourceUsage resources, Map<String, Long> counters) {

  public long counter(String name) {
    return counters == null ? 0 : counters.getOrDefault(name, 0L);
  }
}
