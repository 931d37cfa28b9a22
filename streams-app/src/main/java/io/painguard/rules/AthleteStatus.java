package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.time.Instant;
import java.util.List;

/**
 * A read-only view of one athlete's state for the HTTP API and the dashboard. Times are null when
 * unknown; the pain view is taken at {@code asOf} (staleness applies).
 *
 * @param asOf the event time the view describes
 * @param painLevel level of the report in force (0 when none is active)
 * @param painBand band of {@code painLevel}
 * @param painActive whether a pain episode is in force at {@code asOf}
 * @param painReportId the report in force (even when stale), null when none
 * @param painReportedAt its event time
 * @param ceilingHrrPct the %HRR ceiling, null without active pain
 * @param ceilingHeartRateBpm the ceiling as a heart rate, null without active pain
 * @param profileEstimated whether the heart-rate limits rely on defaults
 * @param lastActivity activity of the newest sample (UNKNOWN before any)
 * @param lastSampleAt its event time
 * @param lastHeartRateBpm its heart rate, null when it had none
 * @param lastIntensityHrrPct its intensity (measured or class-equivalent) as %HRR, null if unknown
 * @param openSeverity severity of the most severe open alert (an open referral outranks any effort
 *     alert), null when none is open
 * @param openState how that alert stands (RAISED, ESCALATED or UPDATED), null when none is open
 * @param openReasons its reasons, most severe first
 * @param openedAt when it was raised
 * @param coachId from the profile
 * @param referralSince when the open medical referral was opened, null when none is open
 * @param referralReasons the open referral's reasons (radiculopathy signs, red flags), empty when
 *     none is open
 * @param effortSeverity severity of the open effort alert, null when none is open
 * @param painTrend the newest pain report against the one before it, null with fewer than two held
 */
public record AthleteStatus(
    String athleteId,
    Instant asOf,
    int painLevel,
    PainBand painBand,
    boolean painActive,
    String painReportId,
    Instant painReportedAt,
    Integer ceilingHrrPct,
    Integer ceilingHeartRateBpm,
    boolean profileEstimated,
    ActivityType lastActivity,
    Instant lastSampleAt,
    Integer lastHeartRateBpm,
    Integer lastIntensityHrrPct,
    Severity openSeverity,
    AlertState openState,
    List<Reason> openReasons,
    Instant openedAt,
    String coachId,
    Instant referralSince,
    List<Reason> referralReasons,
    Severity effortSeverity,
    PainDirection painTrend) {

  /** The view as of the athlete's own newest event time. */
  public static AthleteStatus of(String athleteId, AthleteState s, GuidanceSettings settings) {
    long asOf = s.clock() != AthleteState.NONE ? s.clock() : Math.max(0, s.painReportedAt());
    return of(athleteId, s, settings, asOf);
  }

  /** The view as of event time {@code asOfMillis} (e.g. the current stream time). */
  public static AthleteStatus of(
      String athleteId, AthleteState s, GuidanceSettings settings, long asOfMillis) {
    PainInForce pain = PainInForce.at(asOfMillis, s.painReportedAt(), s.painLevel(), settings);
    int year = Instant.ofEpochMilli(asOfMillis).atZone(java.time.ZoneOffset.UTC).getYear();
    HeartRateLimits limits =
        HeartRateLimits.of(
            s.birthYear(), s.restingHeartRateBpm(), s.maxHeartRateBpm(), year, settings);
    boolean open = s.openSeverity() != Severity.UNKNOWN;
    long referralAt = s.referralOpenedAt();
    boolean referred = referralAt != AthleteState.NONE;
    List<Reason> referralReasons = referred ? ReferralTrack.reasons(s.openReferralSigns()) : List.of();
    return new AthleteStatus(
        athleteId,
        Instant.ofEpochMilli(asOfMillis),
        pain.level(),
        pain.band(),
        pain.active(),
        s.painReportId(),
        instant(s.painReportedAt()),
        pain.active() ? pain.ceilingHrrPct() : null,
        pain.active() ? limits.heartRateAtPct(pain.ceilingHrrPct()) : null,
        limits.estimated(),
        s.lastActivity(),
        instant(s.lastSampleAt()),
        s.lastHeartRateBpm(),
        s.lastIntensityHrrPct(),
        referred ? Severity.SEEK_MEDICAL_ATTENTION : open ? s.openSeverity() : null,
        referred ? s.referralState() : open ? s.openState() : null,
        referred ? referralReasons : s.openReasons(),
        referred ? instant(referralAt) : instant(s.openedAt()),
        s.coachId(),
        referred ? instant(referralAt) : null,
        referralReasons,
        open ? s.openSeverity() : null,
        s.painDirection());
  }

  private static Instant instant(long millis) {
    return millis == AthleteState.NONE ? null : Instant.ofEpochMilli(millis);
  }
}
