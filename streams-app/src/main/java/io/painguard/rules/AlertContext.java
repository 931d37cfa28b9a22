package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Movement;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.List;
import java.util.Set;

/**
 * Everything an alert is built from: the decision (state, severity, reasons) and the evidence.
 *
 * @param reasons the conditions that hold, most severe first (empty for RESOLVED)
 * @param eventTime event time of the evidence, epoch millis
 * @param previousPainLevel the level of the report before the one in force (for "pain rose")
 * @param activity the activity under way (UNKNOWN when none)
 * @param painGone true for a resolution caused by a level-0 report
 * @param withdrawnBecause for a RESOLVED that withdraws an alert later evidence contradicts (a
 *     record that arrived late): why, in words for the athlete; null otherwise
 */
public record AlertContext(
    String athleteId,
    AlertState state,
    Severity severity,
    List<Reason> reasons,
    long eventTime,
    PainInForce pain,
    int previousPainLevel,
    HeartRateLimits limits,
    WindowSummary window,
    ActivityType activity,
    Set<Movement> triggers,
    MedicalSigns signs,
    String coachId,
    String painReportId,
    boolean painGone,
    GuidanceSettings settings,
    String withdrawnBecause) {

  public Reason primaryReason() {
    return reasons.isEmpty() ? Reason.UNKNOWN : reasons.get(0);
  }

  /** The highest heart rate that keeps the athlete under the ceiling; null without pain. */
  public Integer targetMaxHeartRateBpm() {
    return pain.active() ? limits.heartRateAtPct(pain.ceilingHrrPct()) : null;
  }
}
