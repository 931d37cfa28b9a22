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
    StringBuilder name = new StringBuilder(96);
    name.append("painguard-alert|").append(athleteId).append('|').append(state).append('|');
    name.append(severity).append('|').append(eventTime).append('|');
    for (Reason r : reasons) {
      name.append(r).append(',');
    }
    return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
