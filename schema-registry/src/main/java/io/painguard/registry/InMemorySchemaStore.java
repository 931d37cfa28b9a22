package io.painguard.registry;

/** A store that lives only as long as the JVM: for unit tests and throwaway registries. */
public final class InMemorySchemaStore implements SchemaStore {

  private final RegistryState state = new RegistryState();

  @Override
  public void write(StoreChange change) {
    state.apply(change);
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
