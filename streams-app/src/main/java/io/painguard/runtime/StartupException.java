package io.painguard.runtime;

/**
 * The app cannot start in this environment (the broker or registry does not answer, the HTTP port
 * is taken...). Like {@link io.painguard.runtime.config.ConfigException}, its message is one
 * sentence the command line prints alone.
 */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
