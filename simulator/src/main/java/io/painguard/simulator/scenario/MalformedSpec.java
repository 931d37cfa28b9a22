package io.painguard.simulator.scenario;

import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import java.time.Duration;

/**
 * Deliberately bad records at an offset.
 *
 * @param at offset from the scenario start
 * @param kind what is wrong with them
 * @param topic activity, pain or profile (default: the kind's natural topic)
 * @param count how many (default 1), one per second from {@code at}
 */
public record MalformedSpec(Duration at, MalformedKind kind, InputTopic topic, Integer count) {

  public MalformedSpec {
    count = count == null ? 1 : count;
  }

  public InputTopic effectiveTopic() {
    return topic != null ? topic : (kind == null ? InputTopic.ACTIVITY : kind.defaultTopic());
  }
}
