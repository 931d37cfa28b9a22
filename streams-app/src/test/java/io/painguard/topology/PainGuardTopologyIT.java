package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.rules.GuidanceSettings;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted athlete through a whole episode on a real broker and registry, exactly-once: Given a
 * profile and moderate pain, When she runs hard, then reports severe pain, then walks it off (and a
 * broken producer sends garbage), Then exertion-alerts -- read with read_committed -- carries
 * RAISED, ESCALATED and RESOLVED, and painguard-dlq the garbage.
 */
@KafkaStackTest
class PainGuardTopologyIT {

  private static final String ATHLETE = "it-athlete";
  private static final Duration TIMEOUT = Duration.ofSeconds(45);

  private KafkaStack stack;
  private TopologySettings settings;
  private KafkaStreams streams;
  private Path stateDir;
  private final DeadLetterCounter deadLetters = new DeadLetterCounter();
  private String run;

  @BeforeEach
  void createTopics() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    settings =
        TopologySettings.defaults()
            .withTopics(
                "activity-events-" + run,
                "pain-reports-" + run,
                "athlete-profiles-" + run,
                "exertion-alerts-" + run,
                "painguard-dlq-" + run,
                "alert-acknowledgements-" + run);
    for (String topic : settings.sourceTopics()) {
      if (topic.equals(settings.athleteProfilesTopic())) {
        stack.createCompactedTopic(topic, 2);
      } else {
        stack.createTopic(topic, 2);
      }
    }
    stack.createTopic(settings.exertionAlertsTopic(), 2);
    stack.createTopic(settings.deadLetterTopic(), 1);
    this.run = run;
  }

  @AfterEach
  void stop() throws Exception {
    if (streams != null) {
      streams.close(Duration.ofSeconds(15));
      streams.cleanUp();
    }
    if (stateDir != null) {
      try (var paths = Files.walk(stateDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aWholeEpisodeIsRaisedEscalatedAndResolvedExactlyOnce() throws Exception {
    // An hour ago, so nothing is "in the future" and event time is what the script says.
    Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    try (KafkaProducer<String, SpecificRecord> producer = producer();
        KafkaProducer<byte[], byte[]> broken = rawProducer()) {
      // Given
      send(producer, settings.athleteProfilesTopic(),
          Events.profile(ATHLETE), t0.minus(Duration.ofDays(1)));
      send(producer, settings.painReportsTopic(), Events.pain(ATHLETE, t0, 5), t0);
      // When: 150 s of hard running, severe pain, then 200 s of walking
      for (int s = 1; s <= 150; s++) {
        Instant at = t0.plusSeconds(s);
        send(producer, settings.activityEventsTopic(),
            Events.sample(ATHLETE, at, ActivityType.RUNNING, 160), at);
      }
      send(producer, settings.painReportsTopic(),
          Events.pain(ATHLETE, t0.plusSeconds(150), 7), t0.plusSeconds(150));
      broken.send(
          new ProducerRecord<>(
              settings.activityEventsTopic(),
              ATHLETE.getBytes(StandardCharsets.UTF_8),
              "not avro".getBytes(StandardCharsets.UTF_8)));
      for (int s = 151; s <= 350; s++) {
        Instant at = t0.plusSeconds(s);
        send(producer, settings.activityEventsTopic(),
            Events.sample(ATHLETE, at, ActivityType.WALKING, 90), at);
      }
      producer.flush();
      broken.flush();
    }
    startApp();

    // Then
    List<ExertionAlert> alerts =
        readCommitted(settings.exertionAlertsTopic(), 3, alertDeserializer()).stream()
            .map(ConsumerRecord::value)
            .toList();
    assertThat(alerts)
        .extracting(ExertionAlert::getState, ExertionAlert::getSeverity, ExertionAlert::getEventTime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AlertState.RAISED, Severity.REDUCE_INTENSITY, t0.plusSeconds(60)),
            org.assertj.core.groups.Tuple.tuple(
                AlertState.ESCALATED, Severity.STOP_ACTIVITY, t0.plusSeconds(150)),
            org.assertj.core.groups.Tuple.tuple(
                AlertState.RESOLVED, Severity.STOP_ACTIVITY, t0.plusSeconds(270)));
    assertThat(alerts).extracting(ExertionAlert::getAthleteId).containsOnly(ATHLETE);
    assertThat(alerts).extracting(ExertionAlert::getAlertId).doesNotHaveDuplicates();

    List<ConsumerRecord<byte[], byte[]>> dead =
        readCommitted(settings.deadLetterTopic(), 1, new ByteArrayDeserializer());
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
    assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.TOPIC))
        .isEqualTo(settings.activityEventsTopic());
    assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON)).isEqualTo("UNDECODABLE");
    assertThat(deadLetters.count(DeadLetters.Reason.UNDECODABLE)).isEqualTo(1);
  }

  /**
   * Starts the app on the produced script: with every input already on the broker, Kafka Streams
   * picks records across the three co-partitioned topics in timestamp order (KIP-695), so the
   * episode plays out as scripted.
   */
  private void startApp() throws Exception {
    stateDir = Files.createTempDirectory("painguard-it-");
    Properties props =
        PainGuardStreamsConfig.properties(
            "painguard-it-" + run, stack.bootstrapServers(), settings, deadLetters);
    props.putAll(stack.clientProperties());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    streams =
        new KafkaStreams(
            PainGuardTopology.build(
                settings, GuidanceSettings.defaults(), serdeConfig(), deadLetters),
            props);
    streams.start();
    await("the app is RUNNING").atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
        .until(() -> streams.state() == KafkaStreams.State.RUNNING);
  }

  private Map<String, Object> serdeConfig() {
    return Map.of("schema.registry.url", stack.schemaRegistryUrl());
  }

  private KafkaProducer<String, SpecificRecord> producer() {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(serdeConfig(), false);
    return new KafkaProducer<>(props, new StringSerializer(), values);
  }

  private KafkaProducer<byte[], byte[]> rawProducer() {
    return new KafkaProducer<>(
        stack.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void send(
      KafkaProducer<String, SpecificRecord> producer, String topic, SpecificRecord value, Instant at) {
    String key =
        value instanceof ActivityEvent e
            ? e.getAthleteId()
            : value instanceof PainReport r ? r.getAthleteId() : ((AthleteProfile) value).getAthleteId();
    producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), key, value));
  }

  private Deserializer<ExertionAlert> alertDeserializer() {
    SpecificAvroDeserializer<ExertionAlert> d = new SpecificAvroDeserializer<>(ExertionAlert.class);
    d.configure(serdeConfig(), false);
    return d;
  }

  private <V> List<ConsumerRecord<byte[], V>> readCommitted(
      String topic, int expected, Deserializer<V> values) throws InterruptedException {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], V> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // Anything beyond the expected alerts (a duplicate, an extra transition) shows up here.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    assertThat(records).as("records on " + topic).hasSize(expected);
    return records;
  }

}
