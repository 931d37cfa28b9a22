package io.painguard.simulator.kafka;

import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.serde.SchemaRegistryClient;
import io.painguard.serde.SchemaRegistryClients;
import io.painguard.simulator.ConfigurationException;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Checks, before anything is generated, that the broker and the registry answer within a short
 * timeout, that the input topics exist (creating missing ones with the broker's defaults) and
 * that the value schemas are registered. Each failure is a {@link ConfigurationException} with
 * one sentence.
 */
public final class Preflight {

  private Preflight() {}

  /** Reaches the broker and makes sure the input topics exist; reports created topics to {@code info}. */
  public static void checkBroker(
      Map<String, Object> producerConfig, TopicNames topics, Duration timeout, Consumer<String> info) {
    Object bootstrap = producerConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    int timeoutMs = (int) timeout.toMillis();
    Admin admin;
    try {
      admin = Admin.create(ProducerSettings.adminConfig(producerConfig, timeoutMs));
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "Cannot connect to Kafka at " + bootstrap + ": " + rootMessage(e) + ".", e);
    }
    try {
      try {
        admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        throw new ConfigurationException(
            "Cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds()
                + " s; is the broker running (e.g. ./painguard stack) and is --bootstrap right?", e);
      }
      Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (InputTopic topic : InputTopic.values()) {
        String name = topics.nameOf(topic);
        if (!existing.contains(name)) {
          NewTopic newTopic = new NewTopic(name, Optional.empty(), Optional.empty());
          if (topic == InputTopic.PROFILE || ContractTopics.isCompacted(name)) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
          }
          missing.add(newTopic);
        }
      }
      for (NewTopic topic : missing) {
        try {
          admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
          info.accept("created topic " + topic.name() + " (broker default partitions and replication)");
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new ConfigurationException(
                "Topic " + topic.name() + " does not exist on " + bootstrap + " and cannot be created: "
                    + rootMessage(e) + ".", e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigurationException("Interrupted while checking Kafka at " + bootstrap + ".", e);
    } catch (TimeoutException | ExecutionException e) {
      throw new ConfigurationException("Kafka at " + bootstrap + " did not list its topics: " + rootMessage(e) + ".", e);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  /**
   * Reaches the registry and registers (or, with auto-registration off, looks up) the value
   * schemas of the input topics.
   */
  public static void checkRegistry(Map<String, Object> serdeConfig, TopicNames topics, Duration timeout) {
    AvroSerdeConfig config;
    try {
      // Retried as often as fits into the check's timeout, each request within it too.
      config = AvroSerdeConfig.parse(serdeConfig, false).withTimeBudget(timeout);
    } catch (ConfigException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
    String where = String.join(",", config.redactedUrls());
    try (SchemaRegistryClient client = SchemaRegistryClients.create(config)) {
      for (InputTopic topic : InputTopic.values()) {
        Schema schema = schemaOf(topic);
        String subject = config.subjectFor(topics.nameOf(topic), schema);
        if (config.autoRegisterSchemas()) {
          client.register(subject, schema);
        } else {
          client.getId(subject, schema);
        }
      }
    } catch (RuntimeException e) {
      throw new ConfigurationException("Cannot use the schema registry at " + where + ": " + oneLine(e.getMessage()) + ".", e);
    }
  }

  static Schema schemaOf(InputTopic topic) {
    return switch (topic) {
      case ACTIVITY -> ActivityEvent.getClassSchema();
      case PAIN -> PainReport.getClassSchema();
      case PROFILE -> AthleteProfile.getClassSchema();
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return oneLine(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "unknown error";
    }
    String first = text.lines().findFirst().orElse(text).trim();
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }
}
