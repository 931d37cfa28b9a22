package io.painguard.bench.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerSpecTest {

  @Test
  void survivesTheTripThroughItsPropertiesFile(@TempDir Path dir) {
    WorkerSpec spec = new WorkerSpec(
        WorkerSpec.COPY, "bench-x-copy-eos",
        Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "PLAINTEXT"),
        "http://127.0.0.1:8081",
        List.of("a", "b", "c"), List.of("sa", "sb", "sc"), 2, true,
        Map.of("producer.linger.ms", "100", "commit.interval.ms", "100"), null);
    Path file = dir.resolve("spec.properties");

    spec.writeTo(file);
    WorkerSpec read = WorkerSpec.readFrom(file);

    assertThat(read).isEqualTo(spec);
  }

  @Test
  void theAppsTopologySettingsNameTheRunsTopics() {
    WorkerSpec spec = new WorkerSpec(
        WorkerSpec.PAINGUARD, "bench-x-painguard", Map.of("bootstrap.servers", "h:1"), "http://r",
        List.of("p-activity", "p-pain", "p-profiles"), List.of("p-alerts", "p-dlq", "p-acks"), 1, true,
        Map.of("processing.guarantee", "at_least_once", "commit.interval.ms", "200"), "/tmp/state");

    var settings = PainGuardWorker.topologySettings(spec);
    var props = PainGuardWorker.streamsProperties(spec, settings, new io.painguard.topology.DeadLetterCounter());

    assertThat(settings.inputTopics()).containsExactly("p-activity", "p-pain", "p-profiles");
    assertThat(settings.exertionAlertsTopic()).isEqualTo("p-alerts");
    assertThat(settings.deadLetterTopic()).isEqualTo("p-dlq");
    assertThat(settings.acknowledgementsTopic()).isEqualTo("p-acks");
    assertThat(props)
        .containsEntry("application.id", "bench-x-painguard")
        .containsEntry("commit.interval.ms", "200")
        .containsEntry("num.stream.threads", 1)
        // what is measured is exactly-once, whatever an override says
        .containsEntry("processing.guarantee", "exactly_once_v2");
  }
}
