package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainSensation;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.registry.InMemorySchemaStore;
import io.painguard.registry.SchemaRegistryServer;
import io.painguard.registry.SchemaStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the topology against the real embedded schema registry. A registry that answers for
 * good (an unsupported schema, an unknown id) dead-letters the record at once and the athlete's
 * next records are judged as they come; a registry that is away makes records wait, but no longer
 * than the retry limit per athlete, and no more than the parked-record cap per athlete.
 */
class RegistryAnswersTopologyTest {

  private static final String ANA = "ana";
  private static final String BEN = "ben";
  private static final String INNER = "{\"type\":\"record\",\"name\":\"Inner\",\"namespace\":\"io.painguard.crafted\","
      + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
  private static final String OUTER = "{\"type\":\"record\",\"name\":\"Outer\",\"namespace\":\"io.painguard.crafted\","
      + "\"fields\":[{\"name\":\"inner\",\"type\":\"io.painguard.crafted.Inner\"}]}";

  private final SchemaStore store = new InMemorySchemaStore();
  private SchemaRegistryServer registry;
  private TopologyFixture app;

  @BeforeEach
  void startRegistry() {
    registry = SchemaRegistryServer.start("127.0.0.1", 0, store);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    registry.close();
  }

  @Test
  void aRecordWhoseSchemaUsesReferencesIsDeadLetteredAtOnceAndTheAthletesNextReportIsJudged() throws Exception {
    // Given a schema with a reference, registered as any producer could
    post("/subjects/crafted-inner/versions", json(INNER, null));
    int crafted = id(post("/subjects/crafted-value/versions",
        json(OUTER, "[{\"name\":\"io.painguard.crafted.Inner\",\"subject\":\"crafted-inner\",\"version\":1}]")));
    app = new TopologyFixture(TopologySettings.defaults(), serde());
    app.profile(ANA);

    // When ana's record is framed with it, and her radiculopathy report follows
    app.raw(app.settings.painReportsTopic(), bytes(ANA), framed(crafted), Events.at(10));
    app.pain(Events.radiculopathy(ANA, Events.at(20), 5, PainSensation.PINS_AND_NEEDLES));

    // Then, without any wall-clock time passing, the record is dead-lettered and the report judged
    assertThat(reasons()).containsExactly("SCHEMA_UNSUPPORTED");
    assertThat(app.alerts()).singleElement().satisfies(a -> {
      assertThat(a.getAthleteId()).isEqualTo(ANA);
      assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
    });
    assertThat(parked()).isEmpty();
    assertThat(app.deadLetters.count(DeadLetters.Reason.SCHEMA_UNSUPPORTED)).isEqualTo(1);
  }

  @Test
  void anIdTheRegistryDoesNotKnowIsSchemaNotFound() {
    app = new TopologyFixture(TopologySettings.defaults(), serde());

    app.raw(app.settings.painReportsTopic(), bytes(ANA), framed(777_777), Events.at(10));

    assertThat(reasons()).containsExactly("SCHEMA_NOT_FOUND");
  }

  @Test
  void anAthleteWaitsForTheRegistryNoLongerThanTheLimitHoweverManyRecordsWaitInTurn() {
    // Given a 60 s limit, and an app that has seen every contract schema before the registry went away
    app = new TopologyFixture(settings("registry-retry-limit", "60s"), serde());
    warmUp();
    registry.close();

    // When ana's record needs the registry, another one 40 s later, then her radiculopathy report
    app.raw(app.settings.painReportsTopic(), bytes(ANA), framed(900_001), Events.at(100));
    app.driver.advanceWallClockTime(Duration.ofSeconds(40));
    app.raw(app.settings.painReportsTopic(), bytes(ANA), framed(900_002), Events.at(110));
    app.pain(Events.radiculopathy(ANA, Events.at(120), 5, PainSensation.PINS_AND_NEEDLES));
    // ...while ben's report is judged at once
    app.pain(Events.radiculopathy(BEN, Events.at(120), 6, PainSensation.NUMBNESS));
    assertThat(app.alerts()).extracting(ExertionAlert::getAthleteId).containsExactly(BEN);
    assertThat(parked()).hasSize(3);

    // Then once ana has waited 60 s, both unservable records go and her report is judged
    app.driver.advanceWallClockTime(Duration.ofSeconds(25));
    assertThat(reasons()).containsExactly("REGISTRY_UNAVAILABLE", "REGISTRY_UNAVAILABLE");
    assertThat(app.alerts()).extracting(ExertionAlert::getAthleteId).containsExactly(ANA);
    assertThat(parked()).isEmpty();
  }

  @Test
  void anAthleteMayHaveOnlyTheCapOfRecordsWaitingTheNextIsDeadLetteredAndOthersFlow() {
    // Given at most 3 waiting records per athlete, and the registry away after the warm-up
    app = new TopologyFixture(settings("registry-max-parked", "3"), serde());
    warmUp();
    registry.close();

    // When ana's record needs the registry and three more of hers follow
    app.raw(app.settings.painReportsTopic(), bytes(ANA), framed(900_003), Events.at(100));
    app.pain(ANA, 101, 2);
    app.pain(ANA, 102, 2);
    app.pain(ANA, 103, 2);
    app.pain(Events.radiculopathy(BEN, Events.at(104), 6, PainSensation.NUMBNESS));

    // Then three wait, the fourth is dead-lettered at once (not dropped), and ben is judged
    assertThat(parked()).hasSize(3);
    List<TestRecord<byte[], byte[]>> dead = app.deadLetterTopic.readRecordsToList();
    assertThat(dead).singleElement().satisfies(r -> {
      assertThat(DeadLetters.header(r.headers(), DeadLetters.REASON)).isEqualTo("REGISTRY_WAIT_FULL");
      assertThat(DeadLetters.header(r.headers(), DeadLetters.OFFSET)).as("ana's fourth waiting record")
          .isEqualTo("5");
      assertThat(DeadLetters.header(r.headers(), DeadLetters.ERROR_MESSAGE)).contains("registry-max-parked");
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(ANA);
    });
    assertThat(app.alerts()).extracting(ExertionAlert::getAthleteId).containsExactly(BEN);
  }

  @Test
  void registryMaxParkedIsValidatedInOneSentence() {
    for (String bad : List.of("0", "1000001", "many")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings("registry-max-parked", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("painguard.topology.registry-max-parked must be")
          .hasMessageEndingWith(".")
          .hasMessageNotContaining("\n");
    }
    assertThat(TopologySettings.defaults().registryMaxParked()).isEqualTo(5_000);
  }

  // ---- helpers ----

  /** Profiles and one report of each athlete, and ben's alert: every contract schema is cached. */
  private void warmUp() {
    app.profile(ANA);
    app.profile(BEN);
    app.pain(ANA, 0, 2);
    app.sample(Events.sample(ANA, Events.at(1), io.painguard.events.ActivityType.WALKING, 90));
    app.pain(Events.radiculopathy(BEN, Events.at(2), 5, PainSensation.PINS_AND_NEEDLES));
    assertThat(app.alerts()).extracting(ExertionAlert::getAthleteId).containsExactly(BEN);
  }

  private static TopologySettings settings(String key, String value) {
    return TopologySettings.fromProperties(Map.of(TopologySettings.TOPOLOGY_PREFIX + key, value));
  }

  private Map<String, Object> serde() {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", registry.url());
    config.put("max.retries", "0"); // one try: a registry away fails at once
    config.put("http.read.timeout.ms", "2000");
    return config;
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

  /** A Confluent frame with this schema id and a body that would not matter. */
  private static byte[] framed(int schemaId) {
    return ByteBuffer.allocate(8).put((byte) 0).putInt(schemaId).put(new byte[] {2, 4, 6}).array();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String json(String schema, String references) {
    String quoted = "\"" + schema.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return "{\"schema\":" + quoted + (references == null ? "" : ",\"references\":" + references) + "}";
  }

  private String post(String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The "id" of a registration answer (Confluent 8's answer has a GUID and the schema too). */
  private static int id(String body) throws IOException {
    return new ObjectMapper().readTree(body).get("id").asInt();
  }
}
