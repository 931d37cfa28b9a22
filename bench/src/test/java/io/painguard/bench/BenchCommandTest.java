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
    assertThat(s.mode()).isEqualTo(BenchSettings.FULL);
    assertThat(s.repeats()).isEqualTo(3);
    assertThat(s.latencyDuration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theSmokeTestRunsOnceAndNamesItself() {
    BenchSettings quick = parse("--quick");

    assertThat(quick.repeats()).isEqualTo(1);
    assertThat(quick.modeName()).isEqualTo("quick");
    assertThat(parse("--quick", "--scale-out").modeName()).isEqualTo("scale-out-quick");
  }

  @Test
  void theAthletesComparisonIsOneCommandOnTheSameRecordCount() {
    BenchSettings s = parse("--athletes-compare", "1000,100000");

    assertThat(s.mode()).isEqualTo(BenchSettings.ATHLETES_COMPARE);
    assertThat(s.comparedAthletes()).containsExactly(1_000, 100_000);
    assertThat(s.records()).isEqualTo(2_000_000);
    assertThat(s.repeats()).isEqualTo(3);
    assertThat(s.baselines()).isEmpty();
    assertThat(s.latencyDuration()).isZero();
  }

  @Test
  void scaleOutMeasuresOneToThreeInstancesAndTwoStandbySettings() {
    BenchSettings s = parse("--scale-out");

    assertThat(s.mode()).isEqualTo(BenchSettings.SCALE_OUT);
    assertThat(s.scaleOut().instances()).containsExactly(1, 2, 3);
    assertThat(s.scaleOut().standbys()).containsExactly(0, 1);
    assertThat(s.scaleOut().lagBound()).isEqualTo(5_000);
    assertThat(s.baselines()).isEmpty();
    assertThat(s.latencyDuration()).isEqualTo(Duration.ofSeconds(20));
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
    assertThat(refusal("--repeats", "0")).isEqualTo("bench: --repeats must be between 1 and 20, got 0.");
    assertThat(refusal("--athletes-compare", "100000,1000"))
        .isEqualTo("bench: --athletes-compare takes two populations, the smaller first, e.g. 1000,100000.");
    assertThat(refusal("--athletes-compare", "1000,100000", "--scale-out"))
        .isEqualTo("bench: --athletes-compare and --scale-out are separate runs; give one.");
    assertThat(refusal("--scale-out", "--instances", "1,7"))
        .isEqualTo("bench: --instances takes rising counts from 1 to the partitions (6), e.g. 1,2,3.");
    assertThat(refusal("--scale-out", "--takeover-timeout", "soon")).startsWith("bench: --takeover-timeout must be a duration");
    assertThat(refusal("--tuning", "fast")).isEqualTo("bench: Unknown tuning 'fast'; use app or kafka-defaults.");
  }

  @Test
  void theScaleOutOptionsAreCheckedOnlyForAScaleOutRun() {
    assertThat(parse("--partitions", "2").partitions()).isEqualTo(2);
    assertThat(refusal("--scale-out", "--partitions", "2"))
        .isEqualTo("bench: --instances takes rising counts from 1 to the partitions (2), e.g. 1,2,3.");
  }

  @Test
  void baselinesCanBeLeftOut() {
    assertThat(parse("--baseline", "none").baselines()).isEqualTo(List.of());
    assertThat(parse("--baseline", "plain").baselines()).containsExactly(BenchSettings.PLAIN);
  }
}
