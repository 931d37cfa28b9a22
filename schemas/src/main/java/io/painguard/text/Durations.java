package io.painguard.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of every PainGuard setting, scenario file and command line: {@code 500ms},
 * {@code 90s}, {@code 15m} or {@code 15 min}, {@code 12h}, {@code 1d}, compounds such as {@code
 * 1h30m}, decimals such as {@code 1.5h}, or ISO-8601 ({@code PT2M}). It lives in {@code schemas}
 * because every module that reads durations (the app, the simulator, the bench) depends on it.
 */
public final class Durations {

  private static final String UNIT = "(ms|min|s|m|h|d)";
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*" + UNIT, Pattern.CASE_INSENSITIVE);
  private static final Pattern WHOLE =
      Pattern.compile("(?:\\d+(?:\\.\\d+)?\\s*" + UNIT + "\\s*)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO = Pattern.compile("[-+]?P.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  private Durations() {}

  /**
   * Parses a duration in the syntax above.
   *
   * @throws IllegalArgumentException with a sentence saying what is accepted
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    try {
      if (ISO.matcher(t).matches()) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (!WHOLE.matcher(t).matches()) {
        throw invalid(text);
      }
      Duration total = Duration.ZERO;
      Matcher m = PART.matcher(t);
      while (m.find()) {
        double amount = Double.parseDouble(m.group(1));
        total = total.plus(switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "ms" -> Duration.ofNanos(Math.round(amount * 1_000_000));
          case "s" -> ofSeconds(amount);
          case "m", "min" -> ofSeconds(amount * 60);
          case "h" -> ofSeconds(amount * 3600);
          default -> ofSeconds(amount * 86400);
        });
      }
      return total;
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw invalid(text);
    }
  }

  /** {@link #parse}, and a bare number as seconds (the simulator's command line and scenario files). */
  public static Duration parseOrSeconds(String text) {
    String t = text == null ? "" : text.trim();
    return NUMBER.matcher(t).matches() ? ofSeconds(Double.parseDouble(t)) : parse(t);
  }

  /** The shortest exact form in one unit, as settings are echoed: {@code 1d}, {@code 12h}, {@code 15m}, {@code 90s}, {@code 250ms}. */
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

  /** Hours, minutes, seconds and milliseconds run together, as reports read: {@code 1h30m}, {@code 1m30s}. */
  public static String formatCompound(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, d.toHours(), "h");
    append(sb, d.toMinutesPart(), "m");
    append(sb, d.toSecondsPart(), "s");
    append(sb, d.toMillisPart(), "ms");
    return sb.toString();
  }

  private static void append(StringBuilder sb, long amount, String unit) {
    if (amount > 0) {
      sb.append(amount).append(unit);
    }
  }

  private static Duration ofSeconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "expected a duration like 90s, 5m, 1h30m, 250ms or PT5M, got '" + text + "'");
  }
}
