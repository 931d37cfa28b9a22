package io.painguard.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the registry keeps its contents. A store is a durable log of {@link StoreChange}s plus the
 * in-memory view those changes build; the registry reads only the view and changes it only through
 * {@link #update}.
 */
public interface SchemaStore extends AutoCloseable {

  /**
   * Runs {@code update} on the current contents and makes the changes it returns durable and then
   * visible in {@link #state()}, as one step: no other write -- of this registry, or of another
   * registry on the same store -- lands between the contents the update read and its changes
   * (when one would, the update runs again on the newer contents). An update that throws, or
   * returns no changes, writes nothing.
   *
   * @return the update's result
   * @throws SchemaStoreException if the changes could not be made durable; the view is unchanged
   */
  <T> T update(Function<RegistryState, Update<T>> update);

  /** The current contents: what was read back on open plus every change made durable since. */
  RegistryState state();

  /**
   * Waits, briefly, until {@link #state()} holds every change any registry made durable before
   * the call; for a miss that another registry on the same store may just have written. A store
   * only this process writes is always up to date.
   */
  default void awaitLatest() {
  }

  /** The id of the Kafka cluster the store keeps its records on; empty for a store without Kafka. */
  default Optional<String> kafkaClusterId() {
    return Optional.empty();
  }

  /** Releases the store's resources; idempotent. */
  @Override
  void close();

  /** What an update decided: the changes to write (maybe none) and the answer to return. */
  record Update<T>(List<StoreChange> changes, T result) {

    public static <T> Update<T> of(T result, StoreChange... changes) {
      return new Update<>(List.of(changes), result);
    }

    public static <T> Update<T> of(T result, List<StoreChange> changes) {
      return new Update<>(List.copyOf(changes), result);
    }
  }
}
