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

  static Decoded deadLetter(DeadLetters.Reason reason, byte[] rawValue) {
    return new Decoded(null, reason, rawValue);
  }

  boolean isDeadLetter() {
    return deadLetterReason != null;
  }
}
