package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.painguard.events.ActivityEvent;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.registry.InMemorySchemaStore;
import io.painguard.registry.SchemaRegistryServer;
import io.painguard.serde.SpecificAvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The serde class swapped by configuration alone ({@code painguard.serde.value-class}), against the
 * real embedded registry. Confluent's {@code SpecificAvroSerde} cannot be downloaded here, so the
 * class is {@link ConfluentLikeSerde}, a test serde that throws registry failures in the shapes
 * Confluent's does: what is proved is the mechanism (made by name, configured as Confluent's serde
 * reads its settings, used for every input and the alerts) and that registry-outage parking and
 * dead-lettering read those shapes, not that Confluent's jars work on this classpath.
 */
class SwappedSerdeTopologyTest {

  private static final String ANA = "ana";

  private SchemaRegistryServer registry;
  private TopologyFixture app;

  @BeforeEach
  void start() {
    registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
    ConfluentLikeSerde.CONFIGURED.clear();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    registry.close();
  }

  @Test
  void theNamedSerdeClassReadsEveryInputAndWritesTheAlertsConfiguredAsConfluentsReadsItsSettings() {
    // Given the app told to use another serde class, by name
    app = new TopologyFixture(settings("60s"), serde());

    // When a radiculopathy report comes in
    app.profile(ANA);
    app.pain(Events.radiculopathy(ANA, Events.at(10), 5, PainSensation.PINS_AND_NEEDLES));

    // Then the alert went out, and the named class served the three inputs, the acknowledgements
    // and the alerts
    assertThat(app.alerts()).singleElement()
        .satisfies(a -> assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION));
    assertThat(ConfluentLikeSerde.CONFIGURED)
        .extracting(c -> c.get("specific.avro.value.type"))
        .containsExactlyInAnyOrder(ActivityEvent.class, PainReport.class, AthleteProfile.class,
            io.painguard.events.AlertAcknowledgement.class, ExertionAlert.class);
    assertThat(ConfluentLikeSerde.CONFIGURED).allSatisfy(c -> {
      assertThat(c).containsEntry("specific.avro.reader", true)
          .containsEntry("schema.registry.url", registry.url());
      assertThat(c.keySet()).noneMatch(key -> key.startsWith("painguard."));
    });
  }

  @Test
  void anIdTheRegistryDoesNotKnowIsSchemaNotFoundFromConfluentsExceptionToo() {
    app = new TopologyFixture(settings("60s"), serde());

    app.raw(app.settings.painReportsTopic(), bytes(ANA), framed(777_777), Events.at(10));

    assertThat(reasons()).containsExactly("SCHEMA_NOT_FOUND");
    assertThat(parked()).isEmpty();
  }

  @Test
  void aRegistryThatIsAwayParksTheRecordFromConfluentsExceptionTooUntilTheLimit() {
    // Given the registry away, and a record whose schema the serde has not seen
    app = new TopologyFixture(settings("60s"), serde());
    registry.close();

    // When it comes in
    app.raw(app.settings.painReportsTopic(), bytes(ANA), framed(900_001), Events.at(10));

    // Then it waits rather than being called undecodable, and goes to the DLQ only after the limit
    assertThat(parked()).hasSize(1);
    assertThat(reasons()).isEmpty();
    // (retries double their pause up to 30 s; the first after the 60 s limit comes at 75 s)
    app.wallClockPasses(Duration.ofSeconds(80), Duration.ofSeconds(5));
    assertThat(reasons()).containsExactly("REGISTRY_UNAVAILABLE");
  }

  @Test
  void aSerdeClassThatCannotBeUsedIsRefusedInOneSentence() {
    assertThatThrownBy(() -> SerdeChoice.from(Map.of(SerdeChoice.VALUE_CLASS,
        "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("painguard.serde.value-class names"
            + " io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde, which is not on the"
            + " classpath: add its jar and its dependencies (for Confluent's,"
            + " kafka-streams-avro-serde), or remove the setting to use PainGuard's serde.");
    assertThatThrownBy(() -> SerdeChoice.from(Map.of(SerdeChoice.VALUE_CLASS, "java.lang.String")))
        .hasMessage("painguard.serde.value-class names java.lang.String, which is not a Kafka Serde.");
    assertThatThrownBy(() -> SerdeChoice.from(Map.of("painguard.serde.key-class", "x")))
        .hasMessage("Unknown setting 'painguard.serde.key-class': the only painguard.serde.* setting"
            + " is painguard.serde.value-class.");
    assertThatThrownBy(() -> SerdeChoice.from(Map.of()).check(
        Map.of("schema.registry.url", "mock://x", "max.retries", "often"), ExertionAlert.class))
        .hasMessage("max.retries must be a whole number, but is 'often'.");
    assertThat(SerdeChoice.from(Map.of()).className()).isEqualTo(SpecificAvroSerde.class.getName());
  }

  @Test
  void painGuardsSerdeNamesTheKeysItWouldIgnoreInOneWarning() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(SerdeChoice.class);
    logger.addAppender(log);
    try {
      SerdeChoice.from(Map.of()).check(Map.of("schema.registry.url", "mock://x",
          "normalize.schemas", "true", "rule.executors", "x", "max.retries", "2",
          SerdeChoice.VALUE_CLASS, SpecificAvroSerde.class.getName()), ExertionAlert.class);
    } finally {
      logger.detachAppender(log);
    }

    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "PainGuard's serde does not read [normalize.schemas, rule.executors]; they only matter to a"
            + " serde named by painguard.serde.value-class.");
  }

  // ---- helpers ----

  private Map<String, Object> serde() {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", registry.url());
    config.put("max.retries", "0"); // one try: a registry away fails at once
    config.put("http.read.timeout.ms", "2000");
    config.put(SerdeChoice.VALUE_CLASS, ConfluentLikeSerde.class.getName());
    return config;
  }

  private static TopologySettings settings(String retryLimit) {
    return TopologySettings.fromProperties(
        Map.of(TopologySettings.TOPOLOGY_PREFIX + "registry-retry-limit", retryLimit));
  }

  private List<String> reasons() {
    return app.deadLetterTopic.readRecordsToList().stream()
        .map(r -> DeadLetters.header(r.headers(), DeadLetters.REASON))
        .toList();
  }

  private List<String> parked() {
    KeyValueStore<String, byte[]> waits = app.driver.getKeyValueStore(PainGuardTopology.REGISTRY_WAITS_STORE);
    List<String> keys = new java.util.ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = waits.all()) {
      all.forEachRemaining(e -> keys.add(e.key));
    }
    return keys;
  }

  private static byte[] framed(int schemaId) {
    return ByteBuffer.allocate(8).put((byte) 0).putInt(schemaId).put(new byte[] {2, 4, 6}).array();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
