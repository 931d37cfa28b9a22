package io.painguard.stack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.stack.Http;
import io.painguard.stack.Records;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What tests of other modules rely on: an injected, working broker and registry on whichever
 * backend runs -- transactions, consumer groups and compacted topics included.
 */
@KafkaStackTest
class KafkaStackExtensionIT {

  private static KafkaStack staticStack;
  private KafkaStack stack;

  @Test
  void injectsOneRunningStackIntoFieldsAndParameters(KafkaStack parameter) throws Exception {
    // Given the injected stack
    assertThat(parameter).isSameAs(stack).isSameAs(staticStack);
    assertThat(SeenStacks.record(stack)).hasSize(1);
    String requested = System.getProperty("painguard.stack", "");
    if (requested.equals("embedded") || requested.equals("testcontainers")) {
      assertThat(stack.backendName()).isEqualTo(requested);
    } else {
      assertThat(stack.backendName()).isIn("embedded", "testcontainers");
    }

    // When a client describes the cluster and asks the registry for its subjects
    try (Admin admin = Admin.create(stack.clientProperties())) {
      assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
    }
    HttpResponse<String> subjects = Http.get(stack.schemaRegistryUrl() + "/subjects");

    // Then both answer
    assertThat(subjects.statusCode()).isEqualTo(200);
    assertThat(subjects.body()).startsWith("[");
  }

  @Test
  void aReadCommittedConsumerSeesCommittedTransactionsOnly() {
    // Given a one-partition topic (so order is total) and a transactional producer
    String topic = stack.uniqueTopic("transactions");
    stack.createTopic(topic, 1);
    Map<String, Object> producerProps = new HashMap<>(stack.clientProperties());
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());

    // When it commits, aborts, and commits again
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a1", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "a1", "committed-2"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a1", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a1", "committed-3"));
      producer.commitTransaction();
    }

    // Then a read_committed consumer gets exactly the committed records, in order
    try (KafkaConsumer<String, String> consumer =
        Records.consumer(stack.clientProperties(), Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, String>> received = Records.pollUntil(consumer, 3, Duration.ofSeconds(30));
      assertThat(received).extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2", "committed-3");
    }
  }

  @Test
  void aConsumerGroupResumesAfterItsCommittedOffsets() throws Exception {
    // Given a group that consumed and committed the first four records
    String topic = stack.uniqueTopic("groups");
    stack.createTopic(topic, 2);
    String group = "group-" + UUID.randomUUID();
    Records.produce(stack.clientProperties(), topic, numbered("first", 4));
    try (KafkaConsumer<String, String> first =
        Records.consumer(stack.clientProperties(), Map.of(ConsumerConfig.GROUP_ID_CONFIG, group))) {
      first.subscribe(List.of(topic));
      assertThat(Records.pollUntil(first, 4, Duration.ofSeconds(30))).hasSize(4);
      first.commitSync();
    }

    // When two more records arrive and a new member of the group starts
    Records.produce(stack.clientProperties(), topic, numbered("second", 2));
    try (KafkaConsumer<String, String> second =
        Records.consumer(stack.clientProperties(), Map.of(ConsumerConfig.GROUP_ID_CONFIG, group))) {
      second.subscribe(List.of(topic));
      List<ConsumerRecord<String, String>> received = Records.pollUntil(second, 2, Duration.ofSeconds(30));

      // Then it reads only the new ones, and the group's offsets are on the broker
      assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("second-0", "second-1");
    }
    try (Admin admin = Admin.create(stack.clientProperties())) {
      long committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).values().stream()
              .mapToLong(offset -> offset.offset())
              .sum();
      assertThat(committed).isEqualTo(4);
    }
  }

  @Test
  void createCompactedTopicMakesACompactedTopicAndToleratesRepeats() throws Exception {
    // Given a compacted topic created twice
    String topic = stack.uniqueTopic("compacted");
    stack.createCompactedTopic(topic, 2);
    stack.createCompactedTopic(topic, 2);

    // When we look at it
    try (Admin admin = Admin.create(stack.clientProperties())) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);

      // Then it has its partitions and compaction
      assertThat(description.partitions()).hasSize(2);
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
  }

  private static Map<String, String> numbered(String prefix, int count) {
    Map<String, String> records = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      records.put("athlete-" + prefix + "-" + i, prefix + "-" + i);
    }
    return records;
  }
}
