package io.painguard.registry;

/** A version as written in a URL: a positive number, or "latest" (also spelled -1). */
record VersionSpec(int number) {

  static final VersionSpec LATEST = new VersionSpec(-1);

  boolean isLatest() {
    return number == -1;
  }

  /** @throws RegistryException 42202 for anything else */
  static VersionSpec parse(String raw) {
    String text = raw == null ? "" : raw.trim();
    if (text.equalsIgnoreCase("latest")) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(text);
      if (number == -1) {
        return LATEST;
      }
      if (number >= 1) {
        return new VersionSpec(number);
      }
    } catch (NumberFormatException e) {
      // Falls through to the same error as zero or a negative number.
    }
    throw RegistryException.invalidVersion(raw);
  }

  @Override
  public String toString() {
    return isLatest() ? "latest" : Integer.toString(number);
  }
}
