package io.painguard.serde;

/**
 * The registry served a schema this client cannot use: it has schema references (which this
 * client does not resolve), is not Avro, or does not parse as Avro. Asking again will not help,
 * so {@link #isTransient()} is false; the data written with it cannot be read here.
 */
public final class UnsupportedSchemaException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  public UnsupportedSchemaException(String message, Throwable cause) {
    super(message, 200, -1, null, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
