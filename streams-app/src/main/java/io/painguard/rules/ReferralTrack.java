package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Recommendation;
import io.painguard.events.Severity;
import java.time.Instant;
import java.util.List;

/**
 * The medical referral lifecycle (DOMAIN 3, 4 and the safety invariants 1-4), apart from the
 * effort alerts: its alerts are SEEK_MEDICAL_ATTENTION, and no other alert has that severity.
 *
 * <ul>
 *   <li><b>RAISED</b> by the first report with a radiculopathy sign or a red flag, at that report's
 *       event time, as soon as the report is processed -- in order, late, or from a clock that is
 *       off. No cooldown applies.
 *   <li><b>UPDATED</b> at once by a report with a sign the open referral does not hold yet.
 *       Re-reporting a known sign keeps the referral open longer, silently.
 *   <li><b>RESOLVED</b> by a level-0 report made after the last sign ("pain reported gone"), or
 *       {@code referral.close-after} after the last sign with none re-reported. Silence, a stale
 *       report or a report that leaves the sign out never close it; its closing message says why
 *       it closed and never "all clear".
 * </ul>
 *
 * A sign report that arrives after a level-0 report made later than it is still raised (invariant
 * 1), and closed at once by that level-0 report, saying so. Referral alerts are never withdrawn.
 * Their ids name the report that opened the referral, so a replay yields the same ids.
 */
final class ReferralTrack {

  private final GuidanceSettings settings;
  private final ConditionEvaluator conditions;

  ReferralTrack(GuidanceSettings settings, ConditionEvaluator conditions) {
    this.settings = settings;
    this.conditions = conditions;
  }

  /** A pain report at event time {@code at}; {@code now} is the athlete's time after applying it. */
  void onReport(
      String athleteId, AthleteState s, AthleteState.Report report, long now, List<ExertionAlert> out) {
    long at = report.at();
    Referral referral = s.referral();
    if (report.medical()) {
      if (referral != null && referral.isOpen()) {
        MedicalSigns news = referral.newSigns(report.radiculopathy(), report.radiates(), report.redFlags());
        Referral now0 = referral.withSigns(at, report.radiculopathy(), report.radiates(), report.redFlags());
        s.setReferral(now0);
        if (news.any()) {
          out.add(alert(athleteId, s, now0, AlertState.UPDATED, at, report, news, Closing.NONE));
        }
        return;
      }
      if (referral != null && referral.openAt(at)
          && !referral.newSigns(report.radiculopathy(), report.radiates(), report.redFlags()).any()) {
        return; // a late copy of signs the referral, since closed, already held while they applied
      }
      Referral opened = Referral.opened(at, report.id(), report.radiculopathy(), report.radiates(), report.redFlags());
      s.setReferral(opened);
      out.add(alert(athleteId, s, opened, AlertState.RAISED, at, report, opened.signs(), Closing.NONE));
      if (s.lastPainGoneAt() != NONE && s.lastPainGoneAt() > at) {
        // Arrived after a report, made later, that said the pain was gone.
        close(athleteId, s, s.lastPainGoneAt(), report, Closing.PAIN_GONE, out);
      } else {
        closeIfDue(athleteId, s, now, out);
      }
    } else if (report.level() == 0) {
      s.notePainGone(at);
      if (referral != null && referral.isOpen() && at >= referral.lastSignAt()) {
        close(athleteId, s, at, report, Closing.PAIN_GONE, out);
      }
    }
  }

  /** Event time has reached {@code now}: closes a referral whose limit passed. */
  void closeIfDue(String athleteId, AthleteState s, long now, List<ExertionAlert> out) {
    Referral referral = s.referral();
    if (referral != null && referral.isOpen() && now != NONE && now >= referral.closesAt(settings.referralCloseAfter())) {
      close(athleteId, s, referral.closesAt(settings.referralCloseAfter()), null, Closing.LIMIT, out);
    }
  }

  private void close(
      String athleteId, AthleteState s, long at, AthleteState.Report report, Closing why, List<ExertionAlert> out) {
    Referral closed = s.referral().closed(at);
    s.setReferral(closed);
    out.add(alert(athleteId, s, closed, AlertState.RESOLVED, at, report, closed.signs(), why));
  }

  /** How a referral closed. */
  enum Closing {
    NONE,
    PAIN_GONE,
    LIMIT
  }

  private ExertionAlert alert(
      String athleteId,
      AthleteState s,
      Referral referral,
      AlertState state,
      long at,
      AthleteState.Report report,
      MedicalSigns signs,
      Closing why) {
    List<Reason> reasons = state == AlertState.RESOLVED ? List.of() : reasons(referral.signs());
    String message =
        switch (state) {
          case RAISED -> ReferralMessages.raised(signs);
          case UPDATED -> ReferralMessages.updated(signs, referral.signs());
          default ->
              why == Closing.PAIN_GONE
                  ? ReferralMessages.closedPainGone(referral.signs())
                  : ReferralMessages.closedAfterLimit(referral.signs(), settings.referralCloseAfter());
        };
    return ExertionAlert.newBuilder()
        .setAlertId(
            AlertIds.of(athleteId, state, Severity.SEEK_MEDICAL_ATTENTION, reasons, at, "referral:" + referral.openedBy()))
        .setAthleteId(athleteId)
        .setEventTime(Instant.ofEpochMilli(at))
        .setState(state)
        .setSeverity(Severity.SEEK_MEDICAL_ATTENTION)
        .setReasons(reasons)
        .setPainLevel(report != null ? report.level() : levelAt(s, at))
        .setRecommendation(
            Recommendation.newBuilder()
                // DOMAIN 3, 4: medical attention comes before any workout -- no target, no
                // alternative, no self-care; the percentages say "stop", the message never shows them.
                .setIntensityReductionPct(state == AlertState.RESOLVED ? 0 : 100)
                .setDurationReductionPct(state == AlertState.RESOLVED ? 0 : 100)
                .setAlternativeActivities(List.<ActivityType>of())
                .setMessage(message)
                .setTargetMaxHeartRateBpm(null)
                .setSelfCare(List.of())
                .build())
        .setCoachId(s.coachId())
        .setPainReportId(report != null ? report.id() : referral.openedBy())
        .setActivityType(ActivityType.UNKNOWN)
        .setObserved(null)
        .setProfileEstimated(conditions.limits(s, at).estimated())
        .build();
  }

  private static int levelAt(AthleteState s, long at) {
    AthleteState.Report r = s.reportAt(at);
    return r == null ? 0 : r.level();
  }

  static List<Reason> reasons(MedicalSigns signs) {
    return ReasonPolicy.ordered(ConditionEvaluator.medicalReasons(signs));
  }
}
