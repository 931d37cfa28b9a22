package io.painguard.systemtest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Severity;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.ProducerSettings;
import io.painguard.simulator.kafka.RecordEncoder;
import io.painguard.simulator.load.GeneratedRecord;
import io.painguard.simulator.load.LoadGenerator;
import io.painguard.simulator.load.LoadSettings;
import io.painguard.systemtest.support.AppInstance;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
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
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: over a thousand malformed records of every kind mixed into valid simulated
 * traffic. Each bad one must land in the dead-letter topic -- found by the source topic, partition
 * and offset its headers name -- with the expected reason and its original bytes; the DLQ holds
 * nothing else; every valid record is consumed and the valid athletes' alerts appear; and the app
 * answers ready throughout.
 */
@Order(30)
class HostileInputIT {

  static final int PER_KIND = Integer.getInteger("painguard.hostile.per-kind", 70);
  static final int VALID_PER_BAD = 5;

  @Test
  void everyMalformedRecordIsDeadLetteredWithItsReasonAndEveryValidOneIsProcessed() throws Exception {
    SystemStack stack = SystemStack.shared();
    TopicNames topics = stack.topics("hostile");
    String group = "pg-hostile";
    try (AppInstance app = AppInstance.create("hostile", stack.appSettings(group, topics, "alerts-hostile", "dlq-hostile"));
        RecordEncoder encoder = new RecordEncoder(ProducerSettings.serdeConfig(stack.registryUrl(), Map.of()));
        KafkaProducer<byte[], byte[]> producer = producer(stack)) {
      // Given a running app, watched every 100 ms
      app.start().awaitReady(Duration.ofSeconds(60));
      AtomicInteger notReady = new AtomicInteger();
      AtomicInteger probes = new AtomicInteger();
      AtomicReference<Boolean> watching = new AtomicReference<>(true);
      Thread watcher = new Thread(() -> {
        while (watching.get()) {
          probes.incrementAndGet();
          if (app.status("/health/ready") != 200) {
            notReady.incrementAndGet();
          }
          Await.sleep(100);
        }
      }, "readiness-watcher");
      watcher.start();

      // When a corpus of malformed records arrives mixed into valid traffic
      List<HostileCorpus.Bad> corpus = new HostileCorpus(topics, encoder, 7L).generate(PER_KIND);
      LoadGenerator valid = new LoadGenerator(LoadSettings.of(40, 11L, Instant.now().minus(1, ChronoUnit.HOURS)));
      List<Future<RecordMetadata>> validSends = new ArrayList<>();
      valid.forEachProfile(r -> validSends.add(send(producer, topics, encoder, r)));
      String watched = "hostile-watched";
      PainReport radiculopathy = PainReport.newBuilder()
          .setReportId("hostile-watched-report").setAthleteId(watched)
          .setTimestamp(Instant.now().minus(30, ChronoUnit.MINUTES)).setLevel(5)
          .setSensations(List.of(PainSensation.PINS_AND_NEEDLES)).build();
      Map<Future<RecordMetadata>, HostileCorpus.Bad> badSends = new HashMap<>();
      for (int i = 0; i < corpus.size(); i++) {
        for (int v = 0; v < VALID_PER_BAD; v++) {
          validSends.add(send(producer, topics, encoder, valid.next()));
        }
        if (i == corpus.size() / 2) {
          validSends.add(producer.send(new ProducerRecord<>(topics.pain(), bytes(watched), encoder.encode(topics.pain(), radiculopathy))));
        }
        HostileCorpus.Bad bad = corpus.get(i);
        badSends.put(producer.send(new ProducerRecord<>(bad.topic(), bad.key(), bad.value())), bad);
      }
      producer.flush();
      for (Future<RecordMetadata> f : validSends) {
        f.get();
      }
      Map<String, HostileCorpus.Bad> expected = new HashMap<>();
      for (var e : badSends.entrySet()) {
        RecordMetadata m = e.getKey().get();
        expected.put(m.topic() + "-" + m.partition() + "@" + m.offset(), e.getValue());
      }

      // Then the app consumes everything and stays ready throughout
      Await.until("the app has consumed everything", Duration.ofSeconds(120), () ->
          Topics.caughtUp(stack.admin(), group, Set.of(topics.activity(), topics.pain(), topics.profile())));
      watching.set(false);
      watcher.join();
      assertThat(notReady.get()).as("readiness probes (of " + probes.get() + ") that were not 200").isZero();
      assertThat(app.logs()).doesNotContain("Stream thread").doesNotContain("-> ERROR");

      // And every bad record, and nothing else, is on the DLQ with its reason and original bytes
      List<ConsumerRecord<byte[], byte[]>> dlq =
          Topics.readAll(stack.clientProperties(), "dlq-hostile", Duration.ofSeconds(60));
      Map<String, Integer> byReason = new TreeMap<>();
      Map<String, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : dlq) {
        String where = DeadLetters.header(r.headers(), DeadLetters.TOPIC) + "-"
            + DeadLetters.header(r.headers(), DeadLetters.PARTITION) + "@"
            + DeadLetters.header(r.headers(), DeadLetters.OFFSET);
        assertThat(found.put(where, r)).as("dead-lettered twice: " + where).isNull();
        byReason.merge(DeadLetters.header(r.headers(), DeadLetters.REASON), 1, Integer::sum);
      }
      assertThat(found.keySet()).as("the DLQ holds exactly the malformed records").isEqualTo(expected.keySet());
      for (var e : expected.entrySet()) {
        ConsumerRecord<byte[], byte[]> dead = found.get(e.getKey());
        HostileCorpus.Bad bad = e.getValue();
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.REASON)).as(bad.kind()).isEqualTo(bad.expectedReason());
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_CLASS)).as(bad.kind()).isNotBlank();
        assertThat(dead.key()).as(bad.kind() + " key").isEqualTo(bad.key());
        assertThat(dead.value()).as(bad.kind() + " value").isEqualTo(bad.value());
      }
      Figures.record("hostile.injected", corpus.size() + " malformed among " + validSends.size() + " valid records");
      Figures.record("hostile.dead-lettered", dlq.size() + " " + byReason);
      Figures.record("hostile.not-ready-probes", notReady.get() + " of " + probes.get());
      assertThat(dlq).hasSize(corpus.size());
      assertThat(corpus).hasSizeGreaterThanOrEqualTo(1_000);

      // And the valid athletes were processed: the watched athlete's report raised its alert
      List<ExertionAlert> alerts =
          Topics.alerts(stack.clientProperties(), stack.registryUrl(), "alerts-hostile", Duration.ofSeconds(30));
      assertThat(alerts).anySatisfy(a -> {
        assertThat(a.getAthleteId()).isEqualTo(watched);
        assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      });
    }
  }

  private static Future<RecordMetadata> send(
      KafkaProducer<byte[], byte[]> producer, TopicNames topics, RecordEncoder encoder, GeneratedRecord r) {
    String topic = topics.nameOf(r.topic());
    return producer.send(new ProducerRecord<>(topic, bytes(r.key()), encoder.encode(topic, r.value())));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static KafkaProducer<byte[], byte[]> producer(SystemStack stack) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
