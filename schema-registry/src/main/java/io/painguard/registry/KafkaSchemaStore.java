package io.painguard.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
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
 * <p>Several registries may share one topic. Each follows it for as long as it is open ({@link
 * StoreFollower}), so each sees the others' writes; and each update is written by the topic's one
 * writer of the moment ({@link FencedWriter}): a registry that becomes the writer fences the
 * previous one, reads every earlier write, then decides its update -- so an update decided on
 * stale contents can never land, and two registries never hand out the same id or version. An
 * update is acknowledged only once it is committed and read back into this registry's view.
 * Readers that only open the store (and never write) fence nobody.
 */
public final class KafkaSchemaStore implements SchemaStore {

  public static final String DEFAULT_TOPIC = "_schemas";
  /** Prefix of the transactional id every registry of a topic shares: the prefix plus the topic. */
  public static final String TRANSACTIONAL_ID_PREFIX = "painguard-schema-registry-";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  /** How long a write waits to see its own record back, and a miss for another's write. */
  private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LATEST_TIMEOUT = Duration.ofSeconds(5);
  /** Updates tried again after another registry wrote in between, before giving up. */
  private static final int MAX_ATTEMPTS = 8;

  private final Admin admin;
  private final StoreFollower follower;
  private final FencedWriter writer;
  private final String topic;
  private final String bootstrap;
  private final RegistryState state;
  private final String clusterId;
  private final Object writeLock = new Object();
  private volatile boolean closed;

  private KafkaSchemaStore(Admin admin, StoreFollower follower, FencedWriter writer, String topic,
      String bootstrap, RegistryState state, String clusterId) {
    this.admin = admin;
    this.follower = follower;
    this.writer = writer;
    this.topic = topic;
    this.bootstrap = bootstrap;
    this.state = state;
    this.clusterId = clusterId;
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
   * keeps following it.
   *
   * @param kafkaClientProps bootstrap.servers and any security settings; passed to the admin
   *                         client, consumer and producer as they are
   * @throws SchemaStoreException if Kafka cannot be reached or the topic cannot be read in time
   */
  public static KafkaSchemaStore open(Map<String, Object> kafkaClientProps, String topic,
      int replicationFactor) {
    String bootstrap = String.valueOf(kafkaClientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    Admin admin = null;
    StoreFollower follower = null;
    try {
      admin = Admin.create(adminProps(kafkaClientProps));
      ensureTopic(admin, topic, replicationFactor, bootstrap);
      String clusterId = clusterId(admin, bootstrap);
      RegistryState state = new RegistryState();
      follower = new StoreFollower(consumerProps(kafkaClientProps), topic, state);
      KafkaSchemaStore store = new KafkaSchemaStore(admin, follower,
          new FencedWriter(producerProps(kafkaClientProps, topic), topic), topic, bootstrap, state,
          clusterId);
      store.catchUp(LOAD_TIMEOUT);
      LOG.info("Schema store read {} records from topic '{}'; highest schema id {}",
          follower.records(), topic, state.highestId());
      return store;
    } catch (KafkaException | SchemaStoreException e) {
      if (follower != null) {
        follower.close();
      }
      if (admin != null) {
        admin.close(Duration.ZERO);
      }
      if (e instanceof SchemaStoreException s) {
        throw s;
      }
      // Typically a client setting Kafka refuses (bad bootstrap address, incomplete SASL/SSL).
      throw new SchemaStoreException("Could not open the schema store on topic '" + topic
          + "' at Kafka " + bootstrap + ": " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T update(Function<RegistryState, Update<T>> update) {
    synchronized (writeLock) {
      for (int attempt = 1; ; attempt++) {
        if (closed) {
          throw new SchemaStoreException("The schema store is closed");
        }
        boolean caughtUp = writer.becomeWriter();
        if (caughtUp) {
          catchUp(READ_BACK_TIMEOUT); // every write before we took over, before deciding
        }
        Update<T> decided = decide(update, caughtUp);
        if (decided.changes().isEmpty()) {
          return decided.result();
        }
        try {
          long end = writer.write(decided.changes().stream().map(StoreRecordCodec::encode).toList());
          awaitApplied(end, "its own write");
          return decided.result();
        } catch (FencedWriter.Fenced e) {
          if (attempt == MAX_ATTEMPTS) {
            throw new SchemaStoreException("Another schema registry on topic '" + topic
                + "' kept writing; gave up after " + MAX_ATTEMPTS + " attempts", e);
          }
          LOG.info("Another schema registry wrote to topic '{}'; deciding the update again on its changes", topic);
          pause(attempt);
        } catch (FencedWriter.Unsettled e) {
          if (attempt == MAX_ATTEMPTS) {
            throw new SchemaStoreException("Could not write to topic '" + topic + "': the broker kept answering"
                + " commits with an unexpected error (" + e.getCause().getMessage() + "); gave up after "
                + MAX_ATTEMPTS + " attempts", e.getCause());
          }
          LOG.warn("The broker answered a commit to topic '{}' with an unexpected error ({}); deciding the update"
              + " again once a new writer has settled that transaction", topic, e.getCause().getMessage());
          pause(attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SchemaStoreException("Interrupted while writing to topic '" + topic + "'", e);
        }
      }
    }
  }

  /**
   * Decides the update. A write decided on stale contents cannot land (the writer is fenced), but
   * a refusal writes nothing and would stand: so a refusal decided without catching up first is
   * decided again on the latest contents -- a mode or subject another registry just changed must
   * not be refused here.
   */
  private <T> Update<T> decide(Function<RegistryState, Update<T>> update, boolean caughtUp) {
    try {
      return update.apply(state);
    } catch (SchemaStoreException e) {
      throw e;
    } catch (RuntimeException refusal) {
      if (caughtUp) {
        throw refusal;
      }
      catchUp(READ_BACK_TIMEOUT);
      return update.apply(state);
    }
  }

  @Override
  public RegistryState state() {
    return state;
  }

  @Override
  public Optional<String> kafkaClusterId() {
    return Optional.ofNullable(clusterId);
  }

  @Override
  public void awaitLatest() {
    try {
      catchUp(LATEST_TIMEOUT);
    } catch (SchemaStoreException e) {
      LOG.debug("Could not catch up with topic '{}': {}", topic, e.getMessage());
    }
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    writer.close();
    follower.close();
    admin.close(Duration.ofSeconds(5));
  }

  /** Waits until the view holds every committed record that is in the topic now. */
  private void catchUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      awaitApplied(committedEnd(deadline), "the topic", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaStoreException("Interrupted while reading topic '" + topic + "'", e);
    }
  }

  /**
   * The offset after the last committed record. Retries what Kafka calls retriable: a topic just
   * created is unknown to the broker's metadata for a moment.
   */
  private long committedEnd(long deadline) throws InterruptedException {
    TopicPartition partition = new TopicPartition(topic, 0);
    while (true) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .partitionResult(partition).get(left, TimeUnit.MILLISECONDS).offset();
      } catch (ExecutionException | TimeoutException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (!(cause instanceof RetriableException) || System.nanoTime() > deadline) {
          throw new SchemaStoreException("Could not read the schemas topic '" + topic
              + "' from Kafka at " + bootstrap + ": " + cause, cause);
        }
        Thread.sleep(100);
      }
    }
  }

  private void awaitApplied(long offset, String what) throws InterruptedException {
    awaitApplied(offset, what, READ_BACK_TIMEOUT);
  }

  private void awaitApplied(long offset, String what, Duration timeout) throws InterruptedException {
    if (!follower.awaitApplied(offset, timeout)) {
      String failure = follower.failure();
      throw new SchemaStoreException("Could not read " + what + " back from the schemas topic '" + topic
          + "' at Kafka " + bootstrap + " within " + timeout.toSeconds() + " s"
          + (failure == null ? "" : ": " + failure));
    }
  }

  /** A short random pause, so two registries updating at once do not keep fencing each other. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt + 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void ensureTopic(Admin admin, String topic, int replicationFactor,
      String bootstrap) {
    try {
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

  /** The cluster's id, for Confluent's {@code /v1/metadata/id}; read once, it never changes. */
  private static String clusterId(Admin admin, String bootstrap) {
    try {
      return admin.describeCluster().clusterId().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaStoreException("Interrupted while describing the Kafka cluster", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new SchemaStoreException("Could not describe the Kafka cluster at " + bootstrap + ": "
          + cause, cause);
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

  private static Map<String, Object> adminProps(Map<String, Object> props) {
    Map<String, Object> result = new HashMap<>(props);
    result.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    result.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    return result;
  }

  private static Map<String, Object> consumerProps(Map<String, Object> props) {
    Map<String, Object> result = new HashMap<>(props);
    result.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // An update that was fenced is aborted: no registry may ever apply it.
    result.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    result.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    result.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    result.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    result.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    result.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return result;
  }

  private static Map<String, Object> producerProps(Map<String, Object> props, String topic) {
    Map<String, Object> result = new HashMap<>(props);
    result.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + topic);
    // A registry that dies mid-update holds back every reader (read_committed) until the broker
    // aborts its transaction: keep that short. An update is a few small records.
    result.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
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
