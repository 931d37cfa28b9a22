package io.painguard.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter queue's record format: the original key and value bytes, the original headers,
 * and these headers saying where the record came from and why it was set aside (all UTF-8
 * strings).
 */
public final class DeadLetters {

  public static final String HEADER_PREFIX = "painguard.dlq.";
  /** Source topic of the record. */
  public static final String TOPIC = "painguard.dlq.topic";
  /** Source partition, decimal. */
  public static final String PARTITION = "painguard.dlq.partition";
  /** Source offset, decimal. */
  public static final String OFFSET = "painguard.dlq.offset";
  /** One of {@link Reason}'s names. */
  public static final String REASON = "painguard.dlq.reason";
  /** Class of the error: the deserializer's exception, or {@link InvalidRecordException}. */
  public static final String ERROR_CLASS = "painguard.dlq.error.class";
  /** One sentence saying what is wrong (never the payload itself). */
  public static final String ERROR_MESSAGE = "painguard.dlq.error.message";
  /**
   * Present only on a stub: one of {@link Stub}'s names, saying why the dead letter carries only
   * the first bytes of the original value (and none of its original headers).
   */
  public static final String STUB = "painguard.dlq.stub";
  /** On a stub: the original value's size in bytes, decimal. */
  public static final String ORIGINAL_SIZE = "painguard.dlq.original.size";

  /** Why a dead letter was written as a stub. */
  public enum Stub {
    /**
     * The dead letter (key, value and headers) was larger than {@code
     * painguard.topology.dead-letter-max-bytes}: the value is cut to fit that cap.
     */
    TOO_LARGE,
    /**
     * Writing the dead letter failed (the topic's max.message.bytes, say); written again, when the
     * record is processed again, with at most {@link DeadLetterStubs#AFTER_FAILURE_BYTES} of it.
     */
    WRITE_FAILED
  }

  /** Why a record went to the dead-letter queue. */
  public enum Reason {
    /** The record has no key (athleteId). */
    NULL_KEY,
    /** The record has no value (a tombstone). */
    NULL_VALUE,
    /** The value is not Confluent-framed Avro of a known schema (magic byte, schema id, body). */
    UNDECODABLE,
    /** The value decoded but breaks a rule of the contract (key, ranges, timestamps). */
    INVALID,
    /** Processing threw unexpectedly; caught by the processing exception handler (KIP-1033). */
    PROCESSING_FAILED,
    /**
     * The schema registry could not serve the record's schema (unreachable, 5xx) once the
     * athlete's records had waited {@code painguard.topology.registry-retry-limit}; the record was
     * retried until then.
     */
    REGISTRY_UNAVAILABLE,
    /**
     * The athlete's stored state could not be read (a version this build does not know, or corrupt
     * bytes). The record is set aside and the stored bytes are left untouched, so a build that can
     * read them can take over and the record can be replayed from here.
     */
    STATE_UNREADABLE,
    /** The schema registry refused the app's credentials (401) or rights (403) for the schema. */
    REGISTRY_UNAUTHORIZED,
    /** The schema registry has no schema with the record's id (404). */
    SCHEMA_NOT_FOUND,
    /** The schema cannot be read here: references, not Avro, or the registry calls it invalid (422). */
    SCHEMA_UNSUPPORTED,
    /** The schema registry refused the request with another 4xx (400, 405, 406, 409, 415...). */
    REGISTRY_REJECTED,
    /** The athlete already had {@code painguard.topology.registry-max-parked} records waiting. */
    REGISTRY_WAIT_FULL
  }

  private DeadLetters() {}

  /** The original headers plus the dead-letter headers. */
  public static Headers headers(
      Headers original,
      String topic,
      int partition,
      long offset,
      Reason reason,
      String errorClass,
      String errorMessage) {
    Headers headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
    put(headers, TOPIC, topic);
    put(headers, PARTITION, Integer.toString(partition));
    put(headers, OFFSET, Long.toString(offset));
    put(headers, REASON, reason.name());
    put(headers, ERROR_CLASS, errorClass);
    put(headers, ERROR_MESSAGE, errorMessage == null ? "" : errorMessage);
    return headers;
  }

  /**
   * Where a dead letter's record came from, {@code topic-partition@offset}, from its headers; null
   * when they are missing (not a dead letter of ours).
   */
  public static String source(Headers headers) {
    String topic = header(headers, TOPIC);
    String offset = header(headers, OFFSET);
    return topic == null || offset == null ? null : topic + "-" + header(headers, PARTITION) + "@" + offset;
  }

  /** The reason a dead letter's headers name, or null when they name none we know. */
  public static Reason reason(Headers headers) {
    String name = header(headers, REASON);
    try {
      return name == null ? null : Reason.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The record key as an athlete id for a log line: at most 128 characters (longer ids are invalid
   * anyway), control characters replaced, so a hostile key cannot flood or forge log lines.
   */
  public static String athleteForLog(byte[] key) {
    if (key == null) {
      return "(no key)";
    }
    String id = new String(key, 0, Math.min(key.length, 128), StandardCharsets.UTF_8);
    return id.replaceAll("\\p{Cntrl}", "?") + (key.length > 128 ? "..." : "");
  }

  /** A header's value as a string, or null when absent. */
  public static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
  }
}
