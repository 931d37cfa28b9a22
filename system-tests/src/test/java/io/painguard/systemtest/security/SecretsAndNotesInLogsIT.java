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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Secrets and health data stay out of the logs. The app and the simulator run as child JVMs with
 * every secret a deployment has (a SASL JAAS config with a password, a truststore password, the
 * registry's {@code basic.auth.user.info}, HTTP bearer tokens) and the simulator sends a pain
 * report with a distinctive free-text note. Every line both print at INFO -- Kafka's own config
 * dumps included -- and the app's /metrics are searched: no secret, no note.
 */
@Order(40)
class SecretsAndNotesInLogsIT {

  static final String JAAS_PASSWORD = "jaas-Pa55-7f3e9c";
  static final String TRUSTSTORE_PASSWORD = "trust-Pa55-b41d20";
  static final String REGISTRY_PASSWORD = "registry-Pa55-0c8a77";
  static final String HTTP_TOKEN = "http-token-5e91d2f4a8";
  static final String NOTE = "Zebra-quartz note: my back twinges when I lift the kettle 4711";

  @Test
  void noSecretAndNoPainNoteAppearsInAnyLogOrDump() throws Exception {
    SystemStack stack = SystemStack.shared();
    TopicNames topics = stack.topics("secrets");
    Map<String, String> settings = stack.appSettings("pg-secrets", topics, "alerts-secrets", "dlq-secrets");
    // Secrets a SASL_SSL deployment configures; on this PLAINTEXT listener Kafka ignores them, but
    // they pass through every layer that could print them.
    settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
    settings.put("kafka.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"painguard\" password=\"" + JAAS_PASSWORD + "\";");
    settings.put("kafka.ssl.truststore.password", TRUSTSTORE_PASSWORD);
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
      ChildJvm simulator = ChildJvm.start(
          "simulator", "io.painguard.simulator.cli.SimulateCommand",
          List.of("--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl(),
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
        String metrics = app.get("/metrics", HTTP_TOKEN);
        app.terminate(Duration.ofSeconds(60));

        String logs = app.logs() + simulator.log() + metrics;
        for (String secret : List.of(JAAS_PASSWORD, TRUSTSTORE_PASSWORD, REGISTRY_PASSWORD, HTTP_TOKEN)) {
          assertThat(logs).as("a secret in the logs or /metrics").doesNotContain(secret);
        }
        assertThat(logs).as("the pain note in the logs").doesNotContain(NOTE).doesNotContain("Zebra-quartz");
        assertThat(app.logs()).as("the app's config dump shows the keys, masked").contains("sasl.jaas.config");
        Figures.record("secrets-in-logs", "0 secrets and 0 pain notes in " + logs.lines().count() + " lines of app and simulator logs and /metrics");
      } finally {
        simulator.close();
        Leftovers.deleteTree(scenario.getParent());
      }
    }
  }
}
