package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The steps of the effort lifecycle, shared by {@link AthleteGuard} (in-order records and ticks)
 * and {@link LateRecordRejudge} (the same steps taken again after a late record, so they give the
 * same alerts with the same ids).
 *
 * <p>Each step evaluates which effort conditions hold at the step's event time ({@link
 * ConditionEvaluator}), then applies the alert lifecycle: RAISED when a condition starts (unless
 * the same severity was raised less than the cooldown ago), ESCALATED when the severity rises,
 * nothing while conditions continue, and one RESOLVED once no condition has held for {@code
 * resolveAfter} ("back under the ceiling for 2 minutes") or on a level-0 report. A sample is judged
 * at the start of its second (the history's resolution), a report at its own time. The alerts'
 * context (the pain, limits, window and referral they name) is built here too.
 */
final class EffortSteps {

  private final GuidanceSettings settings;
  private final ConditionEvaluator conditions;
  private final long staleMillis;

  EffortSteps(GuidanceSettings settings, ConditionEvaluator conditions) {
    this.settings = settings;
    this.conditions = conditions;
    this.staleMillis = settings.painStaleAfter().toMillis();
  }

  /**
   * A pain report's own step: rising pain, sharp pain while active, the trend across days, pain
   * gone, then the common evaluation. (The report's medical signs are the referral's.)
   */
  void reportStep(
      String athleteId, AthleteState s, AthleteState.Report report, long now, List<ExertionAlert> out) {
    AthleteState.Report previous = s.reportBefore(report);
    boolean baselineKnown = previous != null && report.at() - previous.at() <= staleMillis;
    int baseline = baselineKnown ? previous.level() : 0;
    PainOnset onset = report.onsetSymbol();
    boolean duringActivity = onset == PainOnset.DURING_ACTIVITY;
    // The athlete's word on when it came on counts (DOMAIN 2): pain they say came on at rest or
    // after activity did not rise during the activity the samples show.
    boolean notDuring = onset == PainOnset.AT_REST || onset == PainOnset.AFTER_ACTIVITY;
    int activity = conditions.activityAt(s, report.at());
    // DOMAIN 2: a rise from the previous report; pain the athlete says came on during activity,
    // with no report in force before it, is a rise from no pain. Either needs an activity the
    // samples show under way at the report's time: a report judged before its samples arrive is
    // judged again when they do (a late sample re-runs this step), so the order does not matter.
    boolean rising =
        (baselineKnown || duringActivity)
            && !notDuring
            && report.level() >= baseline + settings.painRisePoints()
            && activity >= 0;
    report = s.markRising(report, rising ? activity + 1 : 0);
    boolean sharp = report.level() >= 1 && (report.sensations() & SHARP_OR_STABBING) != 0 && activity >= 0;
    report = s.markSharp(report, sharp ? activity + 1 : 0);
    if (report.level() == 0 && s.isOpen()) {
      s.noteEvidence(report.at());
      out.add(resolve(athleteId, s, conditions.evaluate(s, now), report.at(), true));
    }
    Set<Reason> pulse = EnumSet.noneOf(Reason.class);
    if (rising) {
      pulse.add(Reason.PAIN_INCREASING_DURING_ACTIVITY);
    }
    if (sharp) {
      pulse.add(Reason.SHARP_PAIN_DURING_ACTIVITY);
    }
    if (!pulse.isEmpty()) {
      s.noteEvidence(report.at());
    }
    if (report.level() >= 1 && trendNews(s, report.at())) {
      pulse.add(Reason.NOT_IMPROVING);
    }
    step(athleteId, s, now, report.at(), false, pulse, out);
  }

  private static final int SHARP_OR_STABBING =
      StateCodes.SENSATION.mask(EnumSet.of(PainSensation.SHARP, PainSensation.STABBING));

  /**
   * Whether the report at {@code at} shows the episode not improving, and that is news: not said
   * within the trend window, and no referral open (which already sends the athlete to a provider).
   * The same report judged again (a re-evaluation) says it again, with the same alert id.
   */
  private boolean trendNews(AthleteState s, long at) {
    long last = s.trendAlertedAt();
    return !s.referralOpenAt(at)
        && s.trend().notImproving(at, settings)
        && (last == NONE || last == at || at - last >= settings.trendWindow().toMillis());
  }

  void step(
      String athleteId,
      AthleteState s,
      long now,
      long inputTime,
      boolean tick,
      Set<Reason> pulse,
      List<ExertionAlert> out) {
    ConditionEvaluator.Evaluation ev = conditions.evaluate(s, now);
    if (ev.evidence() != NONE) {
      s.noteEvidence(ev.evidence());
    }
    int heldMask = StateCodes.REASON.mask(ev.held());
    if ((s.heldReasonsMask() & ~heldMask & ConditionEvaluator.PERSISTENT) != 0) {
      s.noteEvidence(tick ? now : inputTime);
    }
    s.setHeldReasons(heldMask);
    Set<Reason> all = EnumSet.noneOf(Reason.class);
    all.addAll(ev.held());
    all.addAll(pulse);
    if (all.isEmpty()) {
      if (s.isOpen()) {
        long from = s.lastEvidenceAt() != NONE ? s.lastEvidenceAt() : s.openedAt();
        long resolveAt = from + settings.resolveAfter().toMillis();
        if (now >= resolveAt) {
          out.add(resolve(athleteId, s, ev, resolveAt, false));
        }
      }
    } else {
      Severity severity = ReasonPolicy.severityOf(all);
      if (ev.referral().any() && severity == Severity.REDUCE_INTENSITY) {
        // Safety invariant 3: training hard during a referral is not a matter of easing off.
        severity = Severity.STOP_ACTIVITY;
      }
      int rank = SeverityRank.of(severity);
      long at = tick ? dueTime(s, all, rank, now) : inputTime;
      boolean news = pulse.contains(Reason.NOT_IMPROVING);
      AlertState transition = null;
      if (!s.isOpen()) {
        long last = s.lastRaisedAt(rank);
        if (last == NONE || at - last >= settings.alertCooldown().toMillis() || news) {
          transition = AlertState.RAISED;
        }
      } else if (rank > s.openRank()) {
        transition = AlertState.ESCALATED;
      } else if (news) {
        transition = AlertState.UPDATED; // news for the open alert at its severity
      }
      int mask = StateCodes.REASON.mask(all);
      if (news) {
        s.noteTrendAlerted(inputTime);
      }
      if (transition == AlertState.UPDATED) {
        Severity open = s.openSeverity();
        all.addAll(StateCodes.REASON.set(s.openReasonsMask()));
        s.update(StateCodes.REASON.mask(all), at);
        out.add(
            AlertFactory.build(
                context(athleteId, s, ev, transition, open, all, at, Telling.news(EnumSet.of(Reason.NOT_IMPROVING)))));
      } else if (transition != null) {
        s.open(transition, rank, mask, at);
        out.add(AlertFactory.build(context(athleteId, s, ev, transition, severity, all, at, Telling.PLAIN)));
      } else if (s.isOpen()) {
        s.addOpenReasons(mask);
      }
    }
    s.setDeadline(conditions.deadline(s));
  }

  /** When a tick-raised alert happened, from the data: the moment the condition became due. */
  private long dueTime(AthleteState s, Set<Reason> reasons, int rank, long now) {
    long at = s.clock();
    if (reasons.contains(Reason.PROLONGED_INACTIVITY)) {
      long since = conditions.inactiveSince(s, now);
      if (since != NONE) {
        at = Math.max(at, since + settings.inactivityAfter().toMillis());
      }
    }
    long last = s.lastRaisedAt(rank);
    long cooldown = settings.alertCooldown().toMillis();
    if (last != NONE && last + cooldown <= now) {
      at = Math.max(at, last + cooldown);
    }
    return at == NONE ? now : Math.min(at, now);
  }

  private ExertionAlert resolve(
      String athleteId,
      AthleteState s,
      ConditionEvaluator.Evaluation ev,
      long at,
      boolean painGone) {
    Severity severity = s.openSeverity();
    Set<Reason> closes = StateCodes.REASON.set(s.openReasonsMask());
    s.close(at);
    return AlertFactory.build(
        context(athleteId, s, ev, AlertState.RESOLVED, severity, Set.of(), at, Telling.closing(painGone, closes)));
  }

  /**
   * What an alert says beyond its decision: whether the pain was reported gone, why it is
   * withdrawn, what is news (for UPDATED) and which reasons it closes (for RESOLVED).
   */
  record Telling(boolean painGone, String withdrawnBecause, Set<Reason> news, Set<Reason> closes) {
    static final Telling PLAIN = new Telling(false, null, Set.of(), Set.of());

    static Telling news(Set<Reason> news) {
      return new Telling(false, null, news, Set.of());
    }

    static Telling closing(boolean painGone, Set<Reason> closes) {
      return new Telling(painGone, null, Set.of(), closes);
    }

    static Telling withdrawn(String because) {
      return new Telling(false, because, Set.of(), Set.of());
    }
  }

  AlertContext context(
      String athleteId,
      AthleteState s,
      ConditionEvaluator.Evaluation ev,
      AlertState state,
      Severity severity,
      Set<Reason> reasons,
      long at,
      Telling telling) {
    AthleteState.Report report = ev.report();
    boolean reportInForce = report != null && at - report.at() <= staleMillis;
    AthleteState.Report previous = report == null ? null : s.reportBefore(report);
    int previousLevel =
        previous != null && report.at() - previous.at() <= staleMillis ? previous.level() : 0;
    return new AlertContext(
        athleteId,
        state,
        severity,
        ReasonPolicy.ordered(reasons),
        at,
        ev.pain(),
        previousLevel,
        ev.limits(),
        ev.window(),
        ev.activity(),
        StateCodes.MOVEMENT.set(ev.triggers()),
        report == null ? PainOnset.UNKNOWN : report.onsetSymbol(),
        StateCodes.SENSATION.set(report == null ? 0 : report.sensations()),
        ev.referral(),
        telling.news(),
        telling.closes(),
        s.coachId(),
        reportInForce ? report.id() : null,
        telling.painGone(),
        settings,
        telling.withdrawnBecause());
  }
}
