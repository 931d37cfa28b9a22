package io.painguard.simulator.scenario;

import io.painguard.text.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The event time a scenario or load run starts at: {@code now}, {@code now-25h} / {@code now+5m}
 * (relative to the moment the run starts) or an ISO-8601 instant such as {@code
 * 2025-03-01T08:00:00Z}.
 */
public record StartTime(Instant absolute, Duration offsetFromNow) {

  public static final StartTime NOW = new StartTime(null, Duration.ZERO);

  /** @throws IllegalArgumentException with a sentence saying what is accepted */
  public static StartTime parse(String text) {
    String t = text == null ? "" : text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("now")) {
      return NOW;
    }
    if (lower.startsWith("now-") || lower.startsWith("now+")) {
      Duration d = Durations.parseOrSeconds(t.substring(4));
      return new StartTime(null, lower.charAt(3) == '-' ? d.negated() : d);
    }
    try {
      return new StartTime(Instant.parse(t), null);
    } catch (DateTimeParseException e) {
      try {
        return new StartTime(OffsetDateTime.parse(t).toInstant(), null);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "start must be 'now', 'now-25h', 'now+5m' or an ISO-8601 instant like 2025-03-01T08:00:00Z, got '"
                + text
                + "'");
      }
    }
  }

  /** The start as an instant, given what "now" is. */
  public Instant resolve(Instant now) {
    return absolute != null ? absolute : now.plus(offsetFromNow);
  }

  @Override
  public String toString() {
    if (absolute != null) {
      return absolute.toString();
    }
    if (offsetFromNow.isZero()) {
      return "now";
    }
    return offsetFromNow.isNegative()
        ? "now-" + Durations.formatCompound(offsetFromNow.negated())
        : "now+" + Durations.formatCompound(offsetFromNow);
  }
}
