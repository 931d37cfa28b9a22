package io.painguard.systemtest.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Severity;
import io.painguard.registry.KafkaSchemaStore;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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
 * The schema registry goes away for {@value #DEFAULT_OUTAGE_SECONDS} s (configurable with {@code
 * -Dpainguard.outage.seconds}) while events flow. Two apps read the same inputs: one may wait two
 * minutes for the registry, the other five seconds. Records whose schemas are cached keep flowing
 * in both; pain reports written with a new schema version (not yet seen by the apps) wait -- and
 * are processed once the registry is back by the first app, dead-lettered with reason
 * REGISTRY_UNAVAILABLE by the second. Neither app ever stops being ready.
 */
@Order(20)
class RegistryOutageIT {

  /**
   * 12 s: more than twice the impatient app's 5 s limit, so its waiting reports are dead-lettered
   * well inside the outage, and long enough for the patient app's retry pauses (1, 2, 4, 8 s) to
   * fail against the absent registry. It ends just before the next retry (~15 s after the first
   * failure), so the waiting reports are processed a moment after the registry is back. With 30 s
   * (before) the registry came back just before the retry after the 16 s pause: the same checks,
   * with ~20 s more of waiting. Longer outages: {@code -Dpainguard.outage.seconds}.
   */
  static final int DEFAULT_OUTAGE_SECONDS = 12;
  static final int OUTAGE_SECONDS = Integer.getInteger("painguard.outage.seconds", DEFAULT_OUTAGE_SECONDS);

  @Test
  void cachedSchemasFlowThroughAnOutageAndRecordsNeedingTheRegistryWaitForIt() throws Exception {
    SystemStack stack = SystemStack.shared();
    TopicNames topics = stack.topics("outage");
    int registryPort = Leftovers.port(Ports.pickFree());
    SchemaRegistryServer registry = startRegistry(stack, registryPort);
    String url = registry.url();
    Map<String, Object> serde = Map.of("schema.registry.url", url);
    try (AppInstance patient = AppInstance.create("outage-patient", settings(stack, topics, url, "patient", "2m"));
        AppInstance impatient = AppInstance.create("outage-impatient", settings(stack, topics, url, "impatient", "5s"));
        KafkaProducer<byte[], byte[]> producer = producer(stack);
        SpecificAvroSerializer<PainReport> cached = new SpecificAvroSerializer<>();
        GenericAvroSerializer evolved = new GenericAvroSerializer();
        SpecificAvroDeserializer<ExertionAlert> alerts = new SpecificAvroDeserializer<>(ExertionAlert.class)) {
      cached.configure(serde, false);
      evolved.configure(serde, false);
      alerts.configure(serde, false);

      // Given two running apps that have seen (and cached) the contract's schemas
      patient.start();
      impatient.start();
      patient.awaitReady(Duration.ofSeconds(60));
      impatient.awaitReady(Duration.ofSeconds(60));
      send(producer, topics.pain(), "warm-up", cached.serialize(topics.pain(), radiculopathy("warm-up")));
      Await.until("both apps alerted for the warm-up athlete", Duration.ofSeconds(60), () ->
          athletesAlerted(stack, alerts, "alerts-patient").contains("warm-up")
              && athletesAlerted(stack, alerts, "alerts-impatient").contains("warm-up"));
      // ...and pain reports of a newer schema version, registered but never seen by the apps
      Schema v2 = evolvedPainSchema();
      List<byte[]> late = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        late.add(evolved.serialize(topics.pain(), asV2(radiculopathy("late-" + i), v2)));
      }

      // When the registry goes away while both kinds of record arrive
      AtomicInteger probes = new AtomicInteger();
      AtomicInteger notReady = new AtomicInteger();
      registry.close();
      long downAt = System.nanoTime();
      for (int i = 1; i <= 3; i++) {
        send(producer, topics.pain(), "late-" + i, late.get(i - 1));
        // Behind it, a report of the same athlete in a cached schema: must wait its turn.
        send(producer, topics.pain(), "late-" + i, cached.serialize(topics.pain(), level0("late-" + i)));
      }
      int during = 0;
      while (System.nanoTime() - downAt < Duration.ofSeconds(OUTAGE_SECONDS).toNanos()) {
        during++;
        send(producer, topics.pain(), "during-" + during, cached.serialize(topics.pain(), radiculopathy("during-" + during)));
        for (AppInstance app : List.of(patient, impatient)) {
          probes.incrementAndGet();
          if (app.status("/health/ready") != 200) {
            notReady.incrementAndGet();
          }
        }
        // A fixed pace, not a wait for a condition: the outage lasting OUTAGE_SECONDS with a report
        // and a readiness probe each second is what this test is about.
        Await.sleep(1_000);
      }

      // Then cached-schema records were processed during the outage, the late ones were not
      Set<String> patientDuring = athletesAlerted(stack, alerts, "alerts-patient");
      Set<String> impatientDuring = athletesAlerted(stack, alerts, "alerts-impatient");
      long flowedPatient = patientDuring.stream().filter(a -> a.startsWith("during-")).count();
      long flowedImpatient = impatientDuring.stream().filter(a -> a.startsWith("during-")).count();
      assertThat(flowedPatient).as("cached-schema reports alerted during the outage (patient app)").isGreaterThan(during / 2);
      assertThat(flowedImpatient).as("cached-schema reports alerted during the outage (impatient app)").isGreaterThan(during / 2);
      assertThat(patientDuring).noneMatch(a -> a.startsWith("late-"));
      List<ConsumerRecord<byte[], byte[]>> impatientDlq =
          Topics.readAll(stack.clientProperties(), "dlq-impatient", Duration.ofSeconds(30));
      assertThat(impatientDlq).as("the impatient app dead-letters the waiting reports past its 5 s limit")
          .hasSize(3)
          .allSatisfy(r -> assertThat(DeadLetters.header(r.headers(), DeadLetters.REASON)).isEqualTo("REGISTRY_UNAVAILABLE"));
      assertThat(impatientDlq.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("late-1", "late-2", "late-3");

      // And when the registry is back, the patient app processes the waiting reports
      registry = startRegistry(stack, registryPort);
      long backAt = System.nanoTime();
      Await.until("the patient app alerted for the late reports", Duration.ofSeconds(60), () ->
          athletesAlerted(stack, alerts, "alerts-patient").containsAll(Set.of("late-1", "late-2", "late-3")));
      long caughtUpMs = (System.nanoTime() - backAt) / 1_000_000;
      List<ExertionAlert> patientAlerts = decode(stack, alerts, "alerts-patient");
      for (int i = 1; i <= 3; i++) {
        String athlete = "late-" + i;
        List<ExertionAlert> theirs = patientAlerts.stream().filter(a -> a.getAthleteId().equals(athlete)).toList();
        // The radiculopathy report raised, then the level-0 report behind it resolved: in order.
        assertThat(theirs).extracting(a -> a.getState().toString()).containsExactly("RAISED", "RESOLVED");
        assertThat(theirs.get(0).getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      }
      assertThat(Topics.readAll(stack.clientProperties(), "dlq-patient", Duration.ofSeconds(30)))
          .as("nothing dead-lettered by the patient app").isEmpty();
      assertThat(notReady.get()).as("readiness probes that were not 200 during the outage").isZero();
      assertThat(patient.jvm().isAlive() && impatient.jvm().isAlive()).isTrue();
      assertThat(patient.logs() + impatient.logs()).doesNotContain("Stream thread").doesNotContain("-> ERROR");

      Figures.record("registry-outage.duration-s", Integer.toString(OUTAGE_SECONDS));
      Figures.record("registry-outage.flowed", flowedPatient + " of " + during + " cached-schema reports alerted during the outage");
      Figures.record("registry-outage.waiting-processed-after-ms", Long.toString(caughtUpMs));
      Figures.record("registry-outage.dead-lettered-past-limit", impatientDlq.size() + " of 3 (limit 5 s)");
      Figures.record("registry-outage.not-ready-probes", notReady.get() + " of " + probes.get());
    } finally {
      registry.close();
    }
  }

  private static Map<String, String> settings(SystemStack stack, TopicNames topics, String url, String run, String limit) {
    Map<String, String> settings = stack.appSettings("pg-outage-" + run, topics, "alerts-" + run, "dlq-" + run);
    settings.put("schema.registry.url", url);
    settings.put("painguard.topology.registry-retry-limit", limit);
    // Each registry call gives up after 1 s of retries: the app retries waiting records itself.
    settings.put("schema.registry.retry.max.ms", "1000");
    return settings;
  }

  private static SchemaRegistryServer startRegistry(SystemStack stack, int port) {
    return SchemaRegistryServer.start("127.0.0.1", port, KafkaSchemaStore.open(stack.clientProperties(), "_schemas-outage"));
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

  private static PainReport level0(String athlete) {
    return PainReport.newBuilder()
        .setReportId(athlete + "-report-gone")
        .setAthleteId(athlete)
        .setTimestamp(Instant.now().minus(5, ChronoUnit.MINUTES))
        .setLevel(0)
        .build();
  }

  /** PainReport plus one optional field: a compatible new version the apps have never seen. */
  private static Schema evolvedPainSchema() {
    String json = PainReport.getClassSchema().toString();
    String extra = "{\"name\":\"systemTestExtra\",\"type\":[\"null\",\"string\"],\"default\":null,"
        + "\"doc\":\"Added by the registry-outage test: a new schema version.\"}";
    int end = json.lastIndexOf(']');
    return new Schema.Parser().parse(json.substring(0, end) + "," + extra + json.substring(end));
  }

  private static GenericRecord asV2(PainReport report, Schema v2) {
    Schema sensation = v2.getField("sensations").schema().getElementType();
    return new GenericRecordBuilder(v2)
        .set("reportId", report.getReportId())
        .set("athleteId", report.getAthleteId())
        .set("timestamp", report.getTimestamp().toEpochMilli())
        .set("level", report.getLevel())
        .set("sensations", report.getSensations().stream()
            .map(s -> (Object) new GenericData.EnumSymbol(sensation, s.name())).toList())
        .set("systemTestExtra", "v2")
        .build();
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
  }

  private static List<ExertionAlert> decode(SystemStack stack, SpecificAvroDeserializer<ExertionAlert> alerts, String topic) {
    return Topics.readAll(stack.clientProperties(), topic, Duration.ofSeconds(30)).stream()
        .map(r -> alerts.deserialize(topic, r.headers(), r.value()))
        .toList();
  }

  private static Set<String> athletesAlerted(SystemStack stack, SpecificAvroDeserializer<ExertionAlert> alerts, String topic) {
    return decode(stack, alerts, topic).stream().map(ExertionAlert::getAthleteId).collect(Collectors.toSet());
  }

  private static KafkaProducer<byte[], byte[]> producer(SystemStack stack) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
