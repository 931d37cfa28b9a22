package io.painguard.rules;

/** How an input's event time related to what the athlete's state had already applied. */
public enum Arrival {
  /** At or after the athlete's newest event time: applied at once, the cheap path. */
  IN_ORDER,
  /**
   * Behind the athlete's newest event time, within {@code max-lateness}: applied at its own event
   * time and everything after it judged again; missing alerts emitted, wrong ones withdrawn.
   */
  LATE,
  /**
   * More than {@code max-lateness} behind: a report still counts from now on (or, when a newer
   * report is in force, only its medical signs do); a sample is too old for any window still open.
   */
  BEYOND_LATENESS,
  /**
   * More than {@code max-lateness} ahead of the athlete's newest event time and of the reference
   * time (the wall clock and the task's stream time): a clock that is off. Applied at the athlete's
   * newest event time instead, so one wrong clock cannot push the athlete's time away from its
   * other sources.
   */
  AHEAD
}
