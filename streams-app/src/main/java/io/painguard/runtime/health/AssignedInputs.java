package io.painguard.runtime.health;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * This instance's input partitions, as the last rebalance assigned them. When Kafka Streams knows
 * none (a replaced stream thread waiting to rejoin the group, a rebalance under way), the last
 * known set stands: a partition must not stop being watched just because the thread that was stuck
 * on it died.
 */
public final class AssignedInputs implements Supplier<Set<TopicPartition>> {

  private final Supplier<KafkaStreams> streams;
  private final HostInfo self;
  private final List<String> inputTopics;
  private volatile Set<TopicPartition> last = Set.of();

  public AssignedInputs(Supplier<KafkaStreams> streams, HostInfo self, List<String> inputTopics) {
    this.streams = streams;
    this.self = self;
    this.inputTopics = inputTopics;
  }

  @Override
  public Set<TopicPartition> get() {
    KafkaStreams s = streams.get();
    if (s == null) {
      return last;
    }
    try {
      Set<TopicPartition> mine = s.metadataForAllStreamsClients().stream()
          .filter(m -> self.equals(m.hostInfo()))
          .flatMap(m -> m.topicPartitions().stream())
          .filter(tp -> inputTopics.contains(tp.topic()))
          .collect(Collectors.toUnmodifiableSet());
      if (!mine.isEmpty()) {
        last = mine;
      }
    } catch (RuntimeException e) {
      // not running (yet, or any more): keep the last known assignment
    }
    return last;
  }
}
