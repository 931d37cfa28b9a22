package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.ActivityType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An athlete's session minute by minute ({@link MinuteSummary}), read from the per-second history
 * the state already keeps ({@link ExertionWindow}) with the rules' own sums -- so a chart and an
 * alert never disagree on what a second was.
 *
 * <p><b>When a minute is final.</b> Samples and reports are applied at their own event time up to
 * {@code max-lateness} behind the athlete's newest event time ({@link AthleteState#clock()}); once
 * that clock has reached the minute's end plus the bound, nothing can still change the minute:
 * later records for it are beyond the bound and rejected. So a minute is written once, when it
 * becomes final, and the minutes after it are computed from the state when asked. The record that
 * moves the clock past a minute lies after that minute's end (it never changes it: sample holds
 * and heart-rate precedence look back, not forward), so the minute is summed from the state as it
 * was before that record, which still holds every second of it.
 */
public final class SessionMinutes {

  /** Length of a summarised minute, in milliseconds. */
  public static final long MINUTE_MILLIS = 60_000;
  private static final int MINUTE_SECONDS = 60;

  private final GuidanceSettings settings;
  private final long maxLatenessMillis;

  public SessionMinutes(GuidanceSettings settings, Duration maxLateness) {
    this.settings = settings;
    this.maxLatenessMillis = maxLateness.toMillis();
  }

  /**
   * A pain report as the session view shows it (the state never keeps a report's note).
   *
   * @param reportedAt epoch millis of its event time
   */
  public record PainMark(String reportId, long reportedAt, int level) {}

  /** Start of the minute that holds event time {@code t}. */
  public static long minuteOf(long t) {
    return Math.floorDiv(t, MINUTE_MILLIS) * MINUTE_MILLIS;
  }

  /**
   * The newest minute that is final when the athlete's clock reads {@code clock}: its end plus the
   * lateness bound is at or before the clock. {@link AthleteState#NONE} for no clock.
   */
  public long lastFinalMinute(long clock) {
    return clock == NONE ? NONE : minuteOf(clock - MINUTE_MILLIS - maxLatenessMillis);
  }

  /**
   * The minutes that became final as the athlete's clock moved from {@code clockBefore} to {@code
   * clockAfter}, oldest first, summed from {@code before} (the state before the record that moved
   * the clock); minutes without a sample, or no longer held, are left out.
   */
  public List<MinuteSummary> finishedBetween(AthleteState before, long clockBefore, long clockAfter) {
    if (clockBefore == NONE || clockAfter == NONE) {
      return List.of(); // nothing was held before the athlete's first record
    }
    long to = lastFinalMinute(clockAfter);
    long from = lastFinalMinute(clockBefore) + MINUTE_MILLIS;
    return between(before, from, to);
  }

  /** The minutes not final yet at the athlete's clock, oldest first, summed from {@code state} now. */
  public List<MinuteSummary> unfinished(AthleteState state) {
    if (state.clock() == NONE) {
      return List.of();
    }
    return between(state, lastFinalMinute(state.clock()) + MINUTE_MILLIS, Long.MAX_VALUE);
  }

  /** The minutes starting in [from, to] that the history holds and that have a sample. */
  private List<MinuteSummary> between(AthleteState s, long from, long to) {
    ExertionWindow window = s.window();
    if (window.isEmpty() || from > to) {
      return List.of();
    }
    long first = Math.max(from, minuteOf(window.startSecond() * 1000));
    long last = Math.min(to, minuteOf(window.endSecond() * 1000));
    List<MinuteSummary> out = new ArrayList<>();
    for (long minute = first; minute <= last; minute += MINUTE_MILLIS) {
      MinuteSummary summary = summarize(s, minute);
      if (summary != null) {
        out.add(summary);
      }
    }
    return out;
  }

  /**
   * One minute as the state holds it, null when it has no sample. The ceiling is the one the pain
   * in force at the minute's last instant sets (an open referral keeps a stale report's ceiling, as
   * in the rules), with the heart-rate limits of that time.
   */
  public MinuteSummary summarize(AthleteState s, long minuteStart) {
    ExertionWindow window = s.window();
    long firstSecond = minuteStart / 1000;
    long lastSecond = firstSecond + MINUTE_SECONDS - 1;
    if (window.nextSampleSecond(firstSecond) > lastSecond) {
      return null;
    }
    long end = minuteStart + MINUTE_MILLIS - 1;
    AthleteState.Report report = s.reportAt(end);
    PainInForce pain = ConditionEvaluator.painInForce(s, report, end, settings);
    HeartRateLimits limits =
        HeartRateLimits.of(s.birthYear(), s.restingHeartRateBpm(), s.maxHeartRateBpm(), UtcYear.of(end), settings);
    WindowSummary w =
        window.summarize(lastSecond, MINUTE_SECONDS, Long.MIN_VALUE, -1, pain.ceilingHrrPct(), limits, settings);
    return new MinuteSummary(
        minuteStart,
        w.avgHeartRateBpm(),
        w.peakHeartRateBpm(),
        pain.active() ? limits.heartRateAtPct(pain.ceilingHrrPct()) : null,
        w.secondsAboveCeiling(),
        w.activeSeconds(),
        dominantActivity(window, firstSecond, lastSecond),
        pain.level(),
        report == null ? null : report.id(),
        report == null ? NONE : report.at(),
        report == null ? 0 : report.level());
  }

  /**
   * The activity with the most sampled seconds; on a tie an activity beats rest, then the one
   * first in the contract's order (so the answer never depends on arrival order).
   */
  private static ActivityType dominantActivity(ExertionWindow window, long firstSecond, long lastSecond) {
    int[] seconds = new int[64];
    for (long second = firstSecond; second <= lastSecond; second++) {
      int code = window.activity(second);
      if (code >= 0 && code < seconds.length) {
        seconds[code]++;
      }
    }
    int rest = StateCodes.ACTIVITY.code(ActivityType.REST);
    int best = -1;
    for (int code = 0; code < seconds.length; code++) {
      if (seconds[code] == 0) {
        continue;
      }
      if (best < 0
          || seconds[code] > seconds[best]
          || (seconds[code] == seconds[best] && best == rest)) {
        best = code;
      }
    }
    return best < 0 ? ActivityType.UNKNOWN : StateCodes.ACTIVITY.of(best);
  }

  /** The pain reports the state holds with an event time in [from, to], oldest first. */
  public static List<PainMark> reportsBetween(AthleteState s, long from, long to) {
    List<PainMark> out = new ArrayList<>();
    for (AthleteState.Report r : s.reportsFrom(from)) {
      if (r.at() <= to) {
        out.add(new PainMark(r.id(), r.at(), r.level()));
      }
    }
    return out;
  }
}
