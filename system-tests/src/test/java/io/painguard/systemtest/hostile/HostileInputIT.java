package io.painguard.systemtest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ExertionAlert;
import io.painguard.events.Severity;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.ProducerSettings;
import io.painguard.simulator.kafka.RecordEncoder;
import io.painguard.simulator.load.LoadSettings;
import io.painguard.systemtest.hostile.HostileCorpus.Bad;
import io.painguard.systemtest.hostile.ValidTraffic.Valid;
import io.painguard.systemtest.support.AlertComparison;
import io.painguard.systemtest.support.AppInstance;
import io.painguard.systemtest.support.Await;
import io.painguard.systemtest.support.Figures;
import io.painguard.systemtest.support.SystemStack;
import io.painguard.systemtest.support.Topics;
import io.painguard.topology.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Hostile input aimed at real athletes: over a thousand malformed records of every kind, keyed to
 * athletes that also send valid simulated traffic, mixed into that traffic. The same valid records
 * -- identical bytes, same order -- also go, without the malformed ones, to a second set of topics
 * that a second app instance processes: the clean reference run.
 *
 * <p>Each bad record must land in the dead-letter topic -- found by the source topic, partition and
 * offset its headers name -- with the expected reason and its original bytes; the DLQ holds nothing
 * else; the app answers ready throughout; and the alerts of the hostile run must be the reference's,
 * alert for alert and field for field: none lost, changed or extra.
 *
 * <p>All input is written before either app starts, so each task reads a backlog that it orders by
 * event time (README, "Time and ordering"): the two runs then judge the valid records in the same
 * order, which live arrival across three topics would not promise. Every record carries the
 * producer timestamp a live producer would have given it: the traffic's time where it goes.
 */
@Order(30)
class HostileInputIT {

  static final int PER_KIND = Integer.getInteger("painguard.hostile.per-kind", 70);
  /** Simulated athletes; every one sends valid traffic, and the malformed records are keyed to them. */
  static final int ATHLETES = Integer.getInteger("painguard.hostile.athletes", 48);
  /** Seconds of event time of valid traffic: one sample per athlete per second. */
  static final int SECONDS = Integer.getInteger("painguard.hostile.seconds", 300);
  /** Reference alerts about athletes who got malformed records: fewer would make the comparison weak. */
  static final int MIN_ALERTS_COMPARED = 20;
  static final long SEED = 11L;

  @Test
  void malformedRecordsAimedAtRealAthletesAreDeadLetteredAndChangeNoneOfTheirAlerts() throws Exception {
    SystemStack stack = SystemStack.shared();
    TopicNames hostile = stack.topics("hostile");
    TopicNames clean = stack.topics("hostile-clean");
    try (RecordEncoder encoder = new RecordEncoder(ProducerSettings.serdeConfig(stack.registryUrl(), Map.of()));
        KafkaProducer<byte[], byte[]> producer = producer(stack);
        AppInstance reference = AppInstance.create("hostile-clean",
            stack.appSettings("pg-hostile-clean", clean, "alerts-hostile-clean", "dlq-hostile-clean"));
        AppInstance app = AppInstance.create("hostile",
            stack.appSettings("pg-hostile", hostile, "alerts-hostile", "dlq-hostile"))) {
      // Given the same valid traffic on two sets of topics, and on the hostile set malformed
      // records mixed in, keyed to the same athletes -- all written before either app starts
      ValidTraffic valid = ValidTraffic.generate(loadSettings(), SECONDS, encoder, hostile);
      List<Valid> records = valid.records();
      int firstEvent = firstEvent(records);
      List<Bad> corpus = new HostileCorpus(hostile, encoder, 7L, valid.athletes(),
          f -> records.get(positionOf(f, firstEvent, records.size()) - 1).at()).generate(PER_KIND);
      Landed landed = write(producer, records, firstEvent, corpus, clean, hostile);
      Set<String> athletesHit = athletesHit(corpus, Set.copyOf(valid.athletes()));

      // When a clean app and a hostile app each process their backlog, the hostile one watched every 100 ms
      Set<String> cleanInputs = Set.of(clean.activity(), clean.pain(), clean.profile());
      Set<String> hostileInputs = Set.of(hostile.activity(), hostile.pain(), hostile.profile());
      reference.start();
      app.start().awaitReady(Duration.ofSeconds(60));
      ReadinessWatch watch = ReadinessWatch.start(app);
      try (watch) {
        reference.awaitReady(Duration.ofSeconds(60));
        Await.until("both apps have consumed everything", Duration.ofSeconds(120), () ->
            Topics.caughtUp(stack.admin(), "pg-hostile-clean", cleanInputs)
                && Topics.caughtUp(stack.admin(), "pg-hostile", hostileInputs));
      }

      // (the figures first, so that a failing run reports them too)
      List<ExertionAlert> cleanAlerts =
          Topics.alerts(stack.clientProperties(), stack.registryUrl(), "alerts-hostile-clean", Duration.ofSeconds(30));
      List<ExertionAlert> alerts =
          Topics.alerts(stack.clientProperties(), stack.registryUrl(), "alerts-hostile", Duration.ofSeconds(30));
      AlertComparison comparison = AlertComparison.of(cleanAlerts, alerts);
      long compared = cleanAlerts.stream().filter(a -> athletesHit.contains(a.getAthleteId())).count();
      Figures.record("hostile.injected", corpus.size() + " malformed among " + records.size() + " valid records ("
          + valid.athletes().size() + " athletes, " + SECONDS + " s of event time, " + valid.painReports() + " pain reports)");
      Figures.record("hostile.athletes-hit", athletesHit.size() + " of " + valid.athletes().size()
          + ", on all " + SystemStack.PARTITIONS + " partitions of each input topic");
      Figures.record("hostile.alerts-compared", cleanAlerts.size() + " alerts of the clean run, " + compared
          + " about athletes hit; hostile run " + alerts.size());
      Figures.record("hostile.differences", comparison.count() + " (lost " + comparison.lost().size()
          + ", changed " + comparison.changed().size() + ", extra " + comparison.extra().size() + ", duplicates " + comparison.duplicates().size() + ")");
      Figures.record("hostile.not-ready-probes", watch.notReady() + " of " + watch.probes());

      // Then the hostile app stayed ready throughout, and no stream thread died
      assertThat(watch.notReady()).as("readiness probes (of " + watch.probes() + ") that were not 200").isZero();
      assertThat(app.logs()).doesNotContain("Stream thread").doesNotContain("-> ERROR");

      // And every bad record, and nothing else, is on the DLQ with its reason and original bytes
      assertDeadLettered(stack, landed.byOffset());
      assertThat(Topics.readAll(stack.clientProperties(), "dlq-hostile-clean", Duration.ofSeconds(30)))
          .as("dead letters of the clean run (its input is all valid)").isEmpty();
      assertThat(corpus).hasSizeGreaterThanOrEqualTo(1_000);
      assertThat(landed.partitionsHit()).as("partitions the keyed malformed records reached, per input topic")
          .containsOnlyKeys(hostileInputs)
          .allSatisfy((topic, partitions) -> assertThat(partitions).hasSize(SystemStack.PARTITIONS));

      // And the athletes' alerts are exactly the clean run's: none lost, changed or extra
      assertThat(comparison.count()).as("alerts that differ from the clean run:\n" + comparison.describe(cleanAlerts, alerts)).isZero();
      assertThat(compared).as("clean-run alerts about athletes who got malformed records").isGreaterThanOrEqualTo(MIN_ALERTS_COMPARED);
      assertThat(alerts).as("the watched athlete's radiculopathy report was referred").anySatisfy(a -> {
        assertThat(a.getAthleteId()).isEqualTo(valid.watchedAthlete());
        assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      });
    }
  }

  /**
   * Every athlete is in pain at some point, and most of those train too hard: the run then raises
   * enough alerts in a few minutes of event time. Event time starts two hours back, so every record
   * is history by the time it is sent and the wall-clock caps never change what the app computes.
   */
  private static LoadSettings loadSettings() {
    Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    return new LoadSettings(ATHLETES, SEED, start, 1.0, 0.8, LoadSettings.DEFAULT_COMPLY_PROBABILITY,
        LoadSettings.DEFAULT_PROFILE_SHARE);
  }

  /** Index of the first record after the profiles: the malformed records go among the events. */
  private static int firstEvent(List<Valid> records) {
    int i = 0;
    while (records.get(i).topic() == InputTopic.PROFILE) {
      i++;
    }
    return i;
  }

  /** How many valid records precede a malformed one placed at fraction {@code f} of the events. */
  private static int positionOf(double f, int firstEvent, int size) {
    return firstEvent + 1 + (int) (f * (size - firstEvent - 1));
  }

  /** Where the malformed records landed: by topic-partition@offset, and the partitions the keyed ones reached. */
  private record Landed(Map<String, Bad> byOffset, Map<String, Set<Integer>> partitionsHit) {}

  /**
   * Writes the valid records to the clean topics, then the same records to the hostile topics with
   * the malformed ones among the events, each where its placement says; waits for every
   * acknowledgement. One idempotent producer: each partition keeps the order of the sends.
   */
  private static Landed write(KafkaProducer<byte[], byte[]> producer, List<Valid> records, int firstEvent,
      List<Bad> corpus, TopicNames clean, TopicNames hostile) throws Exception {
    List<Future<RecordMetadata>> validSends = new ArrayList<>();
    for (Valid r : records) {
      validSends.add(send(producer, clean.nameOf(r.topic()), r));
    }
    Map<Future<RecordMetadata>, Bad> badSends = new LinkedHashMap<>();
    int next = 0;
    for (int k = 0; k < records.size(); k++) {
      while (next < corpus.size()
          && positionOf(HostileCorpus.placement(next, corpus.size()), firstEvent, records.size()) == k) {
        Bad bad = corpus.get(next++);
        badSends.put(producer.send(
            new ProducerRecord<>(bad.topic(), null, bad.sentAt().toEpochMilli(), bad.key(), bad.value())), bad);
      }
      validSends.add(send(producer, hostile.nameOf(records.get(k).topic()), records.get(k)));
    }
    producer.flush();
    for (Future<RecordMetadata> f : validSends) {
      f.get();
    }
    assertThat(next).as("malformed records mixed in").isEqualTo(corpus.size());
    Map<String, Bad> byOffset = new HashMap<>();
    Map<String, Set<Integer>> partitionsHit = new TreeMap<>();
    for (var e : badSends.entrySet()) {
      RecordMetadata m = e.getKey().get();
      byOffset.put(m.topic() + "-" + m.partition() + "@" + m.offset(), e.getValue());
      if (e.getValue().key() != null) {
        partitionsHit.computeIfAbsent(m.topic(), t -> new TreeSet<>()).add(m.partition());
      }
    }
    return new Landed(byOffset, partitionsHit);
  }

  /** The load athletes a malformed record was keyed to. */
  private static Set<String> athletesHit(List<Bad> corpus, Set<String> athletes) {
    Set<String> hit = new HashSet<>();
    for (Bad bad : corpus) {
      if (bad.key() != null && athletes.contains(new String(bad.key(), StandardCharsets.UTF_8))) {
        hit.add(new String(bad.key(), StandardCharsets.UTF_8));
      }
    }
    return hit;
  }

  private static void assertDeadLettered(SystemStack stack, Map<String, Bad> expected) {
    List<ConsumerRecord<byte[], byte[]>> dlq = Topics.readAll(stack.clientProperties(), "dlq-hostile", Duration.ofSeconds(60));
    Map<String, Integer> byReason = new TreeMap<>();
    Map<String, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : dlq) {
      String where = DeadLetters.header(r.headers(), DeadLetters.TOPIC) + "-"
          + DeadLetters.header(r.headers(), DeadLetters.PARTITION) + "@"
          + DeadLetters.header(r.headers(), DeadLetters.OFFSET);
      assertThat(found.put(where, r)).as("dead-lettered twice: " + where).isNull();
      byReason.merge(DeadLetters.header(r.headers(), DeadLetters.REASON), 1, Integer::sum);
    }
    Figures.record("hostile.dead-lettered", dlq.size() + " " + byReason);
    assertThat(found.keySet()).as("the DLQ holds exactly the malformed records").isEqualTo(expected.keySet());
    for (var e : expected.entrySet()) {
      ConsumerRecord<byte[], byte[]> dead = found.get(e.getKey());
      Bad bad = e.getValue();
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.REASON)).as(bad.kind()).isEqualTo(bad.expectedReason());
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.ERROR_CLASS)).as(bad.kind()).isNotBlank();
      assertThat(dead.key()).as(bad.kind() + " key").isEqualTo(bad.key());
      assertThat(dead.value()).as(bad.kind() + " value").isEqualTo(bad.value());
    }
    assertThat(dlq).hasSize(expected.size());
  }

  /**
   * A valid record, stamped with its event time (as a live producer would have sent it) so that both
   * runs get the very same records.
   */
  private static Future<RecordMetadata> send(KafkaProducer<byte[], byte[]> producer, String topic, Valid r) {
    return producer.send(new ProducerRecord<>(topic, null, r.at().toEpochMilli(), r.key(), r.value()));
  }

  private static KafkaProducer<byte[], byte[]> producer(SystemStack stack) {
    Map<String, Object> props = new HashMap<>(stack.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Probes {@code /health/ready} every 100 ms on its own thread until closed. */
  private static final class ReadinessWatch implements AutoCloseable {
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger notReady = new AtomicInteger();
    private Thread thread;

    static ReadinessWatch start(AppInstance app) {
      ReadinessWatch watch = new ReadinessWatch();
      watch.thread = new Thread(() -> {
        while (watch.watching.get()) {
          watch.probes.incrementAndGet();
          if (app.status("/health/ready") != 200) {
            watch.notReady.incrementAndGet();
          }
          Await.sleep(100);
        }
      }, "readiness-watcher");
      watch.thread.start();
      return watch;
    }

    @Override
    public void close() throws InterruptedException {
      watching.set(false);
      thread.join();
    }

    int probes() {
      return probes.get();
    }

    int notReady() {
      return notReady.get();
    }
  }
}
