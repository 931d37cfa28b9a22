package io.painguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A tiny bench, end to end: embedded broker, pre-load, the exactly-once baseline, the app with
 * exactly_once_v2 in its own JVM, and a short latency phase. Checks the result is complete and
 * sane, not how fast this machine is.
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

    // When
    int exit = cli.execute(
        "--athletes", "200", "--events", "20000", "--broker", "in-process", "--baseline", "eos",
        "--rate", "2000", "--latency-duration", "10s", "--jvm-options", "-Xmx256m",
        "--output", dir.toString());

    // Then
    assertThat(exit).as(err.toString()).isZero();
    Path file = dir.resolve("result.json");
    assertThat(file).exists();
    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    long samplesAndReports = json.at("/data/activityEvents").asLong() + json.at("/data/painReports").asLong();
    assertThat(samplesAndReports).isGreaterThanOrEqualTo(20_000);
    assertThat(json.at("/data/painReports").asLong()).isPositive();
    assertThat(json.at("/data/profiles").asLong()).isPositive();
    assertThat(json.at("/data/records").asLong()).isEqualTo(samplesAndReports + json.at("/data/profiles").asLong());
    assertThat(json.at("/phases/0/name").asText()).isEqualTo("baseline-eos");
    assertThat(json.at("/phases/1/name").asText()).isEqualTo("painguard");
    for (JsonNode phase : json.get("phases")) {
      assertThat(phase.at("/throughput/records").asLong()).isEqualTo(json.at("/data/records").asLong());
      assertThat(phase.at("/throughput/recordsPerSecond").asDouble()).isPositive();
      assertThat(phase.at("/worker/cpuMillis").asLong()).isPositive();
    }
    assertThat(json.at("/ratios/eos/wholeRun").asDouble()).isPositive();
    assertThat(json.at("/latency/achievedRatePerSecond").asDouble()).isPositive();
    // Probes only: whether every alert arrived in time is a figure of the run, not a pass/fail
    // criterion on a shared machine.
    assertThat(json.at("/latency/probesTimed").asInt()).isPositive();
    assertThat(json.at("/latency/probesTimed").asInt() + json.at("/latency/probesMissing").asInt())
        .isLessThanOrEqualTo(json.at("/latency/probesStarted").asInt());
    assertThat(json.at("/latency/medianTriggerSample").asInt()).isBetween(50, 65);
    double p50 = json.at("/latency/sendToReadable/p50Millis").asDouble();
    double p99 = json.at("/latency/sendToReadable/p99Millis").asDouble();
    assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
    assertThat(json.at("/app/heapPeakUsedBytes").asLong()).isPositive()
        .isLessThanOrEqualTo(json.at("/app/heapMaxBytes").asLong());
    assertThat(json.at("/app/heapLiveBytes").asLong()).isPositive()
        .isLessThanOrEqualTo(json.at("/app/heapPeakUsedBytes").asLong());
    assertThat(json.at("/app/rssPeakBytes").asLong()).isPositive();
    assertThat(json.at("/machine/cores").asInt()).isPositive();
    assertThat(json.at("/parameters/athletes").asInt()).isEqualTo(200);
    assertThat(out.toString()).contains("painguard / baseline (eos)").contains("p99");
  }
}
