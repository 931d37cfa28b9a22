package io.painguard.rules;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The pain episode across days, for the cross-report trend (issue 14: "go beyond the single
 * session"): one entry per UTC day with a report, holding that day's highest level. A level-0
 * report ends the episode: the days up to it are forgotten. Late reports land on their own day, so
 * the trend does not depend on arrival order within the days kept.
 *
 * <p>The episode is "not improving" at a report when, counting only days of the current episode
 * (no gap longer than {@code pain.episode-limit} between them):
 *
 * <ul>
 *   <li>the daily level rose from one reported day to the next at least {@code trend.rises} times
 *       within {@code trend.window} (3 times in 7 days), or
 *   <li>the episode's first day kept lies at least {@code trend.not-improving-after} (14 days)
 *       back and today's level is no lower than it was then.
 * </ul>
 *
 * Days older than {@code trend.not-improving-after + trend.window} behind the newest are dropped.
 */
final class PainTrend {

  private static final long DAY_MILLIS = 86_400_000L;
  /** Enough for one entry per day over the longest span kept by default (21 days), with room. */
  static final int MAX_DAYS = 32;

  /** Epoch days, ascending, and their highest level. */
  private int[] days = new int[0];
  private byte[] levels = new byte[0];

  int size() {
    return days.length;
  }

  /** A report at event time {@code at} with {@code level}. */
  void record(long at, int level, GuidanceSettings settings) {
    int day = (int) Math.floorDiv(at, DAY_MILLIS);
    if (level == 0) {
      int keep = 0;
      while (keep < days.length && days[keep] <= day) {
        keep++;
      }
      days = Arrays.copyOfRange(days, keep, days.length);
      levels = Arrays.copyOfRange(levels, keep, levels.length);
      return;
    }
    int i = Arrays.binarySearch(days, day);
    if (i >= 0) {
      levels[i] = (byte) Math.max(levels[i], level);
    } else {
      int at0 = -i - 1;
      days = insert(days, at0, day);
      byte[] l = new byte[levels.length + 1];
      System.arraycopy(levels, 0, l, 0, at0);
      l[at0] = (byte) level;
      System.arraycopy(levels, at0, l, at0 + 1, levels.length - at0);
      levels = l;
    }
    long spanDays = (settings.notImprovingAfter().plus(settings.trendWindow()).toMillis() + DAY_MILLIS - 1) / DAY_MILLIS;
    int oldest = days[days.length - 1] - (int) spanDays;
    int drop = 0;
    while (drop < days.length - 1 && (days[drop] < oldest || days.length - drop > MAX_DAYS)) {
      drop++;
    }
    if (drop > 0) {
      days = Arrays.copyOfRange(days, drop, days.length);
      levels = Arrays.copyOfRange(levels, drop, levels.length);
    }
  }

  /** Whether the episode is not improving as of a report at event time {@code at}. */
  boolean notImproving(long at, GuidanceSettings settings) {
    int today = (int) Math.floorDiv(at, DAY_MILLIS);
    int end = 0;
    while (end < days.length && days[end] <= today) {
      end++;
    }
    if (end == 0 || days[end - 1] != today) {
      return false;
    }
    long gapDays = settings.episodeLimit().toMillis() / DAY_MILLIS;
    int start = end - 1;
    while (start > 0 && days[start] - days[start - 1] <= gapDays) {
      start--;
    }
    int windowDays = (int) (settings.trendWindow().toMillis() / DAY_MILLIS);
    int rises = 0;
    for (int i = start + 1; i < end; i++) {
      if (days[i - 1] > today - windowDays && levels[i] > levels[i - 1]) {
        rises++;
      }
    }
    if (rises >= settings.trendRises()) {
      return true;
    }
    int afterDays = (int) (settings.notImprovingAfter().toMillis() / DAY_MILLIS);
    return today - days[start] >= afterDays && levels[end - 1] >= levels[start];
  }

  int encodedSize() {
    return 1 + days.length * 5;
  }

  void writeTo(ByteBuffer out) {
    out.put((byte) days.length);
    for (int i = 0; i < days.length; i++) {
      out.putInt(days[i]).put(levels[i]);
    }
  }

  static PainTrend readFrom(ByteBuffer in) {
    PainTrend t = new PainTrend();
    int n = in.get() & 0xFF;
    if (n > MAX_DAYS) {
      throw new IllegalArgumentException("too many trend days");
    }
    t.days = new int[n];
    t.levels = new byte[n];
    for (int i = 0; i < n; i++) {
      t.days[i] = in.getInt();
      t.levels[i] = in.get();
      if (i > 0 && t.days[i] <= t.days[i - 1]) {
        throw new IllegalArgumentException("trend days out of order");
      }
    }
    return t;
  }

  private static int[] insert(int[] a, int at, int value) {
    int[] out = new int[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }
}
