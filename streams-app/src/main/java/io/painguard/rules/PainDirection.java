package io.painguard.rules;

/** How the newest pain report compares with the one before it. */
public enum PainDirection {
  RISING,
  FALLING,
  STEADY;

  static PainDirection between(int previousLevel, int newestLevel) {
    return newestLevel > previousLevel ? RISING : newestLevel < previousLevel ? FALLING : STEADY;
  }
}
