package io.painguard.registry;

import io.painguard.registry.CompatibilityChecker.PreviousVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The registry's reads, independent of HTTP, with Confluent's answers for what is missing. */
final class RegistryReads {

  /** Which versions a listing shows, as Confluent's {@code deleted} and {@code deletedOnly}. */
  enum Deleted {
    EXCLUDED, INCLUDED, ONLY;

    static Deleted of(boolean deleted, boolean deletedOnly) {
      return deletedOnly ? ONLY : deleted ? INCLUDED : EXCLUDED;
    }

    boolean shows(SchemaVersionEntry entry) {
      return switch (this) {
        case EXCLUDED -> !entry.deleted();
        case INCLUDED -> true;
        case ONLY -> entry.deleted();
      };
    }
  }

  private final SchemaStore store;
  private final SchemaResolver resolver;

  RegistryReads(SchemaStore store, SchemaResolver resolver) {
    this.store = store;
    this.resolver = resolver;
  }

  private RegistryState state() {
    return store.state();
  }

  /**
   * The version of the subject that holds this schema. As in Confluent, the schema is parsed
   * first (42201), and a request without one finds nothing (40401 or 40403).
   */
  SchemaVersionEntry lookup(String subject, SchemaInput input, boolean normalize,
      boolean includeDeleted) {
    ParsedSchema parsed = input.isBlank() ? null : resolver.parse(input, normalize);
    Optional<SchemaVersionEntry> found = parsed == null ? Optional.empty()
        : state().findInSubject(subject, parsed.identity(), includeDeleted);
    if (found.isPresent()) {
      return found.get();
    }
    if (visible(subject, includeDeleted ? Deleted.INCLUDED : Deleted.EXCLUDED).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    throw RegistryException.schemaNotFound();
  }

  /**
   * A version carrying the id -- in the given subject, when one is named; soft-deleted ones
   * count, since data written with it exists. An id not known here may just have been
   * registered through another registry on the same store, so a miss waits for the latest
   * contents before answering 40403: a consumer must never take a fresh schema for an unknown one.
   */
  SchemaVersionEntry schemaById(int id, String subject) {
    Optional<SchemaVersionEntry> entry = withId(id, subject);
    if (entry.isEmpty()) {
      store.awaitLatest();
      entry = withId(id, subject);
    }
    return entry.orElseThrow(() -> RegistryException.schemaIdNotFound(id));
  }

  private Optional<SchemaVersionEntry> withId(int id, String subject) {
    return state().entriesWithId(id).stream()
        .filter(entry -> subject == null || entry.subject().equals(subject))
        .findFirst();
  }

  /** The schema with this GUID (Confluent's answer: 40403 "Schema GUID not found"). */
  SchemaVersionEntry schemaByGuid(String guid) {
    OptionalInt id = SchemaGuid.parse(guid).map(this::idOfGuid).orElse(OptionalInt.empty());
    if (id.isEmpty()) {
      throw RegistryException.schemaIdNotFound(guid);
    }
    return schemaById(id.getAsInt(), null);
  }

  /** The ids the GUID has; empty (not an error) when it names no schema, as in Confluent. */
  List<Integer> idsOfGuid(String guid) {
    OptionalInt id = SchemaGuid.parse(guid).map(this::idOfGuid).orElse(OptionalInt.empty());
    return id.isPresent() ? List.of(id.getAsInt()) : List.of();
  }

  private OptionalInt idOfGuid(String guid) {
    OptionalInt id = state().idOfGuid(guid);
    if (id.isEmpty()) {
      store.awaitLatest(); // as for ids: it may just have been registered elsewhere
      id = state().idOfGuid(guid);
    }
    return id;
  }

  List<SchemaVersionEntry> versionsWithId(int id, boolean includeDeleted) {
    List<SchemaVersionEntry> all = state().entriesWithId(id);
    if (all.isEmpty()) {
      throw RegistryException.schemaIdNotFound(id);
    }
    return all.stream().filter(entry -> includeDeleted || !entry.deleted()).toList();
  }

  /**
   * Subjects with at least one version the filter shows, sorted. Under {@link Deleted#ONLY} a
   * subject is listed when all its versions are soft-deleted, as in Confluent.
   */
  List<String> subjects(String prefix, Deleted deleted) {
    return state().subjectNames().stream()
        .filter(subject -> prefix == null || subject.startsWith(prefix))
        .filter(subject -> {
          List<SchemaVersionEntry> versions = state().versionsOf(subject);
          return deleted == Deleted.ONLY
              ? versions.stream().allMatch(SchemaVersionEntry::deleted)
              : versions.stream().anyMatch(deleted::shows);
        })
        .toList();
  }

  List<Integer> versions(String subject, Deleted deleted) {
    Deleted existence = deleted == Deleted.EXCLUDED ? Deleted.EXCLUDED : Deleted.INCLUDED;
    if (visible(subject, existence).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return visible(subject, deleted).stream().map(SchemaVersionEntry::version).toList();
  }

  SchemaVersionEntry version(String subject, VersionSpec spec, boolean includeDeleted) {
    Deleted filter = includeDeleted ? Deleted.INCLUDED : Deleted.EXCLUDED;
    List<SchemaVersionEntry> visible = visible(subject, filter);
    if (visible.isEmpty()) {
      store.awaitLatest(); // the subject may just have been registered through another registry
      visible = visible(subject, filter);
    }
    if (visible.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    if (spec.isLatest()) {
      // Confluent's "latest" is the newest live version, even when deleted ones are shown.
      List<SchemaVersionEntry> live = RegistryService.live(visible);
      if (live.isEmpty()) {
        throw RegistryException.versionNotFound(spec.number());
      }
      return live.get(live.size() - 1);
    }
    return visible.stream().filter(entry -> entry.version() == spec.number()).findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(spec.number()));
  }

  /** Ids of live schemas that reference this version. */
  List<Integer> referencedBy(String subject, VersionSpec spec) {
    SchemaVersionEntry target = version(subject, spec, false);
    return References.referencers(state(), target, false).stream()
        .map(SchemaVersionEntry::id).distinct().sorted().toList();
  }

  /**
   * Every version (or each subject's newest shown one) of the subjects with the prefix, ordered
   * by subject and version: Confluent's {@code GET /schemas}.
   */
  List<SchemaVersionEntry> schemas(String prefix, boolean includeDeleted, boolean latestOnly) {
    Deleted filter = includeDeleted ? Deleted.INCLUDED : Deleted.EXCLUDED;
    List<SchemaVersionEntry> result = new ArrayList<>();
    for (String subject : state().subjectNames()) {
      if (prefix != null && !subject.startsWith(prefix)) {
        continue;
      }
      List<SchemaVersionEntry> shown = visible(subject, filter);
      if (latestOnly && !shown.isEmpty()) {
        result.add(shown.get(shown.size() - 1));
      } else if (!latestOnly) {
        result.addAll(shown);
      }
    }
    result.sort(Comparator.comparing(SchemaVersionEntry::subject)
        .thenComparingInt(SchemaVersionEntry::version));
    return result;
  }

  /**
   * The newest version whose metadata holds every given property. This registry stores no
   * metadata, so no version ever matches: Confluent's answers for that case, 40401 for an unknown
   * subject and 40403 for a known one.
   */
  SchemaVersionEntry latestWithMetadata(String subject, boolean includeDeleted) {
    if (visible(subject, includeDeleted ? Deleted.INCLUDED : Deleted.EXCLUDED).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    throw RegistryException.schemaNotFound();
  }

  /**
   * Why the schema could not follow the given version (or, for "latest" or no version, the
   * versions the subject's level checks on registration); empty when it could.
   */
  List<String> compatibilityProblems(String subject, VersionSpec spec, SchemaInput input,
      boolean normalize) {
    ParsedSchema parsed = resolver.parse(input, normalize);
    CompatibilityLevel level = RegistryService.levelFor(state(), subject);
    if (spec == null || spec.isLatest()) {
      List<SchemaVersionEntry> live = visible(subject, Deleted.EXCLUDED);
      return CompatibilityChecker.check(level, parsed.schema(),
          RegistryService.previousVersions(resolver, live));
    }
    SchemaVersionEntry target = version(subject, spec, false);
    return CompatibilityChecker.checkPair(level, parsed.schema(),
        new PreviousVersion(target.version(), resolver.schemaOf(target)));
  }

  private List<SchemaVersionEntry> visible(String subject, Deleted deleted) {
    return state().versionsOf(subject).stream().filter(deleted::shows).toList();
  }
}
