package io.painguard.registry;

import java.util.function.Function;

/** A store that lives only as long as the JVM: for unit tests and throwaway registries. */
public final class InMemorySchemaStore implements SchemaStore {

  private final RegistryState state = new RegistryState();

  @Override
  public synchronized <T> T update(Function<RegistryState, Update<T>> update) {
    Update<T> decided = update.apply(state);
    decided.changes().forEach(state::apply);
    return decided.result();
  }

  @Override
  public RegistryState state() {
    return state;
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
