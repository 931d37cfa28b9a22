package io.painguard.runtime.http;

import static io.painguard.runtime.http.JsonMappingTest.alert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.AlertState;
import io.painguard.events.Severity;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.RuntimeSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/athletes/{id}/session} against an in-memory directory: the body's shape, the
 * access rules of the athlete endpoints, the bound on {@code hours}, forwarding to the owner. The
 * minutes themselves, from a real store, are SessionEndpointIT's.
 */
class SessionEndpointTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<AutoCloseable> open = new ArrayList<>();

  private record Server(ApiServer api, FakeDirectory directory, ApiClient client) {}

  private Server server(FakeDirectory directory) {
    RuntimeSettings settings =
        RuntimeSettings.from(
            AppConfig.of(
                Map.of("painguard.http.host", "127.0.0.1", "painguard.http.port", "0", "painguard.http.forward-timeout", "2s")));
    AlertStreamHub hub = new AlertStreamHub(json, 5, settings.sseHeartbeat(), settings.sseMaxClients());
    ApiServer api =
        new ApiServer(
                settings, AccessTokens.parse(ApiServerTest.TOKENS), () -> KafkaStreams.State.RUNNING, () -> "", hub, json)
            .start();
    api.directory(directory);
    ApiClient client = new ApiClient(api.port());
    open.add(client);
    open.add(api);
    open.add(hub);
    return new Server(api, directory, client);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private Server withAthletes() {
    return server(
        new FakeDirectory()
            .with(
                "ath-a",
                "coach-a",
                Severity.REDUCE_INTENSITY,
                alert("al-1", "ath-a", "coach-a", Severity.REDUCE_INTENSITY, AlertState.RAISED))
            .with("ath-b", "coach-b", null));
  }

  @Test
  void aCoachGetsTheLastThreeHoursOfTheirAthletesSessionByDefault() throws Exception {
    // Given coach A's athlete with an alert at 08:02, and the owner's clock at 09:00
    Server s = withAthletes();

    // When coach A asks for the session without hours
    HttpResponse<String> r = s.client().get("/api/athletes/ath-a/session", "coach-a-token");

    // Then three hours are asked for and the body has the contract's fields
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(s.directory().spans).containsExactly(Duration.ofHours(3));
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("athleteId").asText()).isEqualTo("ath-a");
    assertThat(body.get("from").asText()).isEqualTo("2025-03-03T06:00:00Z");
    assertThat(body.get("to").asText()).isEqualTo("2025-03-03T09:00:00Z");
    assertThat(body.get("minutes").isArray()).isTrue();
    assertThat(body.get("painReports").isArray()).isTrue();
    assertThat(body.at("/alerts/0/alertId").asText()).isEqualTo("al-1");
  }

  @Test
  void anotherCoachsAthleteIs403LikeAnUnknownOneAndAnAdminGets404ForTheUnknown() throws Exception {
    Server s = withAthletes();

    HttpResponse<String> others = s.client().get("/api/athletes/ath-b/session", "coach-a-token");
    HttpResponse<String> unknown = s.client().get("/api/athletes/nobody/session", "coach-a-token");
    HttpResponse<String> adminUnknown = s.client().get("/api/athletes/nobody/session", "admin-token");
    HttpResponse<String> admin = s.client().get("/api/athletes/ath-b/session", "admin-token");
    HttpResponse<String> noToken = s.client().get("/api/athletes/ath-a/session", null);

    assertThat(others.statusCode()).isEqualTo(403);
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(others.body()).isEqualTo(unknown.body()).doesNotContain("ath-b", "coach-b");
    assertThat(adminUnknown.statusCode()).isEqualTo(404);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(noToken.statusCode()).isEqualTo(401);
  }

  @Test
  void hoursMustBeAWholeNumberWithinTheSummaryRetention() throws Exception {
    // Given a directory whose minutes store keeps six hours
    Server s = withAthletes();
    s.directory().retention = Duration.ofHours(6);

    // When hours within, beyond and outside the bound are asked for
    HttpResponse<String> six = s.client().get("/api/athletes/ath-a/session?hours=6", "coach-a-token");
    List<HttpResponse<String>> refused = new ArrayList<>();
    for (String hours : List.of("7", "0", "-1", "two", "1.5")) {
      refused.add(s.client().get("/api/athletes/ath-a/session?hours=" + hours, "coach-a-token"));
    }

    // Then six is answered, the rest refused with one sentence naming the bound, and nothing looked up
    assertThat(six.statusCode()).isEqualTo(200);
    assertThat(s.directory().spans).containsExactly(Duration.ofHours(6));
    assertThat(refused).allSatisfy(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json.readTree(r.body()).get("message").asText())
          .isEqualTo("hours must be a whole number from 1 to 6 (the session summary's retention,"
              + " painguard.topology.summary-retention).");
    });
  }

  @Test
  void aSessionOfAnotherInstancesAthleteIsForwardedWithItsHours() throws Exception {
    Server owner = withAthletes();
    FakeDirectory pointing = new FakeDirectory();
    pointing.everyLookup = new AthleteDirectory.Elsewhere("127.0.0.1:" + owner.api().port());
    Server front = server(pointing);

    HttpResponse<String> r = front.client().get("/api/athletes/ath-a/session?hours=5", "coach-a-token");
    HttpResponse<String> others = front.client().get("/api/athletes/ath-b/session", "coach-a-token");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json.readTree(r.body()).get("from").asText()).isEqualTo("2025-03-03T04:00:00Z");
    assertThat(others.statusCode()).isEqualTo(403);
    assertThat(owner.directory().spans).containsExactly(Duration.ofHours(5), Duration.ofHours(3));
  }
}
