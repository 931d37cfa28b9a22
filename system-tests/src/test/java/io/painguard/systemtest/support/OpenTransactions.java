package io.painguard.systemtest.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker knows about a transaction that keeps a partition's last stable offset behind
 * its log end: the producers with an open transaction on the partition (id, epoch, first offset)
 * and what the transaction coordinators say of every transactional id they hold. Enough to tell a
 * transaction that will still time out from a hanging one the coordinator no longer tracks.
 */
final class OpenTransactions {

  private OpenTransactions() {}

  /** One line per stuck partition and one per transactional id; never throws. */
  static String describe(Map<String, Object> clientProperties, Collection<TopicPartition> stuck) {
    try (Admin admin = Admin.create(clientProperties)) {
      String producers = admin.describeProducers(stuck).all().get(10, TimeUnit.SECONDS).entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue().activeProducers().stream()
              .filter(p -> p.currentTransactionStartOffset().isPresent())
              .map(OpenTransactions::producer)
              .collect(Collectors.joining(", ")))
          .collect(Collectors.joining("; "));
      List<String> ids = admin.listTransactions().all().get(10, TimeUnit.SECONDS).stream()
          .map(TransactionListing::transactionalId)
          .toList();
      String coordinators = admin.describeTransactions(ids).all().get(10, TimeUnit.SECONDS).entrySet().stream()
          .filter(e -> !e.getValue().topicPartitions().isEmpty() || !"Empty".equals(e.getValue().state().toString()))
          .map(e -> e.getKey() + " " + e.getValue().state() + " producer " + e.getValue().producerId()
              + "/" + e.getValue().producerEpoch() + " partitions " + e.getValue().topicPartitions())
          .collect(Collectors.joining("; "));
      return "open on the partitions: [" + producers + "]; coordinators: [" + coordinators + "]";
    } catch (Exception e) {
      return "(could not describe the open transactions: " + e + ")";
    }
  }

  /**
   * Aborts the transactions still open on {@code stuck} -- what an operator does with {@code
   * kafka-transactions.sh abort} for a hanging transaction -- and says which. Called only after
   * they outlived the transaction timeout many times over: the coordinator no longer tracks them
   * (seen after a broker restart on Kafka 4.4.0: the partition kept an old epoch's transaction
   * open while the coordinator had moved on), so nothing else will ever end them.
   */
  static String abortHanging(Map<String, Object> clientProperties, Collection<TopicPartition> stuck) {
    StringBuilder aborted = new StringBuilder();
    try (Admin admin = Admin.create(clientProperties)) {
      for (var entry : admin.describeProducers(stuck).all().get(10, TimeUnit.SECONDS).entrySet()) {
        for (ProducerState p : entry.getValue().activeProducers()) {
          if (p.currentTransactionStartOffset().isPresent() && p.coordinatorEpoch().isPresent()) {
            admin.abortTransaction(new AbortTransactionSpec(entry.getKey(), p.producerId(),
                (short) p.producerEpoch(), p.coordinatorEpoch().getAsInt())).all().get(10, TimeUnit.SECONDS);
            aborted.append(entry.getKey()).append(": ").append(producer(p)).append("; ");
          }
        }
      }
    } catch (Exception e) {
      aborted.append("(could not abort: ").append(e).append(")");
    }
    return aborted.toString();
  }

  private static String producer(ProducerState p) {
    return "producer " + p.producerId() + "/" + p.producerEpoch() + " from offset "
        + p.currentTransactionStartOffset().getAsLong() + " last written " + p.lastTimestamp();
  }
}
