package io.painguard.simulator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.PainReport;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.scenario.ScenarioCatalog;
import io.painguard.simulator.scenario.ScenarioPlan;
import io.painguard.simulator.scenario.ScenarioPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaRecordSinkTest {

  private static final String SCOPE = "kafka-sink-test";
  private static final Map<String, Object> SERDE = Map.of("schema.registry.url", "mock://" + SCOPE);
  private static final TopicNames TOPICS = new TopicNames("act", "pain", "prof");

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void sendsKeyedWireFormatRecordsToTheNamedTopicsAndCountsAcks() {
    MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    ScenarioPlan plan = new ScenarioPlanner().plan(ScenarioCatalog.shipped("radiculopathy"), Instant.parse("2026-03-01T08:00:00Z"), 0);
    try (RecordEncoder encoder = new RecordEncoder(SERDE);
        KafkaRecordSink sink = new KafkaRecordSink(producer, encoder, TOPICS, 1);
        SpecificAvroDeserializer<PainReport> reports = new SpecificAvroDeserializer<>(PainReport.class)) {
      plan.records().forEach(r -> sink.send(r.topic(), r.key(), r.value(), r.malformation()));
      sink.flush();
      reports.configure(SERDE, false);
      assertThat(producer.history()).hasSize(plan.records().size());
      assertThat(producer.history()).allSatisfy(r -> assertThat(r.key()).isEqualTo("walker-radiating-pain"));
      assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("act", "pain", "prof");
      ProducerRecord<String, byte[]> pain = producer.history().stream().filter(r -> r.topic().equals("pain")).findFirst().orElseThrow();
      assertThat(reports.deserialize("pain", pain.value()).getRadiatesTo()).hasSize(1);
      assertThat(sink.stats().acknowledgedCount()).isEqualTo(plan.records().size());
      assertThat(sink.stats().failedCount()).isZero();
    }
  }

  @Test
  void failedSendsAreCountedByCauseNeverLost() {
    MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    ScenarioPlan plan = new ScenarioPlanner().plan(ScenarioCatalog.shipped("red-flag"), Instant.parse("2026-03-01T08:00:00Z"), 0);
    try (RecordEncoder encoder = new RecordEncoder(SERDE);
        KafkaRecordSink sink = new KafkaRecordSink(producer, encoder, TOPICS, 1)) {
      for (int i = 0; i < 5; i++) {
        var r = plan.records().get(i);
        sink.send(r.topic(), r.key(), r.value(), null);
      }
      producer.completeNext();
      producer.errorNext(new TimeoutException("expired"));
      producer.errorNext(new TimeoutException("expired"));
      producer.completeNext();
      assertThat(sink.stats().acknowledgedCount()).isEqualTo(2);
      assertThat(sink.stats().failedCount()).isEqualTo(2);
      assertThat(sink.stats().inFlight()).isEqualTo(1);
      assertThat(sink.stats().failuresByCause()).containsEntry("TimeoutException", 2L);
      assertThat(sink.stats().firstFailure()).isEqualTo("TimeoutException: expired");
      producer.completeNext();
    }
  }

  @Test
  void aProducerThatRefusesRecordsCountsThemAsFailed() {
    MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    producer.close();
    try (RecordEncoder encoder = new RecordEncoder(SERDE)) {
      KafkaRecordSink sink = new KafkaRecordSink(producer, encoder, TOPICS, 1);
      sink.send(InputTopic.PAIN, "a", new PainReport("r", "a", Instant.EPOCH, 3, null, null,
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null),
          MalformedKind.WRONG_MAGIC_BYTE);
      assertThat(sink.stats().attemptedCount()).isEqualTo(1);
      assertThat(sink.stats().failedCount()).isEqualTo(1);
    }
  }
}
