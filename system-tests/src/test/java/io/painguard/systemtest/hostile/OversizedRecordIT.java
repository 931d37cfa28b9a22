package io.painguard.systemtest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Severity;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.ProducerSettings;
import io.painguard.simulator.kafka.RecordEncoder;
import io.painguard.systemtest.support.AlertWatch;
import io.painguard.systemtest.support.AppInstance;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.Metrics;
import io.painguard.systemtest.support.SystemStack;
import io.painguard.systemtest.support.Topics;
import io.painguard.topology.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: one record on {@code activity-events} whose value is 3 MB, zstd-compressed by its
 * producer so the broker (which checks the compressed size) accepts it. It is undecodable, so it is
 * dead-lettered -- and its dead letter, 3 MB uncompressed, is larger than the app producer's
 * {@code max.request.size}. Before the fix that killed the stream thread, the replacement read the
 * same record and died again, forever, and every athlete of the instance was stalled while the
 * health endpoints answered 200.
 *
 * <p>Here the athletes that share the poisoned partition must keep getting their alerts within a
 * minute, the dead letter must be on the DLQ as a bounded stub that says why and how large the
 * original was, the counters must count it, no stream thread may die for it, and SIGTERM must stop
 * the app promptly.
 */
@Order(35)
class OversizedRecordIT {

  static final int POISON_BYTES = 3 * 1024 * 1024;
  static final String POISON_ATHLETE = "oversized-poison";
  static final Duration ALERT_DEADLINE = Duration.ofSeconds(60);

  @Test
  void anOversizedUndecodableRecordIsStubbedAndTheOtherAthletesOfItsPartitionKeepTheirAlerts() throws Exception {
    SystemStack stack = SystemStack.shared();
    TopicNames topics = stack.topics("oversized");
    String group = "pg-oversized";
    try (AppInstance app =
            AppInstance.create("oversized", stack.appSettings(group, topics, "alerts-oversized", "dlq-oversized"));
        RecordEncoder encoder = new RecordEncoder(ProducerSettings.serdeConfig(stack.registryUrl(), Map.of()));
        KafkaProducer<byte[], byte[]> producer = producer(stack);
        AlertWatch alerts = new AlertWatch(stack.clientProperties(), stack.registryUrl(), "alerts-oversized")) {
      app.start().awaitReady(Duration.ofSeconds(60));
      AtomicInteger notReady = new AtomicInteger();
      AtomicInteger probes = new AtomicInteger();
      AtomicBoolean watching = new AtomicBoolean(true);
      Thread watcher = new Thread(() -> {
        while (watching.get()) {
          probes.incrementAndGet();
          if (app.status("/health/ready") != 200) {
            notReady.incrementAndGet();
          }
          // A sampling pace, not a wait: the share of not-ready probes over the run is the figure.
          Await.sleep(250);
        }
      }, "readiness-watcher");
      watcher.start();

      // Given athletes on the same partition as the poisoned record, training before it arrives
      int partition = partitionOf(POISON_ATHLETE);
      List<String> athletes = athletesOn(partition, 3);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      for (String athlete : athletes) {
        send(producer, topics.activity(), athlete, encoder.encode(topics.activity(), sample(athlete, now.minusSeconds(120), 0)));
      }

      // When the 3 MB zstd-compressed undecodable record arrives, and after it each of them
      // reports pain with radiculopathy signs (pins and needles) and keeps training
      byte[] poison = new byte[POISON_BYTES];
      Arrays.fill(poison, (byte) 'x'); // no magic byte: undecodable; compresses to a few KB
      long poisonOffset = send(producer, topics.activity(), POISON_ATHLETE, poison);
      long sentAt = System.nanoTime();
      Instant after = Instant.now(); // later event times than the poison's: the task processes them after it
      for (String athlete : athletes) {
        send(producer, topics.pain(), athlete, encoder.encode(topics.pain(), radiculopathy(athlete, after)));
        send(producer, topics.activity(), athlete, encoder.encode(topics.activity(), sample(athlete, after.plusSeconds(1), 1)));
      }

      // Then each of them gets a SEEK_MEDICAL_ATTENTION alert within a minute
      Await.until("a SEEK_MEDICAL_ATTENTION alert for each of " + athletes, ALERT_DEADLINE, () ->
          seekMedicalAttention(alerts.poll()).containsAll(athletes));
      double seconds = (System.nanoTime() - sentAt) / 1e9;
      Figures.record("oversized.alerts-after-poison", String.format("%.1f s for %d athletes on the poisoned partition", seconds, athletes.size()));

      // And every record was consumed, the poison included
      Await.until("the app has consumed everything", Duration.ofSeconds(60), () ->
          Topics.caughtUp(stack.admin(), group, Set.of(topics.activity(), topics.pain(), topics.profile())));
      watching.set(false);
      watcher.join();

      // And the dead letter is a stub: where it came from, why, how large it was, its first bytes
      List<ConsumerRecord<byte[], byte[]>> dlq =
          Topics.readAll(stack.clientProperties(), "dlq-oversized", Duration.ofSeconds(30));
      assertThat(dlq).hasSize(1);
      ConsumerRecord<byte[], byte[]> stub = dlq.get(0);
      assertThat(DeadLetters.header(stub.headers(), DeadLetters.TOPIC)).isEqualTo(topics.activity());
      assertThat(DeadLetters.header(stub.headers(), DeadLetters.PARTITION)).isEqualTo(Integer.toString(partition));
      assertThat(DeadLetters.header(stub.headers(), DeadLetters.OFFSET)).isEqualTo(Long.toString(poisonOffset));
      assertThat(DeadLetters.header(stub.headers(), DeadLetters.REASON)).isEqualTo("UNDECODABLE");
      assertThat(DeadLetters.header(stub.headers(), "painguard.dlq.stub")).isEqualTo("TOO_LARGE");
      assertThat(DeadLetters.header(stub.headers(), "painguard.dlq.original.size")).isEqualTo(Integer.toString(POISON_BYTES));
      assertThat(stub.key()).isEqualTo(POISON_ATHLETE.getBytes(StandardCharsets.UTF_8));
      assertThat(stub.value().length).isPositive().isLessThan(1024 * 1024);
      assertThat(stub.value()).isEqualTo(Arrays.copyOf(poison, stub.value().length));

      // And the counters counted it; no stream thread died; readiness stayed 200
      String metrics = app.get("/metrics", "system-test-admin-token");
      assertThat(Metrics.value(metrics, "painguard_dlq_records_total{reason=\"UNDECODABLE\"")).isEqualTo(1.0);
      assertThat(Metrics.value(metrics, "painguard_dlq_stubs_total{cause=\"TOO_LARGE\"")).isEqualTo(1.0);
      assertThat(Metrics.value(metrics, "painguard_stream_thread_replacements_total")).isEqualTo(0.0);
      assertThat(app.logs()).doesNotContain("Stream thread").doesNotContain("RecordTooLargeException");
      assertThat(notReady.get()).as("readiness probes (of " + probes.get() + ") that were not 200").isZero();
      List<ExertionAlert> all = alerts.poll();
      Figures.record("oversized.records", "1 stub of " + POISON_BYTES + " bytes on the DLQ ("
          + stub.value().length + "-byte prefix); " + all.size() + " alerts, "
          + seekMedicalAttention(all).size() + " referrals for " + athletes.size() + " athletes");

      // And SIGTERM stops it promptly
      long stopping = System.nanoTime();
      // 143 = 128 + SIGTERM: the JVM reports the signal even when the shutdown hooks finish cleanly.
      assertThat(app.terminate(Duration.ofSeconds(15))).as("exit status after SIGTERM").isIn(0, 143);
      assertThat(app.logs()).contains("PainGuard stopped");
      Figures.record("oversized.sigterm-to-exit", String.format("%.1f s", (System.nanoTime() - stopping) / 1e9));
    }
  }

  /** The partition the default partitioner picks for this key on a 6-partition topic. */
  static int partitionOf(String athlete) {
    return Utils.toPositive(Utils.murmur2(athlete.getBytes(StandardCharsets.UTF_8))) % SystemStack.PARTITIONS;
  }

  private static List<String> athletesOn(int partition, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; out.size() < count; i++) {
      String athlete = "oversized-athlete-" + i;
      if (partitionOf(athlete) == partition) {
        out.add(athlete);
      }
    }
    return out;
  }

  private static Set<String> seekMedicalAttention(List<ExertionAlert> alerts) {
    Set<String> out = new java.util.HashSet<>();
    for (ExertionAlert a : alerts) {
      if (a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION) {
        out.add(a.getAthleteId());
      }
    }
    return out;
  }

  private static ActivityEvent sample(String athlete, Instant at, int n) {
    return ActivityEvent.newBuilder()
        .setEventId(athlete + "-sample-" + n)
        .setAthleteId(athlete)
        .setTimestamp(at)
        .setActivityType(ActivityType.RUNNING)
        .setHeartRateBpm(120)
        .build();
  }

  private static PainReport radiculopathy(String athlete, Instant at) {
    return PainReport.newBuilder()
        .setReportId(athlete + "-report")
        .setAthleteId(athlete)
        .setTimestamp(at)
        .setLevel(5)
        .setSensations(List.of(PainSensation.PINS_AND_NEEDLES))
        .build();
  }

  private static long send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) throws Exception {
    return producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get().offset();
  }

  /** zstd, and a max.request.size above the poison's uncompressed size (the client checks that one). */
  private static KafkaProducer<byte[], byte[]> producer(SystemStack stack) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
