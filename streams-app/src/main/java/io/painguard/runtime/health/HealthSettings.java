package io.painguard.runtime.health;

import io.painguard.text.Durations;
import io.painguard.runtime.config.ConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When the app stops answering ready, and then live ({@code painguard.health.*}):
 *
 * <pre>
 * painguard.health.stall-timeout         30s  an input partition of this instance with records waiting
 *                                             whose committed offset has not moved for this long is stalled
 * painguard.health.max-thread-replacements 3  this many stream-thread replacements ...
 * painguard.health.replacement-window    2m   ... within this window, with no progress since the last, is a crash loop
 * painguard.health.liveness-grace        60s  stalled or crash-looping this long: /health/live fails too
 * painguard.health.check-interval        5s   how often committed and end offsets are compared
 * painguard.health.hanging-transaction-timeout 2m an output partition whose last stable offset stands this
 *                                             long with records behind it is held by a hanging transaction
 * </pre>
 *
 * The defaults make a stuck instance unready within about 35 s and not live within about 95 s,
 * while one replaced stream thread (which waits out the group's session timeout, 45 s by default,
 * before it processes again) makes it unready for a moment but never restarts it. The window is
 * longer than two of the restart policy's longest pauses (30 s), so a loop does not fall out of it.
 */
public record HealthSettings(
    Duration stallTimeout,
    int maxThreadReplacements,
    Duration replacementWindow,
    Duration livenessGrace,
    Duration checkInterval,
    Duration hangingTransactionTimeout) {

  public static final String PREFIX = "painguard.health.";

  public HealthSettings {
    if (stallTimeout.compareTo(checkInterval) <= 0) {
      throw new ConfigException(PREFIX + "stall-timeout (" + Durations.format(stallTimeout)
          + ") must be longer than " + PREFIX + "check-interval (" + Durations.format(checkInterval) + ").");
    }
  }

  public static HealthSettings defaults() {
    return new HealthSettings(Duration.ofSeconds(30), 3, Duration.ofMinutes(2), Duration.ofSeconds(60), Duration.ofSeconds(5),
        Duration.ofMinutes(2));
  }

  /** Every key with its default, for the list of known settings. */
  public static Map<String, String> defaultProperties() {
    HealthSettings d = defaults();
    Map<String, String> out = new LinkedHashMap<>();
    out.put(PREFIX + "stall-timeout", Durations.format(d.stallTimeout()));
    out.put(PREFIX + "max-thread-replacements", Integer.toString(d.maxThreadReplacements()));
    out.put(PREFIX + "replacement-window", Durations.format(d.replacementWindow()));
    out.put(PREFIX + "liveness-grace", Durations.format(d.livenessGrace()));
    out.put(PREFIX + "check-interval", Durations.format(d.checkInterval()));
    out.put(PREFIX + "hanging-transaction-timeout", Durations.format(d.hangingTransactionTimeout()));
    return out;
  }

  /**
   * The settings under {@code painguard.health.}; an unknown key there is refused.
   *
   * @param family the {@code painguard.*} settings
   * @throws ConfigException with one sentence naming the key
   */
  public static HealthSettings from(Map<String, String> family) {
    Map<String, String> values = new LinkedHashMap<>(defaultProperties());
    family.forEach((key, value) -> {
      if (key.startsWith(PREFIX)) {
        if (!values.containsKey(key)) {
          throw new ConfigException("Unknown setting '" + key + "'; the health settings are "
              + String.join(", ", values.keySet()) + ".");
        }
        values.put(key, value == null || value.isBlank() ? values.get(key) : value.trim());
      }
    });
    return new HealthSettings(
        duration(values, "stall-timeout", Duration.ofSeconds(2)),
        count(values, "max-thread-replacements"),
        duration(values, "replacement-window", Duration.ofSeconds(10)),
        duration(values, "liveness-grace", Duration.ZERO),
        duration(values, "check-interval", Duration.ofMillis(500)),
        duration(values, "hanging-transaction-timeout", Duration.ofSeconds(1)));
  }

  private static Duration duration(Map<String, String> values, String name, Duration min) {
    String raw = values.get(PREFIX + name);
    Duration d;
    try {
      d = Durations.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(PREFIX + name + " is '" + raw + "'; it must be a duration such as 500ms, 15s or 2m.");
    }
    if (d.compareTo(min) < 0) {
      throw new ConfigException(PREFIX + name + " is " + raw + "; it must be at least " + Durations.format(min) + ".");
    }
    return d;
  }

  private static int count(Map<String, String> values, String name) {
    String raw = values.get(PREFIX + name);
    try {
      int n = Integer.parseInt(raw);
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the one-sentence refusal below
    }
    throw new ConfigException(PREFIX + name + " is '" + raw + "'; it must be a whole number from 1 to 100.");
  }
}
