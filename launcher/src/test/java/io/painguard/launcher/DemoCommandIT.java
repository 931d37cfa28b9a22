package io.painguard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./painguard demo} end to end in this JVM: banner, dashboard, alerts, clean stop. */
class DemoCommandIT {

  private static final Pattern DASHBOARD = Pattern.compile("http://localhost:(\\d+)/\\?token=(\\S+)");
  private static final Pattern BROKER = Pattern.compile("Kafka bootstrap: +127\\.0\\.0\\.1:(\\d+)");

  @Test
  void demoPrintsItsDashboardAndAlertsThenStopsLeavingNoPortOpen() throws Exception {
    // Given the demo on free ports, its output captured
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    DemoCommand demo = new DemoCommand(out);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<Integer> exit =
        runner.submit(
            () -> new CommandLine(demo).execute("--kafka-port", "0", "--registry-port", "0", "--http-port", "0"));
    try {
      // When it is up, the banner names the dashboard with its token
      String banner = awaitOutput(captured, "Press Ctrl-C", Duration.ofSeconds(150));
      Matcher dashboard = DASHBOARD.matcher(banner);
      assertThat(dashboard.find()).as("dashboard URL in %s", banner).isTrue();
      int httpPort = Integer.parseInt(dashboard.group(1));
      String token = dashboard.group(2);
      Matcher broker = BROKER.matcher(banner);
      assertThat(broker.find()).isTrue();
      int kafkaPort = Integer.parseInt(broker.group(1));

      // Then the dashboard page is served and the token opens the API
      HttpClient http = HttpClient.newHttpClient();
      assertThat(get(http, "http://localhost:" + httpPort + "/", null).body()).contains("PainGuard");
      assertThat(get(http, "http://localhost:" + httpPort + "/api/athletes", token).statusCode()).isEqualTo(200);
      assertThat(get(http, "http://localhost:" + httpPort + "/api/athletes", "wrong").statusCode()).isEqualTo(401);

      // And simulated athletes in pain produce alerts, printed one line each
      String withAlert = awaitOutput(captured, "RAISED", Duration.ofSeconds(120));
      assertThat(withAlert.lines().filter(l -> l.contains("RAISED")).findFirst().orElseThrow())
          .matches("\\d\\d:\\d\\d:\\d\\d  RAISED .* \\(pain \\d+/10[^)]*\\).*: .+");

      // When it is stopped as Ctrl-C would
      demo.stop();

      // Then it exits cleanly and frees its ports
      assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
      assertThat(captured.toString(StandardCharsets.UTF_8)).contains("PainGuard demo stopped.");
      assertThat(portIsFree(httpPort)).as("HTTP port %d free", httpPort).isTrue();
      assertThat(portIsFree(kafkaPort)).as("Kafka port %d free", kafkaPort).isTrue();
    } finally {
      demo.stop();
      runner.shutdown();
      runner.awaitTermination(60, TimeUnit.SECONDS);
    }
  }

  private static String awaitOutput(ByteArrayOutputStream captured, String marker, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = captured.toString(StandardCharsets.UTF_8);
      if (text.contains(marker)) {
        return text;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no '" + marker + "' within " + timeout + " in:\n" + captured.toString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(HttpClient http, String url, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
