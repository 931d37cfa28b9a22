package io.painguard.topology;

/**
 * A record that decoded but breaks a rule of the contract. Named in the dead-letter headers as the
 * error class; its message is one sentence naming the field and the rule.
 */
public class InvalidRecordException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidRecordException(String message) {
    super(message, null, false, false);
  }
}
