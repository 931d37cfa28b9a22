package io.painguard.runtime.http;

import io.painguard.rules.AthleteStatus;
import java.util.List;

/**
 * One athlete as {@code GET /api/athletes/{id}} shows it: the pain in force, the newest intensity
 * against the ceiling that pain sets, the most severe open alert, and the open medical referral.
 */
public record AthleteView(
    String athleteId,
    String coachId,
    String asOf,
    PainView pain,
    IntensityView intensity,
    OpenAlertView openAlert,
    ReferralView referral) {

  /** The open medical referral: see a healthcare provider before training (DOMAIN 3, 4). */
  public record ReferralView(String since, List<String> reasons) {}

  /** The pain report in force. */
  public record PainView(
      int level, String band, boolean active, String reportId, String reportedAt) {}

  /**
   * The newest sample against the ceiling.
   *
   * @param aboveCeiling whether the newest sample's intensity is over the ceiling (null when either
   *     is unknown)
   */
  public record IntensityView(
      String activity,
      String lastSampleAt,
      Integer heartRateBpm,
      Integer hrrPct,
      Integer ceilingHrrPct,
      Integer ceilingHeartRateBpm,
      Boolean aboveCeiling,
      boolean profileEstimated) {}

  /**
   * The most severe alert open for the athlete (an open referral outranks any effort alert): RAISED,
   * ESCALATED or UPDATED and not yet RESOLVED.
   *
   * @param acknowledgement the newest acknowledgement of that alert (the newest of the athlete's
   *     recent alerts with the open severity that is not RESOLVED), null when none
   */
  public record OpenAlertView(
      String severity, String state, List<String> reasons, String openedAt, AcknowledgementView acknowledgement) {}

  /** The view without acknowledgements (openAlert.acknowledgement null). */
  public static AthleteView of(AthleteStatus s) {
    return of(s, List.of(), io.painguard.topology.AlertAcknowledgements.NONE);
  }

  /**
   * The view with the newest acknowledgement of the open alert.
   *
   * @param recentAlerts the athlete's recent alerts, oldest first
   */
  public static AthleteView of(
      AthleteStatus s,
      List<io.painguard.events.ExertionAlert> recentAlerts,
      io.painguard.topology.AlertAcknowledgements acknowledgements) {
    Boolean above =
        s.lastIntensityHrrPct() == null || s.ceilingHrrPct() == null
            ? null
            : s.lastIntensityHrrPct() > s.ceilingHrrPct();
    return new AthleteView(
        s.athleteId(),
        s.coachId(),
        AlertView.iso(s.asOf()),
        new PainView(
            s.painLevel(),
            s.painBand().name(),
            s.painActive(),
            s.painReportId(),
            AlertView.iso(s.painReportedAt())),
        new IntensityView(
            s.lastActivity() == null ? null : s.lastActivity().name(),
            AlertView.iso(s.lastSampleAt()),
            s.lastHeartRateBpm(),
            s.lastIntensityHrrPct(),
            s.ceilingHrrPct(),
            s.ceilingHeartRateBpm(),
            above,
            s.profileEstimated()),
        s.openSeverity() == null
            ? null
            : new OpenAlertView(
                s.openSeverity().name(),
                s.openState() == null ? null : s.openState().name(),
                s.openReasons() == null ? List.of() : s.openReasons().stream().map(Enum::name).toList(),
                AlertView.iso(s.openedAt()),
                openAlertId(s, recentAlerts)
                    .flatMap(acknowledgements::newest)
                    .map(AcknowledgementView::of)
                    .orElse(null)),
        s.referralSince() == null
            ? null
            : new ReferralView(
                AlertView.iso(s.referralSince()), s.referralReasons().stream().map(Enum::name).toList()));
  }

  /**
   * The id of the open alert: the newest recent alert with the open severity that is not RESOLVED
   * (an escalation or an update is a new alert, with an id of its own, to acknowledge anew).
   */
  static java.util.Optional<String> openAlertId(
      AthleteStatus s, List<io.painguard.events.ExertionAlert> recentAlertsOldestFirst) {
    for (int i = recentAlertsOldestFirst.size() - 1; i >= 0; i--) {
      io.painguard.events.ExertionAlert a = recentAlertsOldestFirst.get(i);
      if (a.getSeverity() == s.openSeverity() && a.getState() != io.painguard.events.AlertState.RESOLVED) {
        return java.util.Optional.of(a.getAlertId());
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether the athlete belongs on a dashboard's "in an episode" list. */
  public boolean inEpisode() {
    return pain.active() || openAlert != null;
  }
}
