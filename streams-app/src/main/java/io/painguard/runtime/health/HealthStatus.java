package io.painguard.runtime.health;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What {@code /health/live} and {@code /health/ready} answer.
 *
 * @param live false when Kafka Streams has failed for good, or the instance has been stuck (stalled
 *     or crash-looping) for longer than {@code painguard.health.liveness-grace}: restart it
 * @param ready true only when Kafka Streams is RUNNING and the instance is not stuck
 * @param streams the Kafka Streams state's name, or STARTING before Kafka Streams exists
 * @param problems one sentence each, naming partitions and counts, never athletes or payloads
 */
public record HealthStatus(boolean live, boolean ready, String streams, List<String> problems) {

  /** The status from the Kafka Streams state alone (before the app has its health monitor). */
  public static HealthStatus of(KafkaStreams.State state) {
    boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
    return new HealthStatus(!failed, state == KafkaStreams.State.RUNNING, name(state), List.of());
  }

  static String name(KafkaStreams.State state) {
    return state == null ? "STARTING" : state.name();
  }
}
