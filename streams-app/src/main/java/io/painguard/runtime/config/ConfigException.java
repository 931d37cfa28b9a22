package io.painguard.runtime.config;

/**
 * A configuration the app refuses to start with. The message is one sentence a user can act on;
 * the command line prints it alone, without a stack trace.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
