package io.painguard.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry's contents in memory -- versions, compatibility levels, modes -- built by applying
 * {@link StoreChange}s in log order. Thread
 * safe; every accessor returns a copy. Only stores apply changes, after making them durable.
 */
public final class RegistryState {

  /** A version with what is derived from it once: its identity and its GUID. */
  private record Stored(SchemaVersionEntry entry, String identity, String guid) {
  }

  private final Map<String, NavigableMap<Integer, Stored>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final Map<String, RegistryMode> subjectModes = new TreeMap<>();
  private CompatibilityLevel globalLevel;
  private RegistryMode globalMode;
  /** Highest id seen in the log (schemas and id floors); ids are never handed out twice. */
  private int highestId;

  /** Applies a change written now; for stores that have no record timestamp of their own. */
  synchronized void apply(StoreChange change) {
    apply(change, System.currentTimeMillis());
  }

  /** Applies a change the store wrote at {@code epochMillis} (its record's timestamp). */
  synchronized void apply(StoreChange change, long epochMillis) {
    if (change instanceof StoreChange.PutVersion put) {
      SchemaVersionEntry entry = put.entry().writtenAt(epochMillis);
      String identity = SchemaIdentity.of(entry.schemaType(), entry.schema(), entry.references());
      subjects.computeIfAbsent(entry.subject(), s -> new TreeMap<>())
          .put(entry.version(), new Stored(entry, identity, entry.guid()));
      highestId = Math.max(highestId, entry.id());
    } else if (change instanceof StoreChange.RemoveVersion remove) {
      NavigableMap<Integer, Stored> versions = subjects.get(remove.subject());
      if (versions != null) {
        versions.remove(remove.version());
        if (versions.isEmpty()) {
          subjects.remove(remove.subject());
        }
      }
    } else if (change instanceof StoreChange.PutCompatibility put) {
      if (put.subject() == null) {
        globalLevel = put.level();
      } else {
        subjectLevels.put(put.subject(), put.level());
      }
    } else if (change instanceof StoreChange.RemoveCompatibility remove) {
      if (remove.subject() == null) {
        globalLevel = null;
      } else {
        subjectLevels.remove(remove.subject());
      }
    } else if (change instanceof StoreChange.PutMode put) {
      if (put.subject() == null) {
        globalMode = put.mode();
      } else {
        subjectModes.put(put.subject(), put.mode());
      }
    } else if (change instanceof StoreChange.RemoveMode remove) {
      if (remove.subject() == null) {
        globalMode = null;
      } else {
        subjectModes.remove(remove.subject());
      }
    } else if (change instanceof StoreChange.RaiseIdFloor floor) {
      highestId = Math.max(highestId, floor.highestUsedId());
    }
  }

  /**
   * The id a new schema gets: one more than any id in the log. Not reserved here: the store's
   * update makes it used by writing the schema, and no other write can come in between.
   */
  public synchronized int nextSchemaId() {
    return highestId + 1;
  }

  public synchronized int highestId() {
    return highestId;
  }

  /** Every version of the subject, soft-deleted ones included, oldest first; empty if unknown. */
  public synchronized List<SchemaVersionEntry> versionsOf(String subject) {
    NavigableMap<Integer, Stored> versions = subjects.get(subject);
    List<SchemaVersionEntry> result = new ArrayList<>();
    if (versions != null) {
      versions.values().forEach(stored -> result.add(stored.entry()));
    }
    return result;
  }

  /** Names of subjects that have at least one version (soft-deleted ones included), sorted. */
  public synchronized List<String> subjectNames() {
    return new ArrayList<>(new TreeSet<>(subjects.keySet()));
  }

  /** Every version, in any subject, that carries the id. */
  public synchronized List<SchemaVersionEntry> entriesWithId(int id) {
    List<SchemaVersionEntry> result = new ArrayList<>();
    subjects.values().forEach(versions -> versions.values().stream()
        .filter(stored -> stored.entry().id() == id)
        .forEach(stored -> result.add(stored.entry())));
    return result;
  }

  /** The id of the schema with this GUID, if a version (soft-deleted ones too) still has it. */
  public synchronized OptionalInt idOfGuid(String guid) {
    return subjects.values().stream()
        .flatMap(versions -> versions.values().stream())
        .filter(stored -> stored.guid().equals(guid))
        .mapToInt(stored -> stored.entry().id())
        .findFirst();
  }

  /** The id already given to this schema identity anywhere, if any. */
  synchronized OptionalInt idOf(String identity) {
    return subjects.values().stream()
        .flatMap(versions -> versions.values().stream())
        .filter(stored -> stored.identity().equals(identity))
        .mapToInt(stored -> stored.entry().id())
        .findFirst();
  }

  /** The newest version of the subject with this schema identity. */
  synchronized Optional<SchemaVersionEntry> findInSubject(
      String subject, String identity, boolean includeDeleted) {
    NavigableMap<Integer, Stored> versions = subjects.get(subject);
    if (versions == null) {
      return Optional.empty();
    }
    return versions.descendingMap().values().stream()
        .filter(stored -> stored.identity().equals(identity))
        .filter(stored -> includeDeleted || !stored.entry().deleted())
        .map(Stored::entry)
        .findFirst();
  }

  public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** The global level if one was set; the registry falls back to BACKWARD otherwise. */
  public synchronized Optional<CompatibilityLevel> globalLevel() {
    return Optional.ofNullable(globalLevel);
  }

  /** The subject's own mode, or the global one when subject is null; empty when none was set. */
  public synchronized Optional<RegistryMode> mode(String subject) {
    return Optional.ofNullable(subject == null ? globalMode : subjectModes.get(subject));
  }

  /** Subjects (and contexts) that have a mode of their own, sorted. */
  public synchronized List<String> subjectsWithMode() {
    return new ArrayList<>(subjectModes.keySet());
  }
}
