package io.painguard.simulator;

import io.painguard.contract.ContractTopics;
import java.util.Objects;

/** Actual topic names for the simulator's {@link InputTopic}s; defaults from the contract. */
public record TopicNames(String activity, String pain, String profile) {

  public static final TopicNames DEFAULT =
      new TopicNames(ContractTopics.ACTIVITY_EVENTS, ContractTopics.PAIN_REPORTS, ContractTopics.ATHLETE_PROFILES);

  public TopicNames {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(pain, "pain");
    Objects.requireNonNull(profile, "profile");
  }

  public String nameOf(InputTopic topic) {
    return switch (topic) {
      case ACTIVITY -> activity;
      case PAIN -> pain;
      case PROFILE -> profile;
    };
  }
}
