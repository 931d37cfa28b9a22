package io.painguard.simulator;

import org.apache.avro.specific.SpecificRecord;

/**
 * Where generated records go. The Kafka implementation encodes with the project serde; tests
 * collect them in memory.
 */
public interface RecordSink {

  /**
   * Sends one record keyed by {@code key}. When {@code corruption} is a byte-level {@link
   * MalformedKind}, the encoded value is corrupted that way before it is sent; otherwise (null or a
   * content-level kind) the value is sent as encoded.
   */
  void send(InputTopic topic, String key, SpecificRecord value, MalformedKind corruption);

  /** Blocks until everything sent so far is acknowledged or failed. */
  void flush();

  /** What happened to the records sent so far. */
  SendStats stats();
}
