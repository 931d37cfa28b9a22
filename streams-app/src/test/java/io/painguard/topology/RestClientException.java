package io.painguard.topology;

/**
 * Stands in for Confluent's {@code io.confluent.kafka.schemaregistry.client.rest.exceptions
 * .RestClientException}, whose jar cannot be downloaded here: the same simple class name, a
 * checked exception, and the message shape {@link RegistryFailures} reads ("...; error code: N").
 */
public class RestClientException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  public RestClientException(String message, int status, int errorCode) {
    super(message + "; error code: " + errorCode);
    this.status = status;
  }

  public int getStatus() {
    return status;
  }
}
