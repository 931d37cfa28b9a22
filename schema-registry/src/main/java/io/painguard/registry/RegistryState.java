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
 * The registry's contents in memory, built by applying {@link StoreChange}s in log order. Thread
 * safe; every accessor returns a copy. Only stores apply changes, after making them durable.
 */
public final class RegistryState {

  private record Stored(SchemaVersionEntry entry, String identity) {
  }

  private final Map<String, NavigableMap<Integer, Stored>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  /** Highest id seen in the log (schemas and id floors); ids are never handed out twice. */
  private int highestId;

  synchronized void apply(StoreChange change) {
    if (change instanceof StoreChange.PutVersion put) {
      SchemaVersionEntry entry = put.entry();
      String identity = SchemaIdentity.of(entry.schemaType(), entry.schema(), entry.references());
      subjects.computeIfAbsent(entry.subject(), s -> new TreeMap<>())
          .put(entry.version(), new Stored(entry, identity));
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
}
