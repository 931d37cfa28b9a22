package io.painguard.systemtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ExertionAlert;
import io.painguard.simulator.TopicNames;
import io.painguard.systemtest.support.AppInstance;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.LoadFeed;
import io.painguard.systemtest.support.SystemStack;
import io.painguard.systemtest.support.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.TreeSet;

import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing lost, nothing twice: the simulator's athletes are written to the input topics once; a
 * single undisturbed instance processes them for the reference alerts; then each test processes
 * the same records under one disruption -- an instance SIGKILLed, an instance stopped with SIGTERM
 * and restarted, the broker stopped and restarted -- and the alerts it wrote, read with
 * read_committed, must be exactly the reference's: the same alertIds, none missing, none twice.
 *
 * <p>The input is written before any instance runs so that every run sees each task's records in
 * the same (timestamp) order. Under compressed event time (here ~40 simulated seconds per wall
 * second) the live arrival order across the three input topics could itself shift an alert by a
 * few simulated seconds, which would say nothing about failures.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoLossNoDuplicatesIT {

  private static final Logger LOG = LoggerFactory.getLogger(NoLossNoDuplicatesIT.class);

  /** Size of the simulated population; overridable for a bigger run. */
  static final int ATHLETES = Integer.getInteger("painguard.reliability.athletes", 200);
  /** Seconds of event time: each athlete sends one sample per second. */
  static final int SECONDS = Integer.getInteger("painguard.reliability.seconds", 420);
  static final long SEED = 20_250_301L;
  /** How long the broker stays down in the broker-restart test. */
  static final long BROKER_DOWN_MS = Long.getLong("painguard.reliability.broker-down-ms", 8_000);

  private static SystemStack stack;
  private static LoadFeed feed;
  private static TopicNames topics;
  private static Set<String> inputs;
  private static List<ExertionAlert> reference;

  @BeforeAll
  static void feedAndReference() {
    stack = SystemStack.shared();
    topics = stack.topics("reliability");
    inputs = Set.of(topics.activity(), topics.pain(), topics.profile());
    feed = new LoadFeed(ATHLETES, SECONDS, SEED);
    var report = feed.start(stack.clientProperties(), stack.registryUrl(), topics, 0).await();
    try (AppInstance single = AppInstance.create("reference", settings("pg-reference", "reference"))) {
      single.start().awaitReady(Duration.ofSeconds(60));
      Await.until("the reference instance has processed everything", Duration.ofSeconds(180), () ->
          Topics.caughtUp(stack.admin(), "pg-reference", inputs));
    }
    reference = Topics.alerts(stack.clientProperties(), stack.registryUrl(), "alerts-reference", Duration.ofSeconds(60));
    Figures.record("reliability.input", report.sent() + " records from " + ATHLETES + " simulated athletes ("
        + report.painReports() + " pain reports), " + reference.size() + " alerts in the undisturbed reference run");
    assertThat(reference).as("the reference run must raise alerts for the comparison to mean anything")
        .hasSizeGreaterThanOrEqualTo(20);
    assertThat(ids(reference)).as("the reference run itself writes no alert twice").hasSize(reference.size());
  }

  /** An instance of application {@code group} writing to {@code alerts-<run>} and {@code dlq-<run>}. */
  static Map<String, String> settings(String group, String run) {
    Map<String, String> settings = stack.appSettings(group, topics, "alerts-" + run, "dlq-" + run);
    settings.put("kafka.num.standby.replicas", "1");
    // Notice a dead member in 6 s (the broker's minimum) rather than 45 s, and abort its open
    // transaction after 5 s rather than 10 s: the figures are for these settings.
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    settings.put("kafka.transaction.timeout.ms", "5000");
    // The second instance joins while the first is already working: count it as caught up so it
    // gets active tasks at once instead of warming up until a probing rebalance minutes later.
    settings.put("kafka.acceptable.recovery.lag", "1000000");
    return settings;
  }

  @Test
  @Order(1)
  void killingOneOfTwoInstancesMidStreamLosesNoAlertAndDuplicatesNone() {
    String group = "pg-failover";
    try (AppInstance a = AppInstance.create("failover-a", settings(group, "failover"));
        AppInstance b = AppInstance.create("failover-b", settings(group, "failover"))) {
      // Given two instances of one application sharing the six tasks, a third of the way through
      startBoth(group, a, b);
      long lagAtKill = awaitThirdProcessed(group);
      Set<TopicPartition> victimPartitions = activityPartitionsOf(group, b.name());

      // When one of them is killed (SIGKILL: no shutdown hook, its transaction left open)
      Map<TopicPartition, Long> atKill = Topics.committed(stack.admin(), group);
      long killedAt = System.nanoTime();
      b.kill();

      // Then the survivor takes the victim's tasks over and carries on where they committed
      Await.until("the survivor owns every partition", Duration.ofSeconds(60), () ->
          Topics.assignments(stack.admin(), group).getOrDefault(a.name(), Set.of()).containsAll(victimPartitions));
      long ownedAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
      awaitProgress(group, victimPartitions, atKill);
      long resumedAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
      Await.until("the survivor has processed everything", Duration.ofSeconds(120), () ->
          Topics.caughtUp(stack.admin(), group, inputs));

      // And its alerts are exactly the reference's
      Figures.record("failover.lag-at-kill", lagAtKill + " records");
      Figures.record("failover.partitions-reassigned-ms", Long.toString(ownedAfterMs));
      Figures.record("failover.resume-ms", Long.toString(resumedAfterMs));
      assertSameAlertsAsReference("failover", "alerts-failover");
    }
  }

  @Test
  @Order(2)
  void stoppingAnInstanceWithSigtermAndRestartingItLosesNoAlertAndDuplicatesNone() {
    String group = "pg-restart";
    try (AppInstance a = AppInstance.create("restart-a", settings(group, "restart"));
        AppInstance b = AppInstance.create("restart-b", settings(group, "restart"))) {
      // Given two instances sharing the work, a third of the way through
      startBoth(group, a, b);
      awaitThirdProcessed(group);

      // When one is stopped gracefully (SIGTERM) and started again on the same state directory
      long stoppedAt = System.nanoTime();
      int exit = b.terminate(Duration.ofSeconds(60));
      long stopMs = (System.nanoTime() - stoppedAt) / 1_000_000;
      // 143 = 128 + SIGTERM: the JVM reports the signal even when the shutdown hooks finish cleanly.
      assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
      assertThat(b.logs()).contains("PainGuard stopped");
      b.start().awaitReady(Duration.ofSeconds(60));

      // Then the two finish the work, and the alerts are exactly the reference's
      Await.until("both have processed everything", Duration.ofSeconds(120), () ->
          Topics.caughtUp(stack.admin(), group, inputs));
      Figures.record("restart.sigterm-stop-ms", Long.toString(stopMs));
      assertSameAlertsAsReference("restart", "alerts-restart");
    }
  }

  @Test
  @Order(3)
  void stoppingAndRestartingTheBrokerMidStreamLosesNoAlertAndTheAppRecoversByItself() {
    String group = "pg-broker";
    try (AppInstance a = AppInstance.create("broker-a", settings(group, "broker"))) {
      // Given an instance a third of the way through
      a.start().awaitReady(Duration.ofSeconds(60));
      awaitThirdProcessed(group);

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
          Topics.caughtUp(stack.admin(), group, inputs));
      assertThat(a.jvm().isAlive()).as("the instance was never restarted").isTrue();
      Await.until("the instance is ready again", Duration.ofSeconds(30), a::isReady);
      Figures.record("broker-restart.caught-up-after-ms", Long.toString((System.nanoTime() - backAt) / 1_000_000));
      assertSameAlertsAsReference("broker-restart", "alerts-broker");
    }
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

  /** Waits until a third of the samples are processed; returns (and checks) what is left. */
  private static long awaitThirdProcessed(String group) {
    String activity = topics.activity();
    Await.until("a third of the samples processed", Duration.ofSeconds(120), () ->
        Topics.committed(stack.admin(), group).entrySet().stream()
            .filter(e -> e.getKey().topic().equals(activity))
            .mapToLong(Map.Entry::getValue)
            .sum() >= feed.samples() / 3);
    long lag = Topics.lag(stack.admin(), group, inputs);
    assertThat(lag).as("records still to process at the disruption").isGreaterThan(feed.samples() / 4);
    return lag;
  }

  private static Set<TopicPartition> activityPartitionsOf(String group, String instance) {
    Set<TopicPartition> owned = Topics.assignments(stack.admin(), group).getOrDefault(instance, Set.of()).stream()
        .filter(tp -> tp.topic().equals(topics.activity()))
        .collect(Collectors.toSet());
    assertThat(owned).as(instance + " owns activity partitions").isNotEmpty();
    return owned;
  }

  private static void awaitProgress(String group, Set<TopicPartition> partitions, Map<TopicPartition, Long> before) {
    // A partition the victim had already finished cannot progress: caught up counts as resumed.
    Map<TopicPartition, Long> ends = Topics.endOffsets(stack.admin(), Set.of(topics.activity()));
    Await.until("progress committed on " + partitions, Duration.ofSeconds(90), () -> {
      Map<TopicPartition, Long> now = Topics.committed(stack.admin(), group);
      return partitions.stream().allMatch(tp -> now.getOrDefault(tp, -1L) > before.getOrDefault(tp, -1L)
          || now.getOrDefault(tp, -1L) >= ends.getOrDefault(tp, Long.MAX_VALUE));
    });
  }

  private static void assertSameAlertsAsReference(String run, String topic) {
    List<ExertionAlert> actual = Topics.alerts(stack.clientProperties(), stack.registryUrl(), topic, Duration.ofSeconds(60));
    Map<String, Long> counts = actual.stream().collect(Collectors.groupingBy(ExertionAlert::getAlertId, Collectors.counting()));
    Set<String> duplicates = counts.entrySet().stream().filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey).collect(Collectors.toSet());
    Set<String> expected = ids(reference);
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(counts.keySet());
    Set<String> extra = new HashSet<>(counts.keySet());
    extra.removeAll(expected);
    Figures.record(run + ".alerts", actual.size() + " read (reference " + reference.size() + ")");
    Figures.record(run + ".lost", Integer.toString(missing.size()));
    Figures.record(run + ".duplicates", Integer.toString(duplicates.size()));
    Figures.record(run + ".unexpected", Integer.toString(extra.size()));
    if (!missing.isEmpty() || !extra.isEmpty()) {
      logDifferences(actual, missing, extra);
    }
    assertThat(duplicates).as(run + ": alerts written twice").isEmpty();
    assertThat(missing).as(run + ": alerts lost").isEmpty();
    assertThat(extra).as(run + ": alerts the reference run did not raise").isEmpty();
  }

  private static void logDifferences(List<ExertionAlert> actual, Set<String> missing, Set<String> extra) {
    Set<String> athletes = new TreeSet<>();
    reference.stream().filter(x -> missing.contains(x.getAlertId())).forEach(x -> athletes.add(x.getAthleteId()));
    actual.stream().filter(x -> extra.contains(x.getAlertId())).forEach(x -> athletes.add(x.getAthleteId()));
    for (String athlete : athletes) {
      LOG.warn("Athlete {} (partition {})\n  reference: {}\n  this run:  {}", athlete,
          Utils.toPositive(Utils.murmur2(athlete.getBytes(StandardCharsets.UTF_8))) % SystemStack.PARTITIONS,
          describe(reference, athlete), describe(actual, athlete));
    }
  }

  private static Set<String> ids(List<ExertionAlert> alerts) {
    return alerts.stream().map(ExertionAlert::getAlertId).collect(Collectors.toSet());
  }

  private static String describe(List<ExertionAlert> alerts, String athlete) {
    return alerts.stream().filter(a -> a.getAthleteId().equals(athlete))
        .sorted(Comparator.comparing(ExertionAlert::getEventTime))
        .map(a -> a.getState() + " " + a.getSeverity() + " " + a.getReasons() + " @" + a.getEventTime())
        .collect(Collectors.joining("; "));
  }

}
