package io.painguard.systemtest.support;

import io.painguard.simulator.TopicNames;
import io.painguard.stack.LocalStack;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * An embedded broker and registry on free ports in the run's temporary directory. {@link
 * #shared()} is the one most test classes use (started once, closed by the hygiene check at the
 * end of the suite); each class works in its own topics ({@link #topics}), so their records never
 * mix. Tests that need other broker settings (SASL_SSL) start their own with {@link #start}.
 */
public final class SystemStack implements AutoCloseable {

  public static final int PARTITIONS = 6;

  private static SystemStack shared;

  private final LocalStack stack;
  private final Admin admin;

  private SystemStack(LocalStack stack) {
    this.stack = stack;
    this.admin = Admin.create(stack.clientProperties());
    Leftovers.port(stack.kafka().port());
    Leftovers.port(stack.kafka().controllerPort());
    Leftovers.port(URI.create(stack.schemaRegistryUrl()).getPort());
  }

  /** The suite's shared stack, started on first use. */
  public static synchronized SystemStack shared() {
    if (shared == null) {
      shared = start(LocalStack.builder());
    }
    return shared;
  }

  /** Closes the shared stack if it was started (the hygiene check does, before it looks). */
  public static synchronized void closeShared() {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  /** Starts a stack from a builder the caller has configured (ports, security...). */
  public static SystemStack start(LocalStack.Builder builder) {
    return new SystemStack(builder.partitions(PARTITIONS).build().start());
  }

  public LocalStack stack() {
    return stack;
  }

  public Admin admin() {
    return admin;
  }

  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  public String registryUrl() {
    return stack.schemaRegistryUrl();
  }

  public Map<String, Object> clientProperties() {
    return stack.clientProperties();
  }

  /** Creates topics with {@link #PARTITIONS} partitions (for per-run output topics). */
  public void createTopics(String... names) {
    for (String name : names) {
      io.painguard.stack.Topics.createIfAbsent(admin, name, PARTITIONS, false);
    }
  }

  /** A test's own input topics, {@code <prefix>-activity-events} etc., created with 6 partitions. */
  public TopicNames topics(String prefix) {
    TopicNames names =
        new TopicNames(prefix + "-activity-events", prefix + "-pain-reports", prefix + "-athlete-profiles");
    io.painguard.stack.Topics.createIfAbsent(admin, names.activity(), PARTITIONS, false);
    io.painguard.stack.Topics.createIfAbsent(admin, names.pain(), PARTITIONS, false);
    io.painguard.stack.Topics.createIfAbsent(admin, names.profile(), PARTITIONS, true);
    return names;
  }

  /**
   * The acknowledgements topic of a run's inputs, named after its activity topic ({@code
   * <activity>-acknowledgements}) and co-partitioned with it ({@link #PARTITIONS}).
   */
  public static String acknowledgementsTopic(TopicNames inputs) {
    return inputs.activity() + "-acknowledgements";
  }

  /**
   * App settings pointing at this stack: {@code kafka.*} connection properties, the registry (and
   * its credentials, if it has any),
   * the application id, the input topics, the two output topics and the acknowledgements topic
   * ({@link #acknowledgementsTopic}; these three created here).
   */
  public Map<String, String> appSettings(
      String applicationId, TopicNames inputs, String alertsTopic, String deadLetterTopic) {
    createTopics(alertsTopic, deadLetterTopic, acknowledgementsTopic(inputs));
    Map<String, String> settings = new LinkedHashMap<>();
    clientProperties().forEach((k, v) -> settings.put("kafka." + k, String.valueOf(v)));
    settings.put("kafka.application.id", applicationId);
    settings.put("schema.registry.url", registryUrl());
    // The registry's basic-auth credentials, when it asks for them (a secured stack does).
    settings.putAll(stack.registryClientProperties());
    settings.put("painguard.topics.activity-events", inputs.activity());
    settings.put("painguard.topics.pain-reports", inputs.pain());
    settings.put("painguard.topics.athlete-profiles", inputs.profile());
    settings.put("painguard.topics.exertion-alerts", alertsTopic);
    settings.put("painguard.topics.dead-letters", deadLetterTopic);
    settings.put("painguard.topics.alert-acknowledgements", acknowledgementsTopic(inputs));
    settings.put("painguard.http.tokens", "system-test-admin-token=admin");
    settings.put("painguard.startup.create-topics", "false");
    return settings;
  }

  @Override
  public void close() {
    admin.close();
    stack.close();
  }
}
