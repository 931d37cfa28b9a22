package io.painguard.topology;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.fixtures.Events;
import io.painguard.rules.AthleteState;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.GuidanceSettings;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.SpecificAvroSerde;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A {@link TopologyTestDriver} around {@link PainGuardTopology} with a private {@code mock://}
 * registry, typed input topics whose record timestamps are the payloads' event times, raw topics
 * for bad input, and the two output topics.
 */
final class TopologyFixture implements AutoCloseable {

  /** The wall clock: ten days after the scripted events, so none is "in the future". */
  static final Instant NOW = Events.T0.plus(Duration.ofDays(10));

  final TopologySettings settings;
  final GuidanceSettings rules;
  final DeadLetterCounter deadLetters = new DeadLetterCounter();
  final Map<String, Object> serdeConfig;
  final Topology topology;
  final TopologyTestDriver driver;
  final TestInputTopic<String, ActivityEvent> activity;
  final TestInputTopic<String, PainReport> pain;
  final TestInputTopic<String, AthleteProfile> profiles;
  final TestInputTopic<String, AlertAcknowledgement> acknowledgements;
  final TestOutputTopic<String, ExertionAlert> alerts;
  final TestOutputTopic<byte[], byte[]> deadLetterTopic;
  private final String scope;

  TopologyFixture() {
    this(GuidanceSettings.defaults());
  }

  TopologyFixture(GuidanceSettings rules) {
    this(rules, new UnavailableSchemas());
  }

  /** @param unavailable schema ids the registry "cannot serve": records framed with them wait */
  TopologyFixture(GuidanceSettings rules, UnavailableSchemas unavailable) {
    this(TopologySettings.defaults(), rules, null, unavailable);
  }

  /** With these settings and a real registry's serde settings (null: a private mock registry). */
  TopologyFixture(TopologySettings settings, Map<String, Object> registrySerdeConfig) {
    this(settings, GuidanceSettings.defaults(), registrySerdeConfig, new UnavailableSchemas());
  }

  private TopologyFixture(
      TopologySettings settings, GuidanceSettings rules, Map<String, Object> registrySerdeConfig, UnavailableSchemas unavailable) {
    this.settings = settings;
    this.rules = rules;
    this.scope = "painguard-test-" + UUID.randomUUID();
    this.serdeConfig = registrySerdeConfig != null
        ? registrySerdeConfig
        : Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope);
    this.topology =
        PainGuardTopology.build(
            settings, rules, serdeConfig, deadLetters, Clock.fixed(NOW, ZoneOffset.UTC), unavailable);
    Properties props =
        PainGuardStreamsConfig.properties("painguard-test", "unused:9092", settings, deadLetters);
    props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/" + scope);
    this.driver = new TopologyTestDriver(topology, props, NOW);
    this.activity = input(settings.activityEventsTopic(), ActivityEvent.class);
    this.pain = input(settings.painReportsTopic(), PainReport.class);
    this.profiles = input(settings.athleteProfilesTopic(), AthleteProfile.class);
    this.acknowledgements = input(settings.acknowledgementsTopic(), AlertAcknowledgement.class);
    SpecificAvroSerde<ExertionAlert> alertSerde = serde(ExertionAlert.class);
    this.alerts =
        driver.createOutputTopic(
            settings.exertionAlertsTopic(), new StringDeserializer(), alertSerde.deserializer());
    this.deadLetterTopic =
        driver.createOutputTopic(
            settings.deadLetterTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  // ---- Given / When helpers: records whose Kafka timestamp is the event time ----

  void profile(String athlete) {
    AthleteProfile p = Events.profile(athlete);
    profiles.pipeInput(new TestRecord<>(athlete, p, p.getUpdatedAt()));
  }

  void pain(PainReport report) {
    pain.pipeInput(new TestRecord<>(report.getAthleteId(), report, report.getTimestamp()));
  }

  void pain(String athlete, long second, int level) {
    pain(Events.pain(athlete, Events.at(second), level));
  }

  void sample(ActivityEvent event) {
    activity.pipeInput(new TestRecord<>(event.getAthleteId(), event, event.getTimestamp()));
  }

  /** One sample a second in [from, to). */
  void run(String athlete, long from, long to, ActivityType type, Integer hr) {
    for (long s = from; s < to; s++) {
      sample(Events.sample(athlete, Events.at(s), type, hr));
    }
  }

  /** A coach's acknowledgement, its Kafka timestamp its acknowledgedAt (as the API writes it). */
  void acknowledge(AlertAcknowledgement ack) {
    acknowledgements.pipeInput(new TestRecord<>(ack.getAthleteId(), ack, ack.getAcknowledgedAt()));
  }

  /** A tombstone on the profiles topic: the athlete asks to be erased. */
  void erase(String athlete) {
    profiles.pipeInput(new TestRecord<>(athlete, null, Events.T0));
  }

  /** Wall time passes in steps of {@code step} (punctuators fire at each), with no record. */
  void wallClockPasses(Duration total, Duration step) {
    for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(step)) {
      driver.advanceWallClockTime(step);
    }
  }

  /** Whether any store still holds anything for the athlete. */
  boolean storesHold(String athlete) {
    return driver.<String, byte[]>getKeyValueStore(PainGuardTopology.ATHLETE_STATE_STORE).get(athlete) != null
        || driver.<String, byte[]>getKeyValueStore(PainGuardTopology.ATHLETE_ALERTS_STORE).get(athlete) != null
        || driver.<String, byte[]>getKeyValueStore(PainGuardTopology.ACKNOWLEDGEMENTS_STORE).get(athlete) != null;
  }

  /** What the acknowledgements store holds for the athlete. */
  AlertAcknowledgements acknowledgements(String athlete) {
    return AlertAcknowledgements.decode(
        driver.<String, byte[]>getKeyValueStore(PainGuardTopology.ACKNOWLEDGEMENTS_STORE).get(athlete));
  }

  /** Raw bytes on an input topic, as a broken producer would send them. */
  void raw(String topic, byte[] key, byte[] value) {
    raw(topic, key, value, Events.T0);
  }

  /** Raw bytes on an input topic with a record timestamp. */
  void raw(String topic, byte[] key, byte[] value, Instant timestamp) {
    raw(topic, key, value, timestamp, new org.apache.kafka.common.header.internals.RecordHeaders());
  }

  /** Raw bytes and headers on an input topic with a record timestamp. */
  void raw(String topic, byte[] key, byte[] value, Instant timestamp,
      org.apache.kafka.common.header.Headers headers) {
    TestInputTopic<byte[], byte[]> raw =
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    raw.pipeInput(new TestRecord<>(key, value, headers, timestamp));
  }

  /** The Avro-framed bytes of a record, as the serde writes them. */
  <T extends org.apache.avro.specific.SpecificRecord> byte[] framed(String topic, T record) {
    @SuppressWarnings("unchecked")
    SpecificAvroSerde<T> serde = serde((Class<T>) record.getClass());
    return serde.serializer().serialize(topic, record);
  }

  // ---- Then helpers ----

  List<ExertionAlert> alerts() {
    return alerts.readValuesToList();
  }

  AthleteStatus status(String athlete) {
    KeyValueStore<String, byte[]> store = driver.getKeyValueStore(PainGuardTopology.ATHLETE_STATE_STORE);
    return AthleteStatus.of(athlete, AthleteState.decode(store.get(athlete), rules), rules);
  }

  List<ExertionAlert> recentAlerts(String athlete) {
    KeyValueStore<String, byte[]> store = driver.getKeyValueStore(PainGuardTopology.ATHLETE_ALERTS_STORE);
    return RecentAlerts.decode(store.get(athlete));
  }

  private <T extends org.apache.avro.specific.SpecificRecord> TestInputTopic<String, T> input(
      String topic, Class<T> type) {
    return driver.createInputTopic(topic, new StringSerializer(), serde(type).serializer());
  }

  private <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    serde.configure(serdeConfig, false);
    return serde;
  }

  @Override
  public void close() {
    driver.close();
    MockSchemaRegistry.drop(scope);
  }
}
