package io.painguard.rules;

import java.time.LocalDate;

/**
 * The UTC calendar year of an instant, asked for every record (an athlete's age-predicted maximum
 * heart rate depends on it). Going through {@code ZonedDateTime} allocated a zone-rules map, a date,
 * a date-time and a zoned date-time per call; consecutive records nearly always fall in the year
 * of the previous one, so that year's bounds are remembered.
 */
final class UtcYear {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** One calendar year: [fromMillis, untilMillis). Immutable, so sharing it between threads is safe. */
  private record Span(long fromMillis, long untilMillis, int year) {

    boolean holds(long epochMillis) {
      return epochMillis >= fromMillis && epochMillis < untilMillis;
    }
  }

  // Racy on purpose: a thread may see an older span and compute its own, never a torn one.
  private static Span last = spanOf(0);

  private UtcYear() {}

  static int of(long epochMillis) {
    Span span = last;
    if (!span.holds(epochMillis)) {
      span = spanOf(epochMillis);
      last = span;
    }
    return span.year();
  }

  private static Span spanOf(long epochMillis) {
    int year = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY)).getYear();
    return new Span(
        LocalDate.of(year, 1, 1).toEpochDay() * MILLIS_PER_DAY,
        LocalDate.of(year + 1, 1, 1).toEpochDay() * MILLIS_PER_DAY,
        year);
  }
}
