package io.painguard.simulator;

/**
 * A setting the simulator cannot work with (unknown scenario, unreachable broker or registry, bad
 * option). The message is one sentence meant for the person who typed the command.
 */
public final class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
