package io.painguard.runtime;

import io.painguard.runtime.config.AppConfig;
import io.painguard.stack.junit.KafkaStack;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link PainGuardApp} started in-process against the shared test stack, with topics ({@code
 * <contract name>-<run>}) and an application id of its own, an ephemeral HTTP port and three
 * tokens: {@link #ADMIN}, {@link #COACH_A} (coach-a) and {@link #COACH_B} (coach-b).
 */
final class AppUnderTest implements AutoCloseable {

  static final String ADMIN = "admin-token-it";
  static final String COACH_A = "coach-a-token-it";
  static final String COACH_B = "coach-b-token-it";
  /** The topic setting names under painguard.topics. */
  static final String[] CONTRACT = {
    "activity-events", "pain-reports", "athlete-profiles", "exertion-alerts", "dead-letters", "alert-acknowledgements"
  };

  final String run;
  final PainGuardApp app;
  private final Map<String, String> topics = new LinkedHashMap<>();
  private final EpisodeProducer producer;

  /** A first instance, with topics of its own. */
  AppUnderTest(KafkaStack stack, Path stateDir) {
    this(stack, stateDir, Map.of());
  }

  /** A first instance, with topics of its own and {@code extra} settings over the usual ones. */
  AppUnderTest(KafkaStack stack, Path stateDir, Map<String, String> extra) {
    this(stack, stateDir, UUID.randomUUID().toString().substring(0, 8), true, extra);
  }

  /** A second instance of {@code first}'s application: same id and topics, its own state and port. */
  AppUnderTest(KafkaStack stack, Path stateDir, AppUnderTest first) {
    this(stack, stateDir, first.run, false, Map.of());
  }

  private AppUnderTest(
      KafkaStack stack, Path stateDir, String run, boolean createTopics, Map<String, String> extra) {
    this.run = run;
    for (String topic : CONTRACT) {
      String name = topic + "-" + run;
      topics.put("painguard.topics." + topic, name);
      if (!createTopics) {
        continue;
      }
      if (topic.equals("athlete-profiles")) {
        stack.createCompactedTopic(name, 2);
      } else {
        stack.createTopic(name, 2);
      }
    }
    Map<String, String> settings = settings(stack, run, stateDir);
    settings.putAll(extra);
    this.app = PainGuardApp.start(AppConfig.of(settings));
    this.producer = new EpisodeProducer(stack, run);
  }

  /** The in-process settings of a run: its topics and application id, tokens, an ephemeral port. */
  static Map<String, String> settings(KafkaStack stack, String run, Path stateDir) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String topic : CONTRACT) {
      settings.put("painguard.topics." + topic, topic + "-" + run);
    }
    stack.clientProperties().forEach((k, v) -> settings.put("kafka." + k, String.valueOf(v)));
    settings.put("schema.registry.url", stack.schemaRegistryUrl());
    settings.put("kafka.application.id", "painguard-it-" + run);
    settings.put("kafka.state.dir", stateDir.toString());
    settings.put("painguard.http.host", "127.0.0.1");
    settings.put("painguard.http.port", "0");
    settings.put("painguard.http.tokens", ADMIN + "=admin," + COACH_A + "=coach:coach-a," + COACH_B + "=coach:coach-b");
    settings.put("painguard.startup.create-topics", "false");
    settings.put("painguard.shutdown.timeout", "20s");
    return settings;
  }

  String topic(String contractName) {
    return topics.get("painguard.topics." + contractName);
  }

  /** See {@link EpisodeProducer#painfulHardRunThenRecovery}. */
  void painfulHardRunThenRecovery(String athleteId, String coachId) {
    producer.painfulHardRunThenRecovery(athleteId, coachId);
  }

  /** See {@link EpisodeProducer#painfulHardRun}. */
  void painfulHardRun(String athleteId, String coachId) {
    producer.painfulHardRun(athleteId, coachId);
  }

  @Override
  public void close() {
    producer.close();
    app.close();
  }
}
