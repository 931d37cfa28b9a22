package io.painguard.registry;

import java.util.ArrayList;
import java.util.List;

/** Which versions reference a version: a referenced version may not be deleted. */
final class References {

  private References() {
  }

  /** Versions (other than the target) whose references name the target's subject and version. */
  static List<SchemaVersionEntry> referencers(RegistryState state, SchemaVersionEntry target,
      boolean includeDeleted) {
    List<SchemaVersionEntry> result = new ArrayList<>();
    for (String subject : state.subjectNames()) {
      for (SchemaVersionEntry entry : state.versionsOf(subject)) {
        if (entry.deleted() && !includeDeleted) {
          continue;
        }
        boolean refers = entry.references().stream().anyMatch(reference ->
            reference.subject().equals(target.subject()) && reference.version() == target.version());
        if (refers && !(entry.subject().equals(target.subject()) && entry.version() == target.version())) {
          result.add(entry);
        }
      }
    }
    return result;
  }

  static boolean isReferenced(RegistryState state, SchemaVersionEntry target, boolean includeDeleted) {
    return !referencers(state, target, includeDeleted).isEmpty();
  }

  /** @throws RegistryException 42206 when a live version references the target */
  static void requireUnreferenced(RegistryState state, SchemaVersionEntry target) {
    if (isReferenced(state, target, false)) {
      throw RegistryException.referenceExists(target.subject(), target.version());
    }
  }
}
