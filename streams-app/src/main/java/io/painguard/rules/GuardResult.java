package io.painguard.rules;

import io.painguard.events.ExertionAlert;
import java.util.List;

/**
 * What one step of {@link AthleteGuard} produced.
 *
 * @param state the athlete's state after the step (the same object that was passed in)
 * @param alerts the alerts to emit, in the order consumers should see them (usually none)
 * @param stateChanged false when the step left the state untouched (a tick with nothing due), so
 *     the caller can skip writing it back
 * @param arrival how the input's event time related to the athlete's (IN_ORDER for ticks and
 *     profiles)
 */
public record GuardResult(
    AthleteState state, List<ExertionAlert> alerts, boolean stateChanged, Arrival arrival) {

  public GuardResult(AthleteState state, List<ExertionAlert> alerts, boolean stateChanged) {
    this(state, alerts, stateChanged, Arrival.IN_ORDER);
  }
}
