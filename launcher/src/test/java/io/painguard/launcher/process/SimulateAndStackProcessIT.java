package io.painguard.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.contract.ContractTopics;
import io.painguard.stack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./painguard stack} and {@code ./painguard simulate} as separate processes, the way the
 * README has a user start a broker in one terminal and feed it from another.
 */
class SimulateAndStackProcessIT {

  private static final Pattern REGISTRY_LINE = Pattern.compile("^Schema registry URL: +(\\S+)");
  private static final Pattern BOOTSTRAP_LINE = Pattern.compile("^Kafka bootstrap servers: (\\S+)");

  @TempDir Path tmp;

  /**
   * A shipped scenario dry-run through {@code ./painguard}, as a user runs it: the scenarios are
   * resources of the simulator's jar on the launcher's classpath. Every shipped scenario is
   * dry-run in one JVM by {@code SimulateCommandTest} (a JVM each here cost ~1.8 s).
   */
  @Test
  void aShippedScenarioPlansAndEncodesInADryRun() throws Exception {
    // Given no broker at all
    try (PainguardProcess simulate =
        PainguardProcess.start(tmp, "simulate", "--scenario", "demo", "--dry-run", "--time-mode", "asFastAsPossible")) {
      // When the scenario is dry-run
      Optional<Integer> exit = simulate.awaitExit(Duration.ofSeconds(60));

      // Then it ends by itself with success, having counted its records and none failed
      assertThat(exit).as("exit; output:\n%s", simulate.tail()).contains(0);
      assertThat(simulate.text()).containsPattern("acknowledged [\\d,]+, failed 0").doesNotContain("\tat ");
    }
  }

  @Test
  void theStackPrintsItsAddressesOnlyWhenTopicsAndSchemasAreThereAndAScenarioFeedsIt() throws Exception {
    int kafkaPort = Ports.pickFree();
    int registryPort = Ports.pickFree();
    // Given ./painguard stack in one "terminal"
    try (PainguardProcess stack =
        PainguardProcess.start(tmp, "stack", "--kafka-port", Integer.toString(kafkaPort),
            "--registry-port", Integer.toString(registryPort))) {
      // When it prints its addresses
      String registry = stack.awaitLine(REGISTRY_LINE, Duration.ofSeconds(120)).group(1);
      String bootstrap = stack.line(BOOTSTRAP_LINE).orElseThrow().group(1);

      // Then at that very moment every contract schema is registered and every topic exists
      String subjects = Network.get(registry + "/subjects", null).body();
      for (String topic : ContractTopics.valueSchemas().keySet()) {
        assertThat(subjects).as("subjects right after the address was printed").contains("\"" + ContractTopics.valueSubject(topic) + "\"");
      }
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        Set<String> topics = admin.listTopics().names().get();
        assertThat(topics).containsAll(ContractTopics.valueSchemas().keySet());

        // When a scenario is played against it from another "terminal"
        try (PainguardProcess simulate =
            PainguardProcess.start(tmp, "simulate", "--scenario", "severe-pain", "--time-mode", "asFastAsPossible",
                "--bootstrap", bootstrap, "--registry", registry)) {
          Optional<Integer> exit = simulate.awaitExit(Duration.ofSeconds(90));

          // Then it succeeds and its records are on the input topics
          assertThat(exit).as("simulate exit; output:\n%s", simulate.tail()).contains(0);
          assertThat(simulate.text()).containsPattern("acknowledged [\\d,]+, failed 0");
        }
        assertThat(recordCount(admin, ContractTopics.ACTIVITY_EVENTS)).isPositive();
        assertThat(recordCount(admin, ContractTopics.PAIN_REPORTS)).isPositive();
      }

      // When Ctrl-C reaches the stack, Then it stops and frees both ports
      stack.interrupt();
      assertThat(stack.awaitExit(Duration.ofSeconds(30))).as("stack exit; output:\n%s", stack.tail()).isPresent();
      assertThat(stack.text()).contains("Local stack stopped.");
      assertThat(Ports.isFree(kafkaPort)).isTrue();
      assertThat(Ports.isFree(registryPort)).isTrue();
    }
  }

  private static long recordCount(Admin admin, String topic) throws Exception {
    List<TopicPartition> partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    ListOffsetsResult offsets = admin.listOffsets(latest);
    long total = 0;
    for (TopicPartition p : partitions) {
      total += offsets.partitionResult(p).get().offset();
    }
    return total;
  }
}
