package io.painguard.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A failed schema-registry call. The message says what failed and where (the registry URL, never
 * its credentials); {@link #httpStatus()} and {@link #errorCode()} carry the registry's answer
 * when there was one.
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

  /** True when the registry rejected a schema as incompatible with earlier versions. */
  public boolean isIncompatible() {
    return httpStatus == 409;
  }
}
