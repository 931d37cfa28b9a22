package io.painguard.rules;

import io.painguard.text.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@link GuidanceSettings} from {@code painguard.rules.*} strings and writes them back. The
 * key table below is the single list of settings: its order is the documentation order.
 */
final class GuidanceSettingsParser {

  /** Setting (without prefix) -> default, in record-component order. */
  private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("ceiling.mild-hrr-pct", "70");
    DEFAULTS.put("ceiling.moderate-hrr-pct", "60");
    DEFAULTS.put("ceiling.severe-hrr-pct", "50");
    DEFAULTS.put("sustained.window", "120s");
    DEFAULTS.put("sustained.min-above", "60s");
    DEFAULTS.put("sustained.sample-hold", "30s");
    DEFAULTS.put("pain.stale-after", "12h");
    DEFAULTS.put("pain.late-grace", "5m");
    DEFAULTS.put("pain.rise-points", "2");
    DEFAULTS.put("activity.ongoing", "60s");
    DEFAULTS.put("rom.max-trunk-flexion-deg", "60");
    DEFAULTS.put("rom.repetitions", "3");
    DEFAULTS.put("inactivity.after", "24h");
    DEFAULTS.put("alerts.cooldown", "15m");
    DEFAULTS.put("alerts.resolve-after", "2m");
    DEFAULTS.put("heart-rate.default-age-years", "40");
    DEFAULTS.put("heart-rate.default-resting-bpm", "60");
    DEFAULTS.put("heart-rate.tanaka-intercept-bpm", "208");
    DEFAULTS.put("heart-rate.tanaka-slope-bpm-per-year", "0.7");
    DEFAULTS.put("intensity.light-equivalent-hrr-pct", "35");
    DEFAULTS.put("intensity.moderate-equivalent-hrr-pct", "50");
    DEFAULTS.put("intensity.vigorous-equivalent-hrr-pct", "75");
    DEFAULTS.put("intensity.moderate-speed-mps", "1.3");
    DEFAULTS.put("intensity.vigorous-speed-mps", "2.2");
    DEFAULTS.put("intensity.moderate-power-watts", "50");
    DEFAULTS.put("intensity.vigorous-power-watts", "100");
    DEFAULTS.put("intensity.heart-rate-precedence", "30s");
    DEFAULTS.put("recommendation.duration-reduction-pct-per-pain-level", "10");
    DEFAULTS.put("recommendation.after-activity-extra-duration-pct", "20");
    DEFAULTS.put("pain.episode-limit", "14d");
    DEFAULTS.put("referral.close-after", "14d");
    DEFAULTS.put("trend.window", "7d");
    DEFAULTS.put("trend.rises", "3");
    DEFAULTS.put("trend.not-improving-after", "14d");
  }

  private GuidanceSettingsParser() {}

  static GuidanceSettings parse(Map<String, String> properties) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    properties.forEach(
        (key, value) -> {
          if (key == null || !key.startsWith(GuidanceSettings.PREFIX)) {
            return;
          }
          String name = key.substring(GuidanceSettings.PREFIX.length());
          if (!DEFAULTS.containsKey(name)) {
            throw new IllegalArgumentException(
                "Unknown setting "
                    + key
                    + "; known painguard.rules settings are "
                    + String.join(", ", DEFAULTS.keySet())
                    + ".");
          }
          values.put(name, value == null ? "" : value.trim());
        });
    Reader r = new Reader(values);
    return new GuidanceSettings(
        r.integer("ceiling.mild-hrr-pct", 1, 100),
        r.integer("ceiling.moderate-hrr-pct", 1, 100),
        r.integer("ceiling.severe-hrr-pct", 1, 100),
        r.duration("sustained.window"),
        r.duration("sustained.min-above"),
        r.duration("sustained.sample-hold"),
        r.duration("pain.stale-after"),
        r.duration("pain.late-grace"),
        r.integer("pain.rise-points", 1, 10),
        r.duration("activity.ongoing"),
        r.decimal("rom.max-trunk-flexion-deg", 1, 180),
        r.integer("rom.repetitions", 1, 1000),
        r.duration("inactivity.after"),
        r.duration("alerts.cooldown"),
        r.duration("alerts.resolve-after"),
        r.integer("heart-rate.default-age-years", 10, 110),
        r.integer("heart-rate.default-resting-bpm", 20, 150),
        r.decimal("heart-rate.tanaka-intercept-bpm", 100, 250),
        r.decimal("heart-rate.tanaka-slope-bpm-per-year", 0, 2),
        r.integer("intensity.light-equivalent-hrr-pct", 0, 100),
        r.integer("intensity.moderate-equivalent-hrr-pct", 0, 100),
        r.integer("intensity.vigorous-equivalent-hrr-pct", 0, 100),
        r.decimal("intensity.moderate-speed-mps", 0, 15),
        r.decimal("intensity.vigorous-speed-mps", 0, 15),
        r.integer("intensity.moderate-power-watts", 0, 2000),
        r.integer("intensity.vigorous-power-watts", 0, 2000),
        r.duration("intensity.heart-rate-precedence"),
        r.integer("recommendation.duration-reduction-pct-per-pain-level", 0, 100),
        r.integer("recommendation.after-activity-extra-duration-pct", 0, 100),
        r.duration("pain.episode-limit"),
        r.duration("referral.close-after"),
        r.duration("trend.window"),
        r.integer("trend.rises", 1, 20),
        r.duration("trend.not-improving-after"));
  }

  static Map<String, String> format(GuidanceSettings s) {
    Object[] values = {
      s.mildCeilingHrrPct(), s.moderateCeilingHrrPct(), s.severeCeilingHrrPct(),
      s.sustainedWindow(), s.sustainedMinAbove(), s.sampleHold(),
      s.painStaleAfter(), s.latePainGrace(), s.painRisePoints(),
      s.activityOngoing(), s.maxTrunkFlexionDeg(), s.flexionRepetitions(),
      s.inactivityAfter(), s.alertCooldown(), s.resolveAfter(),
      s.defaultAgeYears(), s.defaultRestingHeartRateBpm(),
      s.tanakaInterceptBpm(), s.tanakaSlopeBpmPerYear(),
      s.lightEquivalentHrrPct(), s.moderateEquivalentHrrPct(), s.vigorousEquivalentHrrPct(),
      s.moderateSpeedMps(), s.vigorousSpeedMps(),
      s.moderatePowerWatts(), s.vigorousPowerWatts(), s.heartRatePrecedence(),
      s.durationReductionPctPerPainLevel(), s.afterActivityExtraDurationPct(),
      s.episodeLimit(), s.referralCloseAfter(),
      s.trendWindow(), s.trendRises(), s.notImprovingAfter()
    };
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    for (String name : DEFAULTS.keySet()) {
      Object value = values[i++];
      out.put(
          GuidanceSettings.PREFIX + name,
          value instanceof Duration d ? Durations.format(d) : formatNumber(value));
    }
    return out;
  }

  private static String formatNumber(Object value) {
    if (value instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  private record Reader(Map<String, String> values) {

    int integer(String name, int min, int max) {
      return read(name, "an integer between " + min + " and " + max, Integer::parseInt, min, max);
    }

    double decimal(String name, double min, double max) {
      return read(
          name,
          "a number between " + formatNumber(min) + " and " + formatNumber(max),
          Double::parseDouble,
          min,
          max);
    }

    Duration duration(String name) {
      String text = values.get(name);
      try {
        Duration d = Durations.parse(text);
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("not positive");
        }
        return d;
      } catch (IllegalArgumentException e) {
        throw invalid(name, text, "a positive duration such as 90s, 15m, 12h or PT2M");
      }
    }

    private <T extends Number> T read(
        String name, String expected, Function<String, T> parse, double min, double max) {
      String text = values.get(name);
      T value;
      try {
        value = parse.apply(text);
      } catch (NumberFormatException e) {
        throw invalid(name, text, expected);
      }
      double d = value.doubleValue();
      if (Double.isNaN(d) || d < min || d > max) {
        throw invalid(name, text, expected);
      }
      return value;
    }

    private static IllegalArgumentException invalid(String name, String text, String expected) {
      return new IllegalArgumentException(
          GuidanceSettings.PREFIX + name + " must be " + expected + ", got '" + text + "'.");
    }
  }
}
