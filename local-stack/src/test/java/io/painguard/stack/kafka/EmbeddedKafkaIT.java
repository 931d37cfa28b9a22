package io.painguard.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.stack.Ports;
import io.painguard.stack.Records;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle of one broker: restart on the same data, clean shutdown, clear failures. */
class EmbeddedKafkaIT {

  @TempDir Path tempDir;

  @Test
  void restartOnTheSameDataDirAndPortKeepsTheRecordsAndCloseLeavesNothingRunning() throws Exception {
    // Given a running broker with a given data directory and some records
    Set<Thread> threadsBefore = liveThreads();
    Path dataDir = tempDir.resolve("kafka");
    EmbeddedKafka kafka = EmbeddedKafka.builder().port(0).dataDir(dataDir).build().start();
    int port = kafka.port();
    String topic = "kept-across-restart";
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
    }
    Records.produce(kafka.clientProperties(), topic, Map.of("a1", "one", "a2", "two", "a3", "three"));

    // When it stops, its ports are free, and when it starts again
    kafka.stop();
    assertThat(kafka.isRunning()).isFalse();
    assertThat(Ports.isFree(port)).as("client port free after stop").isTrue();
    kafka.start();

    // Then it listens on the same port and still has the records
    assertThat(kafka.port()).isEqualTo(port);
    try (KafkaConsumer<String, String> consumer = Records.consumer(kafka.clientProperties(), Map.of())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, String>> received = Records.pollUntil(consumer, 3, Duration.ofSeconds(30));
      assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("one", "two", "three");
    }

    // And after close nothing of it is left, except the data directory we own
    int controllerPort = kafka.controllerPort();
    kafka.close();
    assertThat(Ports.isFree(port)).as("client port free after close").isTrue();
    assertThat(Ports.isFree(controllerPort)).as("controller port free after close").isTrue();
    assertThat(brokerThreadsStartedSince(threadsBefore)).isEmpty();
    assertThat(dataDir).isDirectory();
  }

  @Test
  void closeDeletesTheTemporaryDataDirItCreated() {
    // Given a broker without a data directory of ours
    EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
    Path dataDir = kafka.dataDir();
    assertThat(dataDir).isDirectory();

    // When it closes
    kafka.close();

    // Then its temporary directory is gone and a closed broker cannot be restarted
    assertThat(Files.exists(dataDir)).isFalse();
    assertThatThrownBy(kafka::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void aBusyPortFailsWithAClearMessageAndLeavesNoListenerBehind() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
      int busyPort = squatter.getLocalPort();
      EmbeddedKafka kafka = EmbeddedKafka.builder().port(busyPort).dataDir(tempDir.resolve("busy")).build();
      try {
        assertThatThrownBy(kafka::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("127.0.0.1:" + busyPort);
        assertThat(kafka.isRunning()).isFalse();
        assertThat(Ports.isFree(kafka.controllerPort())).as("controller port released").isTrue();
      } finally {
        kafka.close();
      }
    }
  }

  private static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /**
   * Threads started since {@code before} that are still alive. Yammer Metrics' tick threads are
   * left out: the library starts them once per JVM, as daemons, and never stops them.
   */
  private static List<String> brokerThreadsStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .map(Thread::getName)
        .filter(name -> !name.startsWith("metrics-meter-tick-thread"))
        // A registry that another test class shares in this JVM grows its HTTP pool at any time.
        .filter(name -> !name.startsWith("schema-registry-http"))
        .collect(Collectors.toList());
  }
}
