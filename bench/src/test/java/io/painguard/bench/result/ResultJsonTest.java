package io.painguard.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {

  static BenchResult sample() {
    Throughput baseline = new Throughput(1_000_000, 10, 100_000, 110_000, 0.2);
    Throughput app = new Throughput(1_000_000, 16, 62_500, 70_000, 0.2);
    ResourceUsage usage = new ResourceUsage(536_870_912, 300_000_000, 120_000_000, 80_000_000, 700_000_000, 40, 900, 20_000);
    Latency latency = new Latency(5000, 4999, 30, 0.1, 160, 150, 0, 60, 12,
        new Percentiles(150, 40, 80, 140, 190, 230, 85));
    List<Phase> phases = List.of(
        new Phase("baseline-eos", "baseline copy (exactly-once)", baseline, usage, 9_000, Map.of("copied", 1_000_000L)),
        new Phase("painguard", "painguard (exactly_once_v2)", app, usage, 12_000, Map.of("deadLetters", 0L)));
    BenchResult.Ratio ratio = new BenchResult.Ratio(app.ratioTo(baseline), app.steadyRatioTo(baseline));
    return new BenchResult(
        1,
        "2025-01-06T08:00:00Z",
        new BenchResult.Machine(2, "Linux amd64", "17.0.15", 24L << 30, 0.5, 1.5, "embedded"),
        Map.of("athletes", 10_000, "records", 1_000_000),
        new BenchResult.Data(10_000, 990_000, 1_000, 9_000, 1_000_000, 50_000_000, 100, 9.5, 321),
        phases,
        Map.of("eos", ratio),
        latency,
        usage,
        null,
        Targets.judge(ratio, latency, usage, 10_000),
        List.of("a note"));
  }

  @Test
  void writesTheFiguresAReaderLooksFor(@TempDir Path dir) throws Exception {
    // Given
    BenchResult result = sample();
    Path file = dir.resolve("bench").resolve("result.json");

    // When
    ResultJson.write(result, file);

    // Then
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.at("/phases/0/name").asText()).isEqualTo("baseline-eos");
    assertThat(json.at("/phases/0/throughput/recordsPerSecond").asDouble()).isEqualTo(100_000);
    assertThat(json.at("/phases/1/throughput/steadyRecordsPerSecond").asDouble()).isEqualTo(70_000);
    assertThat(json.at("/phases/1/workerCpuMicrosPerRecord").asDouble()).isEqualTo(20.0);
    assertThat(json.at("/ratios/eos/wholeRun").asDouble()).isEqualTo(0.625);
    assertThat(json.at("/latency/sendToReadable/p50Millis").asDouble()).isEqualTo(80);
    assertThat(json.at("/latency/sendToReadable/p99Millis").asDouble()).isEqualTo(190);
    assertThat(json.at("/app/heapPeakUsedBytes").asLong()).isEqualTo(300_000_000);
    assertThat(json.at("/app/rssPeakBytes").asLong()).isEqualTo(700_000_000);
    assertThat(json.at("/app/heapLiveBytes").asLong()).isEqualTo(80_000_000);
    assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
    assertThat(json.at("/parameters/athletes").asInt()).isEqualTo(10_000);
    assertThat(json.at("/data/records").asLong()).isEqualTo(1_000_000);
    assertThat(json.at("/targets/0/verdict").asText()).isEqualTo("met");
    assertThat(json.has("broker")).isTrue();
  }

  @Test
  void readsBackWhatItWrote(@TempDir Path dir) {
    BenchResult result = sample();
    Path file = dir.resolve("result.json");

    ResultJson.write(result, file);
    BenchResult read = ResultJson.read(file);

    assertThat(read).usingRecursiveComparison().isEqualTo(result);
  }

  @Test
  void theTableShowsRatesRatioAndPercentiles() {
    String table = ResultTable.render(sample());

    assertThat(table)
        .contains("100,000")
        .contains("62,500")
        .contains("painguard / baseline (eos): 0.63 whole run")
        .contains("p50 80 ms")
        .contains("p99 190 ms")
        .contains("RSS peak 668 MiB")
        .contains("2 cores");
  }
}
