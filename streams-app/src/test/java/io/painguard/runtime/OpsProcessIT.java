package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.runtime.http.ApiClient;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator scrapes, collects and reads from the app as it ships ({@code java -jar}, in a
 * child JVM): JSON log lines when {@code PAINGUARD_LOG_FORMAT=json}, the JVM's and the process's
 * metrics beside Kafka's and PainGuard's, and the API's description and page without a token.
 */
@KafkaStackTest
class OpsProcessIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern STARTED = Pattern.compile("dashboard on port (\\d+)");
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> output = new ArrayList<>();
  private Process process;
  private Thread drain;

  @AfterEach
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void jsonLogsMetricsAndTheApiDescriptionOfARunningApp(KafkaStack stack, @TempDir Path dir) throws Exception {
    // Given the app started from its jar with JSON logs, its own topics and an admin token
    String run = Long.toHexString(System.nanoTime());
    ProcessBuilder builder = app(stack, dir);
    Map<String, String> env = builder.environment();
    for (String topic : AppUnderTest.CONTRACT) {
      stack.createTopic(topic + "-" + run, 2);
      env.put("PAINGUARD_TOPICS_" + topic.toUpperCase().replace('-', '_'), topic + "-" + run);
    }
    env.put("PAINGUARD_KAFKA_APPLICATION_ID", "painguard-ops-" + run);
    env.put("PAINGUARD_HTTP_TOKENS", AppUnderTest.ADMIN + "=admin");
    env.put("PAINGUARD_LOG_FORMAT", "json");
    process = builder.start();
    drain();
    ApiClient client = new ApiClient(awaitPort());
    await().atMost(TIMEOUT).until(() -> client.get("/health/ready", null).statusCode() == 200);

    // When an athlete overexerts, and the alert is read with the token
    try (var producer = new EpisodeProducer(stack, run)) {
      producer.painfulHardRun("dev-" + run, "coach-a");
    }
    await().atMost(TIMEOUT).until(() -> {
      HttpResponse<String> alerts = client.get("/api/athletes/dev-" + run + "/alerts", AppUnderTest.ADMIN);
      return alerts.statusCode() == 200 && json.readTree(alerts.body()).get("alerts").size() > 0;
    });

    // Then /metrics has the JVM's, the process's and the state disk's families beside Kafka's and ours
    String metrics = client.get("/metrics", null).body();
    assertThat(metrics)
        .contains("jvm_memory_used_bytes{", "jvm_gc_pause_seconds_count{", "jvm_threads_live_threads ",
            "jvm_classes_loaded_classes ", "jvm_info{", "process_cpu_usage ", "system_cpu_count ",
            "process_uptime_seconds ", "process_files_open_files ",
            "disk_free_bytes{path=\"" + dir.resolve("state").toAbsolutePath() + "\"}",
            "kafka_stream_", "kafka_consumer_", "kafka_producer_", "painguard_streams_running 1.0");

    // And the description and its page answer without a token
    HttpResponse<String> description = client.get("/openapi.json", null);
    assertThat(description.statusCode()).isEqualTo(200);
    assertThat(json.readTree(description.body()).at("/paths").has("/api/alerts/stream")).isTrue();
    assertThat(client.get("/api-docs", null).statusCode()).isEqualTo(200);
    assertThat(client.get("/api-docs/swagger-ui/swagger-ui-bundle.js", null).statusCode()).isEqualTo(200);

    // And after SIGTERM, every line the app wrote was one JSON object, none with a secret or a note
    process.toHandle().destroy();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s of SIGTERM").isTrue();
    drain.join(5000);
    List<JsonNode> lines = jsonLines();
    assertThat(lines).allSatisfy(line -> assertThat(line.has("level") && line.has("loggerName")
        && line.has("message") && line.has("timestamp")).as(line.toString()).isTrue());
    assertThat(lines).extracting(line -> line.get("message").asText())
        .contains("PainGuard stopped")
        .anySatisfy(m -> assertThat(m).startsWith("Starting PainGuard with ").contains("painguard.http.tokens=[hidden]"));
    assertThat(log()).doesNotContain(AppUnderTest.ADMIN).doesNotContain(EpisodeProducer.NOTE);
    client.close();
  }

  @Test
  void aRefusedStartIsOneJsonErrorLine(KafkaStack stack, @TempDir Path dir) throws Exception {
    // Given JSON logs and a broker address nothing listens on
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    ProcessBuilder builder = app(stack, dir);
    builder.command().addAll(List.of("--bootstrap", "127.0.0.1:" + closedPort));
    builder.environment().put("PAINGUARD_LOG_FORMAT", "json");
    builder.environment().put("PAINGUARD_STARTUP_TIMEOUT", "1s");

    // When it starts
    process = builder.start();
    drain();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    drain.join(5000);

    // Then it exits 2 and its last line is the refusal, as a JSON ERROR of AppCommand
    assertThat(process.exitValue()).isEqualTo(AppCommand.EXIT_REFUSED);
    List<JsonNode> lines = jsonLines();
    JsonNode last = lines.get(lines.size() - 1);
    assertThat(last.get("level").asText()).isEqualTo("ERROR");
    assertThat(last.get("loggerName").asText()).isEqualTo(AppCommand.class.getName());
    assertThat(last.get("message").asText()).startsWith("Kafka at 127.0.0.1:" + closedPort + " did not answer within 1 s");
  }

  /** The app's command against the stack, configured by flags and the environment only. */
  private static ProcessBuilder app(KafkaStack stack, Path dir) throws Exception {
    List<String> command = AppProcessIT.javaCommand();
    command.addAll(List.of(
        "--registry", stack.schemaRegistryUrl(),
        "--http-port", "0",
        "--state-dir", dir.resolve("state").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("PAINGUARD_"));
    env.put("PAINGUARD_HTTP_HOST", "127.0.0.1");
    env.put("PAINGUARD_SHUTDOWN_TIMEOUT", "20s");
    stack.clientProperties().forEach(
        (k, v) -> env.put("PAINGUARD_KAFKA_" + k.toUpperCase().replace('.', '_'), String.valueOf(v)));
    return builder;
  }

  /** Every line of output parsed; fails on the first that is not a JSON object. */
  private List<JsonNode> jsonLines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : log().split("\n")) {
      try {
        JsonNode node = json.readTree(line);
        assertThat(node.isObject()).as("a JSON object: " + line).isTrue();
        lines.add(node);
      } catch (JsonProcessingException e) {
        throw new AssertionError("Not a JSON line: " + line, e);
      }
    }
    return lines;
  }

  private void drain() {
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    drain =
        new Thread(
            () -> {
              try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (output) {
                    output.add(line);
                  }
                }
              } catch (Exception e) {
                // process ended
              }
            },
            "app-output");
    drain.setDaemon(true);
    drain.start();
  }

  private int awaitPort() {
    int port = await().atMost(TIMEOUT).until(this::port, p -> p > 0 || !process.isAlive());
    assertThat(port).as("the app started:\n" + log()).isPositive();
    return port;
  }

  /** The port from the started line, 0 before it. */
  private int port() {
    synchronized (output) {
      for (String line : output) {
        Matcher m = STARTED.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
    }
    return 0;
  }

  private String log() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }
}
