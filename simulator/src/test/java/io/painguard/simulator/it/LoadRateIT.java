package io.painguard.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@KafkaStackTest
class LoadRateIT {

  private static final Pattern SUMMARY = Pattern.compile(
      "load summary: 300 athletes, ([\\d,]+) profiles, ([\\d,]+) records sent \\(([\\d,]+) pain reports\\) in ([\\d.]+)s = ([\\d,]+)/s \\(target 2,000/s, ([\\d.]+)%\\)");

  @Test
  void loadReachesAModestTargetRateAndReportsIt(KafkaStack stack) {
    // Given fresh topics
    String activity = stack.uniqueTopic("load-activity");
    String pain = stack.uniqueTopic("load-pain");
    String profiles = stack.uniqueTopic("load-profiles");
    stack.createTopic(activity, 3);
    stack.createTopic(pain, 3);
    stack.createCompactedTopic(profiles, 1);

    // When 300 athletes send 2,000 records/s for 10 s
    ItSupport.CliRun run = ItSupport.simulate(
        "--bootstrap", stack.bootstrapServers(), "--registry", stack.schemaRegistryUrl(),
        "--athletes", "300", "--rate", "2000", "--duration", "10s", "--seed", "7",
        "--activity-topic", activity, "--pain-topic", pain, "--profile-topic", profiles);

    // Then the summary reports a rate within 10 % of the target and no failure
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("load:", "acked", "failed 0");
    Matcher m = SUMMARY.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    long profileCount = number(m.group(1));
    long sent = number(m.group(2));
    long painReports = number(m.group(3));
    double rate = number(m.group(5));
    assertThat(rate).as(run.out()).isEqualTo(2000, within(200.0));
    assertThat(Double.parseDouble(m.group(6))).isBetween(90.0, 110.0);
    assertThat(sent).isBetween(18_000L, 22_000L);
    assertThat(run.out()).contains(String.format("acknowledged %,d, failed 0", sent + profileCount));

    // and everything it reported is on the topics
    assertThat(ItSupport.endOffsetSum(stack, activity)).isEqualTo(sent - painReports);
    assertThat(ItSupport.endOffsetSum(stack, pain)).isEqualTo(painReports);
    assertThat(ItSupport.endOffsetSum(stack, profiles)).isEqualTo(profileCount);
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", ""));
  }
}
