package io.painguard.topology;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells failures that say nothing about the record (the registry is unreachable, a retriable Kafka
 * error) from failures of the record itself. The former must not send good data to the dead-letter
 * queue: they fail the task, and the runtime's restart policy retries. Registry failures are found
 * as {@link RegistryFailures} finds them, whichever serde threw them.
 */
final class TransientErrors {

  private TransientErrors() {}

  static boolean isTransient(Throwable error) {
    if (RegistryFailures.find(error).filter(f -> !f.isNotFound()).isPresent()) {
      return true;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
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
