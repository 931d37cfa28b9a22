package io.painguard.rules;

/**
 * Where the newest sample sits against the pain's ceiling, as a coach's tile colours it: NEAR (amber)
 * within {@link #NEAR_MARGIN} bpm or %HRR under the ceiling, ABOVE (red) over it.
 */
public enum HeartRateZone {
  BELOW,
  NEAR,
  ABOVE;

  /** How close under the ceiling counts as near, in bpm and in %HRR alike. */
  public static final int NEAR_MARGIN = 5;

  /**
   * The zone of a sample, or null when the intensity or the ceiling is unknown. The %HRR comparison
   * decides above/below when both sides have it (an intensity may be class-equivalent, without a
   * heart rate); the heart rate is used when only it is known.
   */
  public static HeartRateZone of(
      Integer heartRateBpm, Integer intensityHrrPct, Integer ceilingHeartRateBpm, Integer ceilingHrrPct) {
    boolean byHrr = intensityHrrPct != null && ceilingHrrPct != null;
    boolean byBpm = heartRateBpm != null && ceilingHeartRateBpm != null;
    if (!byHrr && !byBpm) {
      return null;
    }
    boolean above = byHrr ? intensityHrrPct > ceilingHrrPct : heartRateBpm > ceilingHeartRateBpm;
    if (above) {
      return ABOVE;
    }
    boolean near =
        (byHrr && ceilingHrrPct - intensityHrrPct <= NEAR_MARGIN)
            || (byBpm && ceilingHeartRateBpm - heartRateBpm <= NEAR_MARGIN);
    return near ? NEAR : BELOW;
  }
}
