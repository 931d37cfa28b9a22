package io.painguard.simulator.load;

import java.time.Instant;

/**
 * Who the load generator simulates. Everything it generates follows from these values, so the same
 * settings give the same records.
 *
 * @param athletes population size (1 .. 10,000,000)
 * @param seed seed of every random choice
 * @param start event time of the first round
 * @param painShare share of athletes who have a back-pain episode during the run
 * @param overexertShare share of athletes in pain who train harder than their pain allows
 * @param complyProbability chance an overexerting athlete backs off after being above the ceiling
 *     long enough to be alerted; the rest ignore it
 * @param profileShare share of athletes with a published profile (the rest leave the app to
 *     estimate)
 */
public record LoadSettings(
    int athletes,
    long seed,
    Instant start,
    double painShare,
    double overexertShare,
    double complyProbability,
    double profileShare) {

  public static final double DEFAULT_PAIN_SHARE = 0.25;
  public static final double DEFAULT_OVEREXERT_SHARE = 0.4;
  public static final double DEFAULT_COMPLY_PROBABILITY = 0.5;
  public static final double DEFAULT_PROFILE_SHARE = 0.9;
  public static final int MAX_ATHLETES = 10_000_000;

  public LoadSettings {
    if (athletes < 1 || athletes > MAX_ATHLETES) {
      throw new IllegalArgumentException("athletes must be between 1 and " + MAX_ATHLETES + ", was " + athletes);
    }
    if (start == null) {
      throw new IllegalArgumentException("start is required");
    }
    share("painShare", painShare);
    share("overexertShare", overexertShare);
    share("complyProbability", complyProbability);
    share("profileShare", profileShare);
  }

  /** Defaults for everything but the population size, seed and start. */
  public static LoadSettings of(int athletes, long seed, Instant start) {
    return new LoadSettings(
        athletes, seed, start, DEFAULT_PAIN_SHARE, DEFAULT_OVEREXERT_SHARE, DEFAULT_COMPLY_PROBABILITY, DEFAULT_PROFILE_SHARE);
  }

  private static void share(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
  }
}
