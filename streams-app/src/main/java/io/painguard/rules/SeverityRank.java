package io.painguard.rules;

import io.painguard.events.Severity;

/**
 * How severe each {@link Severity} is, as an explicit rank: what escalation compares and what the
 * athlete state stores. Never the enum's ordinal -- {@code Severity} is generated from the Avro
 * schema, whose symbols only ever grow at the end, so a new symbol need not be the most severe.
 */
public final class SeverityRank {

  /** No alert. */
  public static final int NONE = 0;

  private SeverityRank() {}

  public static int of(Severity severity) {
    if (severity == null) {
      return NONE;
    }
    return switch (severity) {
      case ADVISORY -> 1;
      case REDUCE_INTENSITY -> 2;
      case STOP_ACTIVITY -> 3;
      case SEEK_MEDICAL_ATTENTION -> 4;
      default -> NONE;
    };
  }

  public static Severity severity(int rank) {
    return switch (rank) {
      case 1 -> Severity.ADVISORY;
      case 2 -> Severity.REDUCE_INTENSITY;
      case 3 -> Severity.STOP_ACTIVITY;
      case 4 -> Severity.SEEK_MEDICAL_ATTENTION;
      default -> Severity.UNKNOWN;
    };
  }
}
