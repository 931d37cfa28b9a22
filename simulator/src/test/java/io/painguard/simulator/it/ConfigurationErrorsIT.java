package io.painguard.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

@KafkaStackTest
class ConfigurationErrorsIT {

  @Test
  void anUnreachableBrokerIsOneClearLineAndExitStatusTwo() throws IOException {
    int closedPort = freePort();
    long start = System.nanoTime();
    ItSupport.CliRun run = ItSupport.simulate(
        "--bootstrap", "127.0.0.1:" + closedPort, "--scenario", "spike-only", "--check-timeout", "2s");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("simulate: Cannot reach Kafka at 127.0.0.1:" + closedPort + " within 2 s")
        .doesNotContain("Exception", "\tat ");
    assertThat(run.out()).doesNotContain("sent");
    assertThat(System.nanoTime() - start).isLessThan(15_000_000_000L);
  }

  @Test
  void anUnreachableRegistryIsOneClearLineAndExitStatusTwo(KafkaStack stack) throws IOException {
    int closedPort = freePort();
    ItSupport.CliRun run = ItSupport.simulate(
        "--bootstrap", stack.bootstrapServers(), "--registry", "http://127.0.0.1:" + closedPort,
        "--scenario", "spike-only", "--check-timeout", "2s",
        "--activity-topic", stack.uniqueTopic("a"), "--pain-topic", stack.uniqueTopic("p"),
        "--profile-topic", stack.uniqueTopic("pr"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("simulate: Cannot use the schema registry at http://127.0.0.1:" + closedPort)
        .doesNotContain("\tat ");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
