package io.painguard.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./painguard stack}: what a user sees on success, on a busy port, and after Ctrl-C. */
class StackCommandIT {

  @TempDir Path dataDir;

  @Test
  void aBusyKafkaPortIsRefusedWithOneSentenceAndNoStackTrace() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
      int busy = squatter.getLocalPort();
      Result result = run("--kafka-port", String.valueOf(busy), "--registry-port", String.valueOf(Ports.pickFree()));

      assertThat(result.exitCode).isNotZero();
      assertThat(result.err.strip())
          .isEqualTo("Port " + busy + " on 127.0.0.1 is already in use; stop what uses it or choose another with --kafka-port.");
      assertThat(result.out).isEmpty();
    }
  }

  @Test
  void aBusyRegistryPortIsRefusedNamingItsOption() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
      int busy = squatter.getLocalPort();
      Result result = run("--kafka-port", String.valueOf(Ports.pickFree()), "--registry-port", String.valueOf(busy));

      assertThat(result.exitCode).isNotZero();
      assertThat(result.err).contains("Port " + busy + " ").contains("--registry-port").doesNotContain("Exception");
    }
  }

  @Test
  void impossibleOptionsAreRefusedBeforeAnythingStarts() {
    assertThat(run("--kafka-port", "70000").err).contains("--kafka-port must be between 1 and 65535");
    assertThat(run("--kafka-port", "9999", "--registry-port", "9999").err).contains("must differ");
    assertThat(run("--partitions", "0", "--kafka-port", String.valueOf(Ports.pickFree()), "--registry-port", String.valueOf(Ports.pickFree())).err)
        .contains("--partitions must be at least 1");
  }

  @Test
  void malformedRegistryCredentialsAreRefusedWithoutShowingThem() {
    StackCommand command = new StackCommand();
    command.environment = Map.of(StackCommand.REGISTRY_USER_INFO_ENV, "only-a-secret");
    StringWriter err = new StringWriter();

    int exitCode = new CommandLine(command).setErr(new PrintWriter(err)).execute(
        "--kafka-port", String.valueOf(Ports.pickFree()), "--registry-port", String.valueOf(Ports.pickFree()));

    assertThat(exitCode).isEqualTo(StackCommand.START_FAILED);
    assertThat(err.toString().strip())
        .isEqualTo("PAINGUARD_STACK_REGISTRY_USER_INFO must be user:password, with a user free of ':' and a password.");
  }

  @Test
  void printsBothAddressesRunsUntilTerminatedAndThenLeavesNothingListening() throws Exception {
    // Given the command started in its own JVM, as ./painguard starts it
    int kafkaPort = Ports.pickFree();
    int registryPort = Ports.pickFree();
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                StackCommand.class.getName(),
                "--kafka-port", String.valueOf(kafkaPort),
                "--registry-port", String.valueOf(registryPort),
                "--data-dir", dataDir.toString(),
                "--partitions", "2")
            .redirectErrorStream(true)
            .start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> readLines(process, lines, ready), "stack-command-output");
    reader.setDaemon(true);
    reader.start();
    try {
      // When it reports being ready
      ready.get(90, TimeUnit.SECONDS);

      // Then it printed both addresses and listens on both ports
      assertThat(lines).contains("Kafka bootstrap servers: 127.0.0.1:" + kafkaPort);
      assertThat(lines).contains("Schema registry URL:     http://127.0.0.1:" + registryPort);
      assertThat(Ports.isFree(kafkaPort)).isFalse();
      assertThat(Http.get("http://127.0.0.1:" + registryPort + "/subjects").body()).contains("activity-events-value");

      // And when it is terminated (SIGTERM runs the same shutdown hooks as Ctrl-C)
      // (Process.destroy() would also close our end of its output, losing what it prints now.)
      process.toHandle().destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      reader.join(5_000);

      // Then it said so, and neither port is in use any more; the given data dir stays
      assertThat(lines).contains("Local stack stopped.");
      assertThat(Ports.isFree(kafkaPort)).as("Kafka port free").isTrue();
      assertThat(Ports.isFree(registryPort)).as("registry port free").isTrue();
      assertThat(dataDir.resolve("kafka").resolve("meta.properties")).exists();
    } finally {
      process.destroyForcibly();
    }
  }

  private static void readLines(Process process, List<String> lines, CompletableFuture<Void> ready) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("Press Ctrl-C")) {
          ready.complete(null);
        }
      }
      ready.completeExceptionally(new IllegalStateException("The command ended before it was ready: " + lines));
    } catch (Exception e) {
      ready.completeExceptionally(e);
    }
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        new CommandLine(new StackCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {}
}
