package io.painguard.rules;

import io.painguard.text.Durations;

import java.time.Duration;
import java.util.Map;

/**
 * Every number the guidance rules use, with the default that traces back to shared/DOMAIN.md (a
 * numbered guidance point) or to a named exercise-science convention. Build it from configuration
 * with {@link #fromProperties(Map)} (keys {@code painguard.rules.*}, all listed with their current
 * values by {@link #toProperties()}), or take {@link #defaults()}.
 *
 * @param mildCeilingHrrPct highest %HRR for mild pain (NRS 1-3); 70 = top of zone 2: an easy day
 *     (DOMAIN 6, Karvonen zones)
 * @param moderateCeilingHrrPct highest %HRR for moderate pain (NRS 4-6); 60 = top of zone 1-2
 *     boundary, scaled back further (DOMAIN 5, 6)
 * @param severeCeilingHrrPct highest %HRR for severe pain (NRS 7-10); 50 = bottom of zone 1, gentle
 *     movement only (DOMAIN 1, 5)
 * @param sustainedWindow event-time window for "sustained" (DOMAIN conventions: 120 s)
 * @param sustainedMinAbove time above the ceiling within the window that counts as overexertion,
 *     never a single spike (DOMAIN conventions: 60 s of 120 s)
 * @param sampleHold how long one sample stands for its activity: until the next sample of the
 *     athlete, at most this long (1 s to 60 s). 30 s, because "60 s above the ceiling in 120 s"
 *     (DOMAIN conventions) is judged from the samples' event times and must be reachable by the
 *     devices athletes wear: many report every 15 or 30 s to save battery, and with a shorter hold
 *     (5 s) a 15 s device counted 8 x 5 = 40 s of a 2-minute effort and could never alert. Among
 *     samples every second a spike still counts its one second. A lone sample with nothing after
 *     it counts at most the hold, which must be shorter than {@code sustainedMinAbove} (validated;
 *     30 s < 60 s), so a single sample can never be "sustained" (DOMAIN conventions: never on a
 *     single sample)
 * @param painStaleAfter a pain report older than this no longer describes the athlete (12 h: about
 *     one waking day-half; the default)
 * @param latePainGrace no longer used: superseded by {@code painguard.topology.max-lateness}, up to
 *     which every record -- reports included -- is applied at its own event time. Still accepted so
 *     existing configurations keep starting
 * @param painRisePoints NRS points above the previous report that count as pain increasing during
 *     activity (2 points: the usual minimal clinically important change on the NRS; DOMAIN 1, 2)
 * @param activityOngoing a non-REST sample within this long before a moment means the athlete is
 *     active at that moment (60 s)
 * @param maxTrunkFlexionDeg forward bend beyond a moderate range of motion (DOMAIN 8: 60 degrees)
 * @param flexionRepetitions separate bends beyond the range within {@code sustainedWindow} that
 *     count as "repeated" (DOMAIN 8)
 * @param inactivityAfter an active pain episode with no activity beyond rest for this long earns a
 *     nudge towards gentle walking (DOMAIN 5, 9: no full bed rest; 24 h)
 * @param alertCooldown time before the same severity may be raised again (DOMAIN conventions:
 *     alert fatigue; 15 min)
 * @param resolveAfter time without any alert condition (back under the ceiling) before an open alert
 *     is resolved (DOMAIN conventions: say when an episode is over; 2 min)
 * @param defaultAgeYears age assumed for the Tanaka estimate when the profile has no birth year (40:
 *     a mid-life adult; the alert says profileEstimated)
 * @param defaultRestingHeartRateBpm HRrest when the profile has none (DOMAIN conventions: 60 bpm)
 * @param tanakaInterceptBpm HRmax = intercept - slope x age (Tanaka 2001: 208)
 * @param tanakaSlopeBpmPerYear HRmax = intercept - slope x age (Tanaka 2001: 0.7)
 * @param lightEquivalentHrrPct %HRR assumed for a light activity without heart rate (ACSM light:
 *     30-39 %HRR -> 35)
 * @param moderateEquivalentHrrPct %HRR assumed for a moderate activity without heart rate (ACSM
 *     moderate: 40-59 %HRR -> 50)
 * @param vigorousEquivalentHrrPct %HRR assumed for a vigorous activity without heart rate (ACSM
 *     vigorous: 60-89 %HRR -> 75, above every ceiling so it can alert)
 * @param moderateSpeedMps walking or running speed from which the effort is at least moderate
 *     (Compendium of Physical Activities: ~4.7 km/h brisk walk, >= 3 MET)
 * @param vigorousSpeedMps speed from which the effort is vigorous (Compendium: ~8 km/h jog, >= 6
 *     MET)
 * @param moderatePowerWatts bike/rower/elliptical power from which the effort is at least moderate
 *     (Compendium: stationary cycling 51-89 W ~ 4.8 MET)
 * @param vigorousPowerWatts power from which the effort is vigorous (Compendium: cycling >= 100 W ~
 *     6.8-8.8 MET)
 * @param heartRatePrecedence how long a better measurement outranks a lesser one after it. When a
 *     heart rate was measured within this long before a sample without one (a wrist sensor worn on
 *     a stationary bike), that sample's equipment-based intensity class does not count, nor does it
 *     replace the measured heart rate: %HRR of a measured heart rate is the guidance's measure of
 *     intensity (Karvonen); the ACSM class equivalents stand in only when nothing measures it
 *     (issue: "samples without heart rate (gym equipment) get an intensity class"). Likewise, within
 *     this long after a chest strap's heart rate, another device's heart rate does not count: the
 *     strap reads the heart's electrical signal, an optical wrist sensor is known to lock onto the
 *     running cadence ({@link HeartRateSourceRank}). 30 s = {@code sampleHold}, the longest a sample
 *     stands for its interval, so the better device keeps precedence for as long as its sample
 *     counts, while a sensor gone quiet for longer hands back to the lesser one. Must be at least
 *     {@code sampleHold} (validated)
 * @param durationReductionPctPerPainLevel how much shorter the session should be per NRS point
 *     (DOMAIN 6: scale down duration, more for more pain; 10 per point)
 * @param afterActivityExtraDurationPct how much more to shorten the next session when the pain came
 *     on after activity (DOMAIN 2, 6: pain that follows a session says it was too long or too hard;
 *     20 points, two NRS points' worth)
 * @param episodeLimit how long a pain episode lasts without a new report: until a level-0 report,
 *     or this long after the newest report (DOMAIN 5: scale back "until pain is manageable or
 *     gone"; 14 days, two weekly training cycles, the horizon of the not-improving trend). Unlike
 *     {@code painStaleAfter}, which bounds how long one report sets the effort ceiling, it bounds
 *     the episode: triggers named earlier, the inactivity nudge and the trend
 * @param referralCloseAfter a medical referral (DOMAIN 3, 4) stays open until a level-0 report, or
 *     this long after its sign was last reported (14 days: long enough that an athlete who saw a
 *     provider has reported since; never shorter than a day, so silence overnight never closes it)
 * @param trendWindow the window in which rising daily pain levels count (7 days)
 * @param trendRises day-over-day increases of the daily pain level within {@code trendWindow} that
 *     make an episode "not improving" (3)
 * @param notImprovingAfter an episode whose pain is no lower than on its first day after this long
 *     is "not improving" (14 days: the seed's "talk to your healthcare provider or physical
 *     therapist" when two weeks of scaled-back training did not help)
 */
public record GuidanceSettings(
    int mildCeilingHrrPct,
    int moderateCeilingHrrPct,
    int severeCeilingHrrPct,
    Duration sustainedWindow,
    Duration sustainedMinAbove,
    Duration sampleHold,
    Duration painStaleAfter,
    Duration latePainGrace,
    int painRisePoints,
    Duration activityOngoing,
    double maxTrunkFlexionDeg,
    int flexionRepetitions,
    Duration inactivityAfter,
    Duration alertCooldown,
    Duration resolveAfter,
    int defaultAgeYears,
    int defaultRestingHeartRateBpm,
    double tanakaInterceptBpm,
    double tanakaSlopeBpmPerYear,
    int lightEquivalentHrrPct,
    int moderateEquivalentHrrPct,
    int vigorousEquivalentHrrPct,
    double moderateSpeedMps,
    double vigorousSpeedMps,
    int moderatePowerWatts,
    int vigorousPowerWatts,
    Duration heartRatePrecedence,
    int durationReductionPctPerPainLevel,
    int afterActivityExtraDurationPct,
    Duration episodeLimit,
    Duration referralCloseAfter,
    Duration trendWindow,
    int trendRises,
    Duration notImprovingAfter) {

  /** Prefix of every configuration key. */
  public static final String PREFIX = "painguard.rules.";

  /** The longest detection window the per-athlete state is allowed to hold (one byte a second). */
  public static final Duration MAX_WINDOW = Duration.ofMinutes(10);

  /** The longest {@code sustained.sample-hold}: a sample never stands for more than a minute. */
  public static final Duration MAX_SAMPLE_HOLD = Duration.ofSeconds(60);

  public GuidanceSettings {
    require(
        severeCeilingHrrPct <= moderateCeilingHrrPct && moderateCeilingHrrPct <= mildCeilingHrrPct,
        "ceilings must not rise with pain: severe <= moderate <= mild %HRR");
    require(
        sustainedWindow.toSeconds() >= 2 && sustainedWindow.compareTo(MAX_WINDOW) <= 0,
        "sustained.window must be between 2 s and " + MAX_WINDOW.toMinutes() + " min");
    require(
        !sustainedMinAbove.isNegative()
            && sustainedMinAbove.toSeconds() >= 1
            && sustainedMinAbove.compareTo(sustainedWindow) <= 0,
        "sustained.min-above must be at least 1 s and no longer than sustained.window");
    require(
        sampleHold.compareTo(Duration.ofSeconds(1)) >= 0 && sampleHold.compareTo(MAX_SAMPLE_HOLD) <= 0,
        PREFIX + "sustained.sample-hold must be between 1 s and " + MAX_SAMPLE_HOLD.toSeconds()
            + " s, got " + Durations.format(sampleHold));
    require(
        sampleHold.toSeconds() < sustainedMinAbove.toSeconds(),
        PREFIX + "sustained.sample-hold (" + Durations.format(sampleHold) + ") must be shorter than "
            + PREFIX + "sustained.min-above (" + Durations.format(sustainedMinAbove)
            + "), or a single sample with nothing after it would count as sustained");
    require(
        heartRatePrecedence.compareTo(sampleHold) >= 0,
        PREFIX + "intensity.heart-rate-precedence (" + Durations.format(heartRatePrecedence)
            + ") must be at least " + PREFIX + "sustained.sample-hold ("
            + Durations.format(sampleHold) + "), or a heart rate would stop outranking a lesser"
            + " measurement while its sample still counts");
    require(
        lightEquivalentHrrPct <= moderateEquivalentHrrPct
            && moderateEquivalentHrrPct <= vigorousEquivalentHrrPct,
        "intensity equivalents must rise: light <= moderate <= vigorous %HRR");
    require(
        moderateSpeedMps <= vigorousSpeedMps && moderatePowerWatts <= vigorousPowerWatts,
        "moderate speed and power thresholds must not exceed the vigorous ones");
    require(
        tanakaInterceptBpm - tanakaSlopeBpmPerYear * defaultAgeYears > defaultRestingHeartRateBpm,
        "the default age and resting heart rate leave no heart-rate reserve");
    require(
        episodeLimit.compareTo(painStaleAfter) >= 0,
        "pain.episode-limit must be at least pain.stale-after: an episode outlasts its newest report");
    require(
        referralCloseAfter.compareTo(Duration.ofDays(1)) >= 0,
        "referral.close-after must be at least 1d: a night without reports never closes a referral");
  }

  /** The documented defaults. */
  public static GuidanceSettings defaults() {
    return GuidanceSettingsParser.parse(Map.of());
  }

  /**
   * Settings from configuration: every {@code painguard.rules.*} key overrides its default; other
   * keys are ignored.
   *
   * @throws IllegalArgumentException with one sentence naming the key, for an unknown key under the
   *     prefix or a value that cannot be used
   */
  public static GuidanceSettings fromProperties(Map<String, String> properties) {
    return GuidanceSettingsParser.parse(properties);
  }

  /** Every setting as {@code painguard.rules.*} key -> value, in documentation order. */
  public Map<String, String> toProperties() {
    return GuidanceSettingsParser.format(this);
  }

  /** The %HRR ceiling for a pain band; {@code -1} for {@link PainBand#NONE} (no ceiling). */
  public int ceilingHrrPct(PainBand band) {
    return switch (band) {
      case NONE -> -1;
      case MILD -> mildCeilingHrrPct;
      case MODERATE -> moderateCeilingHrrPct;
      case SEVERE -> severeCeilingHrrPct;
    };
  }

  /** {@link #sampleHold()} in whole seconds, at least 1. */
  public int sampleHoldSeconds() {
    return (int) Math.max(1, sampleHold.toSeconds());
  }

  /** {@link #heartRatePrecedence()} in whole seconds. */
  public int heartRatePrecedenceSeconds() {
    return (int) heartRatePrecedence.toSeconds();
  }

  /** Length of the detection window in whole seconds (one state slot per second). */
  public int windowSeconds() {
    return (int) sustainedWindow.toSeconds();
  }

  private static void require(boolean condition, String sentence) {
    if (!condition) {
      throw new IllegalArgumentException("Invalid guidance settings: " + sentence + ".");
    }
  }
}
