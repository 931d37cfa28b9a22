package io.painguard.rules;

import io.painguard.events.ExertionAlert;
import java.util.List;

/**
 * What one step of {@link AthleteGuard} produced.
 *
 * @param state the athlete's state after the step (the same object that was passed in)
 * @param alerts the alerts to emit, oldest first (usually none)
 * @param stateChanged false when the step left the state untouched (a tick with nothing due), so
 *     the caller can skip writing it back
 */
public record GuardResult(AthleteState state, List<ExertionAlert> alerts, boolean stateChanged) {}
