package io.painguard.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Keeps every dead letter within a size the producer and the topic accept, so a record can never
 * stop processing by being too large to set aside. A dead letter over the cap, or one whose write
 * failed once, becomes a <em>stub</em>: its key (first 1 KiB), the {@code painguard.dlq.*}
 * headers (where it came from, why; the error message cut to 500 characters), {@link
 * DeadLetters#STUB} and {@link DeadLetters#ORIGINAL_SIZE}, and as many of the value's first bytes as
 * fit. The record's own headers are dropped: they may be what made it large.
 */
public final class DeadLetterStubs {

  /**
   * The most value bytes a stub keeps after a failed write: enough to recognise the record, small
   * enough for any sane {@code max.message.bytes}.
   */
  public static final int AFTER_FAILURE_BYTES = 1024;

  static final int MAX_KEY_BYTES = 1024;
  static final int MAX_MESSAGE_CHARS = 500;

  private DeadLetterStubs() {}

  /** A dead letter as it is written. */
  public record Letter(byte[] key, byte[] value, Headers headers) {

    /** Key, value and header bytes: what the producer's and broker's size limits measure, less framing. */
    public int size() {
      long size = length(key) + length(value);
      for (Header h : headers) {
        size += h.key().getBytes(StandardCharsets.UTF_8).length + length(h.value());
      }
      return (int) Math.min(Integer.MAX_VALUE, size);
    }

    public boolean isStub() {
      return headers.lastHeader(DeadLetters.STUB) != null;
    }
  }

  /** The letter itself when it is within {@code cap} bytes, else its {@link DeadLetters.Stub#TOO_LARGE} stub. */
  public static Letter bound(Letter letter, int cap) {
    return letter.size() <= cap ? letter : stub(letter, DeadLetters.Stub.TOO_LARGE, cap, cap);
  }

  /** The {@link DeadLetters.Stub#WRITE_FAILED} stub of a letter whose write failed. */
  public static Letter afterFailure(Letter letter, int cap) {
    return stub(letter, DeadLetters.Stub.WRITE_FAILED, Math.min(cap, AFTER_FAILURE_BYTES), cap);
  }

  private static Letter stub(Letter letter, DeadLetters.Stub why, int valueAtMost, int cap) {
    String originalSize = DeadLetters.header(letter.headers(), DeadLetters.ORIGINAL_SIZE);
    Headers headers = new RecordHeaders();
    for (Header h : letter.headers()) {
      if (h.key().startsWith(DeadLetters.HEADER_PREFIX)) {
        headers.remove(h.key());
        headers.add(h.key(), h.value());
      }
    }
    String message = DeadLetters.header(headers, DeadLetters.ERROR_MESSAGE);
    if (message != null && message.length() > MAX_MESSAGE_CHARS) {
      put(headers, DeadLetters.ERROR_MESSAGE, message.substring(0, MAX_MESSAGE_CHARS) + "...");
    }
    put(headers, DeadLetters.STUB, why.name());
    put(headers, DeadLetters.ORIGINAL_SIZE,
        originalSize != null ? originalSize : Integer.toString(length(letter.value())));
    byte[] key = letter.key() == null || letter.key().length <= MAX_KEY_BYTES
        ? letter.key()
        : Arrays.copyOf(letter.key(), MAX_KEY_BYTES);
    int room = cap - new Letter(key, null, headers).size();
    byte[] value = letter.value() == null
        ? null
        : Arrays.copyOf(letter.value(), Math.max(0, Math.min(letter.value().length, Math.min(valueAtMost, room))));
    return new Letter(key, value, headers);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }
}
