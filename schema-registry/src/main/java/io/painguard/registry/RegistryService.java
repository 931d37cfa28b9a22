package io.painguard.registry;

import io.painguard.registry.CompatibilityChecker.PreviousVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The registry's writes, independent of HTTP: registration with de-duplication, compatibility
 * checks and Confluent's modes, soft and permanent deletes, compatibility configuration.
 *
 * <p>Every write is one {@link SchemaStore#update}: the check and the write it allows see the same
 * contents, and no other write -- of this registry or of another on the same store -- comes in
 * between, so two registries never hand out the same id or version.
 */
final class RegistryService {

  private final SchemaStore store;
  private final SchemaResolver resolver;

  RegistryService(SchemaStore store, SchemaResolver resolver) {
    this.store = store;
    this.resolver = resolver;
  }

  // ---- registration ----

  /**
   * Registers the schema under the subject and returns the version that holds it; a schema the
   * subject already holds keeps its version and id, whatever the mode.
   *
   * @throws RegistryException 42205 when the mode in scope refuses the registration, 40901 when
   *     the schema is incompatible, 42201 for a bad schema or version
   */
  SchemaVersionEntry register(String subject, RegistrationRequest request) {
    return store.update(state -> {
      int requestedVersion = request.versionOrZero();
      ParsedSchema parsed = request.schema().isBlank() ? null
          : resolver.parse(request.schema(), request.normalize());
      if (parsed != null) {
        Optional<SchemaVersionEntry> existing = existingVersion(state, subject, parsed, request);
        if (existing.isPresent()) {
          return SchemaStore.Update.of(existing.get());
        }
      }
      RegistryMode mode = requireRegistrationAllowed(state, subject, request);
      List<SchemaVersionEntry> all = state.versionsOf(subject);
      List<SchemaVersionEntry> live = live(all);
      if (parsed == null) {
        parsed = resolver.parse(previousSchema(live, mode), request.normalize());
      }
      int id = request.hasId() ? request.id() : -1;
      OptionalInt known = state.idOf(parsed.identity());
      if (known.isPresent() && (id < 0 || id == known.getAsInt())) {
        Optional<SchemaVersionEntry> inSubject = state.findInSubject(subject, parsed.identity(), false);
        if (requestedVersion == 0 && inSubject.isPresent()) {
          return SchemaStore.Update.of(inSubject.get());
        }
        id = known.getAsInt();
      }
      if (!mode.isImportOrForward()) {
        requireCompatible(state, subject, parsed, live);
      }
      int nextVersion = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
      int version = requestedVersion <= 0 ? nextVersion : requestedVersion;
      if (version != nextVersion && !mode.isImportOrForward()) {
        throw RegistryException.invalidSchema("Version is not one more than previous version");
      }
      if (id >= 0) {
        requireIdFreeFor(state, id, parsed);
      } else {
        id = state.nextSchemaId();
      }
      SchemaVersionEntry entry = new SchemaVersionEntry(subject, version, id,
          SchemaVersionEntry.AVRO, parsed.normalized(), parsed.references(), false);
      List<StoreChange> changes = new ArrayList<>();
      // As Confluent does: older soft-deleted versions with the same id go for good, unless a
      // schema still references them.
      for (SchemaVersionEntry old : all) {
        if (old.deleted() && old.id() == id && old.version() < version
            && !References.isReferenced(state, old, true)) {
          changes.add(new StoreChange.RemoveVersion(subject, old.version()));
        }
      }
      changes.add(new StoreChange.PutVersion(entry));
      return SchemaStore.Update.of(entry, changes);
    });
  }

  /** The subject's live version that already holds the schema, as Confluent looks it up first. */
  private static Optional<SchemaVersionEntry> existingVersion(RegistryState state, String subject,
      ParsedSchema parsed, RegistrationRequest request) {
    Optional<SchemaVersionEntry> existing = state.findInSubject(subject, parsed.identity(), false);
    if (existing.isEmpty()) {
      return existing;
    }
    SchemaVersionEntry found = existing.get();
    int requestedVersion = request.versionOrZero();
    if (requestedVersion == -1) {
      List<SchemaVersionEntry> live = live(state.versionsOf(subject));
      boolean latest = !live.isEmpty() && live.get(live.size() - 1).version() == found.version();
      return latest && (!request.hasId() || request.id() == found.id()) ? existing : Optional.empty();
    }
    if (requestedVersion == 0) {
      return !request.hasId() || request.id() == found.id() ? existing : Optional.empty();
    }
    return request.hasId() && request.id() == found.id() && requestedVersion == found.version()
        ? existing : Optional.empty();
  }

  /** Confluent's checks of the mode in scope, with its wording; returns the mode. */
  private static RegistryMode requireRegistrationAllowed(RegistryState state, String subject,
      RegistrationRequest request) {
    RegistryMode mode = ModeService.inScope(state, subject);
    ModeService.requireWritable(state, subject);
    if (request.hasId() && !mode.isImportOrForward()) {
      throw RegistryException.operationNotPermitted(
          "Subject " + subject + " in context  is not in import mode");
    }
    if (!request.hasId() && mode != RegistryMode.READWRITE) {
      throw RegistryException.operationNotPermitted(
          "Subject " + subject + " in context  is not in read-write mode");
    }
    return mode;
  }

  /** A registration without a schema re-registers the subject's latest one, as in Confluent. */
  private static SchemaInput previousSchema(List<SchemaVersionEntry> live, RegistryMode mode) {
    if (live.isEmpty() || mode.isImportOrForward()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    SchemaVersionEntry latest = live.get(live.size() - 1);
    return new SchemaInput(latest.schema(), latest.schemaType(), latest.references());
  }

  private void requireCompatible(RegistryState state, String subject, ParsedSchema parsed,
      List<SchemaVersionEntry> live) {
    CompatibilityLevel level = levelFor(state, subject);
    List<String> problems = CompatibilityChecker.check(level, parsed.schema(), previousVersions(live));
    if (!problems.isEmpty()) {
      throw RegistryException.incompatible("Schema being registered is incompatible with an"
          + " earlier schema for subject \"" + subject + "\" (compatibility " + level
          + "), details: " + problems);
    }
  }

  /** An imported id may be one already in use only by the very same schema. */
  private static void requireIdFreeFor(RegistryState state, int id, ParsedSchema parsed) {
    for (SchemaVersionEntry holder : state.entriesWithId(id)) {
      String identity = SchemaIdentity.of(holder.schemaType(), holder.schema(), holder.references());
      if (!identity.equals(parsed.identity())) {
        throw RegistryException.operationNotPermitted("Overwrite new schema with id " + id
            + " in context  is not permitted.");
      }
    }
  }

  // ---- deletes ----

  int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
    return store.update(state -> {
      List<SchemaVersionEntry> all = state.versionsOf(subject);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      List<SchemaVersionEntry> candidates = permanent ? all : live(all);
      SchemaVersionEntry target = spec.isLatest()
          ? candidates.stream().reduce((first, second) -> second)
              .orElseThrow(() -> RegistryException.versionNotFound(spec))
          : all.stream().filter(entry -> entry.version() == spec.number()).findFirst()
              .orElseThrow(() -> RegistryException.versionNotFound(spec.number()));
      if (!permanent && target.deleted()) {
        throw RegistryException.versionSoftDeleted(subject, target.version());
      }
      ModeService.requireWritable(state, subject);
      if (permanent && !target.deleted()) {
        throw RegistryException.versionNotSoftDeleted(subject, target.version());
      }
      References.requireUnreferenced(state, target);
      if (!permanent) {
        return SchemaStore.Update.of(target.version(), new StoreChange.PutVersion(target.asDeleted()));
      }
      List<StoreChange> changes = new ArrayList<>(List.of(
          new StoreChange.RaiseIdFloor(state.highestId()),
          new StoreChange.RemoveVersion(subject, target.version())));
      if (all.size() == 1) {
        changes.addAll(subjectSettings(state, subject));
      }
      return SchemaStore.Update.of(target.version(), changes);
    });
  }

  List<Integer> deleteSubject(String subject, boolean permanent) {
    return store.update(state -> {
      List<SchemaVersionEntry> all = state.versionsOf(subject);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      List<SchemaVersionEntry> live = live(all);
      if (!permanent && live.isEmpty()) {
        throw RegistryException.subjectSoftDeleted(subject);
      }
      ModeService.requireWritable(state, subject);
      List<StoreChange> changes = new ArrayList<>();
      if (!permanent) {
        live.forEach(entry -> References.requireUnreferenced(state, entry));
        live.forEach(entry -> changes.add(new StoreChange.PutVersion(entry.asDeleted())));
        return SchemaStore.Update.of(live.stream().map(SchemaVersionEntry::version).toList(), changes);
      }
      if (!live.isEmpty()) {
        throw RegistryException.subjectNotSoftDeleted(subject);
      }
      all.forEach(entry -> References.requireUnreferenced(state, entry));
      changes.add(new StoreChange.RaiseIdFloor(state.highestId()));
      all.forEach(entry -> changes.add(new StoreChange.RemoveVersion(subject, entry.version())));
      changes.addAll(subjectSettings(state, subject));
      return SchemaStore.Update.of(all.stream().map(SchemaVersionEntry::version).toList(), changes);
    });
  }

  /** A subject gone for good takes its level and mode with it, as in Confluent. */
  private static List<StoreChange> subjectSettings(RegistryState state, String subject) {
    List<StoreChange> changes = new ArrayList<>();
    if (state.subjectLevel(subject).isPresent()) {
      changes.add(new StoreChange.RemoveCompatibility(subject));
    }
    if (state.mode(subject).isPresent()) {
      changes.add(new StoreChange.RemoveMode(subject));
    }
    return changes;
  }

  // ---- compatibility configuration ----

  /** The level a subject's registrations are checked at: its own, else the global, else BACKWARD. */
  static CompatibilityLevel levelFor(RegistryState state, String subject) {
    return state.subjectLevel(subject).or(state::globalLevel).orElse(CompatibilityLevel.DEFAULT);
  }

  CompatibilityLevel globalLevel() {
    return store.state().globalLevel().orElse(CompatibilityLevel.DEFAULT);
  }

  /** Sets the subject's level, or the global one when subject is null. */
  void setLevel(String subject, CompatibilityLevel level) {
    store.update(state -> {
      ModeService.requireWritable(state, subject);
      return SchemaStore.Update.of(level, new StoreChange.PutCompatibility(subject, level));
    });
  }

  /** Resets the global level to the default and returns the level it had. */
  CompatibilityLevel resetGlobalLevel() {
    return store.update(state -> {
      ModeService.requireWritable(state, null);
      return SchemaStore.Update.of(state.globalLevel().orElse(CompatibilityLevel.DEFAULT),
          new StoreChange.RemoveCompatibility(null));
    });
  }

  CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    Optional<CompatibilityLevel> level = store.state().subjectLevel(subject);
    if (level.isPresent()) {
      return level.get();
    }
    if (defaultToGlobal) {
      return globalLevel();
    }
    throw RegistryException.subjectLevelNotConfigured(subject);
  }

  /** Removes the subject's own level and returns it; 40401 when it had none, as Confluent does. */
  CompatibilityLevel removeSubjectLevel(String subject) {
    return store.update(state -> {
      CompatibilityLevel old = state.subjectLevel(subject)
          .orElseThrow(() -> RegistryException.subjectNotFound(subject));
      ModeService.requireWritable(state, subject);
      return SchemaStore.Update.of(old, new StoreChange.RemoveCompatibility(subject));
    });
  }

  // ---- helpers ----

  private List<PreviousVersion> previousVersions(List<SchemaVersionEntry> entries) {
    return previousVersions(resolver, entries);
  }

  static List<PreviousVersion> previousVersions(SchemaResolver resolver,
      List<SchemaVersionEntry> entries) {
    return entries.stream()
        .map(entry -> new PreviousVersion(entry.version(), resolver.schemaOf(entry)))
        .toList();
  }

  static List<SchemaVersionEntry> live(List<SchemaVersionEntry> entries) {
    return entries.stream().filter(entry -> !entry.deleted()).toList();
  }
}
