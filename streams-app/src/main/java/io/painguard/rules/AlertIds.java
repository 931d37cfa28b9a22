package io.painguard.rules;

import io.painguard.events.AlertState;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Alert ids derived from the evidence only (athlete, transition, severity, reasons, event time), as
 * a name-based UUID: replaying the same records yields the same ids, so consumers can de-duplicate.
 */
public final class AlertIds {

  private AlertIds() {}

  public static String of(
      String athleteId, AlertState state, Severity severity, List<Reason> reasons, long eventTime) {
    return of(athleteId, state, severity, reasons, eventTime, null);
  }

  /**
   * An id that also names the lifecycle the alert belongs to ({@code lifecycle}, e.g. the report
   * that opened a referral), for alerts that may share state, severity and time with another.
   */
  public static String of(
      String athleteId, AlertState state, Severity severity, List<Reason> reasons, long eventTime, String lifecycle) {
    StringBuilder name = new StringBuilder(96);
    name.append("painguard-alert|").append(athleteId).append('|').append(state).append('|');
    name.append(severity).append('|').append(eventTime).append('|');
    for (Reason r : reasons) {
      name.append(r).append(',');
    }
    if (lifecycle != null) {
      name.append('|').append(lifecycle);
    }
    return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
