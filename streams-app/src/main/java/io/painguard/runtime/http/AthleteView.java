package io.painguard.runtime.http;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.FirstStep;
import io.painguard.rules.HeartRateZone;
import io.painguard.rules.Wording;
import io.painguard.topology.AlertAcknowledgements;
import java.util.List;

/**
 * One athlete as {@code GET /api/athletes/{id}} shows it: the pain in force, the newest intensity
 * against the ceiling that pain sets, the most severe open alert, the open medical referral, and
 * how much the athlete needs the coach now ({@link Need}).
 */
public record AthleteView(
    String athleteId,
    String coachId,
    String asOf,
    PainView pain,
    IntensityView intensity,
    OpenAlertView openAlert,
    ReferralView referral,
    Need need) {

  /** The open medical referral: see a healthcare provider before training (DOMAIN 3, 4). */
  public record ReferralView(String since, List<String> reasons) {}

  /**
   * The pain report in force.
   *
   * @param trend the newest report against the one before it (RISING, FALLING, STEADY), null with
   *     fewer than two held
   * @param label in words, "Moderate pain (5/10)"
   */
  public record PainView(
      int level, String band, boolean active, String reportId, String reportedAt, String trend, String label) {}

  /**
   * The newest sample against the ceiling.
   *
   * @param aboveCeiling whether the newest sample's intensity is over the ceiling (null when either
   *     is unknown)
   * @param activityLabel the activity in words ("HIIT")
   * @param zone BELOW, NEAR (within 5 bpm or 5 %HRR under the ceiling) or ABOVE; null when either
   *     is unknown
   */
  public record IntensityView(
      String activity,
      String lastSampleAt,
      Integer heartRateBpm,
      Integer hrrPct,
      Integer ceilingHrrPct,
      Integer ceilingHeartRateBpm,
      Boolean aboveCeiling,
      boolean profileEstimated,
      String activityLabel,
      String zone) {}

  /**
   * The most severe alert open for the athlete (an open referral outranks any effort alert): RAISED,
   * ESCALATED or UPDATED and not yet RESOLVED.
   *
   * @param alertId the id of the newest record of that alert among the recent alerts (null when it
   *     has aged out of them)
   * @param firstStep one line: what to do first
   * @param acknowledgement the newest acknowledgement of that record, null when none
   */
  public record OpenAlertView(
      String severity,
      String state,
      List<String> reasons,
      String openedAt,
      String alertId,
      String firstStep,
      AcknowledgementView acknowledgement) {}

  /** The view without the alert records (the open alert's id stays unknown, and unacknowledged). */
  public static AthleteView of(AthleteStatus s) {
    return of(s, List.of(), AlertAcknowledgements.NONE);
  }

  /**
   * @param recentAlerts the athlete's recent alerts, oldest first, for the open alert's id and
   *     first step
   * @param acknowledgements the athlete's acknowledgements, for the open alert's newest one
   */
  public static AthleteView of(
      AthleteStatus s, List<ExertionAlert> recentAlerts, AlertAcknowledgements acknowledgements) {
    Boolean above =
        s.lastIntensityHrrPct() == null || s.ceilingHrrPct() == null
            ? null
            : s.lastIntensityHrrPct() > s.ceilingHrrPct();
    HeartRateZone zone =
        HeartRateZone.of(s.lastHeartRateBpm(), s.lastIntensityHrrPct(), s.ceilingHeartRateBpm(), s.ceilingHrrPct());
    PainView pain =
        new PainView(
            s.painLevel(),
            s.painBand().name(),
            s.painActive(),
            s.painReportId(),
            AlertView.iso(s.painReportedAt()),
            s.painTrend() == null ? null : s.painTrend().name(),
            Wording.pain(s.painLevel()));
    OpenAlertView open =
        s.openSeverity() == null ? null : openAlert(s, newestOpen(recentAlerts, s), acknowledgements);
    return new AthleteView(
        s.athleteId(),
        s.coachId(),
        AlertView.iso(s.asOf()),
        pain,
        new IntensityView(
            s.lastActivity() == null ? null : s.lastActivity().name(),
            AlertView.iso(s.lastSampleAt()),
            s.lastHeartRateBpm(),
            s.lastIntensityHrrPct(),
            s.ceilingHrrPct(),
            s.ceilingHeartRateBpm(),
            above,
            s.profileEstimated(),
            Wording.label(s.lastActivity()),
            zone == null ? null : zone.name()),
        open,
        s.referralSince() == null
            ? null
            : new ReferralView(
                AlertView.iso(s.referralSince()), s.referralReasons().stream().map(Enum::name).toList()),
        // An acknowledged effort alert stops counting; a referral counts until it closes (see Need).
        Need.of(
            open == null ? null : open.severity(),
            open != null && open.acknowledgement() != null,
            s.painActive() && s.painLevel() > 0));
  }

  private static OpenAlertView openAlert(
      AthleteStatus s, ExertionAlert record, AlertAcknowledgements acknowledgements) {
    return new OpenAlertView(
        s.openSeverity().name(),
        s.openState() == null ? null : s.openState().name(),
        s.openReasons() == null ? List.of() : s.openReasons().stream().map(Enum::name).toList(),
        AlertView.iso(s.openedAt()),
        record == null ? null : record.getAlertId(),
        record == null ? FirstStep.of(s.openSeverity(), s.openReasons()) : FirstStep.of(record),
        record == null
            ? null
            : acknowledgements.newest(record.getAlertId()).map(AcknowledgementView::of).orElse(null));
  }

  /**
   * The newest record of the open alert: the newest recent alert at the open severity, unless that
   * one closed it.
   */
  static ExertionAlert newestOpen(List<ExertionAlert> oldestFirst, AthleteStatus s) {
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      ExertionAlert a = oldestFirst.get(i);
      if (a.getSeverity() == s.openSeverity()) {
        return a.getState() == AlertState.RESOLVED ? null : a;
      }
    }
    return null;
  }

  /** Whether the athlete belongs on a dashboard's "in an episode" list. */
  public boolean inEpisode() {
    return pain.active() || openAlert != null;
  }
}
