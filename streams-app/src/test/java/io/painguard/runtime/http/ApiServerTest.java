package io.painguard.runtime.http;

import static io.painguard.runtime.http.JsonMappingTest.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.AlertState;
import io.painguard.events.Severity;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.runtime.health.HealthStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP API against an in-memory directory: access rules, health, routing, the event stream. */
class ApiServerTest {

  static final String TOKENS = "admin-token=admin,coach-a-token=coach:coach-a,coach-b-token=coach:coach-b";
  private final ObjectMapper json = new ObjectMapper();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);

  private record Server(ApiServer api, AlertStreamHub hub, FakeDirectory directory, ApiClient client) {}

  private Server server(FakeDirectory directory) {
    RuntimeSettings settings =
        RuntimeSettings.from(
            AppConfig.of(
                Map.of(
                    "painguard.http.host", "127.0.0.1",
                    "painguard.http.port", "0",
                    "painguard.http.sse-heartbeat", "1s",
                    "painguard.http.forward-timeout", "2s")));
    AlertStreamHub hub = new AlertStreamHub(json, 5, settings.sseHeartbeat(), settings.sseMaxClients());
    ApiServer api =
        new ApiServer(settings, AccessTokens.parse(TOKENS), state::get, () -> "painguard_test_total 1.0\n", hub, json)
            .start();
    api.directory(directory);
    ApiClient client = new ApiClient(api.port());
    open.add(client);
    open.add(api);
    open.add(hub);
    return new Server(api, hub, directory, client);
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
                alert("al-1", "ath-a", "coach-a", Severity.REDUCE_INTENSITY, AlertState.RAISED),
                alert("al-2", "ath-a", "coach-a", Severity.REDUCE_INTENSITY, AlertState.RESOLVED))
            .with("ath-b", "coach-b", null)
            .with("ath-nocoach", null, null));
  }

  @Test
  void noTokenOrAWrongOneIs401WithAChallenge() throws Exception {
    Server s = withAthletes();

    HttpResponse<String> none = s.client().get("/api/athletes/ath-a", null);
    HttpResponse<String> wrong = s.client().get("/api/athletes/ath-a", "guess");
    HttpResponse<String> queryToken = s.client().get("/api/athletes/ath-a?access_token=admin-token", null);
    HttpResponse<String> list = s.client().get("/api/athletes", null);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"painguard\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(queryToken.statusCode()).as("only the event stream takes ?access_token=").isEqualTo(401);
    assertThat(list.statusCode()).isEqualTo(401);
    assertThat(s.directory().asked).as("nothing is looked up for an unknown caller").isEmpty();
  }

  @Test
  void coachSeesOwnAthleteAndGetsTheSame403ForAnotherCoachsAndForAnUnknownOne() throws Exception {
    Server s = withAthletes();

    HttpResponse<String> own = s.client().get("/api/athletes/ath-a", "coach-a-token");
    HttpResponse<String> others = s.client().get("/api/athletes/ath-b", "coach-a-token");
    HttpResponse<String> unknown = s.client().get("/api/athletes/nobody", "coach-a-token");
    HttpResponse<String> noCoach = s.client().get("/api/athletes/ath-nocoach", "coach-a-token");
    HttpResponse<String> othersAlerts = s.client().get("/api/athletes/ath-b/alerts", "coach-a-token");
    HttpResponse<String> unknownAlerts = s.client().get("/api/athletes/nobody/alerts", "coach-a-token");

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(json.readTree(own.body()).at("/openAlert/severity").asText()).isEqualTo("REDUCE_INTENSITY");
    assertThat(List.of(others, unknown, noCoach, othersAlerts, unknownAlerts))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
    assertThat(unknown.body()).isEqualTo(others.body()).isEqualTo(noCoach.body()).isEqualTo(unknownAlerts.body());
    assertThat(others.body()).doesNotContain("ath-b", "coach-b");
  }

  @Test
  void adminSeesEveryAthleteAndGets404ForAnUnknownOne() throws Exception {
    Server s = withAthletes();

    assertThat(s.client().get("/api/athletes/ath-a", "admin-token").statusCode()).isEqualTo(200);
    assertThat(s.client().get("/api/athletes/ath-b", "admin-token").statusCode()).isEqualTo(200);
    assertThat(s.client().get("/api/athletes/ath-nocoach", "admin-token").statusCode()).isEqualTo(200);
    assertThat(s.client().get("/api/athletes/nobody", "admin-token").statusCode()).isEqualTo(404);
  }

  @Test
  void recentAlertsComeNewestFirst() throws Exception {
    Server s = withAthletes();

    HttpResponse<String> r = s.client().get("/api/athletes/ath-a/alerts", "coach-a-token");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode alerts = json.readTree(r.body()).get("alerts");
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0).get("alertId").asText()).isEqualTo("al-2");
    assertThat(alerts.get(0).get("state").asText()).isEqualTo("RESOLVED");
  }

  @Test
  void episodeListShowsOnlyWhatTheCallerMaySee() throws Exception {
    Server s = withAthletes();

    JsonNode coachA = json.readTree(s.client().get("/api/athletes", "coach-a-token").body());
    JsonNode admin = json.readTree(s.client().get("/api/athletes", "admin-token").body());

    assertThat(coachA.get("athletes")).hasSize(1);
    assertThat(coachA.at("/athletes/0/athleteId").asText()).isEqualTo("ath-a");
    assertThat(admin.get("athletes")).hasSize(3);
    assertThat(admin.at("/athletes/0/athleteId").asText()).as("open alert first").isEqualTo("ath-a");
    assertThat(admin.get("complete").asBoolean()).isTrue();
  }

  @Test
  void allListsEveryAthleteOfTheCallerNeediestFirstWithTheOpenAlertsIdAndFirstStep() throws Exception {
    // Given coach A's athletes at every need, added out of order, and coach B's athlete with a STOP
    Server s =
        server(
            new FakeDirectory()
                .calm("a-calm", "coach-a")
                .with("a-advisory", "coach-a", Severity.ADVISORY,
                    alert("al-adv", "a-advisory", "coach-a", Severity.ADVISORY, AlertState.RAISED))
                .with("a-pain", "coach-a", null)
                .with("a-stop", "coach-a", Severity.STOP_ACTIVITY,
                    alert("al-old", "a-stop", "coach-a", Severity.REDUCE_INTENSITY, AlertState.RAISED),
                    alert("al-stop", "a-stop", "coach-a", Severity.STOP_ACTIVITY, AlertState.ESCALATED))
                .with("a-referral", "coach-a", Severity.SEEK_MEDICAL_ATTENTION)
                .with("a-reduce", "coach-a", Severity.REDUCE_INTENSITY)
                .with("b-stop", "coach-b", Severity.STOP_ACTIVITY));

    // When coach A lists all athletes, and those in an episode
    JsonNode all = json.readTree(s.client().get("/api/athletes?all=true", "coach-a-token").body());
    JsonNode episodes = json.readTree(s.client().get("/api/athletes", "coach-a-token").body());

    // Then all of coach A's, and only those, neediest first; the episode list the same without the calm one
    assertThat(all.get("athletes"))
        .extracting(n -> n.get("athleteId").asText())
        .containsExactly("a-referral", "a-stop", "a-reduce", "a-advisory", "a-pain", "a-calm");
    assertThat(all.get("athletes"))
        .extracting(n -> n.at("/need/label").asText())
        .containsExactly("Open referral", "Stop", "Reduce", "Advisory", "In pain", "OK");
    assertThat(all.get("complete").asBoolean()).isTrue();
    assertThat(episodes.get("athletes"))
        .extracting(n -> n.get("athleteId").asText())
        .containsExactly("a-referral", "a-stop", "a-reduce", "a-advisory", "a-pain");
    // And the open alert names its newest record and what to do first, with no number on a STOP
    JsonNode stop = all.at("/athletes/1/openAlert");
    assertThat(stop.get("alertId").asText()).isEqualTo("al-stop");
    assertThat(stop.get("firstStep").asText()).isEqualTo("Stop this session now");
    assertThat(all.at("/athletes/0/openAlert/firstStep").asText()).isEqualTo("See a doctor or physiotherapist before training again");
    assertThat(all.at("/athletes/0/openAlert/alertId").isNull()).as("its record aged out of the recent alerts").isTrue();
    assertThat(all.at("/athletes/5/intensity/activityLabel").asText()).isEqualTo("Walking");
    assertThat(all.at("/athletes/5/pain/label").asText()).isEqualTo("No pain");
  }

  @Test
  void aListingIsCutAt500AndSaysItIsIncomplete() throws Exception {
    FakeDirectory many = new FakeDirectory();
    for (int i = 0; i < 501; i++) {
      many.calm(String.format("ath-%03d", i), "coach-a");
    }
    Server s = server(many);

    JsonNode all = json.readTree(s.client().get("/api/athletes?all=true", "admin-token").body());

    assertThat(all.get("athletes")).hasSize(500);
    assertThat(all.get("complete").asBoolean()).isFalse();
  }

  @Test
  void allAsksTheOtherInstancesForAllTooAndOrdersAfterMerging() throws Exception {
    Server other =
        server(new FakeDirectory().calm("ath-far-calm", "coach-a").with("ath-far-stop", "coach-a", Severity.STOP_ACTIVITY));
    FakeDirectory local =
        new FakeDirectory().calm("ath-near-calm", "coach-a").with("ath-near-referral", "coach-a", Severity.SEEK_MEDICAL_ATTENTION);
    local.others.add("127.0.0.1:" + other.api().port());
    Server front = server(local);

    JsonNode list = json.readTree(front.client().get("/api/athletes?all=true", "coach-a-token").body());

    assertThat(list.get("athletes"))
        .extracting(n -> n.get("athleteId").asText())
        .containsExactly("ath-near-referral", "ath-far-stop", "ath-far-calm", "ath-near-calm");
    assertThat(list.get("complete").asBoolean()).isTrue();
  }

  @Test
  void theWordingTableIsServedToACallerWithAToken() throws Exception {
    Server s = withAthletes();

    HttpResponse<String> none = s.client().get("/api/wording", null);
    JsonNode wording = json.readTree(s.client().get("/api/wording", "coach-a-token").body());

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wording.at("/activities/HIIT").asText()).isEqualTo("HIIT");
    assertThat(wording.at("/selfCare/OTC_PAIN_RELIEF").asText()).isEqualTo("Over-the-counter pain relief");
    assertThat(wording.at("/severities/STOP_ACTIVITY").asText()).isEqualTo("Stop activity");
    assertThat(wording.at("/reasons/SHARP_PAIN_DURING_ACTIVITY").asText()).isEqualTo("Sharp pain during activity");
    assertThat(wording.at("/alertStates/UPDATED").asText()).isEqualTo("Updated");
    assertThat(wording.at("/needs/50").asText()).isEqualTo("Open referral");
    assertThat(wording.at("/zones/NEAR").asText()).isEqualTo("Near the ceiling");
  }

  @Test
  void readinessFollowsKafkaStreamsAndHealthAndMetricsNeedNoToken() throws Exception {
    Server s = withAthletes();

    state.set(null);
    HttpResponse<String> starting = s.client().get("/health/ready", null);
    state.set(KafkaStreams.State.REBALANCING);
    HttpResponse<String> rebalancing = s.client().get("/health/ready", null);
    state.set(KafkaStreams.State.RUNNING);
    HttpResponse<String> running = s.client().get("/health/ready", null);
    HttpResponse<String> live = s.client().get("/health/live", null);
    state.set(KafkaStreams.State.ERROR);
    HttpResponse<String> dead = s.client().get("/health/live", null);
    HttpResponse<String> metrics = s.client().get("/metrics", null);

    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(starting.body()).contains("STARTING");
    assertThat(rebalancing.statusCode()).isEqualTo(503);
    assertThat(rebalancing.body()).contains("REBALANCING");
    assertThat(running.statusCode()).isEqualTo(200);
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(dead.statusCode()).isEqualTo(503);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body()).contains("painguard_test_total");
  }

  @Test
  void aStuckAppIsNotReadyThenNotLiveAndSaysWhy() throws Exception {
    Server s = withAthletes();
    String problem = "input partition activity-events-3 has 4 records waiting and its committed offset has not moved for 31 s";
    AtomicReference<HealthStatus> health =
        new AtomicReference<>(new HealthStatus(true, false, "RUNNING", List.of(problem)));
    s.api().health(health::get);

    HttpResponse<String> ready = s.client().get("/health/ready", null);
    HttpResponse<String> live = s.client().get("/health/live", null);
    health.set(new HealthStatus(false, false, "RUNNING", List.of(problem)));
    HttpResponse<String> notLive = s.client().get("/health/live", null);

    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode body = json.readTree(ready.body());
    assertThat(body.get("status").asText()).isEqualTo("NOT_READY");
    assertThat(body.get("streams").asText()).isEqualTo("RUNNING");
    assertThat(body.get("problems").get(0).asText()).isEqualTo(problem);
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(notLive.statusCode()).isEqualTo(503);
    assertThat(json.readTree(notLive.body()).get("status").asText()).isEqualTo("DOWN");
  }

  @Test
  void athleteQueriesAnswer503UntilTheDirectoryCanAnswer() throws Exception {
    Server s = withAthletes();
    s.directory().everyLookup = new AthleteDirectory.Unavailable("Kafka Streams is REBALANCING.");

    HttpResponse<String> r = s.client().get("/api/athletes/ath-a", "coach-a-token");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("REBALANCING");
  }

  @Test
  void aQueryForAnotherInstancesAthleteIsForwardedWithTheCallersToken() throws Exception {
    Server owner = withAthletes();
    FakeDirectory pointing = new FakeDirectory();
    pointing.everyLookup = new AthleteDirectory.Elsewhere("127.0.0.1:" + owner.api().port());
    Server front = server(pointing);

    HttpResponse<String> own = front.client().get("/api/athletes/ath-a", "coach-a-token");
    HttpResponse<String> alerts = front.client().get("/api/athletes/ath-a/alerts", "coach-a-token");
    HttpResponse<String> others = front.client().get("/api/athletes/ath-b", "coach-a-token");
    HttpResponse<String> wrongToken = front.client().get("/api/athletes/ath-a", "guess");

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(json.readTree(own.body()).get("athleteId").asText()).isEqualTo("ath-a");
    assertThat(json.readTree(alerts.body()).get("alerts")).hasSize(2);
    assertThat(others.statusCode()).isEqualTo(403);
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(owner.directory().asked).containsExactly("ath-a", "ath-a", "ath-b");
  }

  @Test
  void aForwardedQueryIsNeverForwardedAgain() throws Exception {
    FakeDirectory loopB = new FakeDirectory();
    Server b = server(loopB);
    FakeDirectory loopA = new FakeDirectory();
    loopA.everyLookup = new AthleteDirectory.Elsewhere("127.0.0.1:" + b.api().port());
    Server a = server(loopA);
    loopB.everyLookup = new AthleteDirectory.Elsewhere("127.0.0.1:" + a.api().port());

    HttpResponse<String> r = a.client().get("/api/athletes/ath-a", "admin-token");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(loopA.asked).hasSize(1);
    assertThat(loopB.asked).hasSize(1);
  }

  @Test
  void episodeListMergesTheOtherInstances() throws Exception {
    Server other = server(new FakeDirectory().with("ath-far", "coach-a", Severity.STOP_ACTIVITY));
    FakeDirectory local = new FakeDirectory().with("ath-near", "coach-a", null);
    local.others.add("127.0.0.1:" + other.api().port());
    local.others.add("127.0.0.1:1"); // gone
    Server front = server(local);

    JsonNode list = json.readTree(front.client().get("/api/athletes", "coach-a-token").body());

    assertThat(list.get("athletes")).extracting(n -> n.get("athleteId").asText()).containsExactly("ath-far", "ath-near");
    assertThat(list.get("complete").asBoolean()).isFalse();
  }

  @Test
  void eventStreamDeliversToEachCallerWhatItMaySee() throws Exception {
    Server s = withAthletes();
    ApiClient.EventStream admin = s.client().stream("/api/alerts/stream", "admin-token");
    ApiClient.EventStream coachA = s.client().stream("/api/alerts/stream?access_token=coach-a-token", null);
    ApiClient.EventStream coachB = s.client().stream("/api/alerts/stream?access_token=coach-b-token", null);
    awaitSubscribers(s.hub(), 3);

    s.hub().publish(AlertView.of(alert("al-9", "ath-a", "coach-a", Severity.STOP_ACTIVITY, AlertState.ESCALATED)));
    s.hub().publish(AlertView.of(alert("al-10", "ath-b", "coach-b", Severity.ADVISORY, AlertState.RAISED)));

    assertThat(admin.status()).isEqualTo(200);
    ApiClient.Event seen = coachA.next(Duration.ofSeconds(5));
    assertThat(seen).isNotNull();
    assertThat(seen.name()).isEqualTo("alert");
    assertThat(seen.id()).isEqualTo("al-9");
    assertThat(json.readTree(seen.data()).get("severity").asText()).isEqualTo("STOP_ACTIVITY");
    assertThat(coachB.await("al-10", Duration.ofSeconds(5))).isNotNull();
    assertThat(admin.await("al-9", Duration.ofSeconds(5))).isNotNull();
    assertThat(admin.await("al-10", Duration.ofSeconds(5))).isNotNull();
    assertThat(coachA.next(Duration.ofMillis(300))).as("coach A never sees coach B's athlete").isNull();
  }

  @Test
  void eventStreamReplaysRecentAlertsAndSendsHeartbeats() throws Exception {
    Server s = withAthletes();
    s.hub().publish(AlertView.of(alert("al-old", "ath-a", "coach-a", Severity.ADVISORY, AlertState.RAISED)));

    ApiClient.EventStream late = s.client().stream("/api/alerts/stream", "coach-a-token");

    assertThat(late.await("al-old", Duration.ofSeconds(5))).isNotNull();
    assertThat(late.nextComment(Duration.ofSeconds(5))).isEqualTo("connected");
    assertThat(late.nextComment(Duration.ofSeconds(5))).isEqualTo("keepalive");
  }

  @Test
  void eventStreamRefusesAMissingOrWrongToken() throws Exception {
    Server s = withAthletes();

    assertThat(s.client().stream("/api/alerts/stream", null).status()).isEqualTo(401);
    assertThat(s.client().stream("/api/alerts/stream?access_token=guess", null).status()).isEqualTo(401);
    assertThat(s.hub().size()).isZero();
  }

  @Test
  void dashboardIsServedWithAStrictContentSecurityPolicyAndItsChartLibrary() throws Exception {
    Server s = withAthletes();

    HttpResponse<String> page = s.client().get("/?token=whatever", null);
    HttpResponse<String> script = s.client().get("/dashboard/js/main.js", null);
    HttpResponse<String> chart = s.client().get("/webjars/uplot/dist/uPlot.iife.min.js", null);
    HttpResponse<String> icon = s.client().get("/dashboard/favicon.svg", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>PainGuard coach dashboard</title>", "not a diagnosis");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("EventSource");
    assertThat(script.headers().firstValue("Content-Type").orElse("")).as("a module needs a JavaScript type").contains("javascript");
    // uPlot from its webjar, without the version in the path, and an icon so no load ends in a 404
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.body()).contains("uPlot");
    assertThat(page.body()).contains("/webjars/uplot/dist/uPlot.iife.min.js", "/dashboard/favicon.svg");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type").orElse("")).contains("svg");
  }

  private static void awaitSubscribers(AlertStreamHub hub, int n) {
    await(n + " subscribers").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
        .until(hub::size, size -> size >= n);
    assertThat(hub.size()).isEqualTo(n);
  }

  @Test
  void anAcknowledgementIsWrittenWithTheTokensCallerAndAnsweredOnceTheDirectoryShowsIt() throws Exception {
    // Given a log that the directory follows at once, as the owner's store does
    Server s = withAthletes();
    List<io.painguard.events.AlertAcknowledgement> written = new ArrayList<>();
    s.api().acknowledgements(record -> {
      written.add(record);
      AthleteDirectory.Found before = s.directory().athletes.get(record.getAthleteId());
      s.directory().athletes.put(record.getAthleteId(), new AthleteDirectory.Found(before.status(), before.recentAlerts(),
          before.acknowledgements().with(io.painguard.topology.Acknowledgement.of(record))));
    });

    // When coach A acknowledges, claiming in the body to be coach B
    HttpResponse<String> posted = s.client().post("/api/athletes/ath-a/alerts/al-1/acknowledgements", "coach-a-token",
        "{\"note\": \" on it \", \"acknowledgedBy\": \"coach-b\"}");

    // Then 201, by coach A, the note trimmed; the GET shows it on the alert and on the open alert
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(written).singleElement().satisfies(r -> {
      assertThat(r.getAcknowledgedBy()).isEqualTo("coach-a");
      assertThat(r.getNote()).isEqualTo("on it");
      assertThat(r.getAthleteId()).isEqualTo("ath-a");
    });
    JsonNode alerts = json.readTree(s.client().get("/api/athletes/ath-a/alerts", "coach-a-token").body());
    assertThat(alerts.at("/alerts/1/alertId").asText()).isEqualTo("al-1");
    assertThat(alerts.at("/alerts/1/acknowledgements/0/note").asText()).isEqualTo("on it");
    assertThat(alerts.at("/alerts/0/acknowledgements")).isEmpty();
  }

  @Test
  void aWriteThatFailsIs503AndOneNotYetReadableIs202() throws Exception {
    // Given a log that refuses, then one the directory never shows
    Server s = withAthletes();
    s.api().acknowledgements(record -> {
      throw new IllegalStateException("The acknowledgement could not be written to topic 'x' (timeout); try again.");
    });
    HttpResponse<String> failed = s.client().post("/api/athletes/ath-a/alerts/al-1/acknowledgements", "admin-token", "{}");
    s.api().acknowledgements(record -> { });
    HttpResponse<String> pending = s.client().post("/api/athletes/ath-a/alerts/al-1/acknowledgements", "admin-token", "");

    // Then
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(json.readTree(failed.body()).get("message").asText()).contains("try again");
    assertThat(pending.statusCode()).isEqualTo(202);
    assertThat(json.readTree(pending.body()).get("acknowledgedBy").asText()).isEqualTo("admin");
  }
}
