package io.painguard.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.contract.ContractTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack that {@code ./painguard stack} and the demo run: broker, registry and the contract. */
class LocalStackIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VALUE_SUBJECTS =
      List.of("activity-events-value", "pain-reports-value", "athlete-profiles-value", "exertion-alerts-value",
          "alert-acknowledgements-value");

  @TempDir Path dataDir;

  @Test
  void provisionsTheContractAndARestartOnTheSameDataKeepsTopicsAndSchemaIds() throws Exception {
    // Given a stack on a data directory of ours
    Map<String, Integer> firstIds;
    int kafkaPort;
    int registryPort;
    try (LocalStack first = LocalStack.builder().dataDir(dataDir).partitions(4).build().start()) {
      kafkaPort = first.kafka().port();
      registryPort = Integer.parseInt(first.schemaRegistryUrl().replaceAll(".*:", ""));

      // Then the contract's topics exist with the asked partitions, athlete-profiles compacted
      Map<String, TopicDescription> topics = describeTopics(first.clientProperties());
      assertThat(topics.keySet()).containsAll(ContractProvisioner.topics());
      assertThat(ContractProvisioner.topics())
          .allSatisfy(topic -> assertThat(topics.get(topic).partitions()).as(topic).hasSize(4));
      Map<String, String> cleanupPolicies = cleanupPolicies(first.clientProperties(), ContractProvisioner.topics());
      assertThat(cleanupPolicies).containsEntry(ContractTopics.ATHLETE_PROFILES, TopicConfig.CLEANUP_POLICY_COMPACT);
      assertThat(cleanupPolicies)
          .containsEntry(ContractTopics.ACTIVITY_EVENTS, TopicConfig.CLEANUP_POLICY_DELETE)
          .containsEntry(ContractTopics.PAIN_REPORTS, TopicConfig.CLEANUP_POLICY_DELETE)
          .containsEntry(ContractTopics.EXERTION_ALERTS, TopicConfig.CLEANUP_POLICY_DELETE)
          .containsEntry(ContractTopics.DEAD_LETTERS, TopicConfig.CLEANUP_POLICY_DELETE)
          .containsEntry(ContractTopics.ALERT_ACKNOWLEDGEMENTS, TopicConfig.CLEANUP_POLICY_DELETE);
      // the acknowledgements are the audit trail: a year, not the broker's default week
      assertThat(topicConfig(first.clientProperties(), ContractTopics.ALERT_ACKNOWLEDGEMENTS, TopicConfig.RETENTION_MS_CONFIG))
          .isEqualTo(Long.toString(ContractTopics.ACKNOWLEDGEMENT_RETENTION_MS));

      // And the five value subjects are registered, with the ids start() reported
      assertThat(subjects(first.schemaRegistryUrl())).containsExactlyInAnyOrderElementsOf(VALUE_SUBJECTS);
      firstIds = first.contractSchemaIds();
      assertThat(firstIds).containsOnlyKeys(VALUE_SUBJECTS);
      for (String subject : VALUE_SUBJECTS) {
        JsonNode latest = JSON.readTree(Http.get(first.schemaRegistryUrl() + "/subjects/" + subject + "/versions/latest").body());
        assertThat(latest.get("id").intValue()).as(subject).isEqualTo(firstIds.get(subject));
      }
    }

    // When it is closed, its ports are free again
    assertThat(Ports.isFree(kafkaPort)).as("Kafka port free after close").isTrue();
    assertThat(Ports.isFree(registryPort)).as("registry port free after close").isTrue();
    assertThat(dataDir.resolve("kafka")).isDirectory();

    // And a new stack on the same data provisions again without changing anything
    try (LocalStack second = LocalStack.builder().dataDir(dataDir).partitions(4).build().start()) {
      assertThat(second.contractSchemaIds()).isEqualTo(firstIds);
      for (String subject : VALUE_SUBJECTS) {
        assertThat(Http.get(second.schemaRegistryUrl() + "/subjects/" + subject + "/versions").body())
            .as(subject)
            .isEqualTo("[1]");
      }
      assertThat(describeTopics(second.clientProperties()).get(ContractTopics.ACTIVITY_EVENTS).partitions()).hasSize(4);
    }
  }

  @Test
  void withoutADataDirItUsesATemporaryOneAndDeletesItOnClose() {
    LocalStack stack = LocalStack.builder().provisionContract(false).build().start();
    Path temporary = stack.dataDir();
    assertThat(temporary.resolve("kafka")).isDirectory();

    stack.close();

    assertThat(Files.exists(temporary)).isFalse();
  }

  private static Map<String, TopicDescription> describeTopics(Map<String, Object> clientProps) throws Exception {
    try (Admin admin = Admin.create(clientProps)) {
      Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
    }
  }

  private static Map<String, String> cleanupPolicies(Map<String, Object> clientProps, List<String> topics) throws Exception {
    List<ConfigResource> resources =
        topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).collect(Collectors.toList());
    try (Admin admin = Admin.create(clientProps)) {
      Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
      return configs.entrySet().stream()
          .collect(Collectors.toMap(e -> e.getKey().name(), e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
    }
  }

  private static String topicConfig(Map<String, Object> clientProps, String topic, String key) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = Admin.create(clientProps)) {
      return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource).get(key).value();
    }
  }

  private static List<String> subjects(String registryUrl) throws Exception {
    List<String> subjects = new ArrayList<>();
    JSON.readTree(Http.get(registryUrl + "/subjects").body()).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }
}
