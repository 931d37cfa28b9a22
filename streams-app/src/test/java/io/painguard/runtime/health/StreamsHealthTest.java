package io.painguard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

/**
 * Given committed and end offsets and thread replacements at chosen times, the health answers as
 * specified: stuck (a stalled partition or a crash loop) means not ready at once and not live after
 * the grace; progress, an empty backlog or a restoration is not a stall. Time is a fake clock.
 */
class StreamsHealthTest {

  private static final TopicPartition ACTIVITY_3 = new TopicPartition("activity-events", 3);
  private static final TopicPartition PAIN_3 = new TopicPartition("pain-reports", 3);
  private static final TopicPartition PAIN_4 = new TopicPartition("pain-reports", 4);

  private long now = 1_000_000_000L;
  private final HealthSettings settings = HealthSettings.defaults(); // stall 30 s, 3 in 2 m, grace 60 s
  private final StreamsHealth health = new StreamsHealth(settings, () -> now);

  @Test
  void aPartitionWithRecordsWaitingAndNoCommitForTheStallTimeoutMakesTheAppUnreadyThenNotLive() {
    health.observe(Map.of(ACTIVITY_3, 10L), Map.of(ACTIVITY_3, 11L));
    assertThat(status().ready()).isTrue();

    advance(Duration.ofSeconds(29));
    health.observe(Map.of(ACTIVITY_3, 10L), Map.of(ACTIVITY_3, 14L));
    assertThat(status().ready()).isTrue();

    advance(Duration.ofSeconds(1));
    HealthStatus stuck = status();
    assertThat(stuck.ready()).isFalse();
    assertThat(stuck.live()).isTrue();
    assertThat(stuck.problems()).containsExactly(
        "input partition activity-events-3 has 4 records waiting and its committed offset has not moved for 30 s");
    assertThat(health.stalledTasks()).isEqualTo(1);

    advance(settings.livenessGrace().minusSeconds(1));
    assertThat(status().live()).isTrue();
    advance(Duration.ofSeconds(1));
    assertThat(status().live()).isFalse();
  }

  @Test
  void aCommitEndsTheStallAndTheAppIsReadyAndLiveAgain() {
    health.observe(Map.of(ACTIVITY_3, 10L), Map.of(ACTIVITY_3, 20L));
    advance(Duration.ofMinutes(5));
    assertThat(status().live()).isFalse();

    health.observe(Map.of(ACTIVITY_3, 11L), Map.of(ACTIVITY_3, 20L));

    assertThat(status()).isEqualTo(new HealthStatus(true, true, "RUNNING", java.util.List.of()));
    assertThat(health.stalledTasks()).isZero();
  }

  @Test
  void nothingWaitingIsNotAStallHoweverLongNothingIsCommitted() {
    health.observe(Map.of(ACTIVITY_3, 20L), Map.of(ACTIVITY_3, 20L));
    advance(Duration.ofHours(1));
    health.observe(Map.of(ACTIVITY_3, 20L), Map.of(ACTIVITY_3, 20L));

    assertThat(status().ready()).isTrue();
  }

  @Test
  void aPartitionThatNeverCommittedStallsToo() {
    health.observe(Map.of(), Map.of(PAIN_4, 3L));
    advance(Duration.ofSeconds(31));
    health.observe(Map.of(), Map.of(PAIN_4, 3L));

    assertThat(status().problems()).singleElement().asString().contains("pain-reports-4 has 3 records waiting");
  }

  @Test
  void twoStalledPartitionsOfOneTaskAreOneStalledTask() {
    health.observe(Map.of(ACTIVITY_3, 1L, PAIN_3, 1L), Map.of(ACTIVITY_3, 5L, PAIN_3, 5L));
    advance(Duration.ofSeconds(40));

    assertThat(status().problems()).hasSize(2);
    assertThat(health.stalledTasks()).isEqualTo(1);
  }

  @Test
  void aPartitionNoLongerAssignedHereIsForgotten() {
    health.observe(Map.of(ACTIVITY_3, 1L), Map.of(ACTIVITY_3, 5L));
    advance(Duration.ofSeconds(40));
    assertThat(status().ready()).isFalse();

    health.observe(Map.of(), Map.of());

    assertThat(status().ready()).isTrue();
  }

  @Test
  void whileAStoreIsRestoredNothingCommittedIsNotAStall() {
    health.observe(Map.of(ACTIVITY_3, 1L), Map.of(ACTIVITY_3, 5L));
    TopicPartition changelog = new TopicPartition("painguard-athlete-state-changelog", 3);
    health.onRestoreStart(changelog, "athlete-state", 0, 1_000_000);
    for (int i = 0; i < 12; i++) {
      advance(Duration.ofSeconds(5));
      health.observe(Map.of(ACTIVITY_3, 1L), Map.of(ACTIVITY_3, 5L));
    }
    assertThat(status().ready()).isTrue();

    health.onRestoreEnd(changelog, "athlete-state", 1_000_000);
    advance(Duration.ofSeconds(30));
    assertThat(status().ready()).isFalse();
  }

  @Test
  void threeThreadReplacementsWithinTheWindowWithoutACommitAreACrashLoop() {
    health.observe(Map.of(ACTIVITY_3, 1L), Map.of(ACTIVITY_3, 1L));
    health.threadReplaced();
    advance(Duration.ofSeconds(1));
    health.threadReplaced();
    assertThat(status().ready()).isTrue();

    advance(Duration.ofSeconds(2));
    health.threadReplaced();

    assertThat(status().ready()).isFalse();
    assertThat(status().problems()).containsExactly(
        "3 stream-thread replacements in the last 2m and nothing committed since the last one");
    assertThat(health.replacements()).isEqualTo(3);
  }

  @Test
  void replacementsSpreadWiderThanTheWindowOrFollowedByACommitAreNoCrashLoop() {
    health.observe(Map.of(ACTIVITY_3, 1L), Map.of(ACTIVITY_3, 9L));
    health.threadReplaced();
    health.threadReplaced();
    advance(Duration.ofSeconds(1));
    health.threadReplaced();
    health.observe(Map.of(ACTIVITY_3, 2L), Map.of(ACTIVITY_3, 9L));
    assertThat(status().ready()).as("committed since the last replacement").isTrue();

    advance(settings.replacementWindow().plusSeconds(1));
    health.observe(Map.of(ACTIVITY_3, 9L), Map.of(ACTIVITY_3, 9L));
    health.threadReplaced();
    assertThat(status().ready()).as("the earlier ones left the window").isTrue();
  }

  @Test
  void kafkaStreamsInErrorIsNotLiveAndNotRunningIsNotReady() {
    assertThat(health.status(State.ERROR).live()).isFalse();
    assertThat(health.status(State.REBALANCING)).isEqualTo(new HealthStatus(true, false, "REBALANCING", java.util.List.of()));
    assertThat(health.status(null).streams()).isEqualTo("STARTING");
  }

  private HealthStatus status() {
    return health.status(State.RUNNING);
  }

  private void advance(Duration d) {
    now += d.toNanos();
  }
}
