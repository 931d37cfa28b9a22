package io.painguard.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.stack.Records;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

/** The opt-in SASL_SSL (SCRAM-SHA-512) client listener: its own credentials pass, others do not. */
class EmbeddedKafkaSaslSslIT {

  @Test
  void clientPropertiesConnectOverTlsWithScramAndAWrongPasswordIsRefused() throws Exception {
    // Given a broker whose client listener is SASL_SSL
    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder().security(BrokerSecurity.saslSsl("stack-user", "stack-Pa55")).build().start()) {
      Map<String, Object> client = kafka.clientProperties();
      assertThat(client)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsKeys("sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password");
      assertThat(kafka.security().toString()).doesNotContain("stack-Pa55");

      // When a client uses its properties, then it creates a topic and records go round
      try (Admin admin = Admin.create(client)) {
        admin.createTopics(List.of(new NewTopic("secured", Optional.of(1), Optional.empty()))).all().get();
      }
      Records.produce(client, "secured", Map.of("a1", "one"));
      try (KafkaConsumer<String, String> consumer = Records.consumer(client, Map.of())) {
        consumer.subscribe(List.of("secured"));
        assertThat(Records.pollUntil(consumer, 1, Duration.ofSeconds(30)))
            .extracting(ConsumerRecord::value)
            .containsExactly("one");
      }

      // And a client with the wrong password is refused by authentication
      Map<String, Object> wrong = new HashMap<>(client);
      wrong.put("sasl.jaas.config", BrokerSecurity.scramJaasConfig("stack-user", "not-the-password"));
      wrong.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
      wrong.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
      try (Admin admin = Admin.create(wrong)) {
        assertThatThrownBy(() -> admin.describeCluster().nodes().get())
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(SaslAuthenticationException.class);
      }
    }
  }
}
