package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.ConfigException;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a reachable broker, each way the environment can be wrong is refused before Kafka
 * Streams starts, in one sentence: a registry that does not answer, missing topics, inputs that are
 * not co-partitioned, a state directory that cannot be created. And a missing topic is created when
 * that is allowed.
 */
@KafkaStackTest
class StartupRefusalIT {

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void createTopics(KafkaStack stack, String run, int profilePartitions) {
    for (String topic : AppUnderTest.CONTRACT) {
      stack.createTopic(topic + "-" + run, topic.equals("athlete-profiles") ? profilePartitions : 2);
    }
  }

  @Test
  void aRegistryThatDoesNotAnswerIsRefused(KafkaStack stack, @TempDir Path dir) throws Exception {
    String run = run();
    createTopics(stack, run, 2);
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Map<String, String> settings = AppUnderTest.settings(stack, run, dir);
    settings.put("schema.registry.url", "http://127.0.0.1:" + closed);
    settings.put("painguard.startup.timeout", "1s");

    assertThatThrownBy(() -> PainGuardApp.start(AppConfig.of(settings)))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("Cannot use the schema registry at http://127.0.0.1:" + closed + ": ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void missingTopicsAreRefusedWhenTheAppMayNotCreateThem(KafkaStack stack, @TempDir Path dir) {
    String run = run();

    assertThatThrownBy(() -> PainGuardApp.start(AppConfig.of(AppUnderTest.settings(stack, run, dir))))
        .isInstanceOf(StartupException.class)
        .hasMessage(
            "Topic 'activity-events-" + run + "' does not exist on " + stack.bootstrapServers()
                + " (or this principal may not see it); create it or name another with painguard.topics.*.");
  }

  @Test
  void aMissingDeadLetterTopicIsRefusedInOneSentenceBeforeKafkaStreamsStarts(KafkaStack stack, @TempDir Path dir) {
    // Left to Kafka Streams, the first dead letter's send would block on the topic's metadata for
    // max.block.ms (60 s) and then fail the stream thread; refusing at start names the problem.
    String run = run();
    for (String topic : AppUnderTest.CONTRACT) {
      if (!topic.equals("dead-letters")) {
        stack.createTopic(topic + "-" + run, 2);
      }
    }

    assertThatThrownBy(() -> PainGuardApp.start(AppConfig.of(AppUnderTest.settings(stack, run, dir))))
        .isInstanceOf(StartupException.class)
        .hasMessage(
            "Topic 'dead-letters-" + run + "' does not exist on " + stack.bootstrapServers()
                + " (or this principal may not see it); create it or name another with painguard.topics.*.");
  }

  @Test
  void missingTopicsAreCreatedWhenAllowedWithProfilesCompactedAndAcknowledgementsKeptAYear(
      KafkaStack stack, @TempDir Path dir) throws Exception {
    String run = run();
    Map<String, String> settings = AppUnderTest.settings(stack, run, dir);
    settings.put("painguard.startup.create-topics", "true");

    try (PainGuardApp app = PainGuardApp.start(AppConfig.of(settings));
        Admin admin = Admin.create(stack.clientProperties())) {
      assertThat(admin.listTopics().names().get()).contains("activity-events-" + run, "dead-letters-" + run);
      var resource =
          new org.apache.kafka.common.config.ConfigResource(
              org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "athlete-profiles-" + run);
      assertThat(admin.describeConfigs(java.util.List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
          .isEqualTo("compact");
      var acknowledgements =
          new org.apache.kafka.common.config.ConfigResource(
              org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "alert-acknowledgements-" + run);
      var acknowledgementConfig = admin.describeConfigs(java.util.List.of(acknowledgements)).all().get().get(acknowledgements);
      assertThat(acknowledgementConfig.get("cleanup.policy").value()).isEqualTo("delete");
      assertThat(acknowledgementConfig.get("retention.ms").value())
          .isEqualTo(Long.toString(io.painguard.contract.ContractTopics.ACKNOWLEDGEMENT_RETENTION_MS));
      assertThat(app.httpPort()).isPositive();
    }
  }

  @Test
  void inputsThatAreNotCoPartitionedAreRefused(KafkaStack stack, @TempDir Path dir) {
    String run = run();
    createTopics(stack, run, 3);

    assertThatThrownBy(() -> PainGuardApp.start(AppConfig.of(AppUnderTest.settings(stack, run, dir))))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Topic 'activity-events-" + run + "' has 2 partitions but 'athlete-profiles-" + run + "' has 3:"
                + " the input topics must have the same partition count so that one athlete's records meet"
                + " in one place.");
  }

  @Test
  void anAcknowledgementsTopicNotCoPartitionedWithTheInputsIsRefused(KafkaStack stack, @TempDir Path dir) {
    String run = run();
    for (String topic : AppUnderTest.CONTRACT) {
      stack.createTopic(topic + "-" + run, topic.equals("alert-acknowledgements") ? 3 : 2);
    }

    assertThatThrownBy(() -> PainGuardApp.start(AppConfig.of(AppUnderTest.settings(stack, run, dir))))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Topic 'activity-events-" + run + "' has 2 partitions but 'alert-acknowledgements-" + run + "' has 3:"
                + " the input topics must have the same partition count so that one athlete's records meet"
                + " in one place.");
  }

  @Test
  void aStateDirectoryThatCannotBeCreatedIsRefused(KafkaStack stack, @TempDir Path dir) throws Exception {
    String run = run();
    createTopics(stack, run, 2);
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

    assertThatThrownBy(() -> PainGuardApp.start(AppConfig.of(AppUnderTest.settings(stack, run, file.resolve("state")))))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("Kafka Streams cannot start: ")
        .hasMessageNotContaining("\n");
  }
}
