package io.painguard.bench.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One throughput phase: a worker JVM working through all pre-loaded records.
 *
 * @param name "baseline-eos", "baseline-plain" or "painguard" ("painguard-1000" and the like when
 *     populations are compared)
 * @param round which repeat of the phase (1-based), in the order the runs alternated
 * @param description one phrase for the table
 * @param throughput how fast
 * @param worker the worker JVM during the phase (CPU and GC since ready; peaks since its start)
 * @param brokerCpuMillis CPU of the broker's JVM during the phase (the bench JVM's when the broker
 *     runs inside it; 0 on an external cluster)
 * @param counters the worker's own counters (records copied, dead letters, ...)
 */
public record Phase(
    String name,
    int round,
    String description,
    Throughput throughput,
    ResourceUsage worker,
    long brokerCpuMillis,
    Map<String, Long> counters) {

  /** Worker CPU per record in microseconds. */
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public double workerCpuMicrosPerRecord() {
    return throughput.records() == 0 ? 0 : worker.cpuMillis() * 1000.0 / throughput.records();
  }

  /** Broker CPU per record in microseconds. */
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public double brokerCpuMicrosPerRecord() {
    return throughput.records() == 0 ? 0 : brokerCpuMillis * 1000.0 / throughput.records();
  }
}
