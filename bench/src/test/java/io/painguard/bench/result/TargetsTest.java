package io.painguard.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static final long MIB = 1024 * 1024;

  private static Latency latency(double p50, double p99, int missing) {
    return new Latency(5000, 4990, 30, 0.1, 100, 100 - missing, missing, 60, 3,
        new Percentiles(100, 10, p50, p99 - 1, p99, p99 + 10, p50));
  }

  private static Map<String, Target> byName(List<Target> targets) {
    return targets.stream().collect(Collectors.toMap(t -> t.name().replaceAll(" at .*", ""), Function.identity()));
  }

  @Test
  void aRunWithinEveryLimitMeetsEveryTarget() {
    ResourceUsage app = new ResourceUsage(512 * MIB, 300 * MIB, 120 * MIB, 80 * MIB, 700 * MIB, 10, 100, 1000);

    Map<String, Target> t = byName(Targets.judge(new BenchResult.Ratio(0.55, 0.6), latency(120, 400, 0), app, 100_000));

    assertThat(t.get("throughput vs exactly-once baseline").met()).isTrue();
    assertThat(t.get("p99 event-to-alert").met()).isTrue();
    assertThat(t.get("p50 event-to-alert").met()).isTrue();
    assertThat(t.get("app heap").met()).isTrue();
    assertThat(t.get("app RSS").met()).isTrue();
    assertThat(t.get("app RSS").measured()).doesNotContain("this run");
    assertThat(t.get("100k athletes vs 1k athletes").met()).isNull();
  }

  @Test
  void eachLimitIsJudgedOnItsOwn() {
    ResourceUsage app = new ResourceUsage(1024 * MIB, 600 * MIB, 120 * MIB, 80 * MIB, 1100 * MIB, 10, 100, 1000);

    Map<String, Target> t = byName(Targets.judge(new BenchResult.Ratio(0.49, 0.7), latency(201, 501, 0), app, 1_000));

    assertThat(t.get("throughput vs exactly-once baseline").met()).isFalse();
    assertThat(t.get("p99 event-to-alert").met()).isFalse();
    assertThat(t.get("p50 event-to-alert").met()).isFalse();
    assertThat(t.get("app heap").met()).isFalse();
    assertThat(t.get("app RSS").met()).isFalse();
    assertThat(t.get("app RSS").measured()).contains("1,000 athletes");
  }

  @Test
  void theThroughputTargetIsJudgedOnTheLowerOfWholeRunAndSteadyRatios() {
    ResourceUsage app = new ResourceUsage(512 * MIB, 300 * MIB, 120 * MIB, 80 * MIB, 700 * MIB, 10, 100, 1000);

    Target wholeRunLow = byName(Targets.judge(new BenchResult.Ratio(0.45, 0.9), null, app, 1_000))
        .get("throughput vs exactly-once baseline");
    Target steadyLow = byName(Targets.judge(new BenchResult.Ratio(0.9, 0.45), null, app, 1_000))
        .get("throughput vs exactly-once baseline");

    assertThat(wholeRunLow.met()).isFalse();
    assertThat(steadyLow.met()).isFalse();
    assertThat(steadyLow.measured()).contains("90 % whole run, 45 % steady");
  }

  @Test
  void missingProbeAlertsFailTheLatencyTarget() {
    ResourceUsage app = new ResourceUsage(512 * MIB, 300 * MIB, 120 * MIB, 80 * MIB, 700 * MIB, 10, 100, 1000);

    Map<String, Target> t = byName(Targets.judge(null, latency(50, 100, 2), app, 100_000));

    assertThat(t.get("p99 event-to-alert").met()).isFalse();
    assertThat(t).doesNotContainKey("throughput vs exactly-once baseline");
  }

  @Test
  void scalingComparesThisRunWithAReferenceRunWithFewerAthletes() {
    Throughput oneThousand = new Throughput(1_000_000, 20, 50_000, 55_000, 0.2);
    Throughput hundredThousand = new Throughput(1_000_000, 24, 41_000, 45_000, 0.2);
    Throughput slow = new Throughput(1_000_000, 40, 25_000, 30_000, 0.2);

    assertThat(Targets.scaling(hundredThousand, oneThousand, 1_000, 100_000).met()).isTrue();
    assertThat(Targets.scaling(slow, oneThousand, 1_000, 100_000).met()).isFalse();
    assertThat(Targets.scaling(hundredThousand, oneThousand, 1_000, 100_000).measured()).contains("82 %");
    assertThat(Targets.scaling(hundredThousand, null, 0, 100_000).met()).isNull();
  }
}
