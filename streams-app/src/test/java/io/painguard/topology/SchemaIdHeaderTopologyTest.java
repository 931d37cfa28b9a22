package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Severity;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.fixtures.Events;
import io.painguard.registry.InMemorySchemaStore;
import io.painguard.registry.SchemaRegistryServer;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.WireFormat;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records from a Confluent 8 producer that puts the schema's GUID in the {@code __value_schema_id}
 * header and writes the bare Avro body: the source's never-throwing deserializer reads them, and a
 * registry that cannot serve the GUID makes them wait like framed records.
 */
class SchemaIdHeaderTopologyTest {

  private static final String ANA = "ana";

  private TopologyFixture app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aReportNamingItsSchemaByGuidInAHeaderIsJudged() {
    // Given the report's schema registered, and the report as a header-id producer writes it
    app = new TopologyFixture();
    app.profile(ANA);
    PainReport report = Events.radiculopathy(ANA, Events.at(10), 5, PainSensation.NUMBNESS);
    byte[] framed = app.framed(app.settings.painReportsTopic(), report);
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope(app));
    UUID guid = registry.guidOf(WireFormat.schemaIdOf(framed));

    // When it arrives with its GUID in the header and without the 5-byte prefix
    app.raw(app.settings.painReportsTopic(), ANA.getBytes(StandardCharsets.UTF_8),
        Arrays.copyOfRange(framed, WireFormat.HEADER_SIZE, framed.length), Events.at(10),
        guidHeader(guid));

    // Then it is decoded and judged like any report
    assertThat(app.alerts()).singleElement().satisfies(a -> {
      assertThat(a.getAthleteId()).isEqualTo(ANA);
      assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
    });
    assertThat(app.deadLetterTopic.readRecordsToList()).isEmpty();
  }

  @Test
  void aGuidTheRegistryCannotServeRightNowWaitsThenGoesToTheDlqAtTheLimit() throws IOException {
    // Given a registry that is away
    Map<String, Object> serde = Map.of("schema.registry.url", "http://127.0.0.1:" + closedPort(),
        "max.retries", "0");
    app = new TopologyFixture(TopologySettings.fromProperties(
        Map.of(TopologySettings.TOPOLOGY_PREFIX + "registry-retry-limit", "30s")), serde);

    // When two records name the same unknown GUID
    Headers header = guidHeader(UUID.randomUUID());
    app.raw(app.settings.painReportsTopic(), bytes(ANA), new byte[] {2, 4}, Events.at(10), header);
    app.raw(app.settings.painReportsTopic(), bytes("ben"), new byte[] {2, 4}, Events.at(11), header);

    // Then both wait, and go to the DLQ as REGISTRY_UNAVAILABLE once the limit has passed
    assertThat(parked()).hasSize(2);
    assertThat(app.deadLetterTopic.readRecordsToList()).isEmpty();
    // (retries double their pause up to 30 s; the first after the 30 s limit comes at 45 s)
    app.wallClockPasses(Duration.ofSeconds(50), Duration.ofSeconds(5));
    assertThat(app.deadLetterTopic.readRecordsToList())
        .extracting(r -> DeadLetters.header(r.headers(), DeadLetters.REASON))
        .containsExactly("REGISTRY_UNAVAILABLE", "REGISTRY_UNAVAILABLE");
    assertThat(app.alerts()).extracting(ExertionAlert::getAthleteId).isEmpty();
  }

  @Test
  void aGuidTheEmbeddedRegistryHandedOutIsResolvedThroughItsRestApi() throws Exception {
    // Given the real embedded registry, which answers a registration with the schema's GUID
    SchemaRegistryServer registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
    try {
      String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(registry.url() + "/subjects/pain-reports-value/versions"))
          .header("Content-Type", "application/vnd.schemaregistry.v1+json")
          .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().createObjectNode()
              .put("schema", PainReport.getClassSchema().toString()).toString()))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      UUID guid = UUID.fromString(new ObjectMapper().readTree(answer).get("guid").asText());
      app = new TopologyFixture(TopologySettings.defaults(), Map.of("schema.registry.url", registry.url()));
      app.profile(ANA);
      PainReport report = Events.radiculopathy(ANA, Events.at(10), 5, PainSensation.NUMBNESS);
      byte[] framed = app.framed(app.settings.painReportsTopic(), report);

      // When a header-id producer sends the report
      app.raw(app.settings.painReportsTopic(), bytes(ANA),
          Arrays.copyOfRange(framed, WireFormat.HEADER_SIZE, framed.length), Events.at(10),
          guidHeader(guid));

      // Then the GUID resolves and the report is judged
      assertThat(app.alerts()).extracting(ExertionAlert::getAthleteId).containsExactly(ANA);
      assertThat(app.deadLetterTopic.readRecordsToList()).isEmpty();
      // ...and the mock registry names the same schema by the same GUID
      MockSchemaRegistry mock = MockSchemaRegistry.forScope("guid-cross-check");
      assertThat(mock.guidOf(mock.register("any", PainReport.getClassSchema()))).isEqualTo(guid);
      MockSchemaRegistry.drop("guid-cross-check");
    } finally {
      registry.close();
    }
  }

  private static Headers guidHeader(UUID guid) {
    return new RecordHeaders().add(WireFormat.VALUE_SCHEMA_ID_HEADER, WireFormat.guidHeader(guid));
  }

  private static String scope(TopologyFixture app) {
    return app.serdeConfig.get("schema.registry.url").toString()
        .substring(MockSchemaRegistry.URL_PREFIX.length());
  }

  private List<String> parked() {
    KeyValueStore<String, byte[]> waits = app.driver.getKeyValueStore(PainGuardTopology.REGISTRY_WAITS_STORE);
    List<String> keys = new java.util.ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = waits.all()) {
      all.forEachRemaining(e -> keys.add(e.key));
    }
    return keys;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
