package io.painguard.bench.result;

import io.painguard.bench.stats.Spread;
import java.util.List;

/**
 * One phase over its repeated runs: median and range of its rates and of its worker's CPU.
 *
 * @param name e.g. "baseline-eos", "painguard"
 * @param description one phrase for the table
 * @param recordsPerSecond whole-run rates (ready to lag 0)
 * @param steadyRecordsPerSecond rates with the warm-up share left out
 * @param workerCpuMicrosPerRecord the worker JVM's CPU per record
 */
public record PhaseSummary(
    String name,
    String description,
    Spread recordsPerSecond,
    Spread steadyRecordsPerSecond,
    Spread workerCpuMicrosPerRecord) {

  /** A relative spread above this hides a 10 % change in the noise; the result says so. */
  public static final double NOISE_WARNING = 0.10;

  /** A note for the result when this phase's steady rate varied too much to show a 10 % change; else null. */
  public String noiseNote() {
    Spread steady = steadyRecordsPerSecond;
    if (steady.runs() < 2 || steady.relativeSpread() <= NOISE_WARNING) {
      return null;
    }
    return String.format("%s: its steady rate spread over %.0f %% of its median in %d runs; a 10 %% change "
        + "cannot be told from noise on it (more --repeats, or a quieter machine).", name, 100 * steady.relativeSpread(),
        steady.runs());
  }

  /** The summary of every run of one phase (at least one, all of the same name). */
  public static PhaseSummary of(List<Phase> runs) {
    Phase first = runs.get(0);
    return new PhaseSummary(
        first.name(),
        first.description(),
        Spread.of(runs.stream().mapToDouble(p -> p.throughput().recordsPerSecond()).toArray()),
        Spread.of(runs.stream().mapToDouble(p -> p.throughput().steadyRecordsPerSecond()).toArray()),
        Spread.of(runs.stream().mapToDouble(Phase::workerCpuMicrosPerRecord).toArray()));
  }
}
