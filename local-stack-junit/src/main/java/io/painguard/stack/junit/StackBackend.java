package io.painguard.stack.junit;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Where the test stack runs, and how the choice is made. */
enum StackBackend {
  EMBEDDED("embedded"),
  TESTCONTAINERS("testcontainers");

  /** System property that forces a backend: {@code embedded}, {@code testcontainers} or {@code auto}. */
  static final String PROPERTY = "painguard.stack";

  private final String displayName;

  StackBackend(String displayName) {
    this.displayName = displayName;
  }

  String displayName() {
    return displayName;
  }

  /**
   * The backend for a requested value (null or blank means {@code auto}). Docker is only asked
   * about when the answer depends on it.
   *
   * @throws ExtensionConfigurationException for an unknown value, or when Testcontainers is
   *     required and Docker is missing
   */
  static StackBackend select(String requested, BooleanSupplier dockerAvailable) {
    String value = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
    switch (value) {
      case "embedded":
        return EMBEDDED;
      case "testcontainers":
        if (!dockerAvailable.getAsBoolean()) {
          throw new ExtensionConfigurationException(
              "-D" + PROPERTY + "=testcontainers needs Docker, but Testcontainers found no usable Docker environment.");
        }
        return TESTCONTAINERS;
      case "":
      case "auto":
        return dockerAvailable.getAsBoolean() ? TESTCONTAINERS : EMBEDDED;
      default:
        throw new ExtensionConfigurationException(
            "-D" + PROPERTY + " must be embedded, testcontainers or auto, not '" + requested + "'.");
    }
  }
}
