package io.painguard.topology;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schema ids the registry failed to serve since it last answered, shared by the source
 * deserializers of every task and thread and by the {@link RegistryWaits} retries: a record with
 * such an id waits at once instead of asking the registry again (each ask may block the stream
 * thread for {@code schema.registry.retry.max.ms}). Cleared when a retry gets an answer.
 */
final class UnavailableSchemas {

  private final Set<Integer> ids = ConcurrentHashMap.newKeySet();

  /** The registry failed to serve {@code schemaId} (-1 when the value is not framed). */
  void add(int schemaId) {
    ids.add(schemaId);
  }

  boolean contains(int schemaId) {
    return !ids.isEmpty() && ids.contains(schemaId);
  }

  /** The registry answered: every schema id is worth asking for again. */
  void clear() {
    ids.clear();
  }
}
