package io.painguard.topology;

import io.painguard.serde.SchemaRegistryException;
import io.painguard.serde.UnsupportedSchemaException;
import java.util.Optional;

/**
 * What a schema-registry failure means for the record that met it. A registry that is not working
 * right now (unreachable, timeouts, 5xx) says nothing about the record: it waits (see {@link
 * RegistryWaits}). Any other answer -- a 4xx, or a schema this app cannot read -- is the
 * registry's final word on that schema id, so waiting would only hold back the athlete's later
 * records: the record is dead-lettered at once, with a reason naming the answer. This is what
 * stops one crafted record (a schema with references, an id the app may not read) from parking an
 * athlete's alerts for the whole retry limit.
 */
final class RegistryFailures {

  private RegistryFailures() {}

  /** The registry failure in the error's cause chain, if there is one. */
  static Optional<SchemaRegistryException> find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SchemaRegistryException registry) {
        return Optional.of(registry);
      }
    }
    return Optional.empty();
  }

  /**
   * True when a record whose decoding met this failure should wait and be retried: the registry is
   * not working right now, or (no registry involved) a retriable Kafka error. Stricter than {@link
   * TransientErrors}, which still fails the task on any registry failure but a 404 outside
   * decoding (the alert sink's registration): an alert is never dropped for a registry's answer.
   */
  static boolean waitFor(Throwable error) {
    return find(error).map(SchemaRegistryException::isTransient).orElseGet(() -> TransientErrors.isTransient(error));
  }

  /**
   * Why a record whose decoding met this failure is dead-lettered at once; empty when the failure
   * is not the registry's final answer (no registry involved, or a transient failure).
   */
  static Optional<DeadLetters.Reason> deadLetterReason(Throwable error) {
    return find(error).filter(e -> !e.isTransient()).map(RegistryFailures::reason);
  }

  private static DeadLetters.Reason reason(SchemaRegistryException e) {
    if (e instanceof UnsupportedSchemaException || e.httpStatus() == 422) {
      return DeadLetters.Reason.SCHEMA_UNSUPPORTED;
    }
    if (e.isUnauthorized()) {
      return DeadLetters.Reason.REGISTRY_UNAUTHORIZED;
    }
    if (e.isNotFound()) {
      return DeadLetters.Reason.SCHEMA_NOT_FOUND;
    }
    return DeadLetters.Reason.REGISTRY_REJECTED;
  }
}
