package io.painguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  private static BenchSettings parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings();
  }

  private static String refusal(String... args) {
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new BenchCommand()).setErr(new PrintWriter(err)).execute(args);
    assertThat(exit).isEqualTo(BenchCommand.BAD_OPTIONS);
    return err.toString().trim();
  }

  @Test
  void theDefaultsAreTheIssuesFullRun() {
    BenchSettings s = parse();

    assertThat(s.athletes()).isEqualTo(10_000);
    assertThat(s.records()).isEqualTo(3_000_000);
    assertThat(s.partitions()).isEqualTo(6);
    assertThat(s.rate()).isEqualTo(5_000);
    assertThat(s.baselines()).containsExactly(BenchSettings.EOS, BenchSettings.PLAIN);
    assertThat(s.broker()).isEqualTo(BenchSettings.CHILD);
    assertThat(s.appJvmOptions()).containsExactly("-Xmx512m");
  }

  @Test
  void quickShrinksWhatTheUserDidNotSet() {
    BenchSettings quick = parse("--quick");
    BenchSettings quickWithAthletes = parse("--quick", "--athletes", "500");

    assertThat(quick.athletes()).isEqualTo(1_000);
    assertThat(quick.records()).isLessThan(3_000_000);
    assertThat(quick.latencyDuration()).isLessThan(Duration.ofSeconds(30));
    assertThat(quick.baselines()).containsExactly(BenchSettings.EOS);
    assertThat(quickWithAthletes.athletes()).isEqualTo(500);
  }

  @Test
  void anExternalClusterNeedsItsRegistryToo() {
    BenchSettings external = parse("--bootstrap", "kafka:9092", "--registry", "http://registry:8081");

    assertThat(external.broker()).isEqualTo(BenchSettings.EXTERNAL);
    assertThat(refusal("--bootstrap", "kafka:9092")).isEqualTo("bench: --bootstrap and --registry go together.");
  }

  @Test
  void badOptionsAreRefusedInOneSentence() {
    assertThat(refusal("--athletes", "0")).isEqualTo("bench: --athletes must be between 1 and 10000000, got 0.");
    assertThat(refusal("--baseline", "fast")).isEqualTo("bench: --baseline takes eos and/or plain, got 'fast'.");
    assertThat(refusal("--latency-duration", "soon")).startsWith("bench: --latency-duration must be a duration");
    assertThat(refusal("--compare-with", "/no/such/result.json"))
        .isEqualTo("bench: --compare-with names /no/such/result.json, which is not a readable result.json.");
    assertThat(refusal("--tuning", "fast")).isEqualTo("bench: Unknown tuning 'fast'; use app or kafka-defaults.");
  }

  @Test
  void baselinesCanBeLeftOut() {
    assertThat(parse("--baseline", "none").baselines()).isEqualTo(List.of());
    assertThat(parse("--baseline", "plain").baselines()).containsExactly(BenchSettings.PLAIN);
  }
}
