package io.painguard.registry;

/**
 * A request the registry refuses, carrying Confluent's HTTP status and error code. The factory
 * methods use Confluent's codes and message wording so clients that match on them keep working.
 */
public final class RegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;

  public RegistryException(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(Object version) {
    return new RegistryException(404, 40402, "Version " + version + " not found.");
  }

  static RegistryException schemaNotFound() {
    return new RegistryException(404, 40403, "Schema not found");
  }

  static RegistryException schemaIdNotFound(Object id) {
    return new RegistryException(404, 40403, "Schema " + id + " not found");
  }

  static RegistryException subjectSoftDeleted(String subject) {
    return new RegistryException(404, 40404, "Subject '" + subject
        + "' was soft deleted. Set permanent=true to delete permanently");
  }

  static RegistryException subjectNotSoftDeleted(String subject) {
    return new RegistryException(404, 40405, "Subject '" + subject
        + "' was not deleted first before being permanently deleted");
  }

  static RegistryException versionSoftDeleted(String subject, int version) {
    return new RegistryException(404, 40406, "Subject '" + subject + "' Version " + version
        + " was soft deleted. Set permanent=true to delete permanently");
  }

  static RegistryException versionNotSoftDeleted(String subject, int version) {
    return new RegistryException(404, 40407, "Subject '" + subject + "' Version " + version
        + " was not deleted first before being permanently deleted");
  }

  static RegistryException subjectLevelNotConfigured(String subject) {
    return new RegistryException(404, 40408, "Subject '" + subject
        + "' does not have subject-level compatibility configured");
  }

  static RegistryException subjectModeNotConfigured(String subject) {
    return new RegistryException(404, 40409, "Subject '" + subject
        + "' does not have subject-level mode configured");
  }

  /** 40901 since Confluent 8.1.2 (409 before); the HTTP status is 409 either way. */
  static RegistryException incompatible(String message) {
    return new RegistryException(409, 40901, message);
  }

  static RegistryException invalidSchema(String message) {
    return new RegistryException(422, 42201, message);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(422, 42202, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
        + " \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel(Object level) {
    return new RegistryException(422, 42203, "Invalid compatibility level '" + level
        + "'. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE,"
        + " FULL and FULL_TRANSITIVE");
  }

  static RegistryException invalidMode() {
    return invalidMode("Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.");
  }

  static RegistryException invalidMode(String message) {
    return new RegistryException(422, 42204, message);
  }

  /** A write the mode in scope does not allow, and other operations Confluent refuses as such. */
  static RegistryException operationNotPermitted(String message) {
    return new RegistryException(422, 42205, message);
  }

  static RegistryException referenceExists(String subject, int version) {
    return new RegistryException(422, 42206, "One or more references exist to the schema {subject="
        + subject + ",version=" + version + "}");
  }

  static RegistryException badRequest(String message) {
    return new RegistryException(400, 400, message);
  }
}
