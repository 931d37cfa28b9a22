package io.painguard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.painguard.runtime.metrics.PainGuardMetrics;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import io.painguard.topology.DeadLetterCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * On the real broker: an alerts partition whose transaction stays open is reported held once its
 * last stable offset has stood for the timeout, its committed neighbour never is, and the
 * partition is released when the transaction is aborted -- what an operator's abort of a hanging
 * transaction does. {@code painguard_output_partitions_held} says the same.
 */
@KafkaStackTest
class HangingTransactionWatchIT {

  @Test
  void aPartitionAnOpenTransactionHoldsBackIsReportedUntilTheTransactionEnds(KafkaStack stack) throws Exception {
    String alerts = "held-alerts-" + UUID.randomUUID();
    Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (Admin admin = Admin.create(client);
        KafkaProducer<String, String> open = producer(stack, "open-" + alerts);
        KafkaProducer<String, String> committed = producer(stack, "committed-" + alerts)) {
      admin.createTopics(List.of(new NewTopic(alerts, 2, (short) 1))).all().get();

      // Given partition 0 with a committed alert, partition 1 with three alerts in a transaction
      // left open (a producer that will not come back, as far as this test is concerned)
      committed.beginTransaction();
      committed.send(new ProducerRecord<>(alerts, 0, "ana", "referral")).get();
      committed.commitTransaction();
      open.beginTransaction();
      for (String athlete : List.of("bo", "cy", "di")) {
        open.send(new ProducerRecord<>(alerts, 1, athlete, "effort alert")).get();
      }

      // When the watch reads the offsets for longer than its timeout (2 s)
      try (HangingTransactionWatch watch =
              new HangingTransactionWatch(
                  Admin.create(client), List.of(alerts), Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC());
          PainGuardMetrics metrics = new PainGuardMetrics(new DeadLetterCounter())) {
        metrics.outputTransactions(watch);
        watch.check();
        assertThat(watch.heldPartitions()).as("not before the timeout").isZero();

        // Then partition 1, and only it, is held
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          watch.check();
          assertThat(watch.heldPartitions()).isEqualTo(1);
        });
        assertThat(metrics.scrape()).contains("painguard_output_partitions_held 1.0");

        // And once the transaction is aborted, nothing is held
        open.abortTransaction();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          watch.check();
          assertThat(watch.heldPartitions()).isZero();
        });
        assertThat(metrics.scrape()).contains("painguard_output_partitions_held 0.0");
      }
    }
  }

  private static KafkaProducer<String, String> producer(KafkaStack stack, String transactionalId) {
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000),
            new StringSerializer(),
            new StringSerializer());
    producer.initTransactions();
    return producer;
  }
}
