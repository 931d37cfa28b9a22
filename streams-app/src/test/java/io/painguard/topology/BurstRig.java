package io.painguard.topology;

import static org.awaitility.Awaitility.await;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.rules.GuidanceSettings;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.stack.junit.KafkaStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The topology on the embedded broker and registry, with its own topics (2 partitions each), an
 * outside producer that leaves record timestamps to the client (the send time, as Confluent's and
 * Kafka's clients do), and ways to tell when the app has processed everything on its inputs.
 */
final class BurstRig implements AutoCloseable {

  static final int PARTITIONS = 2;
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  final KafkaStack stack;
  final TopologySettings settings;
  final String run;
  final DeadLetterCounter deadLetters = new DeadLetterCounter();
  private final KafkaProducer<byte[], byte[]> producer;
  private final SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
  private final Admin admin;
  private KafkaStreams streams;
  private Path stateDir;

  BurstRig(KafkaStack stack) {
    this.stack = stack;
    this.run = UUID.randomUUID().toString().substring(0, 8);
    this.settings =
        TopologySettings.defaults()
            .withTopics(
                "activity-events-" + run,
                "pain-reports-" + run,
                "athlete-profiles-" + run,
                "exertion-alerts-" + run,
                "painguard-dlq-" + run,
                "alert-acknowledgements-" + run);
    stack.createTopic(settings.activityEventsTopic(), PARTITIONS);
    stack.createTopic(settings.painReportsTopic(), PARTITIONS);
    stack.createCompactedTopic(settings.athleteProfilesTopic(), PARTITIONS);
    stack.createTopic(settings.exertionAlertsTopic(), PARTITIONS);
    stack.createTopic(settings.deadLetterTopic(), 1);
    stack.createTopic(settings.acknowledgementsTopic(), PARTITIONS);
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    values.configure(serdeConfig(), false);
    this.admin = Admin.create(stack.clientProperties());
  }

  Map<String, Object> serdeConfig() {
    return Map.of("schema.registry.url", stack.schemaRegistryUrl());
  }

  String applicationId() {
    return "painguard-burst-" + run;
  }

  /** Starts the app with its shipped settings plus {@code overrides}; returns once it is RUNNING. */
  void start(Map<String, Object> overrides) throws Exception {
    stateDir = Files.createTempDirectory("painguard-burst-");
    Properties props =
        PainGuardStreamsConfig.properties(applicationId(), stack.bootstrapServers(), settings, deadLetters);
    props.putAll(stack.clientProperties());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    // Each case starts a fresh app whose changelogs are empty: its restore consumer's fetches find
    // nothing, and the broker holds each for fetch.max.wait.ms (500 ms by default) before "restored"
    // can be said -- about 1 s of every case's start, tasks one after the other. Restoring (and the
    // main consumer, whose fetches decide the arrival order under test) is otherwise untouched.
    props.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.putAll(overrides);
    streams =
        new KafkaStreams(
            PainGuardTopology.build(settings, GuidanceSettings.defaults(), serdeConfig(), deadLetters),
            props);
    streams.start();
    await("the app is RUNNING").atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
  }

  // ---- the outside producer ----

  void send(SpecificRecord value) {
    String topic;
    String key;
    if (value instanceof ActivityEvent e) {
      topic = settings.activityEventsTopic();
      key = e.getAthleteId();
    } else if (value instanceof PainReport r) {
      topic = settings.painReportsTopic();
      key = r.getAthleteId();
    } else {
      topic = settings.athleteProfilesTopic();
      key = ((AthleteProfile) value).getAthleteId();
    }
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), values.serialize(topic, value)));
  }

  void sendAll(List<? extends SpecificRecord> records) {
    records.forEach(this::send);
  }

  void sendRaw(String topic, String key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
  }

  /** Waits until everything sent is on the broker. */
  void flush() {
    producer.flush();
  }

  // ---- what the app did ----

  /** Waits until the app has committed offsets at the end of every input partition. */
  void awaitAllProcessed() {
    await("the app committed offsets at the end of every input partition")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(20))
        .until(this::allProcessed);
  }

  boolean allProcessed() throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (String topic : settings.inputTopics()) {
      for (int p = 0; p < PARTITIONS; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
    }
    var ends = admin.listOffsets(latest).all().get();
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(applicationId()).partitionsToOffsetAndMetadata().get();
    return ends.entrySet().stream()
        .allMatch(
            e -> {
              long end = e.getValue().offset();
              OffsetAndMetadata c = committed.get(e.getKey());
              return end == 0 || (c != null && c.offset() >= end);
            });
  }

  List<ExertionAlert> alerts() {
    SpecificAvroDeserializer<ExertionAlert> d = new SpecificAvroDeserializer<>(ExertionAlert.class);
    d.configure(serdeConfig(), false);
    return readCommitted(settings.exertionAlertsTopic(), d).stream().map(ConsumerRecord::value).toList();
  }

  List<ConsumerRecord<byte[], byte[]>> deadLetterRecords() {
    return readCommitted(settings.deadLetterTopic(), new ByteArrayDeserializer());
  }

  /** Alerts by athlete, in the order each athlete got them. */
  Map<String, List<ExertionAlert>> alertsByAthlete() {
    return alerts().stream().collect(Collectors.groupingBy(ExertionAlert::getAthleteId));
  }

  /** Everything committed on {@code topic}, read to its end. */
  private <V> List<ConsumerRecord<byte[], V>> readCommitted(String topic, Deserializer<V> values) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "burst-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await("read " + topic + " to its end")
          .atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(1))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
              });
    }
    return records;
  }

  @Override
  public void close() throws Exception {
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
    if (streams != null) {
      streams.close(Duration.ofSeconds(15));
      streams.cleanUp();
    }
    if (stateDir != null) {
      try (var paths = Files.walk(stateDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
