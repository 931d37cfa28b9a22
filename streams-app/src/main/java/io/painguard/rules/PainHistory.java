package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.rules.AthleteState.Report;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the athlete said about their pain, part of {@link AthleteState}: the reports in force over
 * the lateness bound (oldest first), the episode start as of the oldest one kept (the floor, with
 * the triggers of the episode's reports no longer kept), the newest level-0 report, and the
 * cross-day {@link PainTrend} with the time it last raised NOT_IMPROVING.
 *
 * <p>Its stored form is split by the layout's history: the reports and the floor sit in the
 * version-3 body ({@link #writeV3Body}); what issue 14 added sits in version 4's extension, before
 * the referral ({@link #writeV4Episode}: each report's onset, sensations and sharp-pain activity,
 * the floor's triggers, the newest level-0 report) and after it ({@link #writeV4Trend}).
 */
final class PainHistory {

  /** At most this many reports are kept (the newest); more within the bound is not a person. */
  static final int MAX_REPORTS = 8;

  private final ArrayList<Report> reports = new ArrayList<>(2);
  private long episodeFloor = NONE;
  /** Triggers named by reports of the episode at the floor that are no longer kept. */
  private int episodeFloorTriggers;
  /** Event time of the newest level-0 report, or NONE. */
  private long lastPainGoneAt = NONE;
  private PainTrend trend = new PainTrend();
  /** Event time of the newest NOT_IMPROVING alert, or NONE. */
  private long trendAlertedAt = NONE;

  /** No report yet. */
  PainHistory() {}

  /** Reports as an upgraded layout held them (oldest first), the episode start as of the oldest. */
  PainHistory(List<Report> reports, long episodeFloor) {
    this.reports.addAll(reports);
    this.episodeFloor = episodeFloor;
  }

  // ---- read access ----

  /** The newest pain report (the one in force from its time on), or null. */
  Report newestReport() {
    return reports.isEmpty() ? null : reports.get(reports.size() - 1);
  }

  /** The report in force at {@code t}: the newest with a time at or before it, or null. */
  Report reportAt(long t) {
    for (int i = reports.size() - 1; i >= 0; i--) {
      if (reports.get(i).at() <= t) {
        return reports.get(i);
      }
    }
    return null;
  }

  /** The report before {@code r}, or null. */
  Report reportBefore(Report r) {
    int i = reports.indexOf(r);
    return i > 0 ? reports.get(i - 1) : null;
  }

  /** Reports with a time at or after {@code t}, oldest first. */
  List<Report> reportsFrom(long t) {
    List<Report> out = new ArrayList<>(2);
    for (Report r : reports) {
      if (r.at() >= t) {
        out.add(r);
      }
    }
    return out;
  }

  /** Whether a report newer than {@code t} is held. */
  boolean hasReportAfter(long t) {
    Report newest = newestReport();
    return newest != null && newest.at() > t;
  }

  /**
   * Start of the pain episode in force at {@code t}, or NONE: reports at level 1 or more with no
   * level-0 report between them and no gap longer than {@code pain.episode-limit}, the newest at
   * most that long before {@code t}. An episode outlasts the 12 hours a report sets the ceiling,
   * so an athlete who checks in once a day stays in one episode.
   */
  long episodeStartAt(long t, GuidanceSettings settings) {
    return episodeWalk(t, settings, false);
  }

  /** The triggers named by any report of the episode in force at {@code t}. */
  int episodeTriggersAt(long t, GuidanceSettings settings) {
    return (int) episodeWalk(t, settings, true);
  }

  private long episodeWalk(long t, GuidanceSettings settings, boolean triggers) {
    long limit = settings.episodeLimit().toMillis();
    long start = NONE;
    int named = 0;
    Report previous = null;
    for (Report r : reports) {
      if (r.at() > t) {
        break;
      }
      if (r.level() < 1) {
        start = NONE;
        named = 0;
      } else if (previous == null) {
        start = episodeFloor != NONE ? episodeFloor : r.at();
        named = episodeFloor != NONE ? episodeFloorTriggers | r.triggers() : r.triggers();
      } else if (start == NONE || r.at() - previous.at() > limit) {
        start = r.at();
        named = r.triggers();
      } else {
        named |= r.triggers();
      }
      previous = r;
    }
    if (previous == null || t - previous.at() > limit) {
      return triggers ? 0 : NONE;
    }
    return triggers ? named : start;
  }

  /** Event time of the newest level-0 report, or NONE. */
  long lastPainGoneAt() {
    return lastPainGoneAt;
  }

  PainTrend trend() {
    return trend;
  }

  long trendAlertedAt() {
    return trendAlertedAt;
  }

  // ---- changes ----

  /**
   * A pain report, placed by its event time among those kept; reports that no longer decide
   * anything at or after {@code keepFrom} are forgotten.
   */
  void recordReport(Report report, long keepFrom, GuidanceSettings settings) {
    int i = reports.size();
    while (i > 0 && reports.get(i - 1).at() > report.at()) {
      i--;
    }
    if (i > 0 && reports.get(i - 1).at() == report.at() && reports.get(i - 1).id().equals(report.id())) {
      reports.set(i - 1, report); // the same report again
    } else {
      reports.add(i, report);
    }
    // The report in force at keepFrom and the one before it (its "previous level") stay.
    while (reports.size() > MAX_REPORTS || (reports.size() > 2 && reports.get(2).at() <= keepFrom)) {
      long floorAt = reports.get(1).at();
      long floor = episodeStartAt(floorAt, settings);
      episodeFloorTriggers = floor == NONE ? 0 : episodeTriggersAt(floorAt, settings) & ~reports.get(1).triggers();
      episodeFloor = floor;
      reports.remove(0);
    }
  }

  /**
   * The activity (code + 1) under way when the pain in {@code report} rose (0: it did not rise);
   * returns the report as now held.
   */
  Report markRising(Report report, int activityCode) {
    return replace(report, report.withRisingActivity(activityCode));
  }

  /** The activity (code + 1) under way when {@code report}'s sharp pain came (0: none). */
  Report markSharp(Report report, int activityCode) {
    return replace(report, report.withSharpActivity(activityCode));
  }

  private Report replace(Report held, Report changed) {
    int i = reports.indexOf(held);
    if (i >= 0 && !held.equals(changed)) {
      reports.set(i, changed);
      return changed;
    }
    return i >= 0 ? held : changed;
  }

  /** A level-0 report at {@code at}. */
  void notePainGone(long at) {
    lastPainGoneAt = Math.max(lastPainGoneAt, at);
  }

  /** A NOT_IMPROVING alert at {@code at}. */
  void noteTrendAlerted(long at) {
    trendAlertedAt = at;
  }

  // ---- stored form ----

  /** Bytes {@link #writeV3Body} needs. */
  int v3BodySize() {
    int size = 1;
    for (Report r : reports) {
      size += 8 + StateBytes.stringSize(r.id()) + 1 + 4 * 4 + 1;
    }
    return size + 8;
  }

  /**
   * The version-3 part: the report count, each report without what issue 14 added (time, id,
   * level, triggers, radiculopathy, radiates, red flags, rising activity), the episode floor.
   */
  void writeV3Body(ByteBuffer out) {
    out.put((byte) reports.size());
    for (Report r : reports) {
      out.putLong(r.at());
      StateBytes.putString(out, r.id());
      out.put((byte) r.level())
          .putInt(r.triggers())
          .putInt(r.radiculopathy())
          .putInt(r.radiates())
          .putInt(r.redFlags())
          .put((byte) r.risingActivity());
    }
    out.putLong(episodeFloor);
  }

  /**
   * Reads {@link #writeV3Body}'s part; the rest holds what a version-3 state implies until {@link
   * #readV4Episode} and {@link #readV4Trend} say otherwise.
   */
  static PainHistory readV3Body(ByteBuffer in) {
    PainHistory p = new PainHistory();
    int reportCount = in.get() & 0xFF;
    for (int i = 0; i < reportCount; i++) {
      long at = in.getLong();
      String id = StateBytes.getString(in);
      p.reports.add(
          new Report(at, id, in.get(), in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.get() & 0xFF));
    }
    p.episodeFloor = in.getLong();
    return p;
  }

  /** Bytes {@link #writeV4Episode} needs. */
  int v4EpisodeSize() {
    return reports.size() * (1 + 4 + 1) + 4 + 8;
  }

  /**
   * Version 4's extension, before the referral: each report's onset, sensations and sharp-pain
   * activity (in the order of the version-3 body), the floor's triggers, the newest level-0 report.
   */
  void writeV4Episode(ByteBuffer out) {
    for (Report r : reports) {
      out.put((byte) r.onset()).putInt(r.sensations()).put((byte) r.sharpActivity());
    }
    out.putInt(episodeFloorTriggers);
    out.putLong(lastPainGoneAt);
  }

  void readV4Episode(ByteBuffer in) {
    for (int i = 0; i < reports.size(); i++) {
      reports.set(i, reports.get(i).withExtras(in.get() & 0xFF, in.getInt(), in.get() & 0xFF));
    }
    episodeFloorTriggers = in.getInt();
    lastPainGoneAt = in.getLong();
  }

  /** Bytes {@link #writeV4Trend} needs. */
  int v4TrendSize() {
    return trend.encodedSize() + 8;
  }

  /** Version 4's extension, after the referral: the trend and when it last raised an alert. */
  void writeV4Trend(ByteBuffer out) {
    trend.writeTo(out);
    out.putLong(trendAlertedAt);
  }

  void readV4Trend(ByteBuffer in) {
    trend = PainTrend.readFrom(in);
    trendAlertedAt = in.getLong();
  }
}
