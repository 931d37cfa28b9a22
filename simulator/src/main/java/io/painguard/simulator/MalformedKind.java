package io.painguard.simulator;

/**
 * Kinds of deliberately bad records, for exercising the app's dead-letter handling. The first
 * group breaks the wire format (the bytes are corrupted after encoding); the second is valid Avro
 * whose content breaks the contract.
 */
public enum MalformedKind {
  /** Bytes that are not the wire format at all. */
  RANDOM_BYTES(true),
  /** A valid record whose first byte is not the 0x00 magic byte. */
  WRONG_MAGIC_BYTE(true),
  /** A valid body behind a schema id the registry does not know. */
  UNKNOWN_SCHEMA_ID(true),
  /** The wire-format header and only the first bytes of the Avro body. */
  TRUNCATED_AVRO(true),
  /** A zero-length value. */
  EMPTY_VALUE(true),
  /** A valid record whose athleteId differs from the record key. */
  KEY_MISMATCH(false),
  /** An activity sample with a heart rate of 300 bpm (the app accepts 20-250). */
  HEART_RATE_OUT_OF_RANGE(false),
  /** A pain report with level 12 (the scale is 0-10). */
  PAIN_LEVEL_OUT_OF_RANGE(false),
  /** A record timestamped two days in the future (the app allows one). */
  FUTURE_TIMESTAMP(false);

  private final boolean corruptsBytes;

  MalformedKind(boolean corruptsBytes) {
    this.corruptsBytes = corruptsBytes;
  }

  /** True when the encoded bytes are corrupted; false when the record content is invalid. */
  public boolean corruptsBytes() {
    return corruptsBytes;
  }

  /** The topic a kind goes to when a scenario does not say. */
  public InputTopic defaultTopic() {
    return this == PAIN_LEVEL_OUT_OF_RANGE ? InputTopic.PAIN : InputTopic.ACTIVITY;
  }

  /** Whether the kind makes sense on a topic (a heart rate only exists in activity samples). */
  public boolean fits(InputTopic topic) {
    return switch (this) {
      case HEART_RATE_OUT_OF_RANGE -> topic == InputTopic.ACTIVITY;
      case PAIN_LEVEL_OUT_OF_RANGE -> topic == InputTopic.PAIN;
      default -> true;
    };
  }
}
