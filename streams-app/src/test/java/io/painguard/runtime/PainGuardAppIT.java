package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.runtime.http.ApiClient;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the app in-process on the real broker and registry, each owning one of the two
 * partitions: Given both run with three tokens, When a moderately painful athlete of coach A runs
 * hard, Then the alert arrives on both instances' event streams, either instance answers for the
 * athlete from the owner's state store (locally or by forwarding), each caller gets exactly what
 * they may see, and the metrics show Kafka Streams' and PainGuard's series.
 */
@KafkaStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PainGuardAppIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final ObjectMapper json = new ObjectMapper();
  private AppUnderTest first;
  private AppUnderTest second;
  private ApiClient one;
  private ApiClient two;

  @BeforeAll
  void start(KafkaStack stack, @TempDir Path dir) throws Exception {
    first = new AppUnderTest(stack, dir.resolve("first"));
    second = new AppUnderTest(stack, dir.resolve("second"), first);
    one = new ApiClient(first.app.httpPort());
    two = new ApiClient(second.app.httpPort());
    awaitTwoRunningInstances();
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

  private void awaitTwoRunningInstances() {
    await("the two instances sharing the partitions").atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
        .until(() -> settled(first.app.streams()) && settled(second.app.streams()));
  }

  /** /health/ready's answer, after checking it names a state the pair may pass through. */
  private HttpResponse<String> readyOrSettling(ApiClient client) throws Exception {
    HttpResponse<String> ready = client.get("/health/ready", null);
    assertThat(json.readTree(ready.body()).get("streams").asText()).isIn("REBALANCING", "RUNNING");
    return ready;
  }

  private static boolean settled(KafkaStreams streams) {
    return streams.state() == KafkaStreams.State.RUNNING
        && streams.metadataForAllStreamsClients().size() == 2
        && streams.metadataForAllStreamsClients().stream().allMatch(m -> !m.topicPartitions().isEmpty());
  }

  @Test
  void readinessIs200OnBothInstances() throws Exception {
    for (ApiClient client : List.of(one, two)) {
      // A second member joining may start one more rebalance, and ready is 503 while it lasts.
      // Every answer on the way must name one of those two states; the assertion ends the wait early.
      HttpResponse<String> ready =
          await("/health/ready 200").atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
              .until(() -> readyOrSettling(client), answer -> answer.statusCode() == 200);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(json.readTree(ready.body()).get("streams").asText()).isEqualTo("RUNNING");
      assertThat(client.get("/health/live", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAlertReachesTheStreamTheStateStoreAndTheMetricsWithAccessEnforced() throws Exception {
    // Given coach A dashboards listening on both instances
    ApiClient.EventStream streamOne = one.stream("/api/alerts/stream?access_token=" + AppUnderTest.COACH_A, null);
    ApiClient.EventStream streamTwo = two.stream("/api/alerts/stream", AppUnderTest.COACH_A);
    assertThat(streamOne.status()).isEqualTo(200);
    String athlete = "ana-" + first.run;

    // When coach A's athlete runs hard in moderate pain
    first.painfulHardRun(athlete, "coach-a");

    // Then the alert arrives on both event streams, whichever instance owns the athlete
    ApiClient.Event event = streamOne.next(TIMEOUT);
    assertThat(event).as("an alert on the event stream").isNotNull();
    JsonNode alert = json.readTree(event.data());
    assertThat(alert.get("athleteId").asText()).isEqualTo(athlete);
    assertThat(alert.get("severity").asText()).isEqualTo("REDUCE_INTENSITY");
    assertThat(alert.get("state").asText()).isEqualTo("RAISED");
    assertThat(alert.at("/recommendation/targetMaxHeartRateBpm").asInt()).isEqualTo(132);
    assertThat(event.id()).isEqualTo(alert.get("alertId").asText());
    assertThat(streamTwo.await(event.id(), TIMEOUT)).isNotNull();

    for (ApiClient client : List.of(one, two)) {
      // And either instance answers from the owner's state store for coach A
      HttpResponse<String> state = client.get("/api/athletes/" + athlete, AppUnderTest.COACH_A);
      assertThat(state.statusCode()).isEqualTo(200);
      JsonNode view = json.readTree(state.body());
      assertThat(view.at("/pain/level").asInt()).isEqualTo(5);
      assertThat(view.at("/intensity/heartRateBpm").asInt()).isEqualTo(160);
      assertThat(view.at("/intensity/ceilingHeartRateBpm").asInt()).isEqualTo(132);
      assertThat(view.at("/openAlert/severity").asText()).isEqualTo("REDUCE_INTENSITY");
      assertThat(state.body()).doesNotContain(EpisodeProducer.NOTE);
      HttpResponse<String> alerts = client.get("/api/athletes/" + athlete + "/alerts", AppUnderTest.COACH_A);
      assertThat(json.readTree(alerts.body()).at("/alerts/0/alertId").asText()).isEqualTo(event.id());
      JsonNode episodes = json.readTree(client.get("/api/athletes", AppUnderTest.COACH_A).body());
      assertThat(episodes.get("athletes")).extracting(a -> a.get("athleteId").asText()).contains(athlete);
      assertThat(episodes.get("complete").asBoolean()).isTrue();
      // And the listing, from the owner's stores through whichever instance was asked, names the open
      // alert's record and what to do first; all=true lists the athlete too
      JsonNode listed = episodes.get("athletes").findParents("athleteId").stream()
          .filter(a -> a.get("athleteId").asText().equals(athlete)).findFirst().orElseThrow();
      assertThat(listed.at("/openAlert/alertId").asText()).isEqualTo(event.id());
      assertThat(listed.at("/openAlert/firstStep").asText()).isEqualTo("Ease off: keep your heart rate at or below 132 bpm");
      assertThat(listed.at("/need/label").asText()).isEqualTo("Reduce");
      JsonNode all = json.readTree(client.get("/api/athletes?all=true", AppUnderTest.COACH_A).body());
      assertThat(all.get("athletes")).extracting(a -> a.get("athleteId").asText()).contains(athlete);

      // And coach B learns nothing, not even whether the athlete exists
      HttpResponse<String> otherCoach = client.get("/api/athletes/" + athlete, AppUnderTest.COACH_B);
      HttpResponse<String> nobody = client.get("/api/athletes/nobody-" + first.run, AppUnderTest.COACH_B);
      assertThat(otherCoach.statusCode()).isEqualTo(403);
      assertThat(nobody.statusCode()).isEqualTo(403);
      assertThat(otherCoach.body()).isEqualTo(nobody.body());
      assertThat(json.readTree(client.get("/api/athletes", AppUnderTest.COACH_B).body()).get("athletes"))
          .extracting(a -> a.get("athleteId").asText())
          .doesNotContain(athlete);
      assertThat(client.get("/api/athletes/nobody-" + first.run, AppUnderTest.ADMIN).statusCode()).isEqualTo(404);
      assertThat(client.get("/api/athletes/" + athlete, null).statusCode()).isEqualTo(401);
    }

    // And the metrics carry Kafka Streams' series and ours (counted by the owner)
    String metricsOne = one.get("/metrics", null).body();
    String metricsTwo = two.get("/metrics", null).body();
    assertThat(metricsOne).contains("kafka_stream_", "painguard_dlq_records_total", "painguard_streams_running 1.0");
    String alertSeries = "painguard_alerts_total{severity=\"REDUCE_INTENSITY\",state=\"RAISED\"}";
    String eventSeries = "painguard_events_processed_total{topic=\"" + first.topic("activity-events") + "\"}";
    assertThat(value(metricsOne, alertSeries) + value(metricsTwo, alertSeries)).isEqualTo(1.0);
    assertThat(value(metricsOne, eventSeries) + value(metricsTwo, eventSeries)).isEqualTo(120.0);
  }

  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
  }
}
