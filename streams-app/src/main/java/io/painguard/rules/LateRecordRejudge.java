package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges an athlete's records again after a late one (a sample or report behind the athlete's
 * clock but within the lateness bound, one that arrived after a stream-time sweep past it, or a
 * profile edit older than records already applied). The late record is already in the history;
 * the effort lifecycle is rewound to the last transition before it and every report and sample
 * step after it is taken again, in event-time order, with {@link EffortSteps} -- the steps
 * {@link AthleteGuard} takes for in-order records, so the same alerts come out with the same ids
 * as if everything had arrived in order. What consumers have seen is then reconciled with what
 * the re-run has: see {@link #reevaluateFrom}.
 */
final class LateRecordRejudge {

  private final ConditionEvaluator conditions;
  private final EffortSteps steps;

  LateRecordRejudge(ConditionEvaluator conditions, EffortSteps steps) {
    this.conditions = conditions;
    this.steps = steps;
  }

  /**
   * Re-derives the lifecycle from event time {@code from} (a late input, already in the history)
   * and reconciles it with what consumers have seen: missing transitions are emitted, an open alert
   * that no longer holds is withdrawn, one that still holds but was closed is stated again.
   */
  void reevaluateFrom(
      String athleteId, AthleteState s, long from, List<ExertionAlert> out, String why) {
    AthleteState.Transition seen = s.lastTransition();
    AthleteState.Transition base = s.lastTransitionBefore(from);
    long start = from;
    Set<String> emitted = new HashSet<>();
    List<AthleteState.Transition> opened = new ArrayList<>(2);
    if (!s.transitionsFrom(from).isEmpty()) {
      // Something was emitted since: start from the last transition before, where the lifecycle
      // is known exactly, so evidence and cooldowns come out as in an ordered run.
      long historyStart =
          s.window().isEmpty() ? from : Math.min(from, s.window().startSecond() * 1000);
      start = base == null ? from : Math.min(from, Math.max(base.at() + 1, historyStart));
      for (AthleteState.Transition t : s.transitionsFrom(start)) {
        emitted.add(id(athleteId, t));
        if (t.opens()) {
          opened.add(t);
        }
      }
      s.rewindLifecycle(base, start);
    } else {
      // Nothing emitted since: the lifecycle stays, but what held is taken as of just before the
      // late record -- the conditions held as of the newest record would make the re-run see a
      // medical sign "end" at every step and keep renewing the evidence that ends the alert.
      s.capEvidence(from);
      s.setHeldReasons(StateCodes.REASON.mask(conditions.evaluate(s, from - 1).held()));
    }

    List<ExertionAlert> again = new ArrayList<>(2);
    List<AthleteState.Report> reports = s.reportsFrom(start);
    int next = 0;
    long second = s.window().nextSampleSecond(Math.floorDiv(start + 999, 1000));
    long end = s.clock();
    while (true) {
      long reportAt = next < reports.size() ? reports.get(next).at() : Long.MAX_VALUE;
      long sampleAt = second == Long.MAX_VALUE ? Long.MAX_VALUE : second * 1000;
      if (Math.min(reportAt, sampleAt) > end) {
        break;
      }
      if (reportAt <= sampleAt) {
        AthleteState.Report r = current(s, reports.get(next));
        steps.reportStep(athleteId, s, r, reportAt, again);
        next++;
      } else {
        steps.step(athleteId, s, sampleAt, sampleAt, false, Set.of(), again);
        second = s.window().nextSampleSecond(second + 1);
      }
    }
    if (s.tickedAt() > end && s.tickedAt() >= conditions.deadlineAfter(s, end)) {
      // A sweep already ran past the athlete's records: what it finds due now, it found then.
      // (The stored deadline counts from the sweep's time, so it cannot tell.)
      steps.step(athleteId, s, s.tickedAt(), s.tickedAt(), true, Set.of(), again);
    }

    Set<String> againIds = new HashSet<>();
    for (ExertionAlert a : again) {
      againIds.add(a.getAlertId());
    }
    boolean consumerOpen = seen != null && seen.leavesOpen();
    Severity consumerSeverity = seen == null ? Severity.UNKNOWN : seen.severity();
    for (AthleteState.Transition wrong : opened) {
      // Raised or escalated, and not by the re-evaluation: withdrawn, saying why -- also when
      // it has been resolved since, so whoever acted on it learns it did not apply.
      if (!againIds.contains(id(athleteId, wrong))) {
        out.add(withdrawal(athleteId, s, wrong.severity(), wrong.at(), why));
        if (wrong == seen) {
          consumerOpen = false;
        }
      }
    }
    for (ExertionAlert a : again) {
      if (emitted.contains(a.getAlertId())) {
        continue;
      }
      if (a.getState() == AlertState.RESOLVED) {
        if (!consumerOpen) {
          continue; // consumers already see no open alert
        }
        consumerOpen = false;
      } else {
        consumerOpen = true;
        consumerSeverity = a.getSeverity();
      }
      out.add(a);
    }
    if (s.isOpen() && !consumerOpen) {
      // The alert that holds was opened by a transition consumers saw, and what they were sent
      // since closed it: a withdrawal, or a RESOLVED of the re-run that lies before it in event
      // time. It is sent again as it was -- same transition, time and id -- and not recorded
      // again: a new transition at the late record's time would sit before the evidence it
      // restates and, in the next re-run, act as a base and a cooldown it never was.
      out.add(restatement(athleteId, s));
    } else if (!s.isOpen() && consumerOpen) {
      out.add(withdrawal(athleteId, s, consumerSeverity, from, why));
    }
    s.setDeadline(conditions.deadline(s));
  }

  /** The report as now held (its rising mark may have been set since the list was taken). */
  private static AthleteState.Report current(AthleteState s, AthleteState.Report r) {
    for (AthleteState.Report held : s.reportsFrom(r.at())) {
      if (held.at() == r.at() && held.id().equals(r.id())) {
        return held;
      }
    }
    return r;
  }

  /** The alert in force, built again from the transition that opened it (so with its id). */
  private ExertionAlert restatement(String athleteId, AthleteState s) {
    AthleteState.Transition opening = s.openingTransition();
    AlertState state;
    Set<Reason> reasons;
    long at;
    if (opening != null) {
      state = opening.alertState();
      reasons = StateCodes.REASON.set(opening.reasons());
      at = opening.at();
    } else { // forgotten (or from a layout without transitions): what the state says of it
      state = s.openState();
      reasons = StateCodes.REASON.set(s.openReasonsMask());
      at = s.openedAt() != NONE ? s.openedAt() : s.clock();
    }
    ConditionEvaluator.Evaluation ev = conditions.evaluate(s, at);
    return AlertFactory.build(
        steps.context(athleteId, s, ev, state, s.openSeverity(), reasons, at, EffortSteps.Telling.PLAIN));
  }

  private ExertionAlert withdrawal(
      String athleteId, AthleteState s, Severity severity, long at, String why) {
    ConditionEvaluator.Evaluation ev = conditions.evaluate(s, Math.max(at, s.clock()));
    String because =
        why + " and show" + (why.startsWith("samples") ? "" : "s") + " this alert did not apply; "
            + (s.isOpen()
                ? "what holds instead follows."
                : "no alert is open.");
    return AlertFactory.build(
        steps.context(athleteId, s, ev, AlertState.RESOLVED, severity, Set.of(), at, EffortSteps.Telling.withdrawn(because)));
  }

  private static String id(String athleteId, AthleteState.Transition t) {
    return AlertIds.of(athleteId, t.alertState(), t.severity(), t.reasonList(), t.at());
  }
}
