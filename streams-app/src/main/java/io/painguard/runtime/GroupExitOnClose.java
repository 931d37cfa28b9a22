package io.painguard.runtime;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;

/**
 * Whether a closing instance leaves its consumer group. Kafka Streams' default is to stay, meant
 * for static membership, where a restart under the same {@code group.instance.id} takes its
 * tasks back without a rebalance. With dynamic membership (the default) a restarted instance
 * joins as a new member, so staying only leaves the old member's partitions unprocessed until the
 * coordinator gives up on it -- the 45 s session timeout -- for every graceful restart, and with a
 * single instance nothing at all is processed meanwhile (measured in NoLossNoDuplicatesIT and
 * UnwritableOutputsIT). So PainGuard leaves the group on close unless static membership is set.
 */
final class GroupExitOnClose {

  private GroupExitOnClose() {}

  /** Close options for {@code timeout}: leave the group unless a group.instance.id is configured. */
  static CloseOptions options(Map<?, ?> kafkaProperties, Duration timeout) {
    return CloseOptions.groupMembershipOperation(
            staticMembership(kafkaProperties) ? GroupMembershipOperation.REMAIN_IN_GROUP : GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(timeout);
  }

  static boolean staticMembership(Map<?, ?> kafkaProperties) {
    return kafkaProperties.entrySet().stream()
        .anyMatch(e -> String.valueOf(e.getKey()).endsWith("group.instance.id")
            && e.getValue() != null && !String.valueOf(e.getValue()).isBlank());
  }
}
