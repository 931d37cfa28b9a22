package io.painguard.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ExertionAlert;
import io.painguard.registry.KafkaSchemaStore;
import io.painguard.registry.SchemaStoreException;
import io.painguard.runtime.PainGuardApp;
import io.painguard.runtime.StartupException;
import io.painguard.runtime.config.AppConfig;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.cli.SimulateCommand;
import io.painguard.stack.LocalStack;
import io.painguard.stack.kafka.BrokerSecurity;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.Leftovers;
import io.painguard.systemtest.support.SystemStack;
import io.painguard.systemtest.support.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The broker's client listener is SASL_SSL (SCRAM-SHA-512 over TLS with a generated certificate).
 * The app, the simulator and the registry's Kafka storage connect with credentials from their
 * configuration -- and each of them, and a raw Kafka client, is refused without them or with a
 * wrong password.
 */
@Order(35)
class SaslSslIT {

  static final String USER = "painguard-svc";
  static final String PASSWORD = "sasl-Pa55-91c3e7";
  static final String REGISTRY_USER = "painguard-registry";
  static final String REGISTRY_PASSWORD = "reg-Pa55-0c4e2a";
  static final String WRONG_JAAS = BrokerSecurity.scramJaasConfig(USER, "not-the-password");
  /**
   * How long a client that reaches the listener with a wrong password or without the truststore
   * gets to be told so (kept short: the suite waits). It is an answer, not a timeout, so it needs
   * room for a TLS handshake and a SCRAM exchange on a busy machine.
   */
  static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(4);
  /**
   * How long a plaintext client (no SASL, no TLS) is given before "nothing answers" counts as
   * refused. The TLS listener never answers it at all -- every attempt ends the same way, whether
   * it is given 2 s or 4 s -- so the shorter window keeps the check's meaning and spares the suite
   * 2 s for each of the five such clients here.
   */
  static final Duration NO_ANSWER_TIMEOUT = Duration.ofSeconds(2);

  static SystemStack stack;
  static long stackStartMillis;

  @BeforeAll
  static void startSecuredStack() {
    long started = System.nanoTime();
    // Starting at all proves the registry's storage connected: LocalStack opens the schema store
    // on _schemas with the same credentials-bearing client properties, then registers the contract.
    stack = SystemStack.start(LocalStack.builder().security(BrokerSecurity.saslSsl(USER, PASSWORD))
        .registryCredentials(REGISTRY_USER, REGISTRY_PASSWORD).shutdownHook(false));
    stackStartMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  @AfterAll
  static void stopSecuredStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void appAndSimulatorConnectWithCredentialsAndAnAlertIsWritten() throws Exception {
    // Given app settings that carry the credentials as kafka.* configuration
    TopicNames topics = stack.topics("sasl");
    Map<String, String> settings = appSettings(topics, "alerts-sasl", "dlq-sasl");
    assertThat(settings)
        .containsEntry("kafka.security.protocol", "SASL_SSL")
        .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512")
        .containsKeys("kafka.sasl.jaas.config", "kafka.ssl.truststore.location", "kafka.ssl.truststore.password");
    Path stateDir = Path.of(settings.get("kafka.state.dir"));
    long started = System.nanoTime();
    try (PainGuardApp app = PainGuardApp.start(AppConfig.of(settings))) {
      assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("app RUNNING over SASL_SSL").isTrue();
      long runningMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

      // When the simulator plays an overexertion episode with credentials given as -P
      Output sim = simulate(topics, "20s", securityArguments(PASSWORD));

      // Then its records arrive, and the app writes the episode's alert (read_committed, SASL_SSL)
      assertThat(sim.exit).as("simulator exit status; stderr: " + sim.err + " stdout: " + sim.out).isZero();
      assertThat(Topics.readAll(stack.clientProperties(), topics.activity(), Duration.ofSeconds(30))).isNotEmpty();
      assertThat(Topics.readAll(stack.clientProperties(), topics.pain(), Duration.ofSeconds(30))).hasSize(1);
      List<ExertionAlert> alerts = new ArrayList<>();
      Await.until("the severe-pain alert on alerts-sasl", Duration.ofSeconds(60), () -> {
        alerts.clear();
        alerts.addAll(Topics.alerts(stack.clientProperties(), stack.registryUrl(), "alerts-sasl", Duration.ofSeconds(20)));
        return !alerts.isEmpty();
      });
      assertThat(alerts).extracting(ExertionAlert::getAthleteId).contains("cyclist-severe-pain");
      Figures.record("sasl-ssl", "stack with SASL_SSL up in " + stackStartMillis + " ms; app RUNNING over SASL_SSL in "
          + runningMillis + " ms; " + alerts.size() + " alert(s) from the simulated episode");
    } finally {
      Leftovers.deleteTree(stateDir.getParent());
    }
  }

  @Test
  void theAppRefusesToStartWithoutCredentialsOrWithAWrongPassword() {
    TopicNames topics = stack.topics("sasl-refused");
    Map<String, String> withoutCredentials = appSettings(topics, "alerts-sasl-refused", "dlq-sasl-refused");
    withoutCredentials.keySet().removeIf(k -> k.startsWith("kafka.sasl.") || k.startsWith("kafka.ssl.") || k.equals("kafka.security.protocol"));
    Map<String, String> wrongPassword = appSettings(topics, "alerts-sasl-refused", "dlq-sasl-refused");
    wrongPassword.put("kafka.sasl.jaas.config", WRONG_JAAS);
    List<String> messages = new ArrayList<>();
    try {
      withoutCredentials.put("painguard.startup.timeout", NO_ANSWER_TIMEOUT.toSeconds() + "s");
      wrongPassword.put("painguard.startup.timeout", REFUSAL_TIMEOUT.toSeconds() + "s");
      for (Map<String, String> settings : List.of(withoutCredentials, wrongPassword)) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> PainGuardApp.start(AppConfig.of(settings)).close())
            .isInstanceOf(StartupException.class)
            .satisfies(e -> {
              assertThat(e.getMessage()).doesNotContain("\n").contains(stack.bootstrapServers());
              assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain("not-the-password");
              messages.add(e.getMessage());
            });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(REFUSAL_TIMEOUT.plusSeconds(20));
      }
      Figures.record("sasl-ssl-app-refused", String.join(" | ", messages));
    } finally {
      Leftovers.deleteTree(Path.of(withoutCredentials.get("kafka.state.dir")).getParent());
      Leftovers.deleteTree(Path.of(wrongPassword.get("kafka.state.dir")).getParent());
    }
  }

  @Test
  void rawClientsAreRefusedWithoutSaslWithoutTheTruststoreOrWithAWrongPassword() {
    // A plaintext admin and consumer: the TLS listener never answers them
    Map<String, Object> plaintext = refusedClient(Map.of());
    try (Admin admin = Admin.create(plaintext)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
    }
    Map<String, Object> consumerProps = new HashMap<>(plaintext);
    consumerProps.put("group.id", "sasl-refused-consumer");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      assertThatThrownBy(() -> consumer.partitionsFor("pain-reports", NO_ANSWER_TIMEOUT)).isInstanceOf(TimeoutException.class);
    }

    // The right password but without the truststore: the self-signed certificate is rejected
    Map<String, Object> noTruststore = new HashMap<>(stack.clientProperties());
    noTruststore.keySet().removeIf(k -> k.startsWith("ssl.truststore."));
    noTruststore.putAll(timeouts());
    try (Admin admin = Admin.create(noTruststore)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SslAuthenticationException.class);
    }

    // TLS right, password wrong: SCRAM authentication fails
    Map<String, Object> wrong = new HashMap<>(stack.clientProperties());
    wrong.put("sasl.jaas.config", WRONG_JAAS);
    wrong.putAll(timeouts());
    try (Admin admin = Admin.create(wrong)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void theSimulatorIsRefusedWithoutCredentialsOrWithAWrongPasswordWithOneLine() {
    TopicNames topics = new TopicNames("sasl-sim-activity", "sasl-sim-pain", "sasl-sim-profiles");
    Output without = simulate(topics, NO_ANSWER_TIMEOUT.toSeconds() + "s", List.of());
    Output wrong = simulate(topics, REFUSAL_TIMEOUT.toSeconds() + "s", securityArguments("not-the-password"));
    for (Output refused : List.of(without, wrong)) {
      assertThat(refused.exit).as(refused.err).isEqualTo(SimulateCommand.EXIT_CONFIG);
      assertThat(refused.err.strip()).startsWith("simulate: ").doesNotContain("\n").doesNotContain("not-the-password");
    }
    Figures.record("sasl-ssl-simulator-refused", "exit 2: " + without.err.strip() + " | " + wrong.err.strip());
  }

  @Test
  void theRegistryStoresSchemasThroughSaslSslAndItsStoreIsRefusedWithoutCredentials() throws Exception {
    // Given the running stack (its registry opened _schemas with the credentials)...
    assertThat(stack.stack().contractSchemaIds()).isNotEmpty();

    // When a new schema is registered over HTTP, with the registry's credentials
    String subject = "sasl-check-value";
    HttpResponse<String> response = registry("POST", "/subjects/" + subject + "/versions",
        "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"SaslCheck\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}",
        REGISTRY_USER + ":" + REGISTRY_PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    // Then it is in the Kafka topic: a store opened with the credentials reads it back
    try (KafkaSchemaStore reread = KafkaSchemaStore.open(stack.clientProperties(), LocalStack.SCHEMAS_TOPIC)) {
      assertThat(reread.state().subjectNames()).contains(subject);
    }

    // And the store cannot be opened without credentials, or with a wrong password
    assertThatThrownBy(() -> KafkaSchemaStore.open(refusedClient(Map.of()), LocalStack.SCHEMAS_TOPIC).close())
        .isInstanceOf(SchemaStoreException.class)
        .hasMessageContaining(stack.bootstrapServers());
    Map<String, Object> wrong = new HashMap<>(stack.clientProperties());
    wrong.put("sasl.jaas.config", WRONG_JAAS);
    wrong.putAll(timeouts());
    assertThatThrownBy(() -> KafkaSchemaStore.open(wrong, LocalStack.SCHEMAS_TOPIC).close())
        .isInstanceOf(SchemaStoreException.class)
        .hasMessageContaining("Authentication failed");
  }

  @Test
  void theSecuredStacksRegistryRefusesWritesWithoutItsCredentials() throws Exception {
    // Deleting the contract's subject or relaxing compatibility, without or with wrong credentials
    String wrong = REGISTRY_USER + ":not-" + REGISTRY_PASSWORD;
    List<HttpResponse<String>> refused = List.of(
        registry("DELETE", "/subjects/pain-reports-value", null, null),
        registry("DELETE", "/subjects/pain-reports-value/versions/1", null, wrong),
        registry("PUT", "/config", "{\"compatibility\":\"NONE\"}", null),
        registry("POST", "/subjects/pain-reports-value/versions", "{\"schema\":\"\\\"string\\\"\"}", wrong));

    // Then each is refused with Confluent's 401, and nothing changed
    assertThat(refused).allSatisfy(r -> {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
    });
    assertThat(registry("GET", "/subjects/pain-reports-value/versions", null, null).body()).isEqualTo("[1]");
    assertThat(registry("GET", "/config", null, null).body()).contains("BACKWARD");
  }

  private static HttpResponse<String> registry(String method, String path, String body, String userInfo) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.registryUrl() + path))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (userInfo != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The stack's app settings (credentials included), with its own state directory and HTTP port 0. */
  private static Map<String, String> appSettings(TopicNames topics, String alerts, String deadLetters) {
    Map<String, String> settings = stack.appSettings("pg-" + alerts, topics, alerts, deadLetters);
    settings.put("kafka.state.dir", Leftovers.newTempDir(alerts).resolve("state").toString());
    settings.put("painguard.http.port", "0");
    settings.put("painguard.http.host", "127.0.0.1");
    settings.put("painguard.startup.timeout", "20s");
    return settings;
  }

  /**
   * {@code -P} arguments for the simulator: the stack's security settings with this password, and
   * the registry's credentials (it registers its schemas).
   */
  private static List<String> securityArguments(String password) {
    List<String> args = new ArrayList<>();
    stack.stack().registryClientProperties().forEach((key, value) -> {
      args.add("-P");
      args.add(key + "=" + value);
    });
    stack.clientProperties().forEach((key, value) -> {
      if (!key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
        String v = key.equals("sasl.jaas.config") ? BrokerSecurity.scramJaasConfig(USER, password) : String.valueOf(value);
        args.add("-P");
        args.add(key + "=" + v);
      }
    });
    return args;
  }

  private static Output simulate(TopicNames topics, String checkTimeout, List<String> extra) {
    List<String> args = new ArrayList<>(List.of(
        "--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl(),
        "--scenario", "severe-pain", "--time-mode", "asFastAsPossible", "--start", "now-15m",
        "--check-timeout", checkTimeout,
        "--activity-topic", topics.activity(), "--pain-topic", topics.pain(), "--profile-topic", topics.profile()));
    args.addAll(extra);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = SimulateCommand.execute(o, e, args.toArray(String[]::new));
    }
    return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Plain (no TLS, no SASL) client settings, with the no-answer timeouts, plus {@code extra}. */
  private static Map<String, Object> refusedClient(Map<String, Object> extra) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.putAll(timeouts(NO_ANSWER_TIMEOUT));
    props.putAll(extra);
    return props;
  }

  private static Map<String, Object> timeouts() {
    return timeouts(REFUSAL_TIMEOUT);
  }

  private static Map<String, Object> timeouts(Duration timeout) {
    int ms = (int) timeout.toMillis();
    return Map.of(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms,
        "max.block.ms", ms);
  }

  private record Output(int exit, String out, String err) {}
}
