package io.painguard.topology;

import io.painguard.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells failures that say nothing about the record (the registry is unreachable, a retriable Kafka
 * error) from failures of the record itself. The former must not send good data to the dead-letter
 * queue: they fail the task, and the runtime's restart policy retries.
 */
final class TransientErrors {

  private TransientErrors() {}

  static boolean isTransient(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException registry && !registry.isNotFound()) {
        return true;
      }
      if (t instanceof RetriableException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
