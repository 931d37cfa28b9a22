package io.painguard.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The duration format of every PainGuard setting: {@code 500ms, 90s, 15m, 12h, 1d} or ISO {@code PT2M}. */
public final class Durations {

  private static final Pattern SIMPLE =
      Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException when the text is neither form
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no duration given");
    }
    Matcher m = SIMPLE.matcher(text.trim());
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m", "min" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(text.trim());
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration", e);
    }
  }

  /** The shortest exact form: {@code 1d}, {@code 12h}, {@code 15m}, {@code 90s} or {@code 250ms}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    } else if (ms != 0 && ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    } else if (ms != 0 && ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    } else if (ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }
}
