package io.painguard.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.simulator.scenario.ScenarioCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimulateCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SimulateCommand.execute(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpExplainsEveryOption() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains(
        "--bootstrap", "--registry", "--scenario", "--list-scenarios", "--athletes", "--rate", "--duration",
        "--events", "--seed", "--start", "--time-mode", "--producer-property", "--loop", "--dry-run",
        "default: localhost:9092", "http://localhost:", "Exit status");
  }

  @Test
  void listsTheShippedScenarios() {
    assertThat(run("--list-scenarios")).isZero();
    assertThat(out()).contains("demo", "sustained-overexertion", "malformed-records", "Five athletes");
  }

  @Test
  void unknownScenarioIsOneLineAndExitStatusTwo() {
    assertThat(run("--scenario", "no-such-thing")).isEqualTo(SimulateCommand.EXIT_CONFIG);
    assertThat(err().lines().toList()).hasSize(1);
    assertThat(err()).startsWith("simulate: 'no-such-thing' is neither a shipped scenario").doesNotContain("Exception", "\tat ");
  }

  @Test
  void badScenarioFileNamesFileLineAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "athletes:\n  - id: a\n    painReports:\n      - {at: 1m, level: 11}\n");
    assertThat(run("--scenario", file.toString(), "--dry-run")).isEqualTo(SimulateCommand.EXIT_CONFIG);
    assertThat(err().lines().toList()).hasSize(1);
    assertThat(err()).contains(file + ", line 4, field athletes[0].painReports[0].level: pain level must be between 0 and 10");
  }

  @Test
  void badOptionValuesAreOneLineAndExitStatusTwo() {
    assertThat(run("--duration", "soon")).isEqualTo(SimulateCommand.EXIT_CONFIG);
    assertThat(err().lines().toList()).hasSize(1);
    assertThat(err()).contains("--duration", "expected a duration like 90s", "(see --help)");
  }

  @Test
  void invalidLoadSettingsAreOneLine() {
    assertThat(run("--athletes", "0", "--dry-run")).isEqualTo(SimulateCommand.EXIT_CONFIG);
    assertThat(err().strip()).isEqualTo("simulate: --athletes must be between 1 and 10000000, was 0.");
    err.reset();
    assertThat(run("--pain-share", "2", "--dry-run", "--events", "1")).isEqualTo(SimulateCommand.EXIT_CONFIG);
    assertThat(err()).contains("--pain-share must be between 0 and 1");
  }

  @Test
  void dryRunPlaysAScenarioWithoutKafka() {
    assertThat(run("--scenario", "malformed-records", "--time-mode", "asFastAsPossible", "--dry-run")).isZero();
    assertThat(out()).contains("simulate: scenario malformed-records", "10 malformed", "240 activity samples", "failed 0");
    assertThat(err()).isEmpty();
  }

  static Stream<String> shippedScenarios() {
    return ScenarioCatalog.names().stream();
  }

  /**
   * Every shipped scenario plans and encodes, in this JVM; {@code SimulateAndStackProcessIT} runs
   * one of them through {@code ./painguard} as a user does (the script and classpath are the same
   * for all).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedScenarios")
  void everyShippedScenarioPlansAndEncodesInADryRun(String scenario) {
    assertThat(run("--scenario", scenario, "--dry-run", "--time-mode", "asFastAsPossible"))
        .as("exit; stderr: %s", err()).isZero();
    assertThat(out()).containsPattern("acknowledged [\\d,]+, failed 0");
    assertThat(err()).doesNotContain("\tat ");
  }

  @Test
  void dryRunGeneratesLoadWithoutKafka() {
    assertThat(run("--athletes", "2000", "--rate", "max", "--events", "50000", "--dry-run", "--seed", "3")).isZero();
    assertThat(out()).contains("2,000 athletes", "as fast as possible", "50,000 records sent", "failed 0");
  }

  @Test
  void optionsOfTheOtherModeAreRejectedNotIgnored() {
    assertThat(run("--scenario", "demo", "--rate", "100", "--dry-run")).isEqualTo(SimulateCommand.EXIT_CONFIG);
    assertThat(err().strip()).isEqualTo("simulate: --rate only applies to load mode, not to --scenario.");
    err.reset();
    assertThat(run("--loop", "--time-mode", "realtime", "--dry-run")).isEqualTo(SimulateCommand.EXIT_CONFIG);
    assertThat(err().strip()).isEqualTo("simulate: --time-mode, --loop only apply to --scenario.");
  }

  @Test
  void aSeedIsAcceptedWithAScenario() {
    assertThat(run("--scenario", "spike-only", "--time-mode", "asFastAsPossible", "--dry-run", "--seed", "5")).isZero();
    assertThat(out()).contains("500 activity samples");
  }
}
