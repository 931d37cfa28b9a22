package io.painguard.systemtest.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Severity;
import io.painguard.registry.KafkaSchemaStore;
import io.painguard.registry.RegistryAuth;
import io.painguard.registry.SchemaRegistryServer;
import io.painguard.serde.GenericAvroSerializer;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.simulator.TopicNames;
import io.painguard.stack.Ports;
import io.painguard.systemtest.support.AppInstance;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.Leftovers;
import io.painguard.systemtest.support.SystemStack;
import io.painguard.systemtest.support.Topics;
import io.painguard.topology.DeadLetters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 on the real broker, registry and app: a record whose schema the registry serves with
 * references, and a record whose schema the registry refuses to show the app (401, after the
 * registry's credentials changed under a running app), are dead-lettered at once with their
 * reasons -- not parked for the 10-minute retry limit -- while the same athlete's valid reports
 * right behind them are judged and alert. The app stays ready throughout.
 */
@Order(22)
class RegistryAnswersIT {

  private static final String REGISTRY_USER = "answers-registry";
  private static final String REGISTRY_PASSWORD = "reg-Pa55-a5e7";
  /** Far below the default 10-minute retry limit the app runs with: what "at once" means here. */
  private static final Duration AT_ONCE = Duration.ofSeconds(60);

  @Test
  void anUnsupportedSchemaAndA401AreDeadLetteredAtOnceWhileTheAthletesValidReportsAlert() throws Exception {
    SystemStack stack = SystemStack.shared();
    TopicNames topics = stack.topics("answers");
    int registryPort = Leftovers.port(Ports.pickFree());
    SchemaRegistryServer registry = startRegistry(stack, registryPort, RegistryAuth.none());
    String url = registry.url();
    Map<String, Object> serde = Map.of("schema.registry.url", url);
    Map<String, String> settings = stack.appSettings("pg-answers", topics, "alerts-answers", "dlq-answers");
    settings.put("schema.registry.url", url);
    settings.put("schema.registry.retry.max.ms", "1000");
    try (AppInstance app = AppInstance.create("answers", settings);
        KafkaProducer<byte[], byte[]> producer = producer(stack);
        SpecificAvroSerializer<PainReport> reports = new SpecificAvroSerializer<>();
        SpecificAvroDeserializer<ExertionAlert> alerts = new SpecificAvroDeserializer<>(ExertionAlert.class)) {
      reports.configure(serde, false);
      alerts.configure(serde, false);

      // Given a running app that has seen the contract's schemas (the warm-up athlete's alert)
      app.start().awaitReady(Duration.ofSeconds(60));
      send(producer, topics.pain(), "answers-warm-up", reports.serialize(topics.pain(), radiculopathy("answers-warm-up")));
      Await.until("the warm-up alert", Duration.ofSeconds(60), () -> alerted(stack, alerts).contains("answers-warm-up"));

      // When ana's record is framed with a schema that uses references, and her report follows
      int crafted = registerWithReference(url);
      long sentAt = System.nanoTime();
      send(producer, topics.pain(), "answers-ana", framed(crafted));
      send(producer, topics.pain(), "answers-ana", reports.serialize(topics.pain(), radiculopathy("answers-ana")));

      // Then the record is dead-lettered as SCHEMA_UNSUPPORTED and ana's report alerts, at once
      Await.until("ana's alert", AT_ONCE, () -> alerted(stack, alerts).contains("answers-ana"));
      long anaMs = (System.nanoTime() - sentAt) / 1_000_000;
      assertThat(reasons(stack)).containsExactly("SCHEMA_UNSUPPORTED");

      // And when the registry comes back asking everyone for credentials the app does not have,
      // ben's record of a schema version the app has never seen is followed by his report
      registry.close();
      registry = startRegistry(stack, registryPort, RegistryAuth.basic(REGISTRY_USER, REGISTRY_PASSWORD, false));
      byte[] newVersion = evolved(url, topics.pain(), "answers-ben");
      sentAt = System.nanoTime();
      send(producer, topics.pain(), "answers-ben", newVersion);
      send(producer, topics.pain(), "answers-ben", reports.serialize(topics.pain(), radiculopathy("answers-ben")));

      // Then that record is dead-lettered as REGISTRY_UNAUTHORIZED and ben's report alerts, at once
      Await.until("ben's alert", AT_ONCE, () -> alerted(stack, alerts).contains("answers-ben"));
      long benMs = (System.nanoTime() - sentAt) / 1_000_000;
      Await.until("two dead letters", Duration.ofSeconds(30), () -> reasons(stack).size() == 2);
      assertThat(reasons(stack)).containsExactlyInAnyOrder("SCHEMA_UNSUPPORTED", "REGISTRY_UNAUTHORIZED");
      ConsumerRecord<byte[], byte[]> unauthorized = Topics.readAll(stack.clientProperties(), "dlq-answers", Duration.ofSeconds(10))
          .stream().filter(r -> "REGISTRY_UNAUTHORIZED".equals(DeadLetters.header(r.headers(), DeadLetters.REASON)))
          .findFirst().orElseThrow();
      assertThat(unauthorized.value()).as("the original bytes").isEqualTo(newVersion);
      assertThat(new String(unauthorized.key(), StandardCharsets.UTF_8)).isEqualTo("answers-ben");
      assertThat(DeadLetters.header(unauthorized.headers(), DeadLetters.ERROR_MESSAGE)).contains("401")
          .doesNotContain(REGISTRY_PASSWORD);
      assertThat(app.isReady()).isTrue();
      assertThat(app.logs()).doesNotContain("Stream thread").doesNotContain("-> ERROR").doesNotContain(REGISTRY_PASSWORD);

      Figures.record("registry-answers", "SCHEMA_UNSUPPORTED record dead-lettered and the athlete's report alerted after "
          + anaMs + " ms; REGISTRY_UNAUTHORIZED likewise after " + benMs + " ms (retry limit 10 min)");
    } finally {
      registry.close();
    }
  }

  private static SchemaRegistryServer startRegistry(SystemStack stack, int port, RegistryAuth auth) {
    return SchemaRegistryServer.start("127.0.0.1", port,
        KafkaSchemaStore.open(stack.clientProperties(), "_schemas-answers"), auth);
  }

  /** A record type whose field's type lives in another subject, referenced: what a crafted producer registers. */
  private static int registerWithReference(String url) throws Exception {
    String inner = "{\"type\":\"record\",\"name\":\"Inner\",\"namespace\":\"io.painguard.crafted\","
        + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    String outer = "{\"type\":\"record\",\"name\":\"Outer\",\"namespace\":\"io.painguard.crafted\","
        + "\"fields\":[{\"name\":\"inner\",\"type\":\"io.painguard.crafted.Inner\"}]}";
    post(url, "/subjects/answers-inner/versions", "{\"schema\":" + quote(inner) + "}");
    String body = post(url, "/subjects/answers-crafted-value/versions", "{\"schema\":" + quote(outer)
        + ",\"references\":[{\"name\":\"io.painguard.crafted.Inner\",\"subject\":\"answers-inner\",\"version\":1}]}");
    // Confluent 8's answer has the GUID and the schema too: read its "id", not every digit.
    return new ObjectMapper().readTree(body).get("id").asInt();
  }

  /** A report in a new, compatible PainReport version, registered with the registry's credentials. */
  private static byte[] evolved(String url, String topic, String athlete) {
    String json = PainReport.getClassSchema().toString();
    String extra = "{\"name\":\"answersExtra\",\"type\":[\"null\",\"string\"],\"default\":null}";
    int end = json.lastIndexOf(']');
    Schema v2 = new Schema.Parser().parse(json.substring(0, end) + "," + extra + json.substring(end));
    PainReport report = radiculopathy(athlete);
    Schema sensation = v2.getField("sensations").schema().getElementType();
    GenericRecord record = new GenericRecordBuilder(v2)
        .set("reportId", report.getReportId() + "-v2")
        .set("athleteId", athlete)
        .set("timestamp", report.getTimestamp().toEpochMilli())
        .set("level", 2)
        .set("sensations", List.of(new GenericData.EnumSymbol(sensation, PainSensation.ACHING.name())))
        .build();
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", url);
    config.put("basic.auth.credentials.source", "USER_INFO");
    config.put("basic.auth.user.info", REGISTRY_USER + ":" + REGISTRY_PASSWORD);
    try (GenericAvroSerializer serializer = new GenericAvroSerializer()) {
      serializer.configure(config, false);
      return serializer.serialize(topic, record);
    }
  }

  private static List<String> reasons(SystemStack stack) {
    return Topics.readAll(stack.clientProperties(), "dlq-answers", Duration.ofSeconds(5)).stream()
        .map(r -> DeadLetters.header(r.headers(), DeadLetters.REASON))
        .toList();
  }

  private static List<String> alerted(SystemStack stack, SpecificAvroDeserializer<ExertionAlert> alerts) {
    return Topics.readAll(stack.clientProperties(), "alerts-answers", Duration.ofSeconds(5)).stream()
        .map(r -> alerts.deserialize("alerts-answers", r.headers(), r.value()))
        .filter(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION)
        .map(ExertionAlert::getAthleteId)
        .toList();
  }

  private static PainReport radiculopathy(String athlete) {
    return PainReport.newBuilder()
        .setReportId(athlete + "-report")
        .setAthleteId(athlete)
        .setTimestamp(Instant.now().minus(10, ChronoUnit.MINUTES))
        .setLevel(5)
        .setSensations(List.of(PainSensation.PINS_AND_NEEDLES))
        .build();
  }

  private static byte[] framed(int schemaId) {
    return ByteBuffer.allocate(8).put((byte) 0).putInt(schemaId).put(new byte[] {2, 4, 6}).array();
  }

  private static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String post(String url, String path, String body) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
  }

  private static KafkaProducer<byte[], byte[]> producer(SystemStack stack) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
