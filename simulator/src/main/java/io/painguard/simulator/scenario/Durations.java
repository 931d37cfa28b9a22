package io.painguard.simulator.scenario;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human durations as scenario files and the command line write them: 90s, 5m, 1h30m, 250ms, PT5M. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");

  private Durations() {}

  /**
   * Parses {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}, {@code 2d}, ISO-8601 ({@code
   * PT5M}) or a bare number of seconds.
   *
   * @throws IllegalArgumentException with a sentence saying what is accepted
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    if (t.matches("\\d+(\\.\\d+)?")) {
      return ofSeconds(Double.parseDouble(t));
    }
    if (!WHOLE.matcher(t).matches()) {
      throw invalid(text);
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      double amount = Double.parseDouble(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofNanos(Math.round(amount * 1_000_000));
                case "s" -> ofSeconds(amount);
                case "m" -> ofSeconds(amount * 60);
                case "h" -> ofSeconds(amount * 3600);
                default -> ofSeconds(amount * 86400);
              });
    }
    return total;
  }

  /** Compact rendering for messages: 1h30m, 90s -> 1m30s, 250ms. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    long ms = d.toMillisPart();
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (m > 0) {
      sb.append(m).append('m');
    }
    if (s > 0) {
      sb.append(s).append('s');
    }
    if (ms > 0) {
      sb.append(ms).append("ms");
    }
    return sb.toString();
  }

  private static Duration ofSeconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "expected a duration like 90s, 5m, 1h30m, 250ms or PT5M, got '" + text + "'");
  }
}
