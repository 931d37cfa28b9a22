package io.painguard.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.stack.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./painguard demo} as a newcomer runs it: the script, its classpath file, its JVM. What
 * counts is what the terminal and the network show.
 */
class DemoProcessIT {

  private static final Pattern RUNNING = Pattern.compile("PainGuard demo is running\\.");
  private static final Pattern DASHBOARD = Pattern.compile("Dashboard: +http://localhost:(\\d+)/\\?token=(\\S+)");
  private static final Pattern BROKER = Pattern.compile("Kafka bootstrap: +127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern REGISTRY = Pattern.compile("Schema registry: +http://127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern RAISED = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d  RAISED .+ \\(pain \\d+/10[^)]*\\).*: .+");

  @TempDir Path tmp;

  @Test
  void theDemoShowsAlertsAndItsDashboardThenStopsCleanlyOnCtrlC() throws Exception {
    // Given the demo started as a user starts it, on free ports, with its own temporary directory
    try (PainguardProcess demo =
        PainguardProcess.start(tmp, "demo", "--kafka-port", "0", "--registry-port", "0", "--http-port", "0")) {

      // When it says it is running
      demo.awaitLine(RUNNING, Duration.ofSeconds(180));
      Matcher dashboard = demo.awaitLine(DASHBOARD, Duration.ofSeconds(5));
      int httpPort = Integer.parseInt(dashboard.group(1));
      String token = dashboard.group(2);
      int kafkaPort = Integer.parseInt(demo.awaitLine(BROKER, Duration.ofSeconds(5)).group(1));
      int registryPort = Integer.parseInt(demo.awaitLine(REGISTRY, Duration.ofSeconds(5)).group(1));

      // Then the dashboard answers, the app is ready, and an alert line follows within 90 s
      assertThat(Network.get("http://localhost:" + httpPort + "/", null).body()).contains("PainGuard");
      assertThat(Network.get("http://localhost:" + httpPort + "/health/ready", null).statusCode()).isEqualTo(200);
      assertThat(Network.get("http://localhost:" + httpPort + "/api/athletes", token).statusCode()).isEqualTo(200);
      demo.awaitLine(RAISED, Duration.ofSeconds(90));
      assertThat(demo.text()).doesNotContain("Exception", "\tat ");

      // And a coach's browser shows the alerts: the README's screenshot, taken afresh each run
      if (DashboardScreenshot.available()) {
        Path png = PainguardProcess.repositoryRoot().resolve("docs/dashboard.png");
        DashboardScreenshot.save("http://localhost:" + httpPort + "/?token=" + token, 3, png,
            Files.createDirectories(tmp.resolve("browser")));
        assertThat(Files.size(png)).isPositive();
      }

      // When Ctrl-C reaches it
      List<ProcessHandle> children = demo.handle().descendants().toList();
      demo.interrupt();

      // Then it stops within 30 s: exit 130 (the JVM's code for SIGINT, after a clean shutdown),
      // having said so, leaving no process, no listening port and no temporary data behind
      Optional<Integer> exit = demo.awaitExit(Duration.ofSeconds(30));
      assertThat(exit).as("exit within 30 s of Ctrl-C; output:\n%s", demo.tail()).isPresent();
      assertThat(exit.get()).isIn(0, 130);
      assertThat(demo.text()).contains("PainGuard demo stopped.");
      assertThat(children).noneMatch(ProcessHandle::isAlive);
      for (int port : List.of(httpPort, kafkaPort, registryPort)) {
        assertThat(Ports.isFree(port)).as("port %d released", port).isTrue();
      }
      assertThat(leftovers(tmp)).as("temporary data left in %s", tmp).isEmpty();
    }
  }

  @Test
  void aPartThatCannotStartStopsTheWholeDemoWithOneSentence() throws Exception {
    // Given the dashboard's port already taken by someone else
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"));
        PainguardProcess demo =
            PainguardProcess.start(tmp, "demo", "--kafka-port", "0", "--registry-port", "0",
                "--http-port", Integer.toString(taken.getLocalPort()))) {

      // When the demo starts
      Optional<Integer> exit = demo.awaitExit(Duration.ofSeconds(150));

      // Then it never says it is running, names the part and the cause in one line, and fails
      assertThat(exit).as("the demo ends by itself; output:\n%s", demo.tail()).isPresent();
      assertThat(exit.get()).isNotZero();
      assertThat(demo.text()).doesNotContain("is running", "\tat ");
      assertThat(demo.output())
          .filteredOn(line -> line.startsWith("painguard demo: "))
          .singleElement()
          .satisfies(line -> assertThat(line).contains("the streams app", Integer.toString(taken.getLocalPort())));
      assertThat(demo.text()).contains("PainGuard demo stopped.");
      assertThat(leftovers(tmp)).isEmpty();
    }
  }

  /** PainGuard's own temporary directories still in {@code tmp}. */
  private static List<Path> leftovers(Path tmp) throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("painguard")).toList();
    }
  }
}
