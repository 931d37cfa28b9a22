package io.painguard.rules;

/** Pain on the 0-10 numeric rating scale, banded as DOMAIN.md's conventions say. */
public enum PainBand {
  /** 0, or no report in force: no heart-rate ceiling applies. */
  NONE,
  /** NRS 1-3. */
  MILD,
  /** NRS 4-6. */
  MODERATE,
  /** NRS 7-10. */
  SEVERE;

  /** The band of an NRS level; levels outside 0-10 are rejected before they get here. */
  public static PainBand of(int level) {
    if (level <= 0) {
      return NONE;
    } else if (level <= 3) {
      return MILD;
    } else if (level <= 6) {
      return MODERATE;
    }
    return SEVERE;
  }

  /** Lower-case name for messages ("moderate"). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
