package io.painguard.topology;

import io.painguard.serde.SchemaId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schema ids (or GUIDs) the registry failed to serve since it last answered, shared by the source
 * deserializers of every task and thread and by the {@link RegistryWaits} retries: a record naming
 * such a schema waits at once instead of asking the registry again (each ask may block the stream
 * thread for the serde's retries and HTTP timeouts). Cleared when a retry gets an answer.
 */
final class UnavailableSchemas {

  private final Set<SchemaId> ids = ConcurrentHashMap.newKeySet();

  /** The registry failed to serve {@code schemaId} ({@link InputDecoder#UNFRAMED} for none). */
  void add(SchemaId schemaId) {
    ids.add(schemaId);
  }

  /** The registry failed to serve the schema with this numeric id. */
  void add(int schemaId) {
    add(new SchemaId.Number(schemaId));
  }

  boolean isEmpty() {
    return ids.isEmpty();
  }

  boolean contains(SchemaId schemaId) {
    return !ids.isEmpty() && ids.contains(schemaId);
  }

  /** The registry answered: every schema id is worth asking for again. */
  void clear() {
    ids.clear();
  }
}
