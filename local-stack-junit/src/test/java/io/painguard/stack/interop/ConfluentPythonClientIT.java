package io.painguard.stack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.serde.WireFormat;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's own Python client (confluent-kafka, Debian package python3-confluent-kafka) against
 * the embedded registry and our serde: the wire format and the registry API are checked by the
 * real thing, in both directions.
 */
@KafkaStackTest
class ConfluentPythonClientIT {

  private static final String PYTHON = "/usr/bin/python3";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaStack stack;

  ConfluentPythonClientIT(KafkaStack stack) {
    this.stack = stack;
  }

  @BeforeAll
  static void confluentClientInstalled() throws Exception {
    boolean available =
        Files.isExecutable(Path.of(PYTHON))
            && new ProcessBuilder(PYTHON, "-c", "import confluent_kafka.avro, confluent_kafka.schema_registry")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor()
                == 0;
    assumeTrue(
        available,
        "Confluent's Python client is not installed; skipping. Install it with:"
            + " apt-get install python3-confluent-kafka python3-avro python3-requests");
  }

  @Test
  void pythonProducesAndOurSerdeDecodes(@TempDir Path dir) throws Exception {
    // Given a topic and the PainReport schema as Python will register it
    String topic = stack.uniqueTopic("py-to-java");
    stack.createTopic(topic, 1);
    Path schemaFile = dir.resolve("PainReport.avsc");
    Files.writeString(schemaFile, PainReport.getClassSchema().toString());

    // When Confluent's AvroProducer registers the schema and produces five reports
    JsonNode sent =
        python("produce", stack.bootstrapServers(), stack.schemaRegistryUrl(), topic,
                schemaFile.toString(), "5")
            .get("sent");

    // Then our deserializer decodes every one, with the schema id the registry handed out
    List<ConsumerRecord<String, byte[]>> raw = consume(topic, 5);
    assertThat(raw).hasSize(5);
    int registeredId = registeredId(topic + "-value");
    try (SpecificAvroDeserializer<PainReport> deserializer =
        new SpecificAvroDeserializer<>(PainReport.class)) {
      deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      for (int i = 0; i < raw.size(); i++) {
        byte[] bytes = raw.get(i).value();
        assertThat(WireFormat.schemaIdOf(bytes)).isEqualTo(registeredId);
        PainReport report = deserializer.deserialize(topic, bytes);
        assertThat(report.getReportId()).isEqualTo(sent.get(i).get("reportId").asText());
        assertThat(report.getAthleteId()).isEqualTo(sent.get(i).get("athleteId").asText());
        assertThat(report.getLevel()).isEqualTo(sent.get(i).get("level").asInt());
        assertThat(report.getSensations())
            .containsExactly(PainSensation.ACHING, PainSensation.STIFFNESS);
        assertThat(report.getTimestamp()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z").plusSeconds(i));
      }
    }
  }

  @Test
  void ourSerdeProducesAndPythonDecodes() throws Exception {
    // Given three activity samples written by our serializer (which registers the schema)
    String topic = stack.uniqueTopic("java-to-py");
    stack.createTopic(topic, 1);
    List<ActivityEvent> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(
          ActivityEvent.newBuilder()
              .setEventId("e-" + i)
              .setAthleteId("athlete-" + i)
              .setTimestamp(Instant.parse("2026-11-23T09:00:00Z").plusSeconds(i))
              .setActivityType(ActivityType.RUNNING)
              .setSource(DeviceSource.CHEST_STRAP)
              .setHeartRateBpm(150 + i)
              .setSpeedMps(3.5f)
              .build());
    }
    produce(topic, events);

    // When Confluent's AvroConsumer reads them with read_committed
    JsonNode received =
        python("consume", stack.bootstrapServers(), stack.schemaRegistryUrl(), topic, "3")
            .get("received");

    // Then it decodes every field we wrote
    assertThat(received).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode event = received.get(i);
      assertThat(event.get("eventId").asText()).isEqualTo("e-" + i);
      assertThat(event.get("athleteId").asText()).isEqualTo("athlete-" + i);
      assertThat(event.get("activityType").asText()).isEqualTo("RUNNING");
      assertThat(event.get("source").asText()).isEqualTo("CHEST_STRAP");
      assertThat(event.get("heartRateBpm").asInt()).isEqualTo(150 + i);
      assertThat(event.get("speedMps").asDouble()).isEqualTo(3.5);
      assertThat(Instant.parse(event.get("timestamp").asText().replace("+00:00", "Z")))
          .isEqualTo(events.get(i).getTimestamp());
    }
  }

  @Test
  void confluentRegistryClientListsSubjectsAndReadsLatestVersions() throws Exception {
    // Given a subject registered by our serializer
    String topic = stack.uniqueTopic("registry-view");
    stack.createTopic(topic, 1);
    produce(topic, List.of(
        ActivityEvent.newBuilder()
            .setEventId("e").setAthleteId("a").setTimestamp(Instant.EPOCH)
            .setActivityType(ActivityType.WALKING).build()));

    // When Confluent's SchemaRegistryClient lists subjects and reads the latest version
    JsonNode subjects = python("registry", stack.schemaRegistryUrl()).get("subjects");

    // Then it sees the subject, with the id and schema our registry holds
    JsonNode latest = subjects.get(topic + "-value");
    assertThat(latest).as("subject %s-value in %s", topic, subjects).isNotNull();
    assertThat(latest.get("version").asInt()).isEqualTo(1);
    assertThat(latest.get("id").asInt()).isEqualTo(registeredId(topic + "-value"));
    assertThat(new Schema.Parser().parse(latest.get("schema").asText()))
        .isEqualTo(ActivityEvent.getClassSchema());
  }

  private JsonNode python(String... args) throws IOException, InterruptedException {
    return JSON.readTree(io.painguard.stack.ConfluentInteropScript.run(PYTHON, args));
  }


  private void produce(String topic, List<ActivityEvent> events) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (SpecificAvroSerializer<ActivityEvent> serializer = new SpecificAvroSerializer<>()) {
      serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      try (KafkaProducer<String, ActivityEvent> producer =
          new KafkaProducer<>(props, new StringSerializer(), serializer)) {
        for (ActivityEvent event : events) {
          producer.send(new ProducerRecord<>(topic, event.getAthleteId(), event));
        }
        producer.flush();
      }
    }
  }

  private List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "interop-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
    }
    return received;
  }

  private int registeredId(String subject) throws IOException, InterruptedException {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions/latest"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).get("id").asInt();
  }
}
