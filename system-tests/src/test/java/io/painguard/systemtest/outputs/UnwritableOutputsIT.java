package io.painguard.systemtest.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Severity;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.ProducerSettings;
import io.painguard.simulator.kafka.RecordEncoder;
import io.painguard.stack.LocalStack;
import io.painguard.systemtest.support.AlertWatch;
import io.painguard.systemtest.support.AppInstance;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.Metrics;
import io.painguard.systemtest.support.SystemStack;
import io.painguard.systemtest.support.Topics;
import io.painguard.topology.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Output topics the app cannot write to, on a broker with an authorizer (StandardAuthorizer,
 * everything allowed unless an ACL says otherwise; the clients are User:ANONYMOUS):
 *
 * <ul>
 *   <li>a dead-letter topic that refuses writes, at start or from some moment on, or takes smaller
 *       records than the dead-letter cap, degrades the app -- stubs, or dead letters counted and
 *       skipped -- and never stops the other athletes' alerts;
 *   <li>an alerts topic that refuses writes is refused at start in one sentence; from some moment
 *       on, the alert is never dropped: the app stops progressing, says so on {@code /health/ready}
 *       and then {@code /health/live}, stops promptly on SIGTERM, and writes the alert once the
 *       refusal is lifted.
 * </ul>
 */
@Order(37)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnwritableOutputsIT {

  static final String TOKEN = "system-test-admin-token";
  static final Duration ALERT_DEADLINE = Duration.ofSeconds(60);

  private SystemStack stack;
  private RecordEncoder encoder;
  private KafkaProducer<byte[], byte[]> producer;

  @BeforeAll
  void startStack() {
    stack = SystemStack.start(LocalStack.builder()
        .brokerProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .brokerProperty("allow.everyone.if.no.acl.found", "true"));
    encoder = new RecordEncoder(ProducerSettings.serdeConfig(stack.registryUrl(), Map.of()));
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @AfterAll
  void stopStack() {
    if (producer != null) {
      producer.close();
    }
    if (encoder != null) {
      encoder.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aDeadLetterTopicThatRefusesWritesFromTheStartDegradesTheApp() throws Exception {
    Run run = new Run("dlq-denied-at-start");
    deny(run.dlq);
    try (AppInstance app = run.app(); AlertWatch alerts = run.alerts()) {
      app.start().awaitReady(Duration.ofSeconds(60));
      assertThat(Metrics.value(scrape(app), "painguard_dlq_writable")).isEqualTo(0.0);

      long sent = run.poisonThenReport(new byte[] {1, 2, 3});

      awaitReferral(alerts, run.watched, sent, "dlq.denied-at-start.alert-after-dead-letter");
      Await.until("the skipped dead letter counted", Duration.ofSeconds(30), () ->
          Metrics.value(scrape(app), "painguard_dlq_skipped_total{reason=\"UNDECODABLE\"") == 1.0);
      assertThat(Metrics.value(scrape(app), "painguard_stream_thread_replacements_total")).isEqualTo(0.0);
      assertThat(app.logs()).contains("Dead letter of " + run.topics.activity());
      assertThat(app.isReady()).isTrue();
    }
  }

  @Test
  void aDeadLetterTopicThatStartsRefusingWritesCostsOneThreadReplacement() throws Exception {
    Run run = new Run("dlq-denied-later");
    try (AppInstance app = run.app(); AlertWatch alerts = run.alerts()) {
      app.start().awaitReady(Duration.ofSeconds(60));
      deny(run.dlq);

      long sent = run.poisonThenReport(new byte[] {1, 2, 3});

      awaitReferral(alerts, run.watched, sent, "dlq.denied-later.alert-after-dead-letter");
      String metrics = scrape(app);
      assertThat(Metrics.value(metrics, "painguard_stream_thread_replacements_total")).isEqualTo(1.0);
      assertThat(Metrics.value(metrics, "painguard_dlq_skipped_total{reason=\"UNDECODABLE\"")).isEqualTo(1.0);
      assertThat(Metrics.value(metrics, "painguard_dlq_writable")).isEqualTo(0.0);
      assertThat(app.logs()).contains("The dead-letter topic is unwritable");
    }
  }

  @Test
  void aDeadLetterTopicThatTakesSmallerRecordsGetsStubsThatFit() throws Exception {
    Run run = new Run("dlq-small", Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16384"));
    try (AppInstance app = run.app(); AlertWatch alerts = run.alerts()) {
      app.start().awaitReady(Duration.ofSeconds(60));
      byte[] poison = incompressible(50_000);

      long sent = run.poisonThenReport(poison);

      awaitReferral(alerts, run.watched, sent, "dlq.small.alert-after-dead-letter");
      ConsumerRecord<byte[], byte[]> stub = run.onlyDeadLetter();
      assertThat(DeadLetters.header(stub.headers(), "painguard.dlq.stub")).isEqualTo("TOO_LARGE");
      assertThat(DeadLetters.header(stub.headers(), "painguard.dlq.original.size")).isEqualTo("50000");
      assertThat(stub.value().length).isPositive().isLessThan(16384);
      assertThat(Metrics.value(scrape(app), "painguard_stream_thread_replacements_total")).isEqualTo(0.0);
    }
  }

  @Test
  void aDeadLetterTopicWhoseLimitShrinksWhileRunningGetsAFailureStub() throws Exception {
    Run run = new Run("dlq-shrinks");
    try (AppInstance app = run.app(); AlertWatch alerts = run.alerts()) {
      app.start().awaitReady(Duration.ofSeconds(60));
      ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, run.dlq);
      stack.admin().incrementalAlterConfigs(Map.of(dlq, List.of(new AlterConfigOp(
          new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8192"), AlterConfigOp.OpType.SET)))).all().get();
      byte[] poison = incompressible(50_000);

      long sent = run.poisonThenReport(poison);

      awaitReferral(alerts, run.watched, sent, "dlq.shrinks.alert-after-dead-letter");
      ConsumerRecord<byte[], byte[]> stub = run.onlyDeadLetter();
      assertThat(DeadLetters.header(stub.headers(), DeadLetters.REASON)).isEqualTo("UNDECODABLE");
      assertThat(DeadLetters.header(stub.headers(), "painguard.dlq.stub")).isEqualTo("WRITE_FAILED");
      assertThat(DeadLetters.header(stub.headers(), "painguard.dlq.original.size")).isEqualTo("50000");
      assertThat(stub.value()).isEqualTo(java.util.Arrays.copyOf(poison, 1024));
      String metrics = scrape(app);
      assertThat(Metrics.value(metrics, "painguard_dlq_stubs_total{cause=\"WRITE_FAILED\"")).isEqualTo(1.0);
      assertThat(Metrics.value(metrics, "painguard_stream_thread_replacements_total")).isEqualTo(1.0);
    }
  }

  @Test
  void anAlertsTopicThatRefusesWritesAtStartIsRefusedInOneSentence() throws Exception {
    Run run = new Run("alerts-denied-at-start");
    deny(run.alerts);
    try (AppInstance app = run.app()) {
      app.start();
      assertThat(app.jvm().awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(app.logs()).contains("painguard app: This principal may not write to topic '" + run.alerts + "' on "
          + stack.bootstrapServers() + "; grant it WRITE there (alerts are never dropped, so without it the app could only stall).");
    }
  }

  @Test
  void anAlertThatCannotBeWrittenIsNeverDroppedAndHealthSaysTheAppIsStuck() throws Exception {
    Run run = new Run("alerts-denied-later");
    // 5 s rather than the default 60 s: what is tested is that live follows ready once the grace is
    // over, and 5 s still keeps the two apart (ready fails ~1.5 s after the report, the grace counts
    // from the third replacement, ~7 s). The grace also decides how long the wait for "another
    // replacement" below takes: the restart pauses double (1, 2, 4, 8, 16 s), so with 15 s the next
    // replacement after live failed came only after the 16 s pause (~20 s of waiting), with 5 s it
    // is the one after the 8 s pause. The default's own figure is that grace plus a check interval
    // (67-68 s measured with it).
    Duration grace = Duration.ofSeconds(5);
    try (AppInstance app = run.appWithLivenessGrace(grace); AlertWatch alerts = run.alerts()) {
      app.start().awaitReady(Duration.ofSeconds(60));
      deny(run.alerts);

      long sent = run.poisonThenReport(null);

      Await.until("/health/ready 503", Duration.ofSeconds(60), () -> app.status("/health/ready") == 503);
      Figures.record("alerts.denied.ready-503-after", seconds(sent) + " s");
      Await.until("/health/live 503", Duration.ofSeconds(120), () -> app.status("/health/live") == 503);
      Figures.record("alerts.denied.live-503-after", seconds(sent) + " s (liveness-grace " + grace.toSeconds() + " s)");
      assertThat(System.nanoTime() - sent).as("live fails only once the grace is over").isGreaterThanOrEqualTo(grace.toNanos());
      assertThat(Metrics.value(scrape(app), "painguard_stream_thread_replacements_total")).isGreaterThanOrEqualTo(2.0);
      assertThat(alerts.poll()).noneMatch(a -> a.getAthleteId().equals(run.watched));

      // SIGTERM a few seconds after a thread was replaced: before the fix the replacement was still
      // waiting to join the group (the dead member stayed in it for the 45 s session timeout), and
      // that pending join held Kafka Streams' close for the whole 30 s shutdown timeout.
      long replaced = replacements(app);
      Await.until("another stream-thread replacement", Duration.ofSeconds(60), () -> replacements(app) > replaced);
      // A fixed wait on purpose: "a few seconds after the replacement" is the moment under test.
      Await.sleep(5000);
      long stopping = System.nanoTime();
      assertThat(app.terminate(Duration.ofSeconds(15))).as("exit status after SIGTERM").isIn(0, 143);
      Figures.record("alerts.denied.sigterm-to-exit", seconds(stopping) + " s");

      allow(run.alerts);
      long restarted = System.nanoTime();
      app.start().awaitReady(Duration.ofSeconds(60));
      Await.until("the referral, once the alerts topic takes it", ALERT_DEADLINE, () ->
          alerts.poll().stream().anyMatch(a -> a.getAthleteId().equals(run.watched)));
      Figures.record("alerts.denied.alert-after-restart", seconds(restarted) + " s");
      List<ExertionAlert> referrals = alerts.poll().stream().filter(a -> a.getAthleteId().equals(run.watched)).toList();
      assertThat(referrals).hasSize(1);
    }
  }

  // ---- helpers ----

  /** One test's topics, app and athletes. */
  private final class Run {
    final String name;
    final TopicNames topics;
    final String alerts;
    final String dlq;
    final String poisoned = "unwritable-poison";
    final String watched;

    Run(String name) throws Exception {
      this(name, Map.of());
    }

    Run(String name, Map<String, String> dlqConfig) throws Exception {
      this.name = name;
      this.topics = stack.topics(name);
      this.alerts = name + "-alerts";
      this.dlq = name + "-dlq";
      stack.createTopics(alerts);
      stack.admin().createTopics(List.of(new NewTopic(dlq, SystemStack.PARTITIONS, (short) 1).configs(dlqConfig))).all().get();
      this.watched = athleteOnPartitionOf(poisoned);
    }

    AppInstance app() {
      return AppInstance.create(name, settings());
    }

    /** The app with {@code painguard.health.liveness-grace} shortened, so the wait for /health/live costs the suite less. */
    AppInstance appWithLivenessGrace(Duration grace) {
      Map<String, String> settings = settings();
      settings.put("painguard.health.liveness-grace", grace.toSeconds() + "s");
      return AppInstance.create(name, settings);
    }

    /**
     * The stack's app settings, with the restore consumer's empty fetches held 50 ms rather than
     * 500 ms: every start here restores six tasks' empty changelogs, one after the other, and each
     * waited out those fetches before it counted as restored. Nothing under test reads through it.
     */
    private Map<String, String> settings() {
      Map<String, String> settings = stack.appSettings("pg-" + name, topics, alerts, dlq);
      settings.put("kafka.restore.consumer.fetch.max.wait.ms", "50");
      return settings;
    }

    AlertWatch alerts() {
      return new AlertWatch(stack.clientProperties(), stack.registryUrl(), alerts);
    }

    /**
     * A record whose value is {@code poison} (null: none) for one athlete, then a radiculopathy
     * report from another on the same partition, timed after it so the task processes it after the
     * poison; returns when the report was sent (nanos).
     */
    long poisonThenReport(byte[] poison) throws Exception {
      if (poison != null) {
        producer.send(new ProducerRecord<>(topics.activity(), bytes(poisoned), poison)).get();
      }
      long sent = System.nanoTime();
      PainReport report = PainReport.newBuilder()
          .setReportId(watched + "-report").setAthleteId(watched)
          .setTimestamp(Instant.now()).setLevel(5)
          .setSensations(List.of(PainSensation.PINS_AND_NEEDLES)).build();
      producer.send(new ProducerRecord<>(topics.pain(), bytes(watched), encoder.encode(topics.pain(), report))).get();
      return sent;
    }

    ConsumerRecord<byte[], byte[]> onlyDeadLetter() {
      List<ConsumerRecord<byte[], byte[]>> all = Topics.readAll(stack.clientProperties(), dlq, Duration.ofSeconds(30));
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static void awaitReferral(AlertWatch alerts, String athlete, long sentNanos, String figure) {
    Await.until("a SEEK_MEDICAL_ATTENTION alert for " + athlete, ALERT_DEADLINE, () ->
        alerts.poll().stream().anyMatch(a -> a.getAthleteId().equals(athlete) && a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION));
    Figures.record(figure, seconds(sentNanos) + " s");
  }

  /**
   * Denies User:ANONYMOUS (every client here) WRITE on the topic, and waits until the broker applies
   * it. Once a topic has an ACL, allow.everyone.if.no.acl.found no longer covers it, so everything
   * else is allowed explicitly (a DENY wins over an ALLOW).
   */
  private void deny(String topic) throws Exception {
    ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
    stack.admin().createAcls(List.of(
        new AclBinding(resource, new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.ALL, AclPermissionType.ALLOW)),
        new AclBinding(resource, new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.WRITE, AclPermissionType.DENY))))
        .all().get();
    Await.until("the broker denies writes to " + topic, Duration.ofSeconds(30), () -> !mayWrite(topic));
  }

  private void allow(String topic) throws Exception {
    stack.admin().deleteAcls(List.of(new AclBindingFilter(
        new ResourcePatternFilter(ResourceType.TOPIC, topic, PatternType.LITERAL), AccessControlEntryFilter.ANY))).all().get();
    Await.until("the broker allows writes to " + topic, Duration.ofSeconds(30), () -> mayWrite(topic));
  }

  private boolean mayWrite(String topic) {
    try {
      var ops = stack.admin().describeTopics(List.of(topic), new DescribeTopicsOptions().includeAuthorizedOperations(true))
          .allTopicNames().get().get(topic).authorizedOperations();
      return ops.contains(AclOperation.WRITE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  private static long replacements(AppInstance app) {
    return app.logs().lines().filter(l -> l.contains("Replacing thread in the streams uncaught exception handler")).count();
  }

  private static String scrape(AppInstance app) {
    return app.get("/metrics", TOKEN);
  }

  private static String athleteOnPartitionOf(String other) {
    int partition = partition(other);
    for (int i = 0; ; i++) {
      String athlete = "unwritable-athlete-" + i;
      if (partition(athlete) == partition) {
        return athlete;
      }
    }
  }

  private static int partition(String key) {
    return Utils.toPositive(Utils.murmur2(bytes(key))) % SystemStack.PARTITIONS;
  }

  private static byte[] incompressible(int size) {
    byte[] value = new byte[size];
    new Random(15).nextBytes(value);
    value[0] = 1; // no magic byte: undecodable
    return value;
  }

  private static String seconds(long sinceNanos) {
    return String.format("%.1f", (System.nanoTime() - sinceNanos) / 1e9);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
