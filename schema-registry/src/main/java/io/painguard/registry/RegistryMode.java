package io.painguard.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's registry modes. The mode in scope for a subject is its own, else the global one,
 * else the one set on Confluent's global context {@value #GLOBAL_CONTEXT}, else READWRITE.
 */
public enum RegistryMode {
  /** Registrations and deletes allowed; new schemas get the next id. */
  READWRITE,
  /** No registration, delete or configuration change; reads and mode changes only. */
  READONLY,
  /** Confluent keeps it as an alias of READONLY (deprecated there in favour of the global context). */
  READONLY_OVERRIDE,
  /** Only registrations that bring their own id (migrations); no compatibility checks. */
  IMPORT,
  /** Like IMPORT, and allowed on the global context only (Confluent's schema linking). */
  FORWARD;

  /**
   * The subject under which Confluent keeps the mode of its global context: the last place a
   * subject's mode is looked up, and the only place FORWARD may be set.
   */
  public static final String GLOBAL_CONTEXT = ":.__GLOBAL:";

  /** What Confluent calls its default context in subject names; it means "global". */
  static final String DEFAULT_CONTEXT = ":.:";

  public boolean isReadOnly() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }

  public boolean isImportOrForward() {
    return this == IMPORT || this == FORWARD;
  }

  /** Parses a mode name, ignoring case as Confluent does; empty for anything else. */
  public static Optional<RegistryMode> parse(String name) {
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
