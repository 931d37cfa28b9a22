package io.painguard.bench.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: the cheapest correct way to move the input through this broker. Each thread
 * consumes its share of the input partitions and produces every record's bytes unchanged (key,
 * value, headers, timestamp) to the same partition of a sink topic -- no deserialization, no
 * state. Progress is committed every {@code commit.interval.ms} like Kafka Streams does: with
 * exactly-once in a transaction together with the output (read_committed input, transactional
 * producer), otherwise after a producer flush (at-least-once).
 *
 * <p>Partitions are assigned statically (thread i takes partition numbers i, i + threads, ...), so
 * no rebalance interrupts the copy; offsets are still committed under the group id, where the
 * bench watches them.
 */
final class CopyWorker implements Worker {

  /** Kafka Streams' default under exactly-once; the bench passes its own value. */
  static final long DEFAULT_COMMIT_INTERVAL_MS = 100;

  private final WorkerSpec spec;
  private final List<Thread> threads = new ArrayList<>();
  private final LongAdder copied = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private volatile boolean running = true;
  private volatile String failure;

  CopyWorker(WorkerSpec spec) {
    this.spec = spec;
  }

  @Override
  public void start(Runnable ready) {
    Map<String, String> sinks = new HashMap<>();
    for (int i = 0; i < spec.inputs().size(); i++) {
      sinks.put(spec.inputs().get(i), spec.outputs().get(i));
    }
    List<TopicPartition> all = partitions();
    AtomicInteger started = new AtomicInteger();
    for (int t = 0; t < spec.threads(); t++) {
      List<TopicPartition> mine = new ArrayList<>();
      for (TopicPartition tp : all) {
        if (tp.partition() % spec.threads() == t) {
          mine.add(tp);
        }
      }
      int index = t;
      Thread thread =
          new Thread(
              () -> copyLoop(index, mine, sinks, () -> {
                if (started.incrementAndGet() == spec.threads()) {
                  ready.run();
                }
              }),
              "copy-" + t);
      threads.add(thread);
      thread.start();
    }
  }

  private List<TopicPartition> partitions() {
    try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(consumerConfig())) {
      List<TopicPartition> out = new ArrayList<>();
      for (String topic : spec.inputs()) {
        for (PartitionInfo p : probe.partitionsFor(topic, Duration.ofSeconds(30))) {
          out.add(new TopicPartition(topic, p.partition()));
        }
      }
      return out;
    }
  }

  private void copyLoop(
      int index, List<TopicPartition> mine, Map<String, String> sinks, Runnable ready) {
    long intervalNanos =
        Long.parseLong(spec.kafkaOverrides().getOrDefault("commit.interval.ms",
            Long.toString(DEFAULT_COMMIT_INTERVAL_MS))) * 1_000_000L;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(index))) {
      consumer.assign(mine);
      ConsumerGroupMetadata group = new ConsumerGroupMetadata(spec.name());
      if (spec.exactlyOnce()) {
        producer.initTransactions();
        producer.beginTransaction();
      }
      ready.run();
      Map<TopicPartition, OffsetAndMetadata> pending = new LinkedHashMap<>();
      long nextCommit = System.nanoTime() + intervalNanos;
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(20));
        for (ConsumerRecord<byte[], byte[]> r : records) {
          producer.send(
              new ProducerRecord<>(
                  sinks.get(r.topic()), r.partition(), r.timestamp(), r.key(), r.value(), r.headers()));
          pending.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        copied.add(records.count());
        long now = System.nanoTime();
        if (now - nextCommit >= 0) {
          if (!pending.isEmpty()) {
            commit(consumer, producer, group, pending);
          }
          nextCommit = now + intervalNanos;
        }
      }
      if (!pending.isEmpty()) {
        commit(consumer, producer, group, pending);
      }
      if (spec.exactlyOnce()) {
        // Leave no transaction open: a producer closed inside one waits for the broker to time
        // it out (request.timeout.ms) before it lets go.
        producer.abortTransaction();
      }
    } catch (RuntimeException e) {
      failure = "copy thread " + index + " failed: " + e;
      throw e;
    }
  }

  private void commit(
      KafkaConsumer<byte[], byte[]> consumer,
      KafkaProducer<byte[], byte[]> producer,
      ConsumerGroupMetadata group,
      Map<TopicPartition, OffsetAndMetadata> pending) {
    if (spec.exactlyOnce()) {
      producer.sendOffsetsToTransaction(pending, group);
      producer.commitTransaction();
      producer.beginTransaction();
    } else {
      producer.flush();
      consumer.commitSync(pending);
    }
    pending.clear();
    commits.increment();
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(spec.clientProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, spec.name());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Kafka Streams' own consumer default.
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    config.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, spec.exactlyOnce() ? "read_committed" : "read_uncommitted");
    prefixed("consumer.").forEach(config::put);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return config;
  }

  private Map<String, Object> producerConfig(int index) {
    Map<String, Object> config = new HashMap<>(spec.clientProperties());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    if (spec.exactlyOnce()) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, spec.name() + "-" + index);
    }
    prefixed("producer.").forEach(config::put);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return config;
  }

  private Map<String, String> prefixed(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    spec.kafkaOverrides().forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  @Override
  public Map<String, Long> counters() {
    return Map.of("copied", copied.sum(), "commits", commits.sum());
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
