package io.painguard.bench.cluster;

import io.painguard.contract.ContractTopics;
import io.painguard.stack.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * The topics of one bench run. Every name starts with the run's prefix, so a run never reads what
 * another left behind, and on a shared cluster never touches the contract's own topics.
 *
 * @param prefix e.g. {@code bench-1a2b3c-}
 * @param partitions partitions of every topic (the inputs are co-partitioned, as the app needs)
 */
public record BenchTopics(String prefix, int partitions) {

  public String activity() {
    return prefix + ContractTopics.ACTIVITY_EVENTS;
  }

  public String pain() {
    return prefix + ContractTopics.PAIN_REPORTS;
  }

  public String profiles() {
    return prefix + ContractTopics.ATHLETE_PROFILES;
  }

  public String alerts() {
    return prefix + ContractTopics.EXERTION_ALERTS;
  }

  public String deadLetters() {
    return prefix + ContractTopics.DEAD_LETTERS;
  }

  /** Coaches' acknowledgements, which the app reads too (nothing writes them in a run). */
  public String acknowledgements() {
    return prefix + ContractTopics.ALERT_ACKNOWLEDGEMENTS;
  }

  /** The three input topics, activity first. */
  public List<String> inputs() {
    return List.of(activity(), pain(), profiles());
  }

  /** Where a baseline copier writes the copy of {@code input}. */
  public String sinkOf(String variant, String input) {
    return prefix + "copy-" + variant + "-" + input.substring(prefix.length());
  }

  /** Application id of the PainGuard app and prefix of its internal topics. */
  public String appId() {
    return prefix + "painguard";
  }

  /** Group id of a baseline copier. */
  public String copyGroup(String variant) {
    return prefix + "copy-" + variant;
  }

  /** Creates the app's topics and the sinks of the given baseline variants. */
  public void create(Map<String, Object> clientProperties, List<String> copyVariants) {
    try (Admin admin = Admin.create(clientProperties)) {
      for (String topic : inputs()) {
        Topics.createIfAbsent(admin, topic, partitions, topic.equals(profiles()));
      }
      Topics.createIfAbsent(admin, alerts(), partitions, false);
      Topics.createIfAbsent(admin, deadLetters(), partitions, false);
      Topics.createIfAbsent(admin, acknowledgements(), partitions, false);
      for (String variant : copyVariants) {
        for (String input : inputs()) {
          Topics.createIfAbsent(admin, sinkOf(variant, input), partitions, input.equals(profiles()));
        }
      }
    }
  }

  /**
   * Deletes every topic of this run, the app's internal ones included (on a shared cluster). Best
   * effort: returns what could not be deleted.
   */
  public List<String> deleteAll(Map<String, Object> clientProperties) {
    List<String> failed = new ArrayList<>();
    try (Admin admin = Admin.create(clientProperties)) {
      List<String> ours =
          admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(name -> name.startsWith(prefix))
              .toList();
      admin.deleteTopics(ours).topicNameValues().forEach((name, future) -> {
        try {
          future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          failed.add(name);
        }
      });
    } catch (Exception e) {
      failed.add(prefix + "*");
    }
    return failed;
  }
}
