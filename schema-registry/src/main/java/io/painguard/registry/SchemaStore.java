package io.painguard.registry;

/**
 * Where the registry keeps its contents. A store is a durable log of {@link StoreChange}s plus the
 * in-memory view those changes build; the registry reads only the view and writes only through
 * {@link #write}.
 */
public interface SchemaStore extends AutoCloseable {

  /**
   * Makes the change durable and then visible in {@link #state()}. When this returns, the change
   * survives a restart; when it throws, the view is unchanged.
   *
   * @throws SchemaStoreException if the change could not be made durable
   */
  void write(StoreChange change);

  /** The current contents: what was read back on open plus every acknowledged write. */
  RegistryState state();

  /** Releases the store's resources; idempotent. */
  @Override
  void close();
}
