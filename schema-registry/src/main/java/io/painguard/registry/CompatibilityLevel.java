package io.painguard.registry;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels. BACKWARD is the default, as in Confluent's registry. */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  public static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** The new schema must read data written with the old one. */
  public boolean checksBackward() {
    return backward;
  }

  /** The old schema must read data written with the new one. */
  public boolean checksForward() {
    return forward;
  }

  /** Checked against every live version, not just the latest. */
  public boolean isTransitive() {
    return transitive;
  }

  /** Parses a level name, ignoring case; empty for anything that is not a level. */
  public static Optional<CompatibilityLevel> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
