package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.runtime.http.ApiClient;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Acknowledging alerts through the API, on the real broker and registry, with two instances that
 * each own one of the two partitions (so one of them forwards): Given coach A's athlete with an
 * alert, When coach A posts an acknowledgement with a note, Then the answer is 201 and a GET right
 * after shows it, the Kafka record names the caller from the token, the refusals are the
 * contract's, and the note appears in no log line, at any level.
 */
@KafkaStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcknowledgementApiIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String NOTE = "Talked it through; she rests her sciatic leg until Thursday";
  private final ObjectMapper json = new ObjectMapper();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger painguard = (Logger) LoggerFactory.getLogger("io.painguard");
  private Level painguardLevel;
  private KafkaStack stack;
  private AppUnderTest first;
  private AppUnderTest second;
  private ApiClient one;
  private ApiClient two;

  @BeforeAll
  void start(KafkaStack stack, @TempDir Path dir) {
    this.stack = stack;
    first = new AppUnderTest(stack, dir.resolve("first"));
    second = new AppUnderTest(stack, dir.resolve("second"), first);
    one = new ApiClient(first.app.httpPort());
    two = new ApiClient(second.app.httpPort());
    await("two running instances sharing the partitions").atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
        .until(() -> settled(first.app.streams()) && settled(second.app.streams()));
  }

  private static boolean settled(KafkaStreams streams) {
    return streams.state() == KafkaStreams.State.RUNNING
        && streams.metadataForAllStreamsClients().size() == 2
        && streams.metadataForAllStreamsClients().stream().allMatch(m -> !m.topicPartitions().isEmpty());
  }

  @BeforeEach
  void captureEveryLogLine() {
    painguardLevel = painguard.getLevel();
    painguard.setLevel(Level.DEBUG); // the note must not appear even in debug lines
    logs.list.clear();
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logs);
    painguard.setLevel(painguardLevel);
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {one, two, second, first}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing the rest anyway
      }
    }
  }

  /** The athlete's newest alert's id, once either instance shows it. */
  private String alertOf(String athlete, String coachToken) {
    return await("an alert for " + athlete).atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          HttpResponse<String> alerts = one.get("/api/athletes/" + athlete + "/alerts", coachToken);
          return alerts.statusCode() == 200 ? json.readTree(alerts.body()).at("/alerts/0/alertId").asText("") : "";
        }, id -> !id.isEmpty());
  }

  private static String path(String athlete, String alertId) {
    return "/api/athletes/" + athlete + "/alerts/" + alertId + "/acknowledgements";
  }

  @Test
  void anAcknowledgementIsReadableRightAfterTheAnswerOnEitherInstanceAndNamesTheCallerFromTheToken()
      throws Exception {
    // Given coach A's athlete with an open alert
    String athlete = "ana-" + first.run;
    first.painfulHardRun(athlete, "coach-a");
    String alertId = alertOf(athlete, AppUnderTest.COACH_A);

    for (ApiClient client : List.of(one, two)) {
      // When coach A acknowledges it with a note (padded, and claiming to be someone else), on each instance
      long started = System.nanoTime();
      HttpResponse<String> posted =
          client.post(path(athlete, alertId), AppUnderTest.COACH_A,
              "{\"note\": \"  " + NOTE + "  \", \"acknowledgedBy\": \"coach-b\"}");
      // A figure for the README, not an assertion: written, processed and readable.
      System.out.printf("acknowledgement answered %d in %d ms%n", posted.statusCode(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());

      // Then the answer is 201 with the acknowledgement, by the token's coach, the note trimmed
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
      JsonNode ack = json.readTree(posted.body());
      assertThat(ack.get("alertId").asText()).isEqualTo(alertId);
      assertThat(ack.get("acknowledgedBy").asText()).isEqualTo("coach-a");
      assertThat(ack.get("note").asText()).isEqualTo(NOTE);
      assertThat(Instant.parse(ack.get("acknowledgedAt").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }
    // And an admin's, without a body, is by "admin"
    HttpResponse<String> byAdmin = two.post(path(athlete, alertId), AppUnderTest.ADMIN, "");
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);
    assertThat(json.readTree(byAdmin.body()).get("note").isNull()).isTrue();

    // And the very next GET, on either instance, shows all three on the alert, oldest first, and the newest on the open alert
    for (ApiClient client : List.of(one, two)) {
      JsonNode alert = json.readTree(client.get("/api/athletes/" + athlete + "/alerts", AppUnderTest.COACH_A).body())
          .at("/alerts/0");
      assertThat(alert.get("acknowledgements")).extracting(n -> n.get("acknowledgedBy").asText())
          .containsExactly("coach-a", "coach-a", "admin");
      JsonNode view = json.readTree(client.get("/api/athletes/" + athlete, AppUnderTest.COACH_A).body());
      assertThat(view.at("/openAlert/acknowledgement/acknowledgedBy").asText()).isEqualTo("admin");
    }

    // And the Kafka records (the audit trail) name the caller from the token, keyed by athlete
    List<ConsumerRecord<String, AlertAcknowledgement>> records = acknowledgementRecords(3);
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(athlete));
    assertThat(records).extracting(r -> r.value().getAcknowledgedBy()).containsExactly("coach-a", "coach-a", "admin");
    assertThat(records.get(0).value().getNote()).isEqualTo(NOTE);

    // And no log line, at any level, carries the note
    assertNoteNeverLogged();
  }

  @Test
  void refusalsFollowTheContract() throws Exception {
    // Given coach A's athlete with an alert
    String athlete = "bo-" + first.run;
    first.painfulHardRun(athlete, "coach-a");
    String alertId = alertOf(athlete, AppUnderTest.COACH_A);

    for (ApiClient client : List.of(one, two)) {
      // When / Then: another coach's athlete is 403, for an admin an unknown athlete is 404
      assertThat(client.post(path(athlete, alertId), AppUnderTest.COACH_B, "{\"note\": \"" + NOTE + "\"}").statusCode())
          .isEqualTo(403);
      assertThat(client.post(path("nobody-" + first.run, alertId), AppUnderTest.ADMIN, "{}").statusCode())
          .isEqualTo(404);
      // an alert the athlete does not have is 404 unknown_alert
      HttpResponse<String> unknown = client.post(path(athlete, "no-such-alert"), AppUnderTest.COACH_A, "{}");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(json.readTree(unknown.body()).get("error").asText()).isEqualTo("unknown_alert");
      // a note over 280 characters, a note with a line break, a body that is not an object: 400
      HttpResponse<String> tooLong =
          client.post(path(athlete, alertId), AppUnderTest.COACH_A, "{\"note\": \"" + "x".repeat(281) + "\"}");
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(tooLong.body()).contains("281").doesNotContain("xxxx");
      assertThat(client.post(path(athlete, alertId), AppUnderTest.COACH_A, "{\"note\": \"a\\nb\"}").statusCode())
          .isEqualTo(400);
      assertThat(client.post(path(athlete, alertId), AppUnderTest.COACH_A, "[\"note\"]").statusCode()).isEqualTo(400);
      // no token: 401
      assertThat(client.post(path(athlete, alertId), null, "{}").statusCode()).isEqualTo(401);
    }

    // And nothing was acknowledged, and the note is in no log line
    JsonNode alert = json.readTree(one.get("/api/athletes/" + athlete + "/alerts", AppUnderTest.COACH_A).body())
        .at("/alerts/0");
    assertThat(alert.get("acknowledgements")).isEmpty();
    assertNoteNeverLogged();
  }

  private void assertNoteNeverLogged() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      lines.add(event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }
    assertThat(lines).as("captured log lines").isNotEmpty();
    assertThat(lines).noneMatch(line -> line.contains("sciatic") || line.contains("xxxxxxxx"));
  }

  /** Every acknowledgement on the run's topic, waiting until there are {@code count}. */
  private List<ConsumerRecord<String, AlertAcknowledgement>> acknowledgementRecords(int count) {
    Map<String, Object> config = new HashMap<>(stack.clientProperties());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    SpecificAvroDeserializer<AlertAcknowledgement> values = new SpecificAvroDeserializer<>(AlertAcknowledgement.class);
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
    String topic = first.topic("alert-acknowledgements");
    List<ConsumerRecord<String, AlertAcknowledgement>> read = new ArrayList<>();
    try (KafkaConsumer<String, AlertAcknowledgement> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await("the acknowledgement records").atMost(TIMEOUT).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
        return read.size() >= count;
      });
    }
    return read;
  }
}
