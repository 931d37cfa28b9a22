package io.painguard.topology;

import io.painguard.serde.SchemaRegistryException;
import io.painguard.serde.UnsupportedSchemaException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * What a schema-registry failure means for the record that met it. A registry that is not working
 * right now (unreachable, timeouts, 5xx) says nothing about the record: it waits (see {@link
 * RegistryWaits}). Any other answer -- a 4xx, or a schema this app cannot read -- is the
 * registry's final word on that schema id, so waiting would only hold back the athlete's later
 * records: the record is dead-lettered at once, with a reason naming the answer. This is what
 * stops one crafted record (a schema with references, an id the app may not read) from parking an
 * athlete's alerts for the whole retry limit.
 *
 * <p>The failure is found in the exception's cause chain whichever serde threw it ({@link
 * SerdeChoice}): PainGuard's {@link SchemaRegistryException}; Confluent's {@code
 * RestClientException}, recognised by its class name and read from its message, which has ended in
 * {@code "; error code: N"} for a decade (so this needs neither Confluent's jars nor reflection;
 * the HTTP status is the code's first three digits, or the code itself when it has three); or,
 * with no answer at all, a network failure ({@link SocketException}, a timeout, TLS) that
 * Confluent's serde wraps as it is. Confluent's retriable Kafka exceptions (its timeouts, 502,
 * 429) are waited for as any retriable Kafka error is ({@link TransientErrors}).
 */
public final class RegistryFailures {

  private static final String CONFLUENT_REST_EXCEPTION = "RestClientException";
  private static final Pattern ERROR_CODE = Pattern.compile("error code: (-?\\d+)\\s*$");

  private RegistryFailures() {}

  /**
   * The registry's part in a failure.
   *
   * @param httpStatus the registry's HTTP status, or {@link SchemaRegistryException#NO_RESPONSE}
   * @param unsupportedSchema the registry served a schema this app cannot read
   */
  public record Failure(int httpStatus, boolean unsupportedSchema) {

    static final Failure NO_RESPONSE = new Failure(SchemaRegistryException.NO_RESPONSE, false);

    /** As {@link SchemaRegistryException#isTransient()}: no answer, 5xx, 408, 429, or not the registry's. */
    public boolean isTransient() {
      boolean clientError = httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429;
      return !clientError && !unsupportedSchema;
    }

    public boolean isNotFound() {
      return httpStatus == 404;
    }
  }

  /** The registry failure in the error's cause chain, if there is one. */
  public static Optional<Failure> find(Throwable error) {
    for (Throwable t = error; t != null; t = next(t)) {
      if (t instanceof SchemaRegistryException registry) {
        return Optional.of(new Failure(registry.httpStatus(), registry instanceof UnsupportedSchemaException));
      }
      Optional<Failure> confluent = confluentAnswer(t);
      if (confluent.isPresent()) {
        return confluent;
      }
    }
    for (Throwable t = error; t != null; t = next(t)) {
      if (isNetworkFailure(t)) {
        return Optional.of(Failure.NO_RESPONSE);
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
    return find(error).map(Failure::isTransient).orElseGet(() -> TransientErrors.isTransient(error));
  }

  /**
   * Why a record whose decoding met this failure is dead-lettered at once; empty when the failure
   * is not the registry's final answer (no registry involved, or a transient failure).
   */
  static Optional<DeadLetters.Reason> deadLetterReason(Throwable error) {
    return find(error).filter(f -> !f.isTransient()).map(RegistryFailures::reason);
  }

  private static DeadLetters.Reason reason(Failure f) {
    if (f.unsupportedSchema() || f.httpStatus() == 422) {
      return DeadLetters.Reason.SCHEMA_UNSUPPORTED;
    }
    if (f.httpStatus() == 401 || f.httpStatus() == 403) {
      return DeadLetters.Reason.REGISTRY_UNAUTHORIZED;
    }
    if (f.isNotFound()) {
      return DeadLetters.Reason.SCHEMA_NOT_FOUND;
    }
    return DeadLetters.Reason.REGISTRY_REJECTED;
  }

  /** Confluent's {@code RestClientException("...; error code: 40403")}: status 404. */
  private static Optional<Failure> confluentAnswer(Throwable t) {
    if (!t.getClass().getSimpleName().equals(CONFLUENT_REST_EXCEPTION) || t.getMessage() == null) {
      return Optional.empty();
    }
    Matcher code = ERROR_CODE.matcher(t.getMessage());
    if (!code.find()) {
      return Optional.of(Failure.NO_RESPONSE); // an answer we cannot read: as a foreign answer
    }
    int errorCode = Integer.parseInt(code.group(1));
    int status = errorCode >= 10_000 ? errorCode / 100 : errorCode >= 100 && errorCode < 600 ? errorCode
        : SchemaRegistryException.NO_RESPONSE;
    return Optional.of(new Failure(status, false));
  }

  private static boolean isNetworkFailure(Throwable t) {
    return t instanceof SocketException || t instanceof UnknownHostException
        || t instanceof InterruptedIOException || t instanceof HttpTimeoutException
        || t instanceof SSLException;
  }

  private static Throwable next(Throwable t) {
    return t.getCause() == t ? null : t.getCause();
  }
}
