package io.painguard.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A failed schema-registry call. The message says what failed and where (the registry URL, never
 * its credentials); {@link #httpStatus()} and {@link #errorCode()} carry the registry's answer
 * when there was one.
 *
 * <p>{@link #isTransient()} tells a registry that is not working right now (worth asking again
 * later) from a registry that answered this request for good (a 4xx, or a schema this client
 * cannot use, {@link UnsupportedSchemaException}): callers must not wait for the latter.
 */
public class SchemaRegistryException extends SerializationException {

  /** {@link #httpStatus()} when no HTTP response arrived (unreachable, timeout). */
  public static final int NO_RESPONSE = 0;

  /** Confluent error codes the serde reacts to. */
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;
  private final String registryMessage;

  public SchemaRegistryException(String message, int httpStatus, int errorCode,
      String registryMessage, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.registryMessage = registryMessage;
  }

  /** HTTP status of the registry's answer, or {@link #NO_RESPONSE}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code}, or -1 when it sent none. */
  public int errorCode() {
    return errorCode;
  }

  /** The registry's own {@code message}, or null when it sent none. */
  public String registryMessage() {
    return registryMessage;
  }

  /** True when the registry answered that the id, subject or version does not exist. */
  public boolean isNotFound() {
    return httpStatus == 404;
  }

  /** True when the registry refused the caller's credentials (401) or their rights (403). */
  public boolean isUnauthorized() {
    return httpStatus == 401 || httpStatus == 403;
  }

  /**
   * True when the failure says nothing about the request itself, so the same call may succeed
   * later: no answer (unreachable, timeout, interrupted), 5xx, 408 and 429, and answers that are
   * not the registry's (a proxy's page, a redirect). False for every other 4xx -- the registry's
   * final word on this request (401/403, 404, 409, 422...) -- and for a schema this client cannot
   * use.
   */
  public boolean isTransient() {
    boolean clientError = httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429;
    return !clientError;
  }

  /** True when the registry rejected a schema as incompatible with earlier versions. */
  public boolean isIncompatible() {
    return httpStatus == 409;
  }
}
