package io.painguard.rules;

/**
 * The pain state at one moment t: the athlete's latest report with timestamp <= t. It is active
 * when its level is at least 1 and it is at most {@link GuidanceSettings#painStaleAfter()} older
 * than t; a level-0 report ends the episode.
 *
 * @param active whether a pain episode is in force
 * @param level the level in force (0 when not active)
 * @param band the band of {@code level}
 * @param ceilingHrrPct the %HRR ceiling, -1 when not active
 */
public record PainInForce(boolean active, int level, PainBand band, int ceilingHrrPct) {

  public static final PainInForce NONE = new PainInForce(false, 0, PainBand.NONE, -1);

  /**
   * The pain in force at {@code t} given the latest report's time and level.
   *
   * @param reportAt the report's event time, or {@link AthleteState#NONE} for no report
   */
  public static PainInForce at(long t, long reportAt, int level, GuidanceSettings settings) {
    if (reportAt == AthleteState.NONE
        || level < 1
        || t - reportAt > settings.painStaleAfter().toMillis()) {
      return NONE;
    }
    PainBand band = PainBand.of(level);
    return new PainInForce(true, level, band, settings.ceilingHrrPct(band));
  }
}
