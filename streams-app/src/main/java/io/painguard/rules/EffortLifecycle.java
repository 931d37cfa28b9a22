package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;
import static io.painguard.rules.AthleteState.RAISED;
import static io.painguard.rules.AthleteState.RESOLVED;
import static io.painguard.rules.AthleteState.UPDATED;

import io.painguard.events.AlertState;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.rules.AthleteState.Transition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The effort alert's lifecycle, part of {@link AthleteState}: the alert open now (severity rank,
 * RAISED or ESCALATED, reasons, when it was raised), when evidence for it was last seen, the
 * conditions that held at the last evaluation, and the transitions emitted over the lateness bound
 * (oldest first) -- the cooldowns, and the base a re-evaluation rewinds to.
 *
 * <p>Stored (contiguously, after the activity history) as: rank and state (one byte each), reasons
 * (int), openedAt and lastEvidenceAt (longs), held reasons (int), the transition count (byte) and
 * each transition's time, state, rank and reasons.
 */
final class EffortLifecycle {

  /** At most this many transitions are kept (the newest). */
  static final int MAX_TRANSITIONS = 16;

  private int openRank;
  private int openState;
  private int openReasons;
  private long openedAt = NONE;
  private long lastEvidenceAt = NONE;
  private int heldReasons;
  private final ArrayList<Transition> transitions = new ArrayList<>(2);

  /** No alert ever. */
  EffortLifecycle() {}

  /** As a stored state held it; the arguments are in the stored order, the transitions oldest first. */
  EffortLifecycle(
      int openRank,
      int openState,
      int openReasons,
      long openedAt,
      long lastEvidenceAt,
      int heldReasons,
      List<Transition> transitions) {
    this.openRank = openRank;
    this.openState = openState;
    this.openReasons = openReasons;
    this.openedAt = openedAt;
    this.lastEvidenceAt = lastEvidenceAt;
    this.heldReasons = heldReasons;
    this.transitions.addAll(transitions);
  }

  // ---- read access ----

  /** Severity of the open alert, UNKNOWN when none is open. */
  Severity openSeverity() {
    return SeverityRank.severity(openRank);
  }

  int openRank() {
    return openRank;
  }

  boolean isOpen() {
    return openRank != SeverityRank.NONE;
  }

  /** RAISED or ESCALATED while an alert is open, UNKNOWN otherwise. */
  AlertState openState() {
    return StateCodes.ALERT_STATE.of(openState);
  }

  List<Reason> openReasons() {
    return ReasonPolicy.ordered(StateCodes.REASON.set(openReasons));
  }

  int openReasonsMask() {
    return openReasons;
  }

  long openedAt() {
    return openedAt;
  }

  long lastEvidenceAt() {
    return lastEvidenceAt;
  }

  /** The conditions that held at the last evaluation. */
  Set<Reason> heldReasons() {
    return StateCodes.REASON.set(heldReasons);
  }

  int heldReasonsMask() {
    return heldReasons;
  }

  /** Event time of the newest RAISED or ESCALATED of this rank, or NONE. */
  long lastRaisedAt(int rank) {
    for (int i = transitions.size() - 1; i >= 0; i--) {
      Transition t = transitions.get(i);
      if (t.opens() && t.rank() == rank) {
        return t.at();
      }
    }
    return NONE;
  }

  List<Transition> transitions() {
    return transitions;
  }

  /** The newest transition before {@code t}, or null. */
  Transition lastTransitionBefore(long t) {
    for (int i = transitions.size() - 1; i >= 0; i--) {
      if (transitions.get(i).at() < t) {
        return transitions.get(i);
      }
    }
    return null;
  }

  /** The transitions at or after {@code t}, oldest first. */
  List<Transition> transitionsFrom(long t) {
    List<Transition> out = new ArrayList<>(2);
    for (Transition tr : transitions) {
      if (tr.at() >= t) {
        out.add(tr);
      }
    }
    return out;
  }

  /** The newest RAISED or ESCALATED at the open alert's severity (the one in force), or null. */
  Transition openingTransition() {
    if (!isOpen()) {
      return null;
    }
    for (int i = transitions.size() - 1; i >= 0; i--) {
      Transition t = transitions.get(i);
      if (t.state() == RESOLVED) {
        return null;
      } else if (t.opens() && t.rank() == openRank) {
        return t;
      }
    }
    return null;
  }

  /** The transition consumers last saw, or null. */
  Transition lastTransition() {
    return transitions.isEmpty() ? null : transitions.get(transitions.size() - 1);
  }

  // ---- changes ----

  /** Evidence for the open (or next) alert was seen at {@code t}. */
  void noteEvidence(long t) {
    if (t > lastEvidenceAt) {
      lastEvidenceAt = t;
    }
  }

  void setHeldReasons(int mask) {
    heldReasons = mask;
  }

  /** An alert was raised or escalated at {@code at}. */
  Transition open(AlertState transition, int rank, int reasons, long at) {
    if (transition == AlertState.RAISED) {
      openedAt = at;
    }
    openRank = rank;
    openState = StateCodes.ALERT_STATE.code(transition);
    openReasons = reasons;
    noteEvidence(at);
    return log(new Transition(at, openState, rank, reasons));
  }

  /** Conditions seen while the alert stays open at the same severity. */
  void addOpenReasons(int reasons) {
    openReasons |= reasons;
  }

  /** News for the open alert at its severity was sent at {@code at}. */
  Transition update(int reasons, long at) {
    openReasons |= reasons;
    noteEvidence(at);
    return log(new Transition(at, UPDATED, openRank, reasons));
  }

  /** The open alert was resolved at {@code at}; returns the transition. */
  Transition close(long at) {
    Transition t = new Transition(at, RESOLVED, openRank, 0);
    openRank = SeverityRank.NONE;
    openState = 0;
    openReasons = 0;
    openedAt = NONE;
    return log(t);
  }

  /**
   * Forgets the lifecycle after {@code base} (exclusive of transitions before {@code from}), so it
   * can be re-derived from the history: the state is as it was right after {@code base}, or -- with
   * no base -- as before any transition kept. Used before re-evaluating from a late record's time.
   */
  void rewind(Transition base, long from) {
    transitions.removeIf(t -> t.at() >= from);
    if (base == null || !base.leavesOpen()) {
      openRank = SeverityRank.NONE;
      openState = 0;
      openReasons = 0;
      openedAt = NONE;
      heldReasons = 0;
    } else {
      openRank = base.rank();
      openState = base.state();
      openReasons = base.reasons();
      heldReasons = base.reasons();
      openedAt = base.at();
      for (int i = transitions.size() - 1; i >= 0; i--) {
        Transition t = transitions.get(i);
        if (t.state() == RESOLVED) {
          break;
        } else if (openState == UPDATED && t.opens()) {
          openState = t.state(); // an update leaves the alert as its opening transition said
        }
        if (t.state() == RAISED) {
          openedAt = t.at();
          break;
        }
      }
    }
    lastEvidenceAt = base == null ? NONE : base.at();
  }

  /** Evidence as it stood at {@code t} at the latest (re-evaluating from {@code t}). */
  void capEvidence(long t) {
    if (lastEvidenceAt > t) {
      lastEvidenceAt = t;
    }
  }

  /** Forgets transitions no longer needed at or after {@code keepFrom} (cooldowns included). */
  void forgetTransitionsBefore(long keepFrom) {
    while (transitions.size() > MAX_TRANSITIONS
        || (transitions.size() > 1 && transitions.get(1).at() < keepFrom)) {
      transitions.remove(0);
    }
  }

  /**
   * The open alert at {@code rank} became the athlete's referral (an upgrade from before version
   * 4): the lifecycle starts closed, and the transitions of that rank are forgotten so a
   * re-evaluation never withdraws them. When evidence was last seen stays.
   */
  void handOverToReferral(int rank) {
    openRank = SeverityRank.NONE;
    openState = 0;
    openReasons = 0;
    openedAt = NONE;
    heldReasons = 0;
    transitions.removeIf(t -> t.rank() == rank);
  }

  private Transition log(Transition t) {
    int i = transitions.size();
    while (i > 0 && transitions.get(i - 1).at() > t.at()) {
      i--;
    }
    transitions.add(i, t);
    return t;
  }

  // ---- stored form ----

  int encodedSize() {
    return 1 + 1 + 4 + 8 + 8 + 4 + 1 + transitions.size() * (8 + 1 + 1 + 4);
  }

  void writeTo(ByteBuffer out) {
    out.put((byte) openRank).put((byte) openState).putInt(openReasons);
    out.putLong(openedAt).putLong(lastEvidenceAt).putInt(heldReasons);
    out.put((byte) transitions.size());
    for (Transition t : transitions) {
      out.putLong(t.at()).put((byte) t.state()).put((byte) t.rank()).putInt(t.reasons());
    }
  }

  static EffortLifecycle readFrom(ByteBuffer in) {
    EffortLifecycle l = new EffortLifecycle();
    l.openRank = in.get() & 0xFF;
    l.openState = in.get() & 0xFF;
    l.openReasons = in.getInt();
    l.openedAt = in.getLong();
    l.lastEvidenceAt = in.getLong();
    l.heldReasons = in.getInt();
    int transitionCount = in.get() & 0xFF;
    for (int i = 0; i < transitionCount; i++) {
      l.transitions.add(new Transition(in.getLong(), in.get() & 0xFF, in.get() & 0xFF, in.getInt()));
    }
    return l;
  }
}
