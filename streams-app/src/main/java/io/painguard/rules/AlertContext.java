package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.List;
import java.util.Set;

/**
 * Everything an effort alert is built from: the decision (state, severity, reasons) and the
 * evidence. (Referral alerts are built by {@link ReferralTrack}.)
 *
 * @param reasons the conditions that hold, most severe first (empty for RESOLVED)
 * @param eventTime event time of the evidence, epoch millis
 * @param previousPainLevel the level of the report before the one in force (for "pain rose")
 * @param activity the activity under way (UNKNOWN when none)
 * @param triggers the movements the episode's reports named as triggers
 * @param onset when the pain in force came on, as its report says
 * @param sensations the sensations the report in force names
 * @param referral the signs of the referral open at the alert's time, {@link MedicalSigns#NONE}
 *     when none is open
 * @param news for UPDATED, the reasons that are news; empty otherwise
 * @param closes for RESOLVED, the reasons of the alert it closes; empty otherwise
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
    PainOnset onset,
    Set<PainSensation> sensations,
    MedicalSigns referral,
    Set<Reason> news,
    Set<Reason> closes,
    String coachId,
    String painReportId,
    boolean painGone,
    GuidanceSettings settings,
    String withdrawnBecause) {

  public Reason primaryReason() {
    if (!news.isEmpty()) {
      return ReasonPolicy.primary(news);
    }
    return reasons.isEmpty() ? Reason.UNKNOWN : reasons.get(0);
  }

  /** Whether a medical referral was open when the alert was made. */
  public boolean referred() {
    return referral.any();
  }

  /** Whether the athlete should stop rather than train on at a lower intensity. */
  public boolean stops() {
    return severity == Severity.STOP_ACTIVITY || severity == Severity.SEEK_MEDICAL_ATTENTION;
  }

  /**
   * The highest heart rate that keeps the athlete under the ceiling; null without pain, and on an
   * alert that says to stop or during a referral (no training target then: safety invariant 3).
   */
  public Integer targetMaxHeartRateBpm() {
    if (!pain.active() || stops() || referred() || state == AlertState.RESOLVED) {
      return null;
    }
    return limits.heartRateAtPct(pain.ceilingHrrPct());
  }
}
