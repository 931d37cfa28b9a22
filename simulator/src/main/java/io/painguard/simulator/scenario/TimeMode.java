package io.painguard.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How event time maps to the wall clock while a scenario is delivered. */
public enum TimeMode {
  /** One second of event time per second of wall clock. */
  REALTIME("realtime"),
  /** Event time runs {@code speedup} times faster than the wall clock. */
  COMPRESSED("compressed"),
  /** No waiting: records go out as fast as the producer takes them; event times stay scripted. */
  AS_FAST_AS_POSSIBLE("asFastAsPossible");

  private final String label;

  TimeMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts the label in any case, with or without dashes or underscores (as-fast-as-possible). */
  @JsonCreator
  public static TimeMode parse(String text) {
    String wanted = text == null ? "" : text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    for (TimeMode mode : values()) {
      if (mode.label.toLowerCase(Locale.ROOT).equals(wanted)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "time mode must be realtime, compressed or asFastAsPossible, was '" + text + "'");
  }

  @Override
  public String toString() {
    return label;
  }
}
