package io.painguard.registry;

/**
 * One durable change to the registry's contents. Every change replaces the whole value under one
 * key, so a compacted log of changes converges to the current contents.
 */
public sealed interface StoreChange {

  /** Adds a version, or replaces it (a soft delete rewrites the entry with {@code deleted=true}). */
  record PutVersion(SchemaVersionEntry entry) implements StoreChange {
  }

  /** Permanently removes a version. */
  record RemoveVersion(String subject, int version) implements StoreChange {
  }

  /** Sets the compatibility level of a subject, or the global one when subject is null. */
  record PutCompatibility(String subject, CompatibilityLevel level) implements StoreChange {
  }

  /** Removes a subject's level (it falls back to global), or resets the global one (subject null). */
  record RemoveCompatibility(String subject) implements StoreChange {
  }

  /** Sets the mode of a subject, or the global one when subject is null. */
  record PutMode(String subject, RegistryMode mode) implements StoreChange {
  }

  /** Removes a subject's mode (it falls back to the global one), or the global one (subject null). */
  record RemoveMode(String subject) implements StoreChange {
  }

  /**
   * Remembers the highest id handed out so far. Written before permanent deletes, because once
   * compaction drops the deleted entries the log alone could no longer tell that those ids were
   * used, and ids must never be reused.
   */
  record RaiseIdFloor(int highestUsedId) implements StoreChange {
  }
}
