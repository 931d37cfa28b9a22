package io.painguard.simulator.scenario;

import io.painguard.events.AlertState;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.List;

/**
 * What the detection should make of a scenario, for readers and for end-to-end tests: an alert
 * the athlete should get, or {@code none: true} for an athlete who should get none. The simulator
 * itself does not check it.
 *
 * @param athlete the athlete id
 * @param state RAISED, ESCALATED or RESOLVED (default: any)
 * @param severity the expected severity
 * @param reasons reasons the alert should carry (at least these)
 * @param none true when the athlete should get no alert at all
 */
public record Expectation(String athlete, AlertState state, Severity severity, List<Reason> reasons, Boolean none) {

  public Expectation {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    none = none != null && none;
  }
}
