package io.painguard.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store kept in a compacted Kafka topic, as Confluent's registry keeps {@code _schemas}: every
 * change is one record, and opening the store reads the whole topic back, so ids, versions,
 * deletions and configuration survive a restart.
 *
 * <p>A write is acknowledged only after the broker acknowledged the record (acks=all, idempotent
 * producer) and the in-memory view was updated. The store assumes it is the topic's only writer:
 * it reads the topic once, on open, and does not follow other writers. Run one registry per topic;
 * there is no leader election.
 */
public final class KafkaSchemaStore implements SchemaStore {

  public static final String DEFAULT_TOPIC = "_schemas";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  /** Backstop above the producer's own delivery timeout, so a write never hangs. */
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(45);

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final RegistryState state;
  private final Object writeLock = new Object();
  private volatile boolean closed;

  private KafkaSchemaStore(KafkaProducer<byte[], byte[]> producer, String topic, RegistryState state) {
    this.producer = producer;
    this.topic = topic;
    this.state = state;
  }

  /** Opens the store on {@value #DEFAULT_TOPIC} with replication factor 1. */
  public static KafkaSchemaStore open(Map<String, Object> kafkaClientProps) {
    return open(kafkaClientProps, DEFAULT_TOPIC, 1);
  }

  /** Opens the store on the topic, creating it with replication factor 1 if it is missing. */
  public static KafkaSchemaStore open(Map<String, Object> kafkaClientProps, String topic) {
    return open(kafkaClientProps, topic, 1);
  }

  /**
   * Opens the store: creates the topic if missing (compacted, one partition), reads it back, and
   * gets ready to write.
   *
   * @param kafkaClientProps bootstrap.servers and any security settings; passed to the admin
   *                         client, consumer and producer as they are
   * @throws SchemaStoreException if Kafka cannot be reached or the topic cannot be read in time
   */
  public static KafkaSchemaStore open(Map<String, Object> kafkaClientProps, String topic,
      int replicationFactor) {
    String bootstrap = String.valueOf(kafkaClientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    try {
      ensureTopic(kafkaClientProps, topic, replicationFactor, bootstrap);
      RegistryState state = new RegistryState();
      int records = load(kafkaClientProps, topic, state, bootstrap);
      LOG.info("Schema store read {} records from topic '{}'; highest schema id {}",
          records, topic, state.highestId());
      return new KafkaSchemaStore(new KafkaProducer<>(producerProps(kafkaClientProps)), topic, state);
    } catch (KafkaException e) {
      // Typically a client setting Kafka refuses (bad bootstrap address, incomplete SASL/SSL).
      throw new SchemaStoreException("Could not open the schema store on topic '" + topic
          + "' at Kafka " + bootstrap + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(StoreChange change) {
    StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(change);
    synchronized (writeLock) {
      if (closed) {
        throw new SchemaStoreException("The schema store is closed");
      }
      try {
        producer.send(new ProducerRecord<>(topic, 0, encoded.key(), encoded.value()))
            .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaStoreException("Interrupted while writing to topic '" + topic + "'", e);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        throw new SchemaStoreException("Could not write to topic '" + topic + "': " + cause, cause);
      }
      state.apply(change);
    }
  }

  @Override
  public RegistryState state() {
    return state;
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    producer.close(Duration.ofSeconds(5));
  }

  private static void ensureTopic(Map<String, Object> props, String topic, int replicationFactor,
      String bootstrap) {
    try (Admin admin = Admin.create(adminProps(props))) {
      Optional<TopicDescription> existing = describe(admin, topic);
      if (existing.isEmpty()) {
        NewTopic newTopic = new NewTopic(topic, 1, (short) replicationFactor)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
          admin.createTopics(List.of(newTopic)).all()
              .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          LOG.info("Created schemas topic '{}' (compacted, replication factor {})",
              topic, replicationFactor);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
        return;
      }
      int partitions = existing.get().partitions().size();
      if (partitions != 1) {
        throw new SchemaStoreException("The schemas topic '" + topic + "' has " + partitions
            + " partitions; it must have exactly one so changes keep their order");
      }
      warnIfNotCompacted(admin, topic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaStoreException("Interrupted while preparing topic '" + topic + "'", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new SchemaStoreException("Could not prepare the schemas topic '" + topic
          + "' on Kafka at " + bootstrap + ": " + cause, cause);
    }
  }

  private static Optional<TopicDescription> describe(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return Optional.of(admin.describeTopics(Set.of(topic)).allTopicNames()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static void warnIfNotCompacted(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(Set.of(resource)).all()
        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG) == null
        ? "" : config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
      LOG.warn("Schemas topic '{}' has cleanup.policy={}; it should be compact, or retention"
          + " will eventually delete registered schemas", topic, policy);
    }
  }

  /** Applies every record of the topic, from the start to the end offset seen on open. */
  private static int load(Map<String, Object> props, String topic, RegistryState state,
      String bootstrap) {
    TopicPartition partition = new TopicPartition(topic, 0);
    int count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(props))) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), ADMIN_TIMEOUT).get(partition);
      long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
      while (consumer.position(partition, ADMIN_TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new SchemaStoreException("Could not read the schemas topic '" + topic
              + "' from Kafka at " + bootstrap + " within " + LOAD_TIMEOUT.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          applyRecord(record, state);
          count++;
        }
      }
    } catch (KafkaException e) {
      throw new SchemaStoreException("Could not read the schemas topic '" + topic
          + "' from Kafka at " + bootstrap + ": " + e.getMessage(), e);
    }
    return count;
  }

  private static void applyRecord(ConsumerRecord<byte[], byte[]> record, RegistryState state) {
    if (record.key() == null) {
      return;
    }
    try {
      StoreRecordCodec.decode(record.key(), record.value()).ifPresent(state::apply);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Skipping unreadable record at offset {} of the schemas topic: {}",
          record.offset(), e.getMessage());
    }
  }

  private static Map<String, Object> adminProps(Map<String, Object> props) {
    Map<String, Object> result = new HashMap<>(props);
    result.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    result.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    return result;
  }

  private static Map<String, Object> consumerProps(Map<String, Object> props) {
    Map<String, Object> result = new HashMap<>(props);
    result.remove(ConsumerConfig.GROUP_ID_CONFIG);
    result.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    result.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    result.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    result.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    result.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return result;
  }

  private static Map<String, Object> producerProps(Map<String, Object> props) {
    Map<String, Object> result = new HashMap<>(props);
    result.put(ProducerConfig.ACKS_CONFIG, "all");
    result.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    result.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    result.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    result.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // A registry request should fail with 50001 well before an HTTP client gives up.
    result.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    result.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    result.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    return result;
  }
}
