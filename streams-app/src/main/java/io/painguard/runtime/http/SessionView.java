package io.painguard.runtime.http;

import io.painguard.events.ActivityType;
import io.painguard.events.ExertionAlert;
import io.painguard.rules.AthleteState;
import io.painguard.rules.MinuteSummary;
import io.painguard.rules.PainBand;
import io.painguard.rules.SessionMinutes;
import io.painguard.rules.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET /api/athletes/{id}/session}: an athlete's session for a chart, minute by
 * minute, with the pain reports and alerts of the same span as markers. Times are ISO-8601 UTC;
 * every list is oldest first.
 *
 * @param from start of the span (inclusive)
 * @param to end of the span: the later of the wall clock and the athlete's own newest event time
 * @param minutes the minutes with a sample whose start lies in the span
 * @param painReports reports made in the span (id, time, level; a report's note is never kept)
 * @param alerts alerts dated in the span, among the athlete's recent ones
 */
public record SessionView(
    String athleteId,
    String from,
    String to,
    List<MinuteView> minutes,
    List<PainReportView> painReports,
    List<AlertView> alerts) {

  /** One athlete-minute (see {@link MinuteSummary}). */
  public record MinuteView(
      String start,
      Integer avgHeartRateBpm,
      Integer peakHeartRateBpm,
      Integer ceilingHeartRateBpm,
      int secondsAboveCeiling,
      int activeSeconds,
      String activity,
      String activityLabel,
      int painLevel) {

    static MinuteView of(MinuteSummary m) {
      return new MinuteView(
          Instant.ofEpochMilli(m.start()).toString(),
          m.avgHeartRateBpm(),
          m.peakHeartRateBpm(),
          m.ceilingHeartRateBpm(),
          m.secondsAboveCeiling(),
          m.activeSeconds(),
          m.activity().name(),
          SessionView.activityLabel(m.activity()),
          m.painLevel());
    }
  }

  /** One pain report as a marker. */
  public record PainReportView(String reportId, String reportedAt, int level, String label) {}

  /**
   * The view of the span [from, to].
   *
   * @param finished rows of final minutes from the minutes store
   * @param unfinished the minutes not final yet, summed from the athlete's state now
   * @param heldReports the reports the athlete's state holds
   * @param recentAlerts the athlete's recent alerts, in any order
   */
  public static SessionView of(
      String athleteId,
      long from,
      long to,
      List<MinuteSummary> finished,
      List<MinuteSummary> unfinished,
      List<SessionMinutes.PainMark> heldReports,
      List<ExertionAlert> recentAlerts) {
    long firstMinute = SessionMinutes.minuteOf(from);
    // A minute written as final wins over one computed now (they agree; the row is the record).
    Map<Long, MinuteSummary> byStart = new TreeMap<>();
    for (List<MinuteSummary> source : List.of(unfinished, finished)) {
      for (MinuteSummary m : source) {
        if (m.start() >= firstMinute && m.start() <= to) {
          byStart.put(m.start(), m);
        }
      }
    }
    // Reports: those the state holds, and those in force at a minute's end (the rows keep them
    // for the whole retention, the state only within the lateness bound).
    Map<String, SessionMinutes.PainMark> reports = new LinkedHashMap<>();
    for (MinuteSummary m : byStart.values()) {
      if (m.painReportId() != null && m.painReportedAt() != AthleteState.NONE) {
        reports.putIfAbsent(m.painReportId(), new SessionMinutes.PainMark(m.painReportId(), m.painReportedAt(), m.painReportLevel()));
      }
    }
    heldReports.forEach(r -> reports.put(r.reportId(), r));
    List<PainReportView> painReports =
        reports.values().stream()
            .filter(r -> r.reportedAt() >= from && r.reportedAt() <= to)
            .sorted(Comparator.comparingLong(SessionMinutes.PainMark::reportedAt))
            .map(r -> new PainReportView(r.reportId(), Instant.ofEpochMilli(r.reportedAt()).toString(), r.level(), painLabel(r.level())))
            .toList();
    List<AlertView> alerts = new ArrayList<>();
    recentAlerts.stream()
        .filter(a -> a.getEventTime().toEpochMilli() >= from && a.getEventTime().toEpochMilli() <= to)
        .sorted(Comparator.comparing(ExertionAlert::getEventTime))
        .forEach(a -> alerts.add(AlertView.of(a)));
    return new SessionView(
        athleteId,
        Instant.ofEpochMilli(from).toString(),
        Instant.ofEpochMilli(to).toString(),
        byStart.values().stream().map(MinuteView::of).toList(),
        painReports,
        alerts);
  }

  /** "Running", "HIIT", "The elliptical trainer": the rules' word for it, capitalised. */
  static String activityLabel(ActivityType activity) {
    String word = Words.of(activity);
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** "Moderate pain (5/10)", "No pain (0/10)". */
  static String painLabel(int level) {
    PainBand band = PainBand.of(level);
    String name = band == PainBand.NONE ? "No" : Character.toUpperCase(band.label().charAt(0)) + band.label().substring(1);
    return name + " pain (" + level + "/10)";
  }
}
