package io.painguard.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Confluent's modes: reading, setting and removing them, and the rules the other writes follow.
 * A mode is stored like a compatibility level (one record per subject, or the global one), so it
 * survives a restart and every registry on the same store enforces the same one.
 */
final class ModeService {

  private final SchemaStore store;

  ModeService(SchemaStore store) {
    this.store = store;
  }

  /**
   * The mode a subject's writes follow: its own, else the global one, else the global context's,
   * else READWRITE (Confluent's lookup order). Null subject: the global scope.
   */
  static RegistryMode inScope(RegistryState state, String subject) {
    Optional<RegistryMode> own = state.mode(subject);
    if (own.isPresent()) {
      return own.get();
    }
    if (RegistryMode.GLOBAL_CONTEXT.equals(subject)) {
      return RegistryMode.READWRITE;
    }
    return state.mode(null)
        .or(() -> state.mode(RegistryMode.GLOBAL_CONTEXT))
        .orElse(RegistryMode.READWRITE);
  }

  /**
   * Refuses a registration, delete or configuration change when the mode in scope is read-only,
   * with Confluent's 42205 and wording (its default context has an empty name, hence the two
   * spaces; the global scope is named "null" there too).
   */
  static void requireWritable(RegistryState state, String subject) {
    if (inScope(state, subject).isReadOnly()) {
      throw RegistryException.operationNotPermitted(
          "Subject " + subject + " in context  is in read-only mode");
    }
  }

  /**
   * The mode of a subject (or, for null, the global one). A subject without its own mode is
   * 40409 unless {@code defaultToGlobal}; the global scopes always have one (READWRITE at worst).
   */
  RegistryMode mode(String subject, boolean defaultToGlobal) {
    RegistryState state = store.state();
    if (defaultToGlobal) {
      return inScope(state, subject);
    }
    Optional<RegistryMode> own = state.mode(subject);
    if (own.isPresent()) {
      return own.get();
    }
    if (subject == null || RegistryMode.GLOBAL_CONTEXT.equals(subject)) {
      return RegistryMode.READWRITE;
    }
    throw RegistryException.subjectModeNotConfigured(subject);
  }

  /**
   * Sets (or, for a null mode, removes) a subject's or the global mode. Switching to IMPORT
   * needs the scope to hold no live subject, unless {@code force}; the soft-deleted versions left
   * there are then removed for good, so imported ids and versions cannot collide with them.
   *
   * @throws RegistryException 42204 for FORWARD outside the global context, 42205 when IMPORT
   *     finds live subjects, 42206 when a leftover version is still referenced
   */
  void setMode(String subject, RegistryMode mode, boolean force) {
    if (mode == RegistryMode.FORWARD && !RegistryMode.GLOBAL_CONTEXT.equals(subject)) {
      throw RegistryException.invalidMode("Forward mode only supported on global level");
    }
    store.update(state -> {
      List<StoreChange> changes = new ArrayList<>();
      if (mode == RegistryMode.IMPORT && inScope(state, subject) != RegistryMode.IMPORT && !force) {
        changes.addAll(clearForImport(state, subject));
      }
      changes.add(mode == null
          ? new StoreChange.RemoveMode(subject)
          : new StoreChange.PutMode(subject, mode));
      return SchemaStore.Update.of(mode, changes);
    });
  }

  /**
   * Removes a subject's or the global mode and returns what it was; {@code recursive} on the
   * global scope also removes every subject's own mode. A subject without a mode is 40401, as
   * Confluent answers, unless recursive (then the answer has no mode).
   */
  Optional<RegistryMode> deleteMode(String subject, boolean recursive) {
    return store.update(state -> {
      boolean globalScope = subject == null || RegistryMode.GLOBAL_CONTEXT.equals(subject);
      Optional<RegistryMode> old = state.mode(subject)
          .or(() -> globalScope ? Optional.of(RegistryMode.READWRITE) : Optional.empty());
      if (old.isEmpty() && !recursive) {
        throw RegistryException.subjectNotFound(subject);
      }
      List<StoreChange> changes = new ArrayList<>();
      if (state.mode(subject).isPresent()) {
        changes.add(new StoreChange.RemoveMode(subject));
      }
      if (recursive && subject == null) {
        state.subjectsWithMode().forEach(each -> changes.add(new StoreChange.RemoveMode(each)));
      }
      return SchemaStore.Update.of(old, changes);
    });
  }

  private static List<StoreChange> clearForImport(RegistryState state, String subject) {
    boolean wholeScope = subject == null || RegistryMode.GLOBAL_CONTEXT.equals(subject);
    List<String> subjects = wholeScope ? state.subjectNames() : List.of(subject);
    List<SchemaVersionEntry> leftovers = new ArrayList<>();
    for (String each : subjects) {
      List<SchemaVersionEntry> versions = state.versionsOf(each);
      if (versions.stream().anyMatch(entry -> !entry.deleted())) {
        throw RegistryException.operationNotPermitted("Cannot import since found existing subjects");
      }
      leftovers.addAll(versions);
    }
    List<StoreChange> changes = new ArrayList<>();
    if (leftovers.isEmpty()) {
      return changes;
    }
    for (SchemaVersionEntry leftover : leftovers) {
      if (References.isReferenced(state, leftover, true)) {
        throw RegistryException.referenceExists(leftover.subject(), leftover.version());
      }
    }
    changes.add(new StoreChange.RaiseIdFloor(state.highestId()));
    leftovers.forEach(entry -> changes.add(
        new StoreChange.RemoveVersion(entry.subject(), entry.version())));
    return changes;
  }
}
