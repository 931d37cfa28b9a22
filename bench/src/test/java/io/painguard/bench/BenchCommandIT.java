package io.painguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.painguard.bench.result.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A tiny bench, end to end: embedded broker, pre-load, two rounds of the exactly-once baseline and
 * the app with exactly_once_v2 (each in its own JVM), and two short latency windows. Checks the
 * result is complete and sane, not how fast this machine is.
 */
class BenchCommandIT {

  @Test
  void aTinyBenchWritesSaneNonZeroFigures(@TempDir Path dir) throws Exception {
    // Given
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BenchCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err));

    // When two rounds of a tiny bench run
    int exit = cli.execute(
        "--athletes", "200", "--events", "20000", "--broker", "in-process", "--baseline", "eos",
        "--rate", "2000", "--latency-duration", "10s", "--jvm-options", "-Xmx256m", "--repeats", "2",
        "--output", dir.toString());

    // Then
    assertThat(exit).as(err.toString()).isZero();
    Path file = dir.resolve("result.json");
    assertThat(file).exists();
    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    JsonNode data = json.at("/data/0");
    long samplesAndReports = data.at("/activityEvents").asLong() + data.at("/painReports").asLong();
    assertThat(samplesAndReports).isGreaterThanOrEqualTo(20_000);
    assertThat(data.at("/painReports").asLong()).isPositive();
    assertThat(data.at("/profiles").asLong()).isPositive();
    assertThat(data.at("/records").asLong()).isEqualTo(samplesAndReports + data.at("/profiles").asLong());
    assertThat(json.at("/judged").asBoolean()).isTrue();
    // B A B A, each run a fresh worker on the same records
    assertThat(json.get("runs")).extracting(r -> r.get("name").asText() + "#" + r.get("round").asInt())
        .containsExactly("baseline-eos#1", "painguard#1", "baseline-eos#2", "painguard#2");
    for (JsonNode run : json.get("runs")) {
      assertThat(run.at("/throughput/records").asLong()).isEqualTo(data.at("/records").asLong());
      assertThat(run.at("/throughput/recordsPerSecond").asDouble()).isPositive();
      assertThat(run.at("/worker/cpuMillis").asLong()).isPositive();
    }
    assertThat(json.at("/phases/1/name").asText()).isEqualTo("painguard");
    assertThat(json.at("/phases/1/steadyRecordsPerSecond/runs").asInt()).isEqualTo(2);
    assertThat(json.at("/phases/1/steadyRecordsPerSecond/median").asDouble())
        .isBetween(json.at("/phases/1/steadyRecordsPerSecond/min").asDouble(), json.at("/phases/1/steadyRecordsPerSecond/max").asDouble());
    assertThat(json.at("/ratios/eos/steady").asDouble()).isPositive();
    assertThat(json.at("/ratios/eos/steadyPerRound/runs").asInt()).isEqualTo(2);
    assertThat(json.at("/latency/windows")).hasSize(2);
    JsonNode window = json.at("/latency/windows/0");
    assertThat(window.at("/achievedRatePerSecond").asDouble()).isPositive();
    // Probes only: whether every alert arrived in time is a figure of the run, not a pass/fail
    // criterion on a shared machine.
    assertThat(json.at("/latency/probesTimed").asInt()).isPositive();
    assertThat(window.at("/probesTimed").asInt() + window.at("/probesMissing").asInt())
        .isLessThanOrEqualTo(window.at("/probesStarted").asInt());
    assertThat(window.at("/medianTriggerSample").asInt()).isBetween(50, 65);
    double p50 = window.at("/sendToReadable/p50Millis").asDouble();
    double p99 = window.at("/sendToReadable/p99Millis").asDouble();
    assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
    assertThat(json.at("/app/heapPeakUsedBytes").asLong()).isPositive()
        .isLessThanOrEqualTo(json.at("/app/heapMaxBytes").asLong());
    assertThat(json.at("/app/heapLiveBytes").asLong()).isPositive()
        .isLessThanOrEqualTo(json.at("/app/heapPeakUsedBytes").asLong());
    assertThat(json.at("/app/rssPeakBytes").asLong()).isPositive();
    assertThat(json.at("/machine/cores").asInt()).isPositive();
    assertThat(json.at("/machine/kafkaVersion").asText()).matches("\\d+\\.\\d+.*");
    assertThat(json.at("/machine/gitCommit").asText()).isNotBlank();
    assertThat(json.at("/parameters/athletes").asInt()).isEqualTo(200);
    assertThat(json.at("/parameters/repeats").asInt()).isEqualTo(2);
    assertThat(json.get("targets")).extracting(t -> t.get("name").asText())
        .contains("steady throughput vs exactly-once baseline");
    assertThat(out.toString()).contains("painguard / baseline (eos), from medians").contains("p99")
        .doesNotContain(ResultTable.SMOKE_TEST);
  }
}
