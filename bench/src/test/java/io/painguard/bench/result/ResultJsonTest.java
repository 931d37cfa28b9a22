package io.painguard.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {

  static final ResourceUsage USAGE =
      new ResourceUsage(536_870_912, 300_000_000, 120_000_000, 80_000_000, 700_000_000, 40, 900, 20_000);

  static Phase run(String name, int round, double steady) {
    return new Phase(name, round, name.equals("painguard") ? "painguard (exactly_once_v2)" : "baseline copy (exactly-once)",
        new Throughput(1_000_000, 10, steady * 0.8, steady, 0.2), USAGE, 9_000, Map.of());
  }

  static Latency window(double p50, double p99) {
    return new Latency(5000, 4999, 30, 0.1, 160, 150, 0, 60, 12, new Percentiles(150, 40, p50, p99 - 10, p99, p99 + 20, p50));
  }

  /** Three rounds B A B A B A; the app at 0.5-0.6 of the baseline, steady. */
  static BenchResult sample(boolean judged) {
    List<Phase> runs = new ArrayList<>();
    double[] baseline = {100_000, 120_000, 110_000};
    double[] app = {55_000, 60_000, 60_500};
    for (int round = 1; round <= 3; round++) {
      runs.add(run("baseline-eos", round, baseline[round - 1]));
      runs.add(run("painguard", round, app[round - 1]));
    }
    List<Phase> b = runs.stream().filter(p -> p.name().equals("baseline-eos")).toList();
    List<Phase> a = runs.stream().filter(p -> p.name().equals("painguard")).toList();
    BenchResult.Ratio ratio = BenchResult.Ratio.of(a, b);
    LatencySummary latency = LatencySummary.of(List.of(window(80, 190), window(90, 240), window(85, 200)));
    return new BenchResult(
        BenchResult.VERSION,
        judged ? "full" : "quick",
        judged,
        "2025-01-06T08:00:00Z",
        new BenchResult.Machine(2, "Linux amd64", "17.0.15", "OpenJDK 64-Bit Server VM 17.0.15+6", "4.4.0",
            "0123456789abcdef0123456789abcdef01234567", 24L << 30, 0.5, 1.5, "embedded"),
        Map.of("athletes", 10_000, "records", 1_000_000, "repeats", 3),
        List.of(new BenchResult.Data(10_000, 990_000, 1_000, 9_000, 1_000_000, 50_000_000, 100, 9.5, 321)),
        runs,
        List.of(PhaseSummary.of(b), PhaseSummary.of(a)),
        judged ? Map.of("eos", ratio) : Map.of(),
        latency,
        null,
        null,
        USAGE,
        USAGE,
        judged ? Targets.judge(ratio, latency, USAGE, 10_000) : List.of(),
        List.of("a note"));
  }

  @Test
  void writesEveryRunAndEachPhasesMedianAndRange(@TempDir Path dir) throws Exception {
    // Given
    BenchResult result = sample(true);
    Path file = dir.resolve("bench").resolve("result.json");

    // When
    ResultJson.write(result, file);

    // Then
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.at("/version").asInt()).isEqualTo(2);
    assertThat(json.at("/judged").asBoolean()).isTrue();
    assertThat(json.at("/runs")).hasSize(6);
    assertThat(json.at("/runs/1/name").asText()).isEqualTo("painguard");
    assertThat(json.at("/runs/1/round").asInt()).isEqualTo(1);
    assertThat(json.at("/phases/0/steadyRecordsPerSecond/median").asDouble()).isEqualTo(110_000);
    assertThat(json.at("/phases/0/steadyRecordsPerSecond/min").asDouble()).isEqualTo(100_000);
    assertThat(json.at("/phases/0/steadyRecordsPerSecond/max").asDouble()).isEqualTo(120_000);
    assertThat(json.at("/phases/1/steadyRecordsPerSecond/median").asDouble()).isEqualTo(60_000);
    assertThat(json.at("/ratios/eos/steady").asDouble()).isEqualTo(60_000 / 110_000.0);
    assertThat(json.at("/ratios/eos/steadyPerRound/min").asDouble()).isEqualTo(0.5);
    assertThat(json.at("/latency/p99Millis/median").asDouble()).isEqualTo(200);
    assertThat(json.at("/latency/windows")).hasSize(3);
    assertThat(json.at("/machine/kafkaVersion").asText()).isEqualTo("4.4.0");
    assertThat(json.at("/machine/gitCommit").asText()).startsWith("0123456789ab");
    assertThat(json.at("/targets/0/name").asText()).isEqualTo("steady throughput vs exactly-once baseline");
    assertThat(json.at("/targets/0/verdict").asText()).isEqualTo("met");
    assertThat(json.has("athletes")).isFalse();
  }

  @Test
  void readsBackWhatItWrote(@TempDir Path dir) {
    BenchResult result = sample(true);
    Path file = dir.resolve("result.json");

    ResultJson.write(result, file);
    BenchResult read = ResultJson.read(file);

    assertThat(read).usingRecursiveComparison().isEqualTo(result);
  }

  @Test
  void theTableShowsMediansRangesRatioAndVerdicts() {
    String table = ResultTable.render(sample(true));

    assertThat(table)
        .contains("110,000 (100,000-120,000)")
        .contains("60,000 (55,000-60,500)")
        .contains("painguard / baseline (eos), from medians: 0.55 steady (rounds 0.50-0.55)")
        .contains("p99 200 (190-240) ms")
        .contains("Kafka 4.4.0")
        .contains("commit 0123456789ab")
        .contains("2 cores")
        .doesNotContain(ResultTable.SMOKE_TEST);
    assertThat(table.lines().filter(l -> l.contains("steady throughput vs exactly-once baseline")))
        .singleElement().asString().startsWith("  met ");
  }

  @Test
  void aSmokeTestSaysItJudgesNothingAndCarriesNoVerdict(@TempDir Path dir) throws Exception {
    BenchResult quick = sample(false);

    ResultJson.write(quick, dir.resolve("result.json"));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
    String table = ResultTable.render(quick);

    assertThat(json.at("/judged").asBoolean()).isFalse();
    assertThat(json.at("/targets")).isEmpty();
    assertThat(json.at("/ratios")).isEmpty();
    assertThat(table).contains(ResultTable.SMOKE_TEST).doesNotContain("targets").doesNotContain("painguard / baseline");
  }
}
