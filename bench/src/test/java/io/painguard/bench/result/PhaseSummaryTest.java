package io.painguard.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseSummaryTest {

  private static Phase run(int round, double whole, double steady, long cpuMillis) {
    ResourceUsage worker = new ResourceUsage(0, 0, 0, 0, 0, 0, 0, cpuMillis);
    return new Phase("painguard", round, "painguard (exactly_once_v2)",
        new Throughput(1_000_000, 1_000_000 / whole, whole, steady, 0.2), worker, 0, Map.of());
  }

  @Test
  void summarisesEveryRunOfAPhase() {
    // Given three runs of the app
    List<Phase> runs = List.of(run(1, 90_000, 100_000, 10_000), run(2, 95_000, 104_000, 9_000), run(3, 80_000, 98_000, 11_000));

    // When
    PhaseSummary s = PhaseSummary.of(runs);

    // Then
    assertThat(s.name()).isEqualTo("painguard");
    assertThat(s.recordsPerSecond().median()).isEqualTo(90_000);
    assertThat(s.steadyRecordsPerSecond().min()).isEqualTo(98_000);
    assertThat(s.steadyRecordsPerSecond().max()).isEqualTo(104_000);
    assertThat(s.workerCpuMicrosPerRecord().median()).isEqualTo(10.0);
  }

  @Test
  void saysWhenItsRunsVaryTooMuchToShowATenPercentChange() {
    PhaseSummary quiet = PhaseSummary.of(List.of(run(1, 1, 100_000, 1), run(2, 1, 104_000, 1), run(3, 1, 98_000, 1)));
    PhaseSummary noisy = PhaseSummary.of(List.of(run(1, 1, 100_000, 1), run(2, 1, 130_000, 1), run(3, 1, 98_000, 1)));
    PhaseSummary once = PhaseSummary.of(List.of(run(1, 1, 100_000, 1)));

    assertThat(quiet.noiseNote()).isNull();
    assertThat(noisy.noiseNote()).startsWith("painguard: its steady rate spread over 32 % of its median in 3 runs");
    assertThat(once.noiseNote()).isNull();
  }
}
