package io.painguard.systemtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.painguard.events.ExertionAlert;
import io.painguard.simulator.TopicNames;
import io.painguard.systemtest.support.AlertComparison;
import io.painguard.systemtest.support.AppInstance;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.LoadFeed;
import io.painguard.systemtest.support.SystemStack;
import io.painguard.systemtest.support.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing lost, nothing twice, nothing changed: the simulator's athletes are written to the input
 * topics once and a single undisturbed instance processes them for the reference alerts. Each test
 * then processes the same records under one disruption -- an instance SIGKILLed, an instance
 * stopped with SIGTERM and restarted, the broker stopped and restarted -- and the alerts it wrote,
 * read with read_committed, must be the reference's in full: the same ids with the same contents,
 * none missing, none twice, none extra.
 *
 * <p>The instance disruptions run as deployed: the producer is still sending when the instance
 * dies, and they run both with the app's default timeouts and with timeouts tuned for fast
 * failover ({@link Timeouts}), with and without a standby replica; every figure names its
 * settings. The reference's input is a backlog, so its task orders it by event time; live input
 * can reach a task a fetch apart across topics, which the rules absorb (the README's "Time and
 * ordering") and which this comparison would show as a difference.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoLossNoDuplicatesIT {

  private static final Logger LOG = LoggerFactory.getLogger(NoLossNoDuplicatesIT.class);

  /** Size of the simulated population; overridable for a bigger run. */
  static final int ATHLETES = Integer.getInteger("painguard.reliability.athletes", 200);
  /** Seconds of event time: each athlete sends one sample per second. */
  static final int SECONDS = Integer.getInteger("painguard.reliability.seconds", 420);
  /** Half the athletes report pain (the simulator's default is a quarter): more alerts to compare. */
  static final double PAIN_SHARE = 0.5;
  static final long SEED = 20_250_301L;
  /** Records per second the producer sends during the instance disruptions. */
  static final double LIVE_RATE = Double.parseDouble(System.getProperty("painguard.reliability.live-rate", "5000"));
  /**
   * Also run the combinations CI leaves out to stay within its time: failover tuned without a
   * standby and with app defaults with one, and the restart with tuned timeouts.
   */
  static final boolean FULL_MATRIX = Boolean.getBoolean("painguard.reliability.full-matrix");
  /** How long the broker stays down in the broker-restart test. */
  static final long BROKER_DOWN_MS = Long.getLong("painguard.reliability.broker-down-ms", 8_000);
  /** Reference alerts that must fall after the killed instance's last commit. */
  static final int MIN_ALERTS_AFTER_KILL = 10;

  private static SystemStack stack;
  private static LoadFeed feed;
  private static TopicNames backlog;
  private static List<ExertionAlert> reference;

  @BeforeAll
  static void feedAndReference() {
    stack = SystemStack.shared();
    backlog = stack.topics("reliability");
    feed = new LoadFeed(ATHLETES, SECONDS, SEED, PAIN_SHARE);
    var report = feed.start(stack.clientProperties(), stack.registryUrl(), backlog, 0).await();
    try (AppInstance single = AppInstance.create("reference",
        settings("pg-reference", backlog, "reference", Timeouts.APP_DEFAULTS, 0))) {
      single.start().awaitReady(Duration.ofSeconds(60));
      Await.until("the reference instance has processed everything", Duration.ofSeconds(180), () ->
          Topics.caughtUp(stack.admin(), "pg-reference", names(backlog)));
    }
    reference = Topics.alerts(stack.clientProperties(), stack.registryUrl(), "alerts-reference", Duration.ofSeconds(60));
    Figures.record("reliability.input", report.sent() + " records from " + ATHLETES + " simulated athletes ("
        + report.painReports() + " pain reports), " + reference.size() + " alerts in the undisturbed reference run");
    assertThat(reference).as("the reference run must raise alerts for the comparison to mean anything")
        .hasSizeGreaterThanOrEqualTo(3 * MIN_ALERTS_AFTER_KILL);
    assertThat(AlertComparison.of(reference, reference).duplicates()).as("the reference writes no alert twice").isEmpty();
  }

  @Test
  @Order(1)
  void killingOneOfTwoInstancesWithTunedTimeoutsAndAStandbyChangesNoAlert() {
    killOneOfTwoWhileTheProducerSends(Timeouts.TUNED, 1);
  }

  @Test
  @Order(2)
  void killingOneOfTwoInstancesWithTheAppsDefaultTimeoutsAndNoStandbyChangesNoAlert() {
    killOneOfTwoWhileTheProducerSends(Timeouts.APP_DEFAULTS, 0);
  }

  @Test
  @Order(3)
  void theOtherCombinationsChangeNoAlertEither() {
    assumeTrue(FULL_MATRIX, "-Dpainguard.reliability.full-matrix=true runs these three as well");
    killOneOfTwoWhileTheProducerSends(Timeouts.TUNED, 0);
    killOneOfTwoWhileTheProducerSends(Timeouts.APP_DEFAULTS, 1);
    restartOneOfTwoWhileTheProducerSends(Timeouts.TUNED);
  }

  @Test
  @Order(5)
  void restartingAnInstanceWithSigtermAndTheAppsDefaultTimeoutsChangesNoAlert() {
    restartOneOfTwoWhileTheProducerSends(Timeouts.APP_DEFAULTS);
  }

  @Test
  @Order(6)
  void stoppingAndRestartingTheBrokerMidStreamChangesNoAlertAndTheAppRecoversByItself() {
    String group = "pg-broker";
    try (AppInstance a = AppInstance.create("broker-a", settings(group, backlog, "broker", Timeouts.TUNED, 1))) {
      // Given an instance a third of the way through the backlog
      a.start().awaitReady(Duration.ofSeconds(60));
      awaitThirdProcessed(group, backlog);

      // When the broker stops for a while and comes back on the same data directory and port
      stack.stack().kafka().stop();
      long downSince = System.nanoTime();
      Await.until("the instance notices the broker is gone", Duration.ofSeconds(60), () -> !a.isReady()
          || System.nanoTime() - downSince > Duration.ofMillis(BROKER_DOWN_MS).toNanos());
      Await.sleep(Math.max(0, BROKER_DOWN_MS - (System.nanoTime() - downSince) / 1_000_000));
      stack.stack().kafka().start();
      long backAt = System.nanoTime();

      // Then the same instance -- never restarted -- finishes the work, with exactly the reference's alerts
      Await.until("the instance has processed everything", Duration.ofSeconds(180), () ->
          Topics.caughtUp(stack.admin(), group, names(backlog)));
      assertThat(a.jvm().isAlive()).as("the instance was never restarted").isTrue();
      Await.until("the instance is ready again", Duration.ofSeconds(30), a::isReady);
      Figures.record("broker-restart.caught-up-after-ms", Long.toString(millisSince(backAt)));
      stopCleanly(a);
    }
    assertSameAlertsAsReference("broker-restart", "alerts-broker");
  }

  private static void killOneOfTwoWhileTheProducerSends(Timeouts timeouts, int standbys) {
    String run = "failover-" + timeouts.label() + "-standby" + standbys;
    TopicNames input = stack.topics("reliability-" + run);
    String group = "pg-" + run;
    try (AppInstance a = AppInstance.create(run + "-a", settings(group, input, run, timeouts, standbys));
        AppInstance b = AppInstance.create(run + "-b", settings(group, input, run, timeouts, standbys))) {
      // Given two instances of one application sharing the six tasks, fed live, a third of the way through
      startBoth(group, a, b);
      LoadFeed.Run producer = feed.start(stack.clientProperties(), stack.registryUrl(), input, LIVE_RATE);
      awaitThirdProcessed(group, input);
      Set<TopicPartition> victimPartitions = activityPartitionsOf(group, b.name(), input);

      // When one of them is killed (SIGKILL: no shutdown hook, its transaction left open) while the producer sends
      long killedAt = System.nanoTime();
      b.kill();
      long stillToSend = feed.samples() - producer.progress();
      Map<TopicPartition, Long> lastCommits = Topics.committed(stack.admin(), group);
      assertThat(producer.isDone()).as("the producer is still sending at the kill").isFalse();
      long alertsAfterKill = UncommittedAtKill.read(stack, victimPartitions, lastCommits).referenceAlertsAfter(reference);

      // Then the survivor takes the victim's tasks over and carries on where they committed
      Await.until("the survivor owns every partition", Duration.ofSeconds(120), () ->
          Topics.assignments(stack.admin(), group).getOrDefault(a.name(), Set.of()).containsAll(victimPartitions));
      long ownedAfterMs = millisSince(killedAt);
      awaitProgress(group, victimPartitions, lastCommits);
      long resumedAfterMs = millisSince(killedAt);
      producer.await();
      Await.until("the survivor has processed everything", Duration.ofSeconds(120), () ->
          Topics.caughtUp(stack.admin(), group, names(input)));
      assertThat(a.jvm().isAlive()).as("the survivor never died").isTrue();

      Figures.record(run + ".recovery", "partitions reassigned after " + ownedAfterMs + " ms, progress on every one after "
          + resumedAfterMs + " ms; " + stillToSend + " records still to send at the kill, " + alertsAfterKill
          + " reference alerts after the victim's last commit");
      assertThat(alertsAfterKill).as("reference alerts after the victim's last commit").isGreaterThanOrEqualTo(MIN_ALERTS_AFTER_KILL);
      stopCleanly(a);
    }
    assertSameAlertsAsReference(run, "alerts-" + run);
  }

  private static void restartOneOfTwoWhileTheProducerSends(Timeouts timeouts) {
    String run = "restart-" + timeouts.label();
    TopicNames input = stack.topics("reliability-" + run);
    String group = "pg-" + run;
    try (AppInstance a = AppInstance.create(run + "-a", settings(group, input, run, timeouts, 1));
        AppInstance b = AppInstance.create(run + "-b", settings(group, input, run, timeouts, 1))) {
      // Given two instances sharing the work, fed live, a third of the way through
      startBoth(group, a, b);
      LoadFeed.Run producer = feed.start(stack.clientProperties(), stack.registryUrl(), input, LIVE_RATE);
      awaitThirdProcessed(group, input);
      Set<TopicPartition> stoppedPartitions = activityPartitionsOf(group, b.name(), input);

      // When one is stopped gracefully (SIGTERM) while the producer sends, and started again on the same state
      long stoppedAt = System.nanoTime();
      int exit = b.terminate(Duration.ofSeconds(60));
      long stopMs = millisSince(stoppedAt);
      Map<TopicPartition, Long> atStop = Topics.committed(stack.admin(), group);
      // 143 = 128 + SIGTERM: the JVM reports the signal even when the shutdown hooks finish cleanly.
      assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
      assertThat(b.logs()).contains("PainGuard stopped");
      assertThat(producer.isDone()).as("the producer is still sending at the stop").isFalse();
      b.start().awaitReady(Duration.ofSeconds(60));

      // Then the stopped instance's partitions move on again, the two finish, and the alerts are the reference's
      awaitProgress(group, stoppedPartitions, atStop);
      long resumedAfterMs = millisSince(stoppedAt);
      producer.await();
      Await.until("both have processed everything", Duration.ofSeconds(120), () ->
          Topics.caughtUp(stack.admin(), group, names(input)));
      Figures.record(run + ".recovery", "SIGTERM to exit " + stopMs + " ms; progress on every partition it owned "
          + resumedAfterMs + " ms after the SIGTERM (restart included)");
      // The stopped instance left the group on close (GroupExitOnClose): its partitions moved at once
      // rather than waiting out the 45 s default session timeout of a member that stayed (54 s measured).
      assertThat(resumedAfterMs).as("ms from SIGTERM to progress on the stopped instance's partitions").isLessThan(40_000);
      stopCleanly(a);
      stopCleanly(b);
    }
    assertSameAlertsAsReference(run, "alerts-" + run);
  }

  /** An instance of application {@code group} reading {@code input}, writing {@code alerts-<run>} and {@code dlq-<run>}. */
  static Map<String, String> settings(String group, TopicNames input, String run, Timeouts timeouts, int standbys) {
    Map<String, String> settings = stack.appSettings(group, input, "alerts-" + run, "dlq-" + run);
    settings.put("kafka.num.standby.replicas", Integer.toString(standbys));
    return timeouts.applyTo(settings);
  }

  /**
   * Stops an instance that has finished the work with SIGTERM, as an orchestrator would, before its
   * alerts are read: its last transaction ends cleanly instead of waiting out the transaction
   * timeout, so what is read does not depend on the broker aborting a killed instance's open
   * transaction (the failures under test are the kill, the restart and the broker's stop, earlier).
   */
  private static void stopCleanly(AppInstance instance) {
    assertThat(instance.terminate(Duration.ofSeconds(45))).as(instance.name() + " exit status after SIGTERM").isIn(0, 143);
  }

  private static void startBoth(String group, AppInstance a, AppInstance b) {
    a.start();
    b.start();
    a.awaitReady(Duration.ofSeconds(60));
    b.awaitReady(Duration.ofSeconds(60));
    Await.until("both instances own input partitions", Duration.ofSeconds(60), () -> {
      Map<String, Set<TopicPartition>> owned = Topics.assignments(stack.admin(), group);
      return !owned.getOrDefault(a.name(), Set.of()).isEmpty() && !owned.getOrDefault(b.name(), Set.of()).isEmpty();
    });
  }

  /** Waits until a third of the samples are processed and committed. */
  private static void awaitThirdProcessed(String group, TopicNames input) {
    Await.until("a third of the samples processed", Duration.ofSeconds(120), () ->
        Topics.committed(stack.admin(), group).entrySet().stream()
            .filter(e -> e.getKey().topic().equals(input.activity()))
            .mapToLong(Map.Entry::getValue)
            .sum() >= feed.samples() / 3);
  }

  private static Set<TopicPartition> activityPartitionsOf(String group, String instance, TopicNames input) {
    Set<TopicPartition> owned = Topics.assignments(stack.admin(), group).getOrDefault(instance, Set.of()).stream()
        .filter(tp -> tp.topic().equals(input.activity()))
        .collect(Collectors.toSet());
    assertThat(owned).as(instance + " owns activity partitions").isNotEmpty();
    return owned;
  }

  private static void awaitProgress(String group, Set<TopicPartition> partitions, Map<TopicPartition, Long> before) {
    // A partition that had nothing left to process cannot progress: caught up counts as resumed.
    String topic = partitions.iterator().next().topic();
    Await.until("progress committed on " + partitions, Duration.ofSeconds(120), () -> {
      Map<TopicPartition, Long> now = Topics.committed(stack.admin(), group);
      Map<TopicPartition, Long> ends = Topics.endOffsets(stack.admin(), Set.of(topic));
      return partitions.stream().allMatch(tp -> now.getOrDefault(tp, -1L) > before.getOrDefault(tp, -1L)
          || now.getOrDefault(tp, -1L) >= ends.getOrDefault(tp, Long.MAX_VALUE));
    });
  }

  private static void assertSameAlertsAsReference(String run, String topic) {
    List<ExertionAlert> actual = Topics.alerts(stack.clientProperties(), stack.registryUrl(), topic, Duration.ofSeconds(60));
    AlertComparison result = AlertComparison.of(reference, actual);
    Figures.record(run + ".alerts", result.read() + " read (reference " + reference.size() + "): lost "
        + result.lost().size() + ", duplicates " + result.duplicates().size() + ", changed " + result.changed().size()
        + ", unexpected " + result.extra().size());
    if (!result.identical()) {
      LOG.warn("{}: alerts that differ from the reference run\n{}", run, result.describe(reference, actual));
    }
    assertThat(result.duplicates()).as(run + ": alerts written twice").isEmpty();
    assertThat(result.lost()).as(run + ": alerts lost").isEmpty();
    // Evidence summed before samples that another topic's fetch brought a moment later is the one
    // difference a live feed may show (the README's "Time and ordering"); it is in the figure above
    // and the warning's field-level diff. Anything else that differs -- decision, message,
    // recommendation, time -- fails.
    assertThat(result.changedBeyondEvidence(reference, actual))
        .as(run + ": alerts whose content beyond their observed evidence differs from the reference's").isEmpty();
    assertThat(result.extra()).as(run + ": alerts the reference run did not raise").isEmpty();
  }

  private static Set<String> names(TopicNames topics) {
    return Set.of(topics.activity(), topics.pain(), topics.profile());
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
