package io.painguard.runtime;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Kafka Streams' clients, as its default supplier makes them, except that the main consumer of a
 * stream thread that died leaves the consumer group when it closes.
 *
 * <p>Why: when a thread dies and is replaced, Kafka Streams 4.3 closes the dead thread's consumer
 * with REMAIN_IN_GROUP, so the replacement's join waits until the group coordinator gives up on
 * the dead member -- the session timeout, 45 s by default -- and the instance processes nothing in
 * the meantime (measured on issue 15's loop). A SIGTERM during that wait also took up to 30 s,
 * the consumer's close timeout, because the pending join holds the consumer's close. Leaving the
 * group lets the rebalance finish at once. A thread that stops because the app is closing follows
 * the close options ({@link GroupExitOnClose}: it leaves unless static membership is configured).
 */
final class LeaveGroupOnThreadDeath implements KafkaClientSupplier {

  private static final ThreadLocal<Boolean> DYING = ThreadLocal.withInitial(() -> false);

  /** Called on a stream thread that died (by the uncaught-exception handler, which runs on it). */
  static void threadDying() {
    DYING.set(true);
  }

  @Override
  public Admin getAdmin(Map<String, Object> config) {
    return Admin.create(config);
  }

  @Override
  public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()) {
      @Override
      public void close(CloseOptions options) {
        super.close(DYING.get() ? options.withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP) : options);
      }
    };
  }

  @Override
  public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
