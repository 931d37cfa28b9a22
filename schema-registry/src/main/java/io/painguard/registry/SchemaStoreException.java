package io.painguard.registry;

/** The store could not make a change durable, or could not read its contents. */
public final class SchemaStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public SchemaStoreException(String message) {
    super(message);
  }
}
