package io.painguard.rules;

import io.painguard.events.ActivityType;
import java.nio.ByteBuffer;

/**
 * One athlete-minute of a session, as the coach's chart shows it: what the heart did, the ceiling
 * the pain in force at the minute's end set, how long the athlete spent above it, and the report
 * behind that pain. Every second of the minute is judged against that one ceiling -- the chart
 * draws one ceiling per minute -- so a minute in which the pain changed may count differently from
 * the rules' own per-second judgement (which is what alerts are made of).
 *
 * <p>Stored in the {@code athlete-minutes} window store keyed by athleteId and the minute's start,
 * so the start is not part of the row. Row version 1, big-endian, golden bytes in
 * MinuteSummaryTest:
 *
 * <pre>
 * u8  version (1)
 * u8  avg heart rate bpm        (0: none measured)
 * u8  peak heart rate bpm       (0: none measured)
 * u16 ceiling heart rate bpm    (0: no pain in force, so no ceiling)
 * u8  seconds above the ceiling
 * u8  active seconds
 * u8  dominant activity         (StateCodes.ACTIVITY code)
 * u8  pain level in force       (0 when none is active)
 * i64 event time of the report in force at the minute's end (Long.MIN_VALUE: none)
 * u8  that report's own level
 * str that report's id          (StateBytes: i16 length, -1 for null, then UTF-8)
 * </pre>
 *
 * The report fields let the chart mark pain reports across the whole retention, though the state
 * keeps only the reports within the lateness bound.
 *
 * @param start epoch millis of the minute's first instant
 * @param avgHeartRateBpm null when no heart rate was measured
 * @param peakHeartRateBpm null when no heart rate was measured
 * @param ceilingHeartRateBpm null when no pain was in force (no ceiling)
 * @param activity the activity with the most seconds sampled in the minute
 * @param painLevel the level in force at the minute's end, 0 when none is active
 * @param painReportId the report in force at the minute's end (even when stale), null for none
 * @param painReportedAt its event time, {@link AthleteState#NONE} for none
 * @param painReportLevel its own level
 */
public record MinuteSummary(
    long start,
    Integer avgHeartRateBpm,
    Integer peakHeartRateBpm,
    Integer ceilingHeartRateBpm,
    int secondsAboveCeiling,
    int activeSeconds,
    ActivityType activity,
    int painLevel,
    String painReportId,
    long painReportedAt,
    int painReportLevel) {

  /** The row format written now. */
  public static final byte VERSION_1 = 1;

  /** The row's bytes (without the start, which is the window store's key). */
  public byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(1 + 2 + 2 + 4 + 8 + 1 + StateBytes.stringSize(painReportId));
    out.put(VERSION_1)
        .put(unsignedByte(avgHeartRateBpm))
        .put(unsignedByte(peakHeartRateBpm))
        .putShort((short) (ceilingHeartRateBpm == null ? 0 : Math.min(0xFFFF, Math.max(0, ceilingHeartRateBpm))))
        .put((byte) secondsAboveCeiling)
        .put((byte) activeSeconds)
        .put((byte) Math.max(0, StateCodes.ACTIVITY.code(activity)))
        .put((byte) painLevel)
        .putLong(painReportedAt)
        .put((byte) painReportLevel);
    StateBytes.putString(out, painReportId);
    return out.array();
  }

  /**
   * Reads a row stored for the minute starting at {@code start}.
   *
   * @throws IllegalArgumentException when the bytes are not a row this build can read
   */
  public static MinuteSummary decode(long start, byte[] row) {
    if (row == null || row.length == 0 || row[0] != VERSION_1) {
      throw new IllegalArgumentException(
          "Not a minute summary this build can read (version " + (row == null || row.length == 0 ? "none" : row[0]) + ").");
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(row, 1, row.length - 1);
      Integer avg = orNull(in.get() & 0xFF);
      Integer peak = orNull(in.get() & 0xFF);
      Integer ceiling = orNull(in.getShort() & 0xFFFF);
      int above = in.get() & 0xFF;
      int active = in.get() & 0xFF;
      ActivityType activity = StateCodes.ACTIVITY.of(in.get() & 0xFF);
      int painLevel = in.get() & 0xFF;
      long reportedAt = in.getLong();
      int reportLevel = in.get() & 0xFF;
      String reportId = StateBytes.getString(in);
      return new MinuteSummary(
          start, avg, peak, ceiling, above, active, activity, painLevel, reportId, reportedAt, reportLevel);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("A minute summary shorter than its version says.", e);
    }
  }

  private static byte unsignedByte(Integer value) {
    return (byte) (value == null ? 0 : Math.min(0xFF, Math.max(0, value)));
  }

  private static Integer orNull(int value) {
    return value == 0 ? null : value;
  }
}
