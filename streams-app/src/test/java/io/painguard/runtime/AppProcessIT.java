package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.runtime.http.ApiClient;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as operators run it -- {@code java -jar painguard-streams-app.jar}, configured by
 * environment variables and flags -- in a child JVM: Given it is running against the stack, When
 * an athlete overexerts and the process gets SIGTERM, Then it served the alert, shut down cleanly
 * within the timeout, and its log never showed a token or a pain note.
 */
@KafkaStackTest
class AppProcessIT {

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

  /** The shaded jar next to the test classes, or the test classpath when it was not built. */
  static List<String> javaCommand() throws Exception {
    Path testClasses = Path.of(AppProcessIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = testClasses.getParent().resolve("painguard-streams-app.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // C1 only: a short-lived test JVM starts faster and leaves CPU to the rest of the build.
    if (Files.isRegularFile(jar)) {
      return new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    }
    return new ArrayList<>(
        List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), AppCommand.class.getName()));
  }

  @Test
  void runsFromTheJarAndStopsCleanlyOnSigterm(KafkaStack stack, @TempDir Path dir) throws Exception {
    // Given topics of our own (made by the helper's twin: created here, named through the environment)
    String run = Long.toHexString(System.nanoTime());
    String[] contract = AppUnderTest.CONTRACT;
    List<String> command = javaCommand();
    command.addAll(
        List.of(
            "--bootstrap", stack.bootstrapServers(),
            "--registry", stack.schemaRegistryUrl(),
            "--http-port", "0",
            "--state-dir", dir.resolve("state").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("PAINGUARD_"));
    for (String topic : contract) {
      stack.createTopic(topic + "-" + run, 2);
      env.put("PAINGUARD_TOPICS_" + topic.toUpperCase().replace('-', '_'), topic + "-" + run);
    }
    env.put("PAINGUARD_KAFKA_APPLICATION_ID", "painguard-process-" + run);
    env.put("PAINGUARD_HTTP_HOST", "127.0.0.1");
    env.put("PAINGUARD_HTTP_TOKENS", AppUnderTest.ADMIN + "=admin");
    env.put("PAINGUARD_SHUTDOWN_TIMEOUT", "20s");
    stack.clientProperties().forEach(
        (k, v) -> env.put("PAINGUARD_KAFKA_" + k.toUpperCase().replace('.', '_'), String.valueOf(v)));

    // When it starts
    process = builder.start();
    int port = awaitPort();
    ApiClient client = new ApiClient(port);
    await("/health/ready 200").atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
        .until(() -> client.get("/health/ready", null).statusCode() == 200);

    // and an athlete overexerts
    try (var producer = new EpisodeProducer(stack, run)) {
      producer.painfulHardRun("cai-" + run, "coach-a");
    }
    HttpResponse<String> alerts =
        await("cai's alert").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
            .until(() -> withAlerts(client.get("/api/athletes/cai-" + run + "/alerts", AppUnderTest.ADMIN)),
                Objects::nonNull);
    JsonNode alert = json.readTree(alerts.body()).at("/alerts/0");
    assertThat(alert.get("severity").asText()).isEqualTo("REDUCE_INTENSITY");

    // and then gets SIGTERM
    // (Process.destroy() would also close our end of its output, losing the shutdown log.)
    process.toHandle().destroy();
    boolean exited = process.waitFor(30, TimeUnit.SECONDS);

    // Then it stopped cleanly, and nothing secret or private reached the log
    assertThat(exited).as("exited within 30 s of SIGTERM").isTrue();
    assertThat(process.exitValue()).isEqualTo(143);
    drain.join(5000); // the last lines may still be in the pipe
    String log = log();
    assertThat(log).contains("PainGuard stopped").contains("painguard.http.tokens=[hidden]");
    assertThat(log).doesNotContain(AppUnderTest.ADMIN).doesNotContain(EpisodeProducer.NOTE);
    client.close();
  }

  private int awaitPort() throws Exception {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    drain =
        new Thread(
            () -> {
              try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                  }
                }
              } catch (Exception e) {
                // process ended
              }
            },
            "app-output");
    drain.setDaemon(true);
    drain.start();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (output) {
      while (System.nanoTime() < deadline) {
        for (String line : output) {
          Matcher m = STARTED.matcher(line);
          if (m.find()) {
            return Integer.parseInt(m.group(1));
          }
        }
        if (!process.isAlive()) {
          break;
        }
        output.wait(200);
      }
    }
    throw new AssertionError("The app did not start:\n" + log());
  }

  /** The answer if it lists at least one alert, else null (Awaitility's predicates cannot throw). */
  private HttpResponse<String> withAlerts(HttpResponse<String> answer) throws Exception {
    boolean any = answer.statusCode() == 200 && json.readTree(answer.body()).get("alerts").size() > 0;
    return any ? answer : null;
  }

  private String log() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

}
