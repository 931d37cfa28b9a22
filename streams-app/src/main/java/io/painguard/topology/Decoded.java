package io.painguard.topology;

import io.painguard.rules.AthleteSignal;

/**
 * Outcome of decoding one input record: the signal, or the reason it goes to the dead-letter
 * queue together with its original value bytes (the DLQ headers ride on the record itself).
 */
record Decoded(AthleteSignal signal, DeadLetters.Reason deadLetterReason, byte[] rawValue) {

  static Decoded of(AthleteSignal signal) {
    return new Decoded(signal, null, null);
  }

  /** A signal that keeps its record's original bytes, for a dead letter decided further on. */
  static Decoded of(AthleteSignal signal, byte[] rawValue) {
    return new Decoded(signal, null, rawValue);
  }

  static Decoded deadLetter(DeadLetters.Reason reason, byte[] rawValue) {
    return new Decoded(null, reason, rawValue);
  }

  boolean isDeadLetter() {
    return deadLetterReason != null;
  }

  boolean isAcknowledgement() {
    return signal instanceof AthleteSignal.Acknowledged;
  }
}
