package io.painguard.rules;

/**
 * Stored athlete-state bytes this build cannot read: a version it does not know (written by a
 * newer build, or not a state at all), or bytes that are truncated or corrupt. Never answered by
 * starting the athlete afresh: that would silently forget an open medical referral.
 */
public final class UnreadableStateException extends IllegalArgumentException {

  private final int version;

  public UnreadableStateException(int version, String message) {
    super(message);
    this.version = version;
  }

  public UnreadableStateException(int version, String message, Throwable cause) {
    super(message, cause);
    this.version = version;
  }

  /** The version byte of the stored bytes, -1 when there was none. */
  public int version() {
    return version;
  }
}
