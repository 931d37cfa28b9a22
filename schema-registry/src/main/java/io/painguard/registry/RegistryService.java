package io.painguard.registry;

import io.painguard.registry.CompatibilityChecker.PreviousVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The registry's rules, independent of HTTP: registration with de-duplication and compatibility
 * checks, lookups, soft and permanent deletes, compatibility configuration.
 *
 * <p>Every write is one {@link SchemaStore#update}: the check and the write it allows see the same
 * contents, and no other write -- of this registry or of another on the same store -- comes in
 * between, so two registries never hand out the same id or version.
 */
final class RegistryService {

  private static final int MAX_REFERENCE_DEPTH = 32;

  private final SchemaStore store;
  private final AvroSchemaParser parser = new AvroSchemaParser();
  /** Ids are never reused, so a parsed schema can be cached by id for good. */
  private final Map<Integer, Schema> parsedById = new ConcurrentHashMap<>();

  RegistryService(SchemaStore store) {
    this.store = store;
  }

  private RegistryState state() {
    return store.state();
  }

  // ---- registration and lookup ----

  /** Registers the schema under the subject and returns its id; the same schema keeps its id. */
  int register(String subject, SchemaInput input) {
    return store.update(state -> {
      ParsedSchema parsed = parse(input);
      Optional<SchemaVersionEntry> existing = state.findInSubject(subject, parsed.identity(), false);
      if (existing.isPresent()) {
        return SchemaStore.Update.of(existing.get().id());
      }
      List<SchemaVersionEntry> all = state.versionsOf(subject);
      CompatibilityLevel level = levelFor(subject);
      List<String> problems = CompatibilityChecker.check(
          level, parsed.schema(), previousVersions(live(all)));
      if (!problems.isEmpty()) {
        throw RegistryException.incompatible("Schema being registered is incompatible with an"
            + " earlier schema for subject \"" + subject + "\" (compatibility " + level
            + "), details: " + problems);
      }
      int id = state.idOf(parsed.identity()).orElseGet(state::nextSchemaId);
      int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
      return SchemaStore.Update.of(id, new StoreChange.PutVersion(new SchemaVersionEntry(subject,
          version, id, SchemaVersionEntry.AVRO, parsed.normalized(), parsed.references(), false)));
    });
  }

  /** The version of the subject that holds this schema. */
  SchemaVersionEntry lookup(String subject, SchemaInput input, boolean includeDeleted) {
    if (visible(subject, includeDeleted).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    ParsedSchema parsed = parse(input);
    return state().findInSubject(subject, parsed.identity(), includeDeleted)
        .orElseThrow(RegistryException::schemaNotFound);
  }

  /**
   * Any version carrying the id; soft-deleted ones count, since data written with it exists. An id
   * not known here may just have been registered through another registry on the same store, so
   * a miss waits for the latest contents before answering 40403: a consumer must never take a
   * fresh schema for an unknown one.
   */
  SchemaVersionEntry schemaById(int id) {
    Optional<SchemaVersionEntry> entry = state().entriesWithId(id).stream().findFirst();
    if (entry.isEmpty()) {
      store.awaitLatest();
      entry = state().entriesWithId(id).stream().findFirst();
    }
    return entry.orElseThrow(() -> RegistryException.schemaIdNotFound(id));
  }

  List<SchemaVersionEntry> versionsWithId(int id, boolean includeDeleted) {
    List<SchemaVersionEntry> all = state().entriesWithId(id);
    if (all.isEmpty()) {
      throw RegistryException.schemaIdNotFound(id);
    }
    return all.stream().filter(entry -> includeDeleted || !entry.deleted()).toList();
  }

  List<String> subjects(String prefix, boolean includeDeleted) {
    return state().subjectNames().stream()
        .filter(subject -> prefix == null || subject.startsWith(prefix))
        .filter(subject -> !visible(subject, includeDeleted).isEmpty())
        .toList();
  }

  List<Integer> versions(String subject, boolean includeDeleted) {
    List<SchemaVersionEntry> visible = visible(subject, includeDeleted);
    if (visible.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return visible.stream().map(SchemaVersionEntry::version).toList();
  }

  SchemaVersionEntry version(String subject, VersionSpec spec, boolean includeDeleted) {
    List<SchemaVersionEntry> visible = visible(subject, includeDeleted);
    if (visible.isEmpty()) {
      store.awaitLatest(); // the subject may just have been registered through another registry
      visible = visible(subject, includeDeleted);
    }
    if (visible.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    if (spec.isLatest()) {
      return visible.get(visible.size() - 1);
    }
    return visible.stream().filter(entry -> entry.version() == spec.number()).findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(spec.number()));
  }

  /** Ids of live schemas that reference this version. */
  List<Integer> referencedBy(String subject, VersionSpec spec) {
    SchemaVersionEntry target = version(subject, spec, false);
    return referencers(target).stream().map(SchemaVersionEntry::id).distinct().sorted().toList();
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
      if (permanent && !target.deleted()) {
        throw RegistryException.versionNotSoftDeleted(subject, target.version());
      }
      requireUnreferenced(target);
      if (permanent) {
        return SchemaStore.Update.of(target.version(), new StoreChange.RaiseIdFloor(state.highestId()),
            new StoreChange.RemoveVersion(subject, target.version()));
      }
      return SchemaStore.Update.of(target.version(), new StoreChange.PutVersion(target.asDeleted()));
    });
  }

  List<Integer> deleteSubject(String subject, boolean permanent) {
    return store.update(state -> {
      List<SchemaVersionEntry> all = state.versionsOf(subject);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      List<SchemaVersionEntry> live = live(all);
      List<StoreChange> changes = new ArrayList<>();
      if (!permanent) {
        if (live.isEmpty()) {
          throw RegistryException.subjectSoftDeleted(subject);
        }
        live.forEach(this::requireUnreferenced);
        live.forEach(entry -> changes.add(new StoreChange.PutVersion(entry.asDeleted())));
        return SchemaStore.Update.of(live.stream().map(SchemaVersionEntry::version).toList(), changes);
      }
      if (!live.isEmpty()) {
        throw RegistryException.subjectNotSoftDeleted(subject);
      }
      all.forEach(this::requireUnreferenced);
      changes.add(new StoreChange.RaiseIdFloor(state.highestId()));
      all.forEach(entry -> changes.add(new StoreChange.RemoveVersion(subject, entry.version())));
      if (state.subjectLevel(subject).isPresent()) {
        changes.add(new StoreChange.RemoveCompatibility(subject));
      }
      return SchemaStore.Update.of(all.stream().map(SchemaVersionEntry::version).toList(), changes);
    });
  }

  // ---- compatibility ----

  /**
   * Why the schema could not follow the given version (or, for "latest" or no version, the
   * versions the subject's level checks on registration); empty when it could.
   */
  List<String> compatibilityProblems(String subject, VersionSpec spec, SchemaInput input) {
    ParsedSchema parsed = parse(input);
    CompatibilityLevel level = levelFor(subject);
    List<SchemaVersionEntry> live = visible(subject, false);
    if (spec == null || spec.isLatest()) {
      return CompatibilityChecker.check(level, parsed.schema(), previousVersions(live));
    }
    SchemaVersionEntry target = version(subject, spec, false);
    return CompatibilityChecker.checkPair(level, parsed.schema(),
        new PreviousVersion(target.version(), schemaOf(target)));
  }

  CompatibilityLevel levelFor(String subject) {
    return state().subjectLevel(subject).or(() -> state().globalLevel())
        .orElse(CompatibilityLevel.DEFAULT);
  }

  CompatibilityLevel globalLevel() {
    return state().globalLevel().orElse(CompatibilityLevel.DEFAULT);
  }

  /** Sets the subject's level, or the global one when subject is null. */
  void setLevel(String subject, CompatibilityLevel level) {
    store.update(state -> SchemaStore.Update.of(level, new StoreChange.PutCompatibility(subject, level)));
  }

  /** Resets the global level to the default and returns the level it had. */
  CompatibilityLevel resetGlobalLevel() {
    return store.update(state -> SchemaStore.Update.of(
        state.globalLevel().orElse(CompatibilityLevel.DEFAULT), new StoreChange.RemoveCompatibility(null)));
  }

  CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    Optional<CompatibilityLevel> level = state().subjectLevel(subject);
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
    return store.update(state -> SchemaStore.Update.of(
        state.subjectLevel(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject)),
        new StoreChange.RemoveCompatibility(subject)));
  }

  // ---- helpers ----

  private ParsedSchema parse(SchemaInput input) {
    if (!SchemaVersionEntry.AVRO.equalsIgnoreCase(input.schemaType())) {
      throw RegistryException.invalidSchema("Schema type " + input.schemaType()
          + " is not supported: this registry accepts AVRO schemas only");
    }
    Map<String, String> referencedTexts = new LinkedHashMap<>();
    List<SchemaReference> resolved = new ArrayList<>();
    for (SchemaReference reference : input.references()) {
      SchemaVersionEntry target = resolveReference(reference);
      collectReferencedTexts(target, referencedTexts, 0);
      resolved.add(new SchemaReference(reference.name(), target.subject(), target.version()));
    }
    return parser.parse(input.schema(), resolved, List.copyOf(referencedTexts.values()));
  }

  private SchemaVersionEntry resolveReference(SchemaReference reference) {
    if (reference == null || reference.name() == null || reference.subject() == null) {
      throw RegistryException.invalidSchema("Invalid reference " + reference
          + ": name, subject and version are required");
    }
    List<SchemaVersionEntry> live = live(state().versionsOf(reference.subject()));
    Optional<SchemaVersionEntry> target = reference.version() == -1
        ? live.stream().reduce((first, second) -> second)
        : live.stream().filter(entry -> entry.version() == reference.version()).findFirst();
    return target.orElseThrow(() -> RegistryException.invalidSchema("Invalid schema: reference '"
        + reference.name() + "' points to subject '" + reference.subject() + "' version "
        + reference.version() + ", which does not exist"));
  }

  /** Adds the texts the entry needs, dependencies first, each (subject, version) once. */
  private void collectReferencedTexts(SchemaVersionEntry entry, Map<String, String> out, int depth) {
    if (depth > MAX_REFERENCE_DEPTH) {
      throw RegistryException.invalidSchema("Invalid schema: references nested deeper than "
          + MAX_REFERENCE_DEPTH + " levels");
    }
    for (SchemaReference inner : entry.references()) {
      collectReferencedTexts(resolveReference(inner), out, depth + 1);
    }
    out.putIfAbsent(entry.subject() + '\u0000' + entry.version(), entry.schema());
  }

  private Schema schemaOf(SchemaVersionEntry entry) {
    Schema cached = parsedById.get(entry.id());
    if (cached != null) {
      return cached;
    }
    Schema schema = parse(new SchemaInput(entry.schema(), entry.schemaType(), entry.references()))
        .schema();
    parsedById.putIfAbsent(entry.id(), schema);
    return schema;
  }

  private List<PreviousVersion> previousVersions(List<SchemaVersionEntry> entries) {
    return entries.stream().map(entry -> new PreviousVersion(entry.version(), schemaOf(entry)))
        .toList();
  }

  private List<SchemaVersionEntry> visible(String subject, boolean includeDeleted) {
    List<SchemaVersionEntry> all = state().versionsOf(subject);
    return includeDeleted ? all : live(all);
  }

  private static List<SchemaVersionEntry> live(List<SchemaVersionEntry> entries) {
    return entries.stream().filter(entry -> !entry.deleted()).toList();
  }

  private List<SchemaVersionEntry> referencers(SchemaVersionEntry target) {
    List<SchemaVersionEntry> result = new ArrayList<>();
    for (String subject : state().subjectNames()) {
      for (SchemaVersionEntry entry : live(state().versionsOf(subject))) {
        boolean refers = entry.references().stream().anyMatch(reference ->
            reference.subject().equals(target.subject())
                && reference.version() == target.version());
        if (refers && !entry.equals(target)) {
          result.add(entry);
        }
      }
    }
    return result;
  }

  private void requireUnreferenced(SchemaVersionEntry target) {
    if (!referencers(target).isEmpty()) {
      throw new RegistryException(422, 42206, "One or more references exist to the schema {subject="
          + target.subject() + ",version=" + target.version() + "}");
    }
  }
}
