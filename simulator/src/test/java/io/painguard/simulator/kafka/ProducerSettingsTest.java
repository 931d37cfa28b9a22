package io.painguard.simulator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

  @Test
  void producerIsSafeAndBatchesForThroughput() {
    Map<String, Object> config = ProducerSettings.producerConfig("broker:9092", Map.of());
    assertThat(config)
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .containsEntry("compression.type", "lz4")
        .containsEntry("key.serializer", StringSerializer.class.getName())
        .containsEntry("value.serializer", ByteArraySerializer.class.getName());
    assertThat((Integer) config.get("linger.ms")).isBetween(5, 20);
    assertThat((Integer) config.get("batch.size")).isBetween(64 * 1024, 256 * 1024);
  }

  @Test
  void passesOverridesThroughButKeepsSerdeKeysAndSerializersApart() {
    Map<String, String> overrides = Map.of(
        "security.protocol", "SASL_SSL",
        "sasl.mechanism", "PLAIN",
        "linger.ms", "20",
        "value.serializer", "com.example.Other",
        "basic.auth.user.info", "user:secret",
        "basic.auth.credentials.source", "USER_INFO",
        "auto.register.schemas", "false");
    Map<String, Object> producer = ProducerSettings.producerConfig("b:9092", overrides);
    assertThat(producer)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("linger.ms", "20")
        .containsEntry("value.serializer", ByteArraySerializer.class.getName())
        .doesNotContainKeys("basic.auth.user.info", "auto.register.schemas");

    Map<String, Object> serde = ProducerSettings.serdeConfig("http://r:8081", overrides);
    assertThat(serde)
        .containsEntry("schema.registry.url", "http://r:8081")
        .containsEntry("basic.auth.user.info", "user:secret")
        .containsEntry("auto.register.schemas", "false")
        .doesNotContainKeys("security.protocol", "linger.ms");

    Map<String, Object> admin = ProducerSettings.adminConfig(producer, 3000);
    assertThat(admin)
        .containsEntry("bootstrap.servers", "b:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("request.timeout.ms", 3000)
        .doesNotContainKeys("linger.ms", "value.serializer");
  }

  @Test
  void confluentsRegistryClientKeysGoToTheSerdeNotTheProducer() {
    Map<String, String> overrides = Map.of(
        "bearer.auth.credentials.source", "STATIC_TOKEN",
        "bearer.auth.token", "tok-1",
        "schema.registry.ssl.truststore.location", "/etc/registry.p12",
        "max.retries", "5",
        "value.subject.name.strategy", "RecordNameStrategy",
        "retries", "7");

    assertThat(ProducerSettings.producerConfig("b:9092", overrides))
        .containsEntry("retries", "7")
        .doesNotContainKeys("bearer.auth.token", "schema.registry.ssl.truststore.location",
            "max.retries", "value.subject.name.strategy");
    assertThat(ProducerSettings.serdeConfig("http://r:8081", overrides))
        .containsEntry("bearer.auth.token", "tok-1")
        .containsEntry("schema.registry.ssl.truststore.location", "/etc/registry.p12")
        .containsEntry("max.retries", "5")
        .containsEntry("value.subject.name.strategy", "RecordNameStrategy")
        .doesNotContainKey("retries");
  }
}
