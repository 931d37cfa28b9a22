package io.painguard.runtime;

import io.painguard.events.ExertionAlert;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.serde.SchemaRegistryClient;
import io.painguard.serde.SchemaRegistryClients;
import io.painguard.serde.SchemaRegistryException;
import io.painguard.runtime.config.ConfigException;
import io.painguard.topology.TopologySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import io.painguard.contract.ContractTopics;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app makes sure of before it starts Kafka Streams, each with a short timeout and a
 * one-sentence refusal: the broker answers, the six topics exist (created with the broker's
 * defaults when allowed; the acknowledgements with the audit trail's retention), the four topics
 * the topology reads are co-partitioned, this principal may write alerts,
 * and the registry answers and knows (or accepts) the alert schema.
 *
 * <p>A missing topic -- the alerts' or the dead letters' included -- is refused rather than left
 * for Kafka Streams to find: its producer would block on the topic's metadata for a minute per
 * record and then fail. An alerts topic this principal may not write to is refused too (alerts are
 * never dropped, so the app could only stall); a dead-letter topic it may not write to is not
 * (dead letters are then counted and skipped, see {@code DeadLetterFallbacks}), and neither is one
 * whose {@code max.message.bytes} is below the dead-letter cap (the cap is lowered to fit).
 */
final class StartupChecks {

  private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);

  private StartupChecks() {}

  /** The HTTP port is free (checked early, so a taken port is reported before anything starts). */
  static void port(String host, int port) {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(host, port));
    } catch (java.net.BindException e) {
      throw new StartupException(
          "Port " + port + " on " + host + " is already in use; choose another with --http-port (painguard.http.port).", e);
    } catch (java.io.IOException | IllegalArgumentException | SecurityException e) {
      throw new StartupException("Cannot listen on " + host + ":" + port + ": " + rootMessage(e) + ".", e);
    }
  }

  /** Kafka client settings an admin client understands, with the check's timeouts. */
  static Map<String, Object> adminConfig(Map<String, Object> kafka, Duration timeout) {
    Map<String, Object> admin = new HashMap<>();
    kafka.forEach(
        (key, value) -> {
          if (AdminClientConfig.configNames().contains(key)) {
            admin.put(key, value);
          }
        });
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    admin.put(AdminClientConfig.CLIENT_ID_CONFIG, kafka.getOrDefault("application.id", "painguard") + "-startup-check");
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    return admin;
  }

  /**
   * What the broker said about the output topics.
   *
   * @param deadLettersWritable false when the broker reports that this principal may not write to
   *     the dead-letter topic
   * @param deadLetterMaxMessageBytes the dead-letter topic's {@code max.message.bytes}, or -1 when
   *     the broker did not say
   */
  record OutputTopics(boolean deadLettersWritable, int deadLetterMaxMessageBytes) {}

  static OutputTopics broker(
      Map<String, Object> kafka, TopologySettings topics, boolean createMissing, Duration timeout) {
    Object bootstrap = kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    long ms = timeout.toMillis();
    Admin admin;
    try {
      admin = Admin.create(adminConfig(kafka, timeout));
    } catch (RuntimeException e) {
      throw new StartupException("Cannot connect to Kafka at " + bootstrap + ": " + rootMessage(e) + ".", e);
    }
    try {
      try {
        admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        throw new StartupException(
            "Kafka at " + bootstrap + " did not answer within " + seconds(timeout)
                + "; is the broker running (e.g. ./painguard stack) and is kafka.bootstrap.servers right?",
            e);
      }
      List<String> all = allTopics(topics);
      Set<String> existing = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS);
      for (String topic : all) {
        if (!existing.contains(topic)) {
          if (!createMissing) {
            throw new StartupException(
                "Topic '" + topic + "' does not exist on " + bootstrap
                    + " (or this principal may not see it); create it or name another with painguard.topics.*.");
          }
          create(admin, topic, creationConfigs(topics, topic), ms, bootstrap);
        }
      }
      Map<String, TopicDescription> inputs = describe(admin, topics.sourceTopics(), ms);
      checkCoPartitioned(topics.sourceTopics(), inputs);
      return outputs(admin, topics, ms, bootstrap);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("Interrupted while checking Kafka at " + bootstrap + ".", e);
    } catch (TimeoutException | ExecutionException e) {
      throw new StartupException(
          "Kafka at " + bootstrap + " did not describe the topics: " + rootMessage(e) + ".", e);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  private static OutputTopics outputs(Admin admin, TopologySettings topics, long ms, Object bootstrap)
      throws InterruptedException, ExecutionException, TimeoutException {
    String alerts = topics.exertionAlertsTopic();
    String dlq = topics.deadLetterTopic();
    Map<String, TopicDescription> outputs = describe(admin, List.of(alerts, dlq), ms);
    if (!mayWrite(outputs.get(alerts))) {
      throw new StartupException(
          "This principal may not write to topic '" + alerts + "' on " + bootstrap + "; grant it WRITE there"
              + " (alerts are never dropped, so without it the app could only stall).");
    }
    boolean dlqWritable = mayWrite(outputs.get(dlq));
    int maxMessageBytes = -1;
    try {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, dlq);
      var entry = admin.describeConfigs(List.of(resource)).all().get(ms, TimeUnit.MILLISECONDS)
          .get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      maxMessageBytes = entry == null || entry.value() == null ? -1 : Integer.parseInt(entry.value());
    } catch (ExecutionException | NumberFormatException e) {
      LOG.info("Could not read {}'s max.message.bytes ({}); the dead-letter cap stays as configured",
          dlq, e.getClass().getSimpleName());
    }
    return new OutputTopics(dlqWritable, maxMessageBytes);
  }

  /**
   * The topics' descriptions with this principal's authorized operations. A topic created a moment
   * ago may not be known to every part of the broker yet: asked again until {@code ms} have passed.
   */
  private static Map<String, TopicDescription> describe(Admin admin, List<String> names, long ms)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (true) {
      try {
        return admin.describeTopics(names, new DescribeTopicsOptions().includeAuthorizedOperations(true))
            .allTopicNames().get(ms, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  /** No authorizer (or an old broker) reports no operations: then nothing says we may not. */
  static boolean mayWrite(TopicDescription description) {
    Set<AclOperation> ops = description.authorizedOperations();
    return ops == null || ops.contains(AclOperation.WRITE) || ops.contains(AclOperation.ALL);
  }

  /**
   * Every topic the topology reads must have the same partition count so an athlete's records (and
   * their coaches' acknowledgements) meet in one task.
   */
  static void checkCoPartitioned(List<String> inputs, Map<String, TopicDescription> descriptions) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String topic : inputs) {
      counts.put(topic, descriptions.get(topic).partitions().size());
    }
    int first = counts.get(inputs.get(0));
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() != first) {
        throw new ConfigException(
            "Topic '" + inputs.get(0) + "' has " + first + " partitions but '" + e.getKey() + "' has "
                + e.getValue() + ": the input topics must have the same partition count so that one"
                + " athlete's records meet in one place.");
      }
    }
  }

  /** The configs a missing topic is created with: the contract's for its role, whatever its name. */
  static Map<String, String> creationConfigs(TopologySettings topics, String topic) {
    if (topic.equals(topics.athleteProfilesTopic())) {
      return ContractTopics.creationConfigs(ContractTopics.ATHLETE_PROFILES);
    } else if (topic.equals(topics.acknowledgementsTopic())) {
      return ContractTopics.creationConfigs(ContractTopics.ALERT_ACKNOWLEDGEMENTS);
    }
    return Map.of();
  }

  private static void create(Admin admin, String topic, Map<String, String> configs, long ms, Object bootstrap)
      throws InterruptedException, TimeoutException {
    NewTopic newTopic = new NewTopic(topic, Optional.empty(), Optional.empty()).configs(configs);
    try {
      admin.createTopics(List.of(newTopic)).all().get(ms, TimeUnit.MILLISECONDS);
      LOG.info("Created topic {} with the broker's default partitions and replication", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new StartupException(
            "Topic '" + topic + "' does not exist on " + bootstrap + " and cannot be created: "
                + rootMessage(e) + ".",
            e);
      }
    }
  }

  /**
   * The registry answers and the alert schema can be used: registered now when auto-registration
   * is on (the serde would do it on the first alert anyway), looked up when it is off.
   */
  static void registry(Map<String, Object> serde, String alertsTopic, Duration timeout) {
    AvroSerdeConfig config;
    try {
      // Retried as often as fits into the start-up timeout, each request within it too.
      config = AvroSerdeConfig.parse(serde, false).withTimeBudget(timeout);
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw new ConfigException(oneLine(e.getMessage()) + ".");
    }
    if (config.isMock()) {
      return;
    }
    String where = String.join(",", config.redactedUrls());
    String subject = config.subjectFor(alertsTopic, ExertionAlert.getClassSchema());
    try (SchemaRegistryClient client = SchemaRegistryClients.create(config)) {
      if (config.autoRegisterSchemas()) {
        client.register(subject, ExertionAlert.getClassSchema());
      } else {
        client.getId(subject, ExertionAlert.getClassSchema());
      }
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new StartupException(
            "The schema registry at " + where + " has no ExertionAlert schema under " + subject
                + " and auto.register.schemas is false; register it first.", e);
      }
      if (e.httpStatus() == 401 || e.httpStatus() == 403) {
        throw new StartupException(
            "The schema registry at " + where + " refused our credentials (HTTP " + e.httpStatus()
                + "); check basic.auth.user.info or bearer.auth.token.", e);
      }
      throw new StartupException(
          "Cannot use the schema registry at " + where + ": " + oneLine(e.getMessage()) + ".", e);
    } catch (RuntimeException e) {
      throw new StartupException(
          "Cannot use the schema registry at " + where + ": " + rootMessage(e) + ".", e);
    }
  }

  static List<String> allTopics(TopologySettings topics) {
    List<String> all = new ArrayList<>(topics.inputTopics());
    all.add(topics.exertionAlertsTopic());
    all.add(topics.deadLetterTopic());
    all.add(topics.acknowledgementsTopic());
    return all;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return oneLine(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
  }

  static String oneLine(String text) {
    if (text == null || text.isBlank()) {
      return "unknown error";
    }
    String first = text.lines().findFirst().orElse(text).trim();
    while (first.endsWith(".")) {
      first = first.substring(0, first.length() - 1);
    }
    return first;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
