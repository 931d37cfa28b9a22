package io.painguard.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ExertionAlert;
import io.painguard.simulator.TopicNames;
import io.painguard.systemtest.support.AppInstance;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.ChildJvm;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.Leftovers;
import io.painguard.systemtest.support.SystemStack;
import io.painguard.systemtest.support.Topics;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Secrets and health data stay out of the logs. The app, the simulator and a SASL_SSL stack run as
 * child JVMs with every secret a deployment has -- a SASL JAAS config with a password, a truststore
 * password, the registry's {@code basic.auth.user.info}, a registry URL carrying {@code
 * user:password@} and {@code ?access_token=}, HTTP bearer tokens (one sent as the event stream's
 * {@code ?access_token=}), the broker's SCRAM password -- and the simulator sends a pain report with
 * a distinctive free-text note, and a coach acknowledges the alert with another (once accepted,
 * once refused as too long). Every line they print at INFO -- Kafka's own config dumps included
 * -- and the app's /metrics are searched for each secret value and for the note.
 */
@Order(40)
class SecretsAndNotesInLogsIT {

  static final String JAAS_PASSWORD = "jaas-Pa55-7f3e9c";
  static final String TRUSTSTORE_PASSWORD = "trust-Pa55-b41d20";
  static final String REGISTRY_PASSWORD = "registry-Pa55-0c8a77";
  static final String URL_PASSWORD = "url-Pa55-3d9a61";
  static final String URL_TOKEN = "url-token-a7c2e0";
  static final String HTTP_TOKEN = "http-token-5e91d2f4a8";
  static final String STACK_PASSWORD = "stack-Pa55-5b7e13";
  static final String NOTE = "Zebra-quartz note: my back twinges when I lift the kettle 4711";
  static final String ACK_NOTE = "Okapi-basalt note: spoke to her, she sees her physio on Friday 9932";

  static final List<String> APP_AND_SIMULATOR_SECRETS =
      List.of(JAAS_PASSWORD, TRUSTSTORE_PASSWORD, REGISTRY_PASSWORD, URL_PASSWORD, URL_TOKEN, HTTP_TOKEN);

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void noSecretAndNoPainNoteAppearsInTheAppsOrTheSimulatorsLogsOrMetrics() throws Exception {
    SystemStack stack = SystemStack.shared();
    TopicNames topics = stack.topics("secrets");
    String registry = URI.create(stack.registryUrl()).getAuthority();
    // The registry ignores credentials; the URL carries them only so that every layer sees them.
    String registryWithCredentials = "http://painguard:" + URL_PASSWORD + "@" + registry + "/?access_token=" + URL_TOKEN;
    Map<String, String> settings = stack.appSettings("pg-secrets", topics, "alerts-secrets", "dlq-secrets");
    // Secrets a SASL_SSL deployment configures; on this PLAINTEXT listener Kafka ignores them, but
    // they pass through every layer that could print them.
    settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
    settings.put("kafka.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"painguard\" password=\"" + JAAS_PASSWORD + "\";");
    settings.put("kafka.ssl.truststore.password", TRUSTSTORE_PASSWORD);
    settings.put("schema.registry.url", registryWithCredentials);
    settings.put("basic.auth.credentials.source", "USER_INFO");
    settings.put("basic.auth.user.info", "painguard:" + REGISTRY_PASSWORD);
    settings.put("painguard.http.tokens", HTTP_TOKEN + "=admin");

    Path scenario = Leftovers.newTempDir("secrets-scenario").resolve("note.yaml");
    Files.writeString(scenario, String.join("\n",
        "name: secret-note",
        "timeMode: asFastAsPossible",
        "start: now-10m",
        "athletes:",
        "  - id: note-athlete",
        "    activities:",
        "      - {activity: WALKING, duration: 30s}",
        "    painReports:",
        "      - at: 5s",
        "        level: 5",
        "        sensations: [PINS_AND_NEEDLES]",
        "        note: \"" + NOTE + "\"",
        ""), StandardCharsets.UTF_8);

    try (AppInstance app = AppInstance.create("secrets", settings)) {
      app.start().awaitReady(Duration.ofSeconds(60));
      // The dashboard's way in: the token in the query string, which request logs would show.
      assertThat(openEventStream(app, HTTP_TOKEN)).as("the event stream's first line").startsWith(":").contains("connected");
      ChildJvm simulator = ChildJvm.start(
          "simulator", "io.painguard.simulator.cli.SimulateCommand",
          List.of("--bootstrap", stack.bootstrapServers(), "--registry", registryWithCredentials,
              "--scenario", scenario.toString(), "--check-timeout", "30s",
              "--activity-topic", topics.activity(), "--pain-topic", topics.pain(), "--profile-topic", topics.profile(),
              "-P", "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"sim\" password=\"" + JAAS_PASSWORD + "\";",
              "-P", "ssl.truststore.password=" + TRUSTSTORE_PASSWORD,
              "-P", "basic.auth.user.info=sim:" + REGISTRY_PASSWORD),
          Map.of(), scenario.resolveSibling("simulator.log"), Map.of());
      try {
        assertThat(simulator.awaitExit(Duration.ofSeconds(90))).as("simulator exit status:\n" + simulator.tail(30)).isZero();
        Await.until("the note athlete's alert", Duration.ofSeconds(60), () ->
            Topics.alerts(stack.clientProperties(), stack.registryUrl(), "alerts-secrets", Duration.ofSeconds(20)).stream()
                .map(ExertionAlert::getAthleteId).anyMatch("note-athlete"::equals));
        String alertId =
            Topics.alerts(stack.clientProperties(), stack.registryUrl(), "alerts-secrets", Duration.ofSeconds(20)).stream()
                .filter(a -> a.getAthleteId().equals("note-athlete")).findFirst().orElseThrow().getAlertId();
        assertThat(acknowledge(app, alertId, ACK_NOTE)).as("acknowledging with a note").isEqualTo(201);
        assertThat(acknowledge(app, alertId, ACK_NOTE + " " + "x".repeat(280))).as("a note too long").isEqualTo(400);
        String metrics = app.get("/metrics", HTTP_TOKEN);
        app.terminate(Duration.ofSeconds(60));

        String logs = app.logs() + simulator.log() + metrics;
        assertNoSecret(logs, APP_AND_SIMULATOR_SECRETS);
        assertThat(logs).as("the pain note in the logs").doesNotContain(NOTE).doesNotContain("Zebra-quartz");
        assertThat(logs).as("the acknowledgement's note in the logs").doesNotContain("Okapi-basalt");
        assertThat(metrics).as("the metrics were scraped").contains("painguard_sse_clients");
        assertThat(app.logs())
            .as("the app's config dump names the registry without its credentials, the secret keys masked")
            .contains("schema.registry.url=http://" + registry + "/?access_token=[hidden]")
            .contains("basic.auth.user.info=[hidden]")
            .contains("kafka.sasl.jaas.config=[hidden]")
            .as("Kafka's own config dump hides the JAAS config")
            .contains("sasl.jaas.config = [hidden]");
        Figures.record("secrets-in-logs", "0 secrets, 0 pain notes and 0 acknowledgement notes in " + logs.lines().count()
            + " lines of app and simulator logs and /metrics");
      } finally {
        simulator.close();
        Leftovers.deleteTree(scenario.getParent());
      }
    }
  }

  @Test
  void refusalsNameTheRegistryWithoutItsCredentials() throws Exception {
    SystemStack stack = SystemStack.shared();
    TopicNames topics = stack.topics("secrets-refused");
    // Nothing listens on port 1: both give up on the registry and say where they tried.
    String unreachable = "http://painguard:" + URL_PASSWORD + "@127.0.0.1:1/?access_token=" + URL_TOKEN;
    String shown = "http://127.0.0.1:1/?access_token=[hidden]";
    Map<String, String> settings = stack.appSettings("pg-secrets-refused", topics, "alerts-refused", "dlq-refused");
    settings.put("schema.registry.url", unreachable);
    settings.put("painguard.startup.timeout", "2s");

    Path log = Leftovers.newTempDir("secrets-refused").resolve("simulator.log");
    try (AppInstance app = AppInstance.create("secrets-refused", settings);
        ChildJvm simulator = ChildJvm.start(
            "simulator-refused", "io.painguard.simulator.cli.SimulateCommand",
            List.of("--bootstrap", stack.bootstrapServers(), "--registry", unreachable, "--check-timeout", "2s",
                "--athletes", "1", "--duration", "5s",
                "--activity-topic", topics.activity(), "--pain-topic", topics.pain(), "--profile-topic", topics.profile()),
            Map.of(), log, Map.of())) {
      app.start();
      assertThat(app.jvm().awaitExit(Duration.ofSeconds(90))).as("the app refuses to start:\n" + app.jvm().tail(20)).isEqualTo(2);
      assertThat(simulator.awaitExit(Duration.ofSeconds(90))).as("the simulator refuses:\n" + simulator.tail(20)).isEqualTo(2);

      String output = app.logs() + simulator.log();
      assertNoSecret(output, List.of(URL_PASSWORD, URL_TOKEN));
      assertThat(app.logs()).contains("painguard app: Cannot use the schema registry at " + shown);
      assertThat(simulator.log()).contains("simulate: Cannot use the schema registry at " + shown);
    } finally {
      Leftovers.deleteTree(log.getParent());
    }
  }

  @Test
  void noSecretAppearsInASecuredStacksLogs() throws Exception {
    Path log = Leftovers.newTempDir("secured-stack").resolve("stack.log");
    ChildJvm stack = ChildJvm.start("secured-stack", SecuredStackMain.class.getName(), List.of(), Map.of(), log,
        Map.of("STACK_USER", "painguard", "STACK_PASSWORD", STACK_PASSWORD));
    try {
      Await.until("the secured stack's registry URL", Duration.ofSeconds(180), () -> {
        if (!stack.isAlive()) {
          throw new AssertionError("the secured stack exited:\n" + stack.tail(40));
        }
        return stack.log().contains("Schema registry URL:");
      });
      Matcher ports = Pattern.compile("Kafka bootstrap servers: [^:\\s]+:(\\d+)[\\s\\S]*Schema registry URL: +http://[^:]+:(\\d+)")
          .matcher(stack.log());
      assertThat(ports.find()).as("the stack printed its addresses:\n" + stack.tail(5)).isTrue();
      Leftovers.port(Integer.parseInt(ports.group(1)));
      Leftovers.port(Integer.parseInt(ports.group(2)));
      stack.terminate();
      assertThat(stack.awaitExit(Duration.ofSeconds(60))).as("exit status after SIGTERM").isIn(0, 143);

      String logs = stack.log();
      assertNoSecret(logs, List.of(STACK_PASSWORD));
      assertThat(logs).as("the broker and the registry's store logged their SASL_SSL client settings")
          .contains("security.protocol = SASL_SSL")
          .contains("sasl.jaas.config = [hidden]");
      // The store and key passwords are random per run, so they are looked for by shape instead.
      assertThat(Pattern.compile("(?i)password\\s*=\\s*(?!\\[hidden]|null\\b)\\S").matcher(logs).find())
          .as("a password = <value> other than [hidden] or null").isFalse();
      Figures.record("secrets-in-stack-logs", "0 secrets in " + logs.lines().count() + " lines of a SASL_SSL stack's log");
    } finally {
      stack.close();
      Leftovers.deleteTree(log.getParent());
    }
  }

  /** Fails naming every secret found, each with the text before it (so a failure says where). */
  private static void assertNoSecret(String logs, List<String> secrets) {
    SoftAssertions.assertSoftly(softly -> {
      for (String secret : secrets) {
        softly.assertThat(logs.contains(secret)).as("secret " + secret + " in the output, after: "
            + around(logs, secret)).isFalse();
      }
    });
  }

  private static String around(String text, String secret) {
    int i = text.indexOf(secret);
    return i < 0 ? "-" : text.substring(Math.max(0, i - 200), Math.min(text.length(), i + 60));
  }

  /** Opens the alert stream with {@code ?access_token=}, reads its first line and closes it. */
  private static String openEventStream(AppInstance app, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + app.httpPort() + "/api/alerts/stream?access_token=" + token))
        .header("Accept", "text/event-stream")
        .timeout(Duration.ofSeconds(10))
        .GET()
        .build();
    HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      assertThat(response.statusCode()).isEqualTo(200);
      StringBuilder line = new StringBuilder();
      for (int c = body.read(); c >= 0 && c != '\n'; c = body.read()) {
        line.append((char) c);
      }
      return line.toString();
    }
  }

  /** POSTs an acknowledgement of the note athlete's alert as the admin; returns the status. */
  private static int acknowledge(AppInstance app, String alertId, String note) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + app.httpPort() + "/api/athletes/note-athlete/alerts/" + alertId
                + "/acknowledgements"))
        .header("Authorization", "Bearer " + HTTP_TOKEN)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"" + note + "\"}"))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
